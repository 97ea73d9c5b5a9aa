import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build, type Metafile } from 'esbuild';
import { BUNDLED_FUNCTIONS, bundleFunctions, functionBuildOptions } from '../scripts/bundle-functions';

export const BUNDLE_GOAL_BYTES = 500 * 1024;
export const REQUIRE_GOAL_MS = 150;
export const REQUIRE_GOAL_RATIO = 3;

export interface BundleFigure {
  name: string;
  bytes: number;
  /** `require(index.js)` in a fresh Node process, one sample per process. */
  requireMs: number[];
  /** Biggest contributors (npm package or repository folder), from esbuild's metafile. */
  top: { what: string; bytes: number }[];
}

export interface BundlesResult {
  functions: BundleFigure[];
  bare: BundleFigure;
  dir: string;
}

/** Where a bundled input came from: its npm package, or its repository folder (two levels). */
const origin = (input: string) => {
  const m = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (m) return m[1];
  if (input.startsWith('scripts/bundle-shims/')) return 'scripts/bundle-shims';
  return input.includes(':') ? input : input.split('/').slice(0, 2).join('/');
};

function contributors(meta: Metafile): BundleFigure['top'] {
  const by = new Map<string, number>();
  for (const out of Object.values(meta.outputs)) for (const [file, v] of Object.entries(out.inputs)) by.set(origin(file), (by.get(origin(file)) ?? 0) + v.bytesInOutput);
  return [...by].map(([what, bytes]) => ({ what, bytes })).sort((a, b) => b.bytes - a.bytes);
}

/** One cold `require` in a fresh Node process, timed inside it (process start-up excluded). */
function coldRequire(file: string): Promise<number> {
  const script = `const t = process.hrtime.bigint(); require(${JSON.stringify(file)}); process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6));`;
  return new Promise((resolve, reject) =>
    execFile(process.execPath, ['-e', script], { cwd: path.dirname(file), env: { PATH: process.env.PATH ?? '' }, timeout: 20_000 }, (err, stdout, stderr) =>
      err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(Number(stdout)),
    ),
  );
}

/**
 * Every cloud-function bundle (built by this run with the options of `npm run build:functions`): its
 * size and its cold `require` time, against a bare zod handler bundled the same way and required in
 * the same run, in interleaved fresh processes so that machine noise hits every bundle alike.
 */
export async function measureBundles(dir: string, reps: number): Promise<BundlesResult> {
  const metas: Record<string, Metafile> = {};
  const sizes = await bundleFunctions(path.join(dir, 'functions'), metas);
  const bareDir = path.join(dir, 'bare');
  const bareBuild = await build({ ...functionBuildOptions('', bareDir), entryPoints: [path.join(__dirname, 'bare-handler.ts')], metafile: true });
  const bareFile = path.join(bareDir, 'index.js');
  const figures: BundleFigure[] = BUNDLED_FUNCTIONS.map((name) => ({ name, bytes: sizes[name], requireMs: [], top: contributors(metas[name]) }));
  const bare: BundleFigure = { name: 'bare zod handler', bytes: fs.statSync(bareFile).size, requireMs: [], top: contributors(bareBuild.metafile!) };
  const fileOf = (f: BundleFigure) => (f === bare ? bareFile : path.join(dir, 'functions', f.name, 'index.js'));
  for (let i = 0; i < reps; i++) for (const f of [bare, ...figures]) f.requireMs.push(await coldRequire(fileOf(f)));
  return { functions: figures, bare, dir };
}
