import path from 'node:path';
import fs from 'node:fs';
import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild';
import { FUNCTION_NAMES } from '../core/api/handlers';
import { bundleSizePlugin } from './bundle-plugins';

const ROOT = path.join(__dirname, '..');
/** Every deployed function: the handler-map functions, the `sla` timer and the `payNotify` HTTP endpoint. */
export const BUNDLED_FUNCTIONS = [...FUNCTION_NAMES, 'sla', 'payNotify'] as const;

/**
 * Modules a function loads on first use only, shipped as their own file beside its index.js: the bundle
 * requires `./<file>` instead of holding them, so a cold `require(index.js)` neither reads nor compiles
 * them. Every function's store (the MySQL adapter with Kysely and mysql2, about 300 KB): opened on the
 * first transaction (cloudfunctions/_runtime/openStore.ts), so a cold instance, and a call refused before
 * it reaches the store, never compile it; the store's migrations (with Kysely's Migrator), loaded by the
 * store only when one check statement finds it behind. The CloudBase SDK (@cloudbase/node-sdk, about 1 MB
 * bundled) of the functions that use cloud storage: only their storage calls (file.register, file.url,
 * an export) need it. exceljs for the functions that read or write workbooks.
 */
const STORE = { source: 'adapters/store/mysql.ts', file: 'store.js' };
const MIGRATIONS = { source: 'adapters/store/sql/migrations.ts', file: 'migrations.js' };
const CLOUD_STORAGE = { source: 'adapters/files/cloudbase.ts', file: 'cloudbase.js' };
const EXCELJS = { source: 'exceljs', file: 'exceljs.js' };
/** Beyond the store and its migrations (every function's): a repository file (path from the root) or an npm package (its name). */
const LAZY_EXTRA: Record<string, { source: string; file: string }[]> = {
  file: [CLOUD_STORAGE],
  // The household register import and export (adapters/spreadsheets/exceljs.ts requires exceljs on first
  // use); on CloudBase an export is stored in cloud storage (core/usecases/file/storeWorkbook.ts).
  setup: [EXCELJS, CLOUD_STORAGE],
  // The monthly report's export (report.export), the same way.
  report: [EXCELJS, CLOUD_STORAGE],
  // The cashier's day book export (cashier.exportDayBook), the same way.
  cashier: [EXCELJS, CLOUD_STORAGE],
};
export const lazyModules = (name: string) => [STORE, MIGRATIONS, ...(LAZY_EXTRA[name] ?? [])];
const isPackage = (source: string) => !source.includes('/') || source.startsWith('@');

/** Resolves each lazy module's import to the sibling file that holds it (external to the bundle). */
function lazyModulesPlugin(lazy: { source: string; file: string }[]): Plugin {
  return {
    name: 'lazy-modules',
    setup(b) {
      for (const l of lazy.filter((x) => isPackage(x.source)))
        b.onResolve({ filter: new RegExp(`^${l.source.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`) }, () => ({ path: `./${l.file}`, external: true }));
      b.onResolve({ filter: /^\.\.?\// }, (args) => {
        const target = path.relative(ROOT, path.resolve(args.resolveDir, args.path));
        const hit = lazy.find((l) => l.source.replace(/\.ts$/, '') === target.replace(/\.ts$/, ''));
        return hit ? { path: `./${hit.file}`, external: true } : undefined;
      });
    },
  };
}

/** How one function is bundled: one CommonJS file for Node 16+ (CloudBase's runtimes), nothing to install. */
export function functionBuildOptions(name: string, outDir: string, lazy = name ? lazyModules(name) : []): BuildOptions {
  return {
    entryPoints: [path.join(ROOT, 'cloudfunctions', name, 'index.ts')],
    outfile: path.join(outDir, 'index.js'),
    bundle: true,
    platform: 'node',
    target: 'node16',
    format: 'cjs',
    minify: true,
    // Chinese messages as UTF-8 (3 bytes a character) rather than \uXXXX escapes (6).
    charset: 'utf8',
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [lazyModulesPlugin(lazy), bundleSizePlugin],
  };
}

/**
 * Bundles each cloud function into one file for CloudBase (its dependency install refuses install
 * scripts, so everything ships inside the bundle): dist/functions/<name>/{index.js,package.json,config.json}.
 * `metafiles` (optional) receives esbuild's account of what each bundle holds (bench/bundles.ts).
 */
export async function bundleFunctions(outRoot = path.join(ROOT, 'dist', 'functions'), metafiles?: Record<string, Metafile>) {
  const sizes: Record<string, number> = {};
  for (const name of BUNDLED_FUNCTIONS) {
    const src = path.join(ROOT, 'cloudfunctions', name);
    const out = path.join(outRoot, name);
    fs.mkdirSync(out, { recursive: true });
    const result = await build({ ...functionBuildOptions(name, out), metafile: Boolean(metafiles) });
    if (metafiles && result.metafile) metafiles[name] = result.metafile;
    // Each lazy file holds its module alone: the others it uses (the store's migrations) stay beside it.
    for (const lazy of lazyModules(name))
      await build({
        ...functionBuildOptions('', out, lazyModules(name).filter((l) => l !== lazy)),
        entryPoints: [isPackage(lazy.source) ? require.resolve(lazy.source, { paths: [ROOT] }) : path.join(ROOT, lazy.source)],
        outfile: path.join(out, lazy.file),
      });
    for (const f of ['package.json', 'config.json']) fs.copyFileSync(path.join(src, f), path.join(out, f));
    sizes[name] = fs.statSync(path.join(out, 'index.js')).size;
  }
  return sizes;
}

if (require.main === module) {
  bundleFunctions().then((sizes) => {
    for (const [name, size] of Object.entries(sizes)) console.log(`dist/functions/${name}/index.js  ${(size / 1024).toFixed(1)} KB`);
  });
}
