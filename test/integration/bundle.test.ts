import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleFunctions } from '../../scripts/bundle-functions';
import { FUNCTION_NAMES } from '../../core/api/handlers';

it('every cloud function bundles into one self-contained file with its config, without the local-only modules', async () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'wuye-fn-'));
  const sizes = await bundleFunctions(out);
  expect(Object.keys(sizes).sort()).toEqual([...FUNCTION_NAMES, 'sla'].sort());
  for (const name of [...FUNCTION_NAMES, 'sla']) {
    const js = fs.readFileSync(path.join(out, name, 'index.js'), 'utf8');
    expect(js).not.toMatch(/better-sqlite3|busboy|require\("kysely"\)|require\("zod"\)/);
    const mod = require(path.join(out, name, 'index.js')) as { main: (e: unknown, c: unknown) => Promise<unknown> };
    expect(typeof mod.main).toBe('function');
    expect(JSON.parse(fs.readFileSync(path.join(out, name, 'config.json'), 'utf8')).timeout).toBeLessThanOrEqual(60);
  }
  fs.rmSync(out, { recursive: true, force: true });
});
