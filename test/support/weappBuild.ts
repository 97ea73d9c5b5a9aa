/**
 * Reads the mini-program build (dist/weapp) for the package checks of the subpackage tests: app.json's
 * pages and subpackages, every file, which of them are in the main package, what a list weighs, and
 * which files hold a marker string (code that should stay in one package).
 */
import fs from 'node:fs';
import path from 'node:path';
import { DIST } from './weapp';

export const MB1 = 1024 * 1024;
export const MB2 = 2 * MB1;

export interface SubPackage {
  root: string;
  pages: string[];
}

export interface WeappBuild {
  app: { pages: string[]; subPackages?: SubPackage[]; subpackages?: SubPackage[] };
  /** The subpackages, each root without a trailing slash. */
  subs: SubPackage[];
  /** Every file of the build, relative to dist/weapp with forward slashes. */
  all: string[];
  /** The main package's files: in no subpackage (project.config.json is not shipped). */
  main: string[];
  /** The subpackage with that root, if declared. */
  sub(root: string): SubPackage | undefined;
  /** The files under `root/`. */
  under(root: string): string[];
  /** Bytes of the listed files. */
  size(list: string[]): number;
  /** Those of the listed files (of the given kinds) that contain any of the markers. */
  holding(list: string[], markers: string[], kinds?: RegExp): string[];
}

function files(dir: string, base = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    return d.isDirectory() ? files(full, base) : [path.relative(base, full).split(path.sep).join('/')];
  });
}

/** Reads dist/weapp; fails with what to do when the mini-program is not built. */
export function readWeappBuild(): WeappBuild {
  if (!fs.existsSync(path.join(DIST, 'app.json'))) throw new Error(`${DIST}/app.json is missing: build the mini-program first (npx taro build --type weapp)`);
  const app = JSON.parse(fs.readFileSync(path.join(DIST, 'app.json'), 'utf8')) as WeappBuild['app'];
  const subs = (app.subPackages ?? app.subpackages ?? []).map((s) => ({ ...s, root: s.root.replace(/\/$/, '') }));
  const all = files(DIST);
  const inSub = (f: string) => subs.some((s) => f.startsWith(`${s.root}/`));
  const read = (f: string) => fs.readFileSync(path.join(DIST, f), 'utf8');
  return {
    app,
    subs,
    all,
    main: all.filter((f) => !inSub(f) && f !== 'project.config.json'),
    sub: (root) => subs.find((s) => s.root === root),
    under: (root) => all.filter((f) => f.startsWith(`${root}/`)),
    size: (list) => list.reduce((n, f) => n + fs.statSync(path.join(DIST, f)).size, 0),
    holding: (list, markers, kinds = /\.(js|wxss|wxml)$/) => list.filter((f) => kinds.test(f) && markers.some((m) => read(f).includes(m))),
  };
}
