import { cloudDepsFromEnv, lazyStore } from './cloudbase';
import { paymentsFromEnv } from '../../adapters/payments/wechatpay/config';
import { describeEnvProblems, parseFunctionEnv } from './env';
import type { Logger } from '../../core/ports/runtime';
import type { Store } from '../../core/ports/store';
import { generateKeyPairSync } from 'node:crypto';

const DB_URL = 'mysql://wuye:pw-for-test@10.0.0.8:3306/wuye';
const APPID = 'wx0123456789abcdef';
const SECRET = 'a-secret-of-thirty-two-characters';

describe('function environment (cloudfunctions/_runtime/env.ts)', () => {
  it('takes a complete configuration, with defaults for what is optional', () => {
    const r = parseFunctionEnv({ DB_URL, WECHAT_APPID: APPID, WECHAT_APPSECRET: SECRET, UNRELATED: 'x' });
    expect(r).toEqual({ ok: true, env: expect.objectContaining({ DB_URL, DB_POOL_SIZE: 2, WECHAT_APPID: APPID, WECHAT_API_BASE: 'https://api.weixin.qq.com' }) });
    expect(parseFunctionEnv({ DB_URL, DB_POOL_SIZE: '1' })).toMatchObject({ ok: true, env: { DB_POOL_SIZE: 1 } });
  });

  it('names what is missing or invalid, never a value; an empty variable counts as unset', () => {
    expect(parseFunctionEnv({})).toEqual({ ok: false, missing: ['DB_URL'], invalid: [] });
    expect(parseFunctionEnv({ DB_URL: '' })).toEqual({ ok: false, missing: ['DB_URL'], invalid: [] });
    const bad = parseFunctionEnv({ DB_URL: 'postgres://admin:S3cret@db/wuye', DB_POOL_SIZE: '8', WECOM_ROBOT_WEBHOOK: 'not a url' });
    expect(bad).toEqual({ ok: false, missing: [], invalid: ['DB_URL', 'DB_POOL_SIZE', 'WECOM_ROBOT_WEBHOOK'] });
    expect(describeEnvProblems(bad as never)).toBe('invalid DB_URL, DB_POOL_SIZE, WECOM_ROBOT_WEBHOOK');
    expect(JSON.stringify(bad)).not.toContain('S3cret');
    for (const url of ['mysql://h', 'mysql://u:p@/db', 'mysql://u:p@h:3306/a/b', 'http://u:p@h/db']) expect(parseFunctionEnv({ DB_URL: url }).ok).toBe(false);
  });

  it('half a WeChat configuration is refused by the name of the half that is missing', () => {
    expect(parseFunctionEnv({ DB_URL, WECHAT_APPID: APPID })).toEqual({ ok: false, missing: ['WECHAT_APPSECRET'], invalid: [] });
    expect(parseFunctionEnv({ DB_URL, WECHAT_APPSECRET: SECRET })).toEqual({ ok: false, missing: ['WECHAT_APPID'], invalid: [] });
    expect(parseFunctionEnv({ DB_URL, WECHAT_APPID: 'not-an-appid', WECHAT_APPSECRET: SECRET })).toEqual({ ok: false, missing: [], invalid: ['WECHAT_APPID'] });
  });
});

