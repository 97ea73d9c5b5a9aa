import { percentile } from './load';
import { BUNDLE_GOAL_BYTES, REQUIRE_GOAL_MS, REQUIRE_GOAL_RATIO, measureBundles } from './bundles';
import { fmt, table } from './table';

/** The bench section on the cloud-function bundles (bench/README.md §5). */
export async function bundlesReport(dir: string, reps: number, say: (s: string) => void): Promise<string[]> {
  say(`bundling the cloud functions and timing ${reps} cold requires of each…`);
  const r = await measureBundles(dir, reps);
  const p50 = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 50);
  const bare = p50(r.bare.requireMs);
  const rows = r.functions.map((f) => {
    const ms = p50(f.requireMs);
    const missed = [f.bytes > BUNDLE_GOAL_BYTES ? 'size' : '', ms > REQUIRE_GOAL_MS ? 'ms' : '', ms > REQUIRE_GOAL_RATIO * bare ? '× bare' : ''].filter(Boolean);
    const status = missed.length ? `NOT MET (${missed.join(', ')})` : 'MET';
    return [f.name, fmt.kb(f.bytes), f.lazyBytes ? fmt.kb(f.lazyBytes) : '', fmt.pct(f.bytes / BUNDLE_GOAL_BYTES), fmt.ms(ms), fmt.ms(Math.max(...f.requireMs)), fmt.ratio(ms / bare), fmt.ms(p50(f.firstCallMs)), status];
  });
  rows.push([r.bare.name, fmt.kb(r.bare.bytes), '', fmt.pct(r.bare.bytes / BUNDLE_GOAL_BYTES), fmt.ms(bare), fmt.ms(Math.max(...r.bare.requireMs)), '1.00×', fmt.ms(p50(r.bare.firstCallMs)), '(floor)']);
  const biggest = [...r.functions].sort((a, b) => b.bytes - a.bytes)[0];
  return [
    '',
    `Cloud-function bundles (esbuild, as \`npm run build:functions\`): size, and cold \`require(index.js)\` in a fresh Node process (${reps} interleaved processes each, p50 and max); ` +
      `goal ≤ ${fmt.kb(BUNDLE_GOAL_BYTES)}, ≤ ${REQUIRE_GOAL_MS} ms and ≤ ${REQUIRE_GOAL_RATIO}× the bare zod handler`,
    table(['bundle', 'index.js', 'beside it, loaded on first use', 'index.js vs 500 KB goal', 'require p50', 'require max', 'vs bare zod handler', 'require + first call p50', 'status'], rows),
    `largest (${biggest.name}) by origin: ${biggest.top
      .slice(0, 8)
      .map((t) => `${t.what} ${fmt.kb(t.bytes)}`)
      .join(', ')}. Beside index.js: store.js (the store adapter with Kysely and mysql2, imported on the first transaction, not by require), migrations.js (the migrations and Kysely's Migrator, ` +
      `loaded only when the one-statement check at open finds the store behind), cloudbase.js for file, report and setup (@cloudbase/node-sdk, loaded on the first storage call), exceljs.js for report and setup: ` +
      `"require + first call" adds one call that needs the store, against a closed loopback port (modules loaded, connection refused at once; no database time).`,
  ];
}
