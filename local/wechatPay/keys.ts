import fs from 'node:fs';
import path from 'node:path';
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, randomInt, type KeyObject } from 'node:crypto';

/**
 * The local stand-in's key material, generated at first use into `DATA_DIR/wechatpay/sandbox-keys.json`
 * (never committed: DATA_DIR is git-ignored) and kept across restarts: the merchant's API key pair (the
 * product signs with the private half; the stand-in, playing WeChat Pay, checks with the public half),
 * WeChat Pay's own key pair under a `PUB_KEY_ID_0114…` id (public-key mode) and the APIv3 key.
 * Locally only public-key mode is played; platform certificates are covered by the adapter's unit tests.
 */
export interface SandboxKeys {
  mchid: string;
  appid: string;
  merchantSerial: string;
  merchantPrivateKey: KeyObject;
  merchantPublicKey: KeyObject;
  publicKeyId: string;
  wechatPrivateKey: KeyObject;
  wechatPublicKeyPem: string;
  apiV3Key: Buffer;
}

interface Stored {
  mchid: string;
  appid: string;
  merchantSerial: string;
  merchantPrivateKey: string;
  publicKeyId: string;
  wechatPrivateKey: string;
  apiV3Key: string;
}

/** The sandbox merchant: WeChat's documentation example ids (never a real merchant). */
export const SANDBOX_MCHID = '1900000109';
export const SANDBOX_APPID = 'wxd678efh567hg6787';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function generate(): Stored {
  const pem = () => generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const digits = Array.from({ length: 28 }, () => randomInt(10)).join('');
  return {
    mchid: SANDBOX_MCHID,
    appid: SANDBOX_APPID,
    merchantSerial: randomBytes(20).toString('hex').toUpperCase(),
    merchantPrivateKey: pem(),
    publicKeyId: `PUB_KEY_ID_0114${digits}`,
    wechatPrivateKey: pem(),
    apiV3Key: Array.from({ length: 32 }, () => ALNUM[randomInt(62)]).join(''),
  };
}

/**
 * Reads the sandbox keys, generating them on the first call. Two processes on one DATA_DIR agree: the
 * file appears whole through a hard link (which fails if another process linked first; then its keys win).
 */
export function loadSandboxKeys(dataDir: string): SandboxKeys {
  const dir = path.join(dataDir, 'wechatpay');
  const file = path.join(dir, 'sandbox-keys.json');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    fs.writeFileSync(tmp, JSON.stringify(generate(), null, 2), { mode: 0o600 });
    try {
      fs.linkSync(tmp, file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  }
  const s = JSON.parse(fs.readFileSync(file, 'utf8')) as Stored;
  const merchantPrivateKey = createPrivateKey(s.merchantPrivateKey);
  const wechatPrivateKey = createPrivateKey(s.wechatPrivateKey);
  return {
    mchid: s.mchid,
    appid: s.appid,
    merchantSerial: s.merchantSerial,
    merchantPrivateKey,
    merchantPublicKey: createPublicKey(merchantPrivateKey),
    publicKeyId: s.publicKeyId,
    wechatPrivateKey,
    wechatPublicKeyPem: createPublicKey(wechatPrivateKey).export({ type: 'spki', format: 'pem' }).toString(),
    apiV3Key: Buffer.from(s.apiV3Key, 'utf8'),
  };
}
