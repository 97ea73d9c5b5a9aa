import path from 'node:path';
import fs from 'node:fs';
import { build } from 'esbuild';
import { FUNCTION_NAMES } from '../core/api/handlers';

/**
 * Bundles each cloud function into one file for CloudBase (its dependency install refuses install
 * scripts, so everything ships inside the bundle): dist/functions/<name>/{index.js,package.json,config.json}.
 */
export async function bundleFunctions(outRoot = path.join(__dirname, '..', 'dist', 'functions')) {
  const sizes: Record<string, number> = {};
  for (const name of [...FUNCTION_NAMES, 'sla']) {
    const src = path.join(__dirname, '..', 'cloudfunctions', name);
    const out = path.join(outRoot, name);
    fs.mkdirSync(out, { recursive: true });
    await build({
      entryPoints: [path.join(src, 'index.ts')],
      outfile: path.join(out, 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      minify: true,
      sourcemap: false,
      legalComments: 'none',
      logLevel: 'warning',
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
