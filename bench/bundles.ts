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
  /** The files beside index.js that it loads on first use only (scripts/bundle-functions.ts lazyModules). */
  lazyBytes: number;
  /** `require(index.js)` in a fresh Node process, one sample per process. */
  requireMs: number[];
  /**
   * From the same process: require plus one call that needs the store, with DB_URL naming a closed
   * loopback port — the store modules (Kysely, mysql2) are loaded and the connection refused at once.
   */
  firstCallMs: number[];
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

/** A call of each bundle that needs the store (the sla bundle's is its timer). */
export const STORE_CALL: Record<string, unknown> = {
  account: { action: 'me' },
  case: { action: 'list' },
  workbench: { action: 'queue' },
  report: { action: 'monthly', month: '2026-11' },
  message: { action: 'list' },
  setup: { action: 'exportHouseholds' },
  sla: { Type: 'Timer', TriggerName: 'sweep', Time: '2026-11-24T02:31:00Z' },
};

/** One cold `require` in a fresh Node process, then one call, timed inside it (process start-up excluded). */
function coldStart(file: string, event: unknown): Promise<{ requireMs: number; firstCallMs: number }> {
  const script =
    `const ms = (t) => Number(process.hrtime.bigint() - t) / 1e6; console.error = () => undefined; const t = process.hrtime.bigint(); ` +
    `const { main } = require(${JSON.stringify(file)}); const r = ms(t); ` +
    `Promise.resolve(main(${JSON.stringify(event)}, { environment: JSON.stringify({ WX_OPENID: 'o_bench' }) })).then(() => { process.stdout.write(JSON.stringify({ requireMs: r, firstCallMs: ms(t) })); process.exit(0); });`;
  return new Promise((resolve, reject) =>
    execFile(
      process.execPath,
      ['-e', script],
      { cwd: path.dirname(file), env: { PATH: process.env.PATH ?? '', DB_URL: 'mysql://bench:bench@127.0.0.1:1/bench' }, timeout: 20_000 },
      (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(JSON.parse(stdout))),
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
  const lazyBytes = (name: string) =>
    fs.readdirSync(path.join(dir, 'functions', name)).filter((f) => f.endsWith('.js') && f !== 'index.js').reduce((a, f) => a + fs.statSync(path.join(dir, 'functions', name, f)).size, 0);
  const figures: BundleFigure[] = BUNDLED_FUNCTIONS.map((name) => ({ name, bytes: sizes[name], lazyBytes: lazyBytes(name), requireMs: [], firstCallMs: [], top: contributors(metas[name]) }));
  const bare: BundleFigure = { name: 'bare zod handler', bytes: fs.statSync(bareFile).size, lazyBytes: 0, requireMs: [], firstCallMs: [], top: contributors(bareBuild.metafile!) };
  const fileOf = (f: BundleFigure) => (f === bare ? bareFile : path.join(dir, 'functions', f.name, 'index.js'));
  for (let i = 0; i < reps; i++)
    for (const f of [bare, ...figures]) {
      const t = await coldStart(fileOf(f), f === bare ? { action: 'submit' } : STORE_CALL[f.name]);
      f.requireMs.push(t.requireMs);
      f.firstCallMs.push(t.firstCallMs);
    }
  return { functions: figures, bare, dir };
}
