import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { BUNDLED_FUNCTIONS, functionBuildOptions } from '../scripts/bundle-functions';
import { STORE_CALL } from './bundles';

/**
 * Two builds of the cloud functions side by side in ONE run (e.g. main's and a branch's, each written by
 * `bundleFunctions(dir)`), timed as bench/bundles.ts times them — fresh processes, interleaved, p50 —
 * so a loaded host hits both alike. `file` starts each process on a script file, as CloudBase's runtime
 * does (`node -e`, the bench's way, preloads node:crypto).
 *   npx tsx bench/compareBundles.ts <before dir> <after dir> [reps=9] [eval|file]
 */
const [beforeDir, afterDir, repsArg = '9', mode = 'eval'] = process.argv.slice(2);
const reps = Number(repsArg);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'wuye-compare-'));

function cold(file: string, event: unknown): Promise<{ requireMs: number; firstCallMs: number }> {
  const script =
    `const ms = (t) => Number(process.hrtime.bigint() - t) / 1e6; console.error = () => undefined; const t = process.hrtime.bigint(); ` +
    `const { main } = require(${JSON.stringify(file)}); const r = ms(t); ` +
    `Promise.resolve(main(${JSON.stringify(event)}, { environment: JSON.stringify({ WX_OPENID: 'o_bench' }) })).then(() => { process.stdout.write(JSON.stringify({ requireMs: r, firstCallMs: ms(t) })); process.exit(0); });`;
  const probe = path.join(work, 'probe.js');
  fs.writeFileSync(probe, script);
  return new Promise((resolve, reject) =>
    execFile(
      process.execPath,
      mode === 'file' ? [probe] : ['-e', script],
      { cwd: path.dirname(file), env: { PATH: process.env.PATH ?? '', DB_URL: 'mysql://bench:bench@127.0.0.1:1/bench' }, timeout: 30_000 },
      (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(JSON.parse(stdout))),
    ),
  );
}

const p50 = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1];

(async () => {
  await build({ ...functionBuildOptions('', path.join(work, 'bare')), entryPoints: [path.join(__dirname, 'bare-handler.ts')] });
  const rows = [
    { name: 'bare', file: path.join(work, 'bare', 'index.js'), event: { action: 'submit' } as unknown },
    ...BUNDLED_FUNCTIONS.flatMap((n) => [beforeDir, afterDir].map((d) => ({ name: `${n}@${d}`, file: path.join(d, n, 'index.js'), event: STORE_CALL[n] }))),
  ];
  const times = new Map(rows.map((r) => [r.name, { req: [] as number[], first: [] as number[] }]));
  for (let i = 0; i < reps; i++)
    for (const r of rows) {
      const t = await cold(r.file, r.event);
      times.get(r.name)!.req.push(t.requireMs);
      times.get(r.name)!.first.push(t.firstCallMs);
    }
  const bare = p50(times.get('bare')!.req);
  console.log(`bare zod handler: require p50 ${bare.toFixed(1)} ms (${reps} processes each, started with ${mode === 'file' ? 'a script file' : 'node -e'})`);
  for (const n of BUNDLED_FUNCTIONS) {
    const [b, a] = [times.get(`${n}@${beforeDir}`)!, times.get(`${n}@${afterDir}`)!];
    console.log(
      `${n.padEnd(11)} require p50 ${p50(b.req).toFixed(1).padStart(6)} → ${p50(a.req).toFixed(1).padStart(6)} ms, ` +
        `${(p50(b.req) / bare).toFixed(2)}× → ${(p50(a.req) / bare).toFixed(2)}× bare; require + first call ${p50(b.first).toFixed(0)} → ${p50(a.first).toFixed(0)} ms`,
    );
  }
  fs.rmSync(work, { recursive: true, force: true });
})();