describe('CloudBase bootstrap (cloudfunctions/_runtime/cloudbase.ts)', () => {
  const logged: string[] = [];
  const log: Logger = { info: () => undefined, warn: () => undefined, error: (obj, msg) => logged.push(JSON.stringify({ ...obj, msg })) };
  beforeEach(() => (logged.length = 0));
  const fakeStore = (): Store & { opened: number } => {
    const s = { opened: 0, transaction: async <T>(fn: (tx: never) => Promise<T>) => fn(undefined as never), dueWork: async () => ({}) as never, close: async () => undefined };
    return s;
  };

  it('missing configuration: logged once by name, every transaction refused with the reason, the store never opened', async () => {
    const open = jest.fn();
    const deps = cloudDepsFromEnv({ DB_URL: 'mysql://x' }, open, log);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/"invalid":\["DB_URL"\].*function configuration invalid DB_URL/);
    expect(logged[0]).not.toContain('mysql://x');
    await expect(deps.store.transaction(async () => 1)).rejects.toThrow('function configuration invalid DB_URL');
    await expect(deps.store.transaction(async () => 1)).rejects.toMatchObject({ name: 'ConfigurationError', stack: 'ConfigurationError: function configuration invalid DB_URL' });
    expect(open).not.toHaveBeenCalled();
  });

  it('a complete configuration opens the store on the first transaction only, once for every later call', async () => {
    const store = fakeStore();
    const open = jest.fn(async () => store);
    const deps = cloudDepsFromEnv({ DB_URL, DB_POOL_SIZE: '1' }, open, log);
    expect(open).not.toHaveBeenCalled();
    expect(deps.phone).toBeUndefined();
    await Promise.all([deps.store.transaction(async () => 1), deps.store.transaction(async () => 2)]);
    await deps.store.transaction(async () => 3);
    expect(open).toHaveBeenCalledTimes(1);
    expect(open).toHaveBeenCalledWith(expect.objectContaining({ DB_URL, DB_POOL_SIZE: 1 }), log);
    expect(logged).toEqual([]);
    expect(cloudDepsFromEnv({ DB_URL, WECHAT_APPID: APPID, WECHAT_APPSECRET: SECRET }, open, log).phone).toBeDefined();
  });

  it('cloud storage (the file function): CLOUDBASE_ENV_ID, else the environment CloudBase runs the function in; never for the other functions', () => {
    const open = jest.fn(async () => fakeStore());
    const storage = jest.fn((envId: string) => ({ envId, inspect: async () => undefined, read: async () => undefined, urlOf: async () => undefined }));
    expect(cloudDepsFromEnv({ DB_URL, CLOUDBASE_ENV_ID: 'prod-1a2b3c', TCB_ENV: 'other-env' }, open, log, storage).cloud?.envId).toBe('prod-1a2b3c');
    expect(cloudDepsFromEnv({ DB_URL, TCB_ENV: 'prod-4d5e6f' }, open, log, storage).cloud?.envId).toBe('prod-4d5e6f');
    expect(cloudDepsFromEnv({ DB_URL, CLOUDBASE_ENV_ID: 'prod-1a2b3c' }, open, log).cloud).toBeUndefined();
    expect(logged).toEqual([]);
    // No environment at all: no storage (file.* answer INTERNAL), and the log names the variable.
    expect(cloudDepsFromEnv({ DB_URL }, open, log, storage).cloud).toBeUndefined();
    expect(JSON.stringify(logged)).toContain('CLOUDBASE_ENV_ID');
    expect(storage.mock.calls).toEqual([['prod-1a2b3c'], ['prod-4d5e6f']]);
  });

  it('a failed open is not remembered: the next call opens again', async () => {
    let calls = 0;
    const store = lazyStore(async () => {
      if (++calls === 1) throw new Error('connect ECONNREFUSED 10.0.0.8:3306');
      return fakeStore();
    });
    await expect(store.transaction(async () => 1)).rejects.toThrow('ECONNREFUSED');
    await expect(store.transaction(async () => 2)).resolves.toBe(2);
    await expect(store.transaction(async () => 3)).resolves.toBe(3);
    expect(calls).toBe(2);
  });

  it('WeChat Pay: a complete WXPAY_* set gives the function its payments; half a set is logged by name and refuses the store', async () => {
    const open = jest.fn(async () => fakeStore());
    const merchant = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const wxpay = {
      WXPAY_MCHID: '1900000109',
      WXPAY_APPID: 'wxd678efh567hg6787',
      WXPAY_SERIAL: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
      WXPAY_PRIVATE_KEY: merchant.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString().replace(/\n/g, '\\n'),
      WXPAY_APIV3_KEY: 'an-apiv3-key-of-32-bytes-0123456',
      WXPAY_PUBLIC_KEY_ID: 'PUB_KEY_ID_0114232134912410000000000000000001',
      WXPAY_PUBLIC_KEY: merchant.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      WXPAY_NOTIFY_URL: 'https://wuye.example.com/pay/notify',
    };
    expect(parseFunctionEnv({ DB_URL, ...wxpay }).ok).toBe(true);
    const deps = cloudDepsFromEnv({ DB_URL, ...wxpay }, open, log, undefined, paymentsFromEnv);
    expect(deps.payments).toMatchObject({ mchid: '1900000109', appid: 'wxd678efh567hg6787' });
    expect(cloudDepsFromEnv({ DB_URL }, open, log, undefined, paymentsFromEnv).payments).toBeUndefined();
    expect(logged).toEqual([]);
    const half = cloudDepsFromEnv({ DB_URL, WXPAY_MCHID: '1900000109', WXPAY_APIV3_KEY: wxpay.WXPAY_APIV3_KEY }, open, log, undefined, paymentsFromEnv);
    expect(half.payments).toBeUndefined();
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/WeChat Pay configuration invalid: WXPAY_APPID, WXPAY_SERIAL, WXPAY_PRIVATE_KEY, WXPAY_NOTIFY_URL/);
    expect(logged[0]).not.toContain(wxpay.WXPAY_APIV3_KEY);
    await expect(half.store.transaction(async () => 1)).rejects.toThrow('WeChat Pay configuration invalid');
    // A function that neither pays nor settles (case, workbench…) does not bring WeChat Pay along: its settings are not its concern.
    expect(cloudDepsFromEnv({ DB_URL, ...wxpay }, open, log).payments).toBeUndefined();
  });
});
