import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPublicKey } from 'node:crypto';
import { loadSandboxKeys } from './keys';

describe('the local stand-in for WeChat Pay: its keys', () => {
  it('are generated into DATA_DIR/wechatpay at first use (owner-only file), kept across restarts, and fit together', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wxpay-keys-'));
    try {
      const a = loadSandboxKeys(dir);
      const file = path.join(dir, 'wechatpay', 'sandbox-keys.json');
      expect(fs.statSync(file).mode & 0o077).toBe(0);
      expect(fs.readdirSync(path.join(dir, 'wechatpay'))).toEqual(['sandbox-keys.json']);
      expect(a.publicKeyId).toMatch(/^PUB_KEY_ID_0114\d{28}$/);
      expect(a.merchantSerial).toMatch(/^[0-9A-F]{40}$/);
      expect(a.apiV3Key.length).toBe(32);
      expect(a.merchantPublicKey.export({ type: 'spki', format: 'pem' })).toEqual(createPublicKey(a.merchantPrivateKey).export({ type: 'spki', format: 'pem' }));
      expect(a.wechatPublicKeyPem).toBe(createPublicKey(a.wechatPrivateKey).export({ type: 'spki', format: 'pem' }).toString());
      const b = loadSandboxKeys(dir);
      expect({ id: b.publicKeyId, serial: b.merchantSerial, key: b.apiV3Key.toString() }).toEqual({ id: a.publicKeyId, serial: a.merchantSerial, key: a.apiV3Key.toString() });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
