import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BUNDLED_FUNCTIONS, bundleFunctions } from '../../scripts/bundle-functions';

/**
 * What a cold instance does at `require(index.js)` is paid before its first call (bench/README.md §5).
 * Node's crypto modules are not among it: ids, hashes, signatures and decryptions require node:crypto
 * on first use (adapters/platform/nodeCrypto.ts). Checked in a plain Node process started on a script
 * FILE, as CloudBase's runtime starts: `node -e` preloads crypto, a file does not.
 */
const PROBE = `
const loaded = () => new Set(process.moduleLoadList);
const before = loaded();
require(process.argv[2]);
const added = [...loaded()].filter((m) => !before.has(m) && /^NativeModule /.test(m)).map((m) => m.slice('NativeModule '.length));
process.stdout.write(JSON.stringify(added));
`;

describe('a bundle loads no Node crypto at require', () => {
  let out = '';
  let probe = '';
  beforeAll(async () => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'wuye-cold-'));
    probe = path.join(out, 'probe.js');
    fs.writeFileSync(probe, PROBE);
    await bundleFunctions(out);
  }, 60_000);
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  const builtinsLoadedBy = (file: string) =>
    new Promise<string[]>((resolve, reject) =>
      execFile(process.execPath, [probe, file], { cwd: os.tmpdir(), env: { PATH: process.env.PATH ?? '' } }, (err, stdout, stderr) =>
        err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(JSON.parse(stdout) as string[]),
      ),
    );

  it('the probe sees crypto when a script requires it', async () => {
    const file = path.join(out, 'usesCrypto.js');
    fs.writeFileSync(file, 'require("node:crypto");');
    expect(await builtinsLoadedBy(file)).toContain('crypto');
  });

  it.each(BUNDLED_FUNCTIONS)('requiring %s/index.js loads no node:crypto', async (name) => {
    const added = await builtinsLoadedBy(path.join(out, name, 'index.js'));
    expect(added.filter((m) => m === 'crypto' || m.startsWith('internal/crypto/'))).toEqual([]);
  });
});
