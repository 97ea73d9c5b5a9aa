import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { wechatPhoneVerifier } from './phoneNumber';
import { stableTokenSource } from './stableToken';
import { phoneVerifierFromEnv } from './config';

/**
 * The WeChat phone-number adapter against a local fake of WeChat's servers that speaks the same JSON:
 * `POST /cgi-bin/stable_token` and `POST /wxa/business/getuserphonenumber?access_token=…`.
 */
const APPID = 'wx1234567890abcdef';
const SECRET = 'secret-0123456789abcdef0123456789';

interface Fake {
  url: string;
  tokenCalls: { grant_type: string; appid: string; secret: string; force_refresh?: boolean }[];
  phoneCalls: { token: string | null; code: string }[];
  /** Tokens the fake refuses with 40001 (as after a refresh elsewhere). */
  refused: Set<string>;
  /** Per code: what the phone API answers. */
  answers: Map<string, () => { status?: number; body: unknown } | 'hang'>;
  close(): Promise<void>;
}

async function fakeWeChat(): Promise<Fake> {
  let issued = 0;
  const fake = { tokenCalls: [], phoneCalls: [], refused: new Set<string>(), answers: new Map() } as unknown as Fake;
  const server = http.createServer(async (req, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const body = JSON.parse(raw || '{}');
    const url = new URL(req.url!, 'http://x');
    const send = (status: number, data: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(data));
    };
    if (req.method === 'POST' && url.pathname === '/cgi-bin/stable_token') {
      fake.tokenCalls.push(body);
      if (body.grant_type !== 'client_credential' || body.appid !== APPID) return send(200, { errcode: 40013, errmsg: 'invalid appid' });
      if (body.secret !== SECRET) return send(200, { errcode: 40125, errmsg: 'invalid appsecret' });
      return send(200, { access_token: `TOKEN-${++issued}`, expires_in: 7200 });
    }
    if (req.method === 'POST' && url.pathname === '/wxa/business/getuserphonenumber') {
      const token = url.searchParams.get('access_token');
      fake.phoneCalls.push({ token, code: body.code });
      if (!token || fake.refused.has(token)) return send(200, { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' });
      const answer = fake.answers.get(body.code)?.();
      if (answer === 'hang') return; // never answers
      if (!answer) return send(200, { errcode: 40029, errmsg: 'invalid code hint: [fake]' });
      return send(answer.status ?? 200, answer.body);
    }
    send(404, { errcode: 404, errmsg: 'not found' });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () =>
    new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    });
  return fake;
}

const ok = (pure: string, countryCode: string | number = '86', appid = APPID) => () => ({
  body: {
    errcode: 0,
    errmsg: 'ok',
    phone_info: { phoneNumber: countryCode === '86' ? pure : `+${countryCode} ${pure}`, purePhoneNumber: pure, countryCode, watermark: { appid, timestamp: 1764640000 } },
  },
});

/** A one-time code as WeChat treats it: the first exchange answers, later ones are 40029. */
const once = (answer: () => { body: unknown }) => {
  let used = false;
  return () => {
    if (used) return { body: { errcode: 40029, errmsg: 'invalid code hint: [used]' } };
    used = true;
    return answer();
  };
};

let fake: Fake;
let now: number;
const clock = { now: () => now };
const logs: unknown[] = [];
const log = { info: (o: object, m?: string) => void logs.push([o, m]), warn: (o: object, m?: string) => void logs.push([o, m]), error: (o: object, m?: string) => void logs.push([o, m]) };

const verifier = (timeoutMs = 2000) =>
  wechatPhoneVerifier({ appid: APPID, baseUrl: fake.url, log, timeoutMs, tokens: stableTokenSource({ appid: APPID, secret: SECRET, baseUrl: fake.url, clock, timeoutMs }) });

beforeEach(async () => {
  fake = await fakeWeChat();
  now = Date.parse('2026-12-02T10:00:00+08:00');
  logs.length = 0;
});
afterEach(() => fake.close());

describe('WeChat phone-number adapter (against a fake WeChat server)', () => {
  it('[R-ACC-1] exchanges a getPhoneNumber code for the 11-digit phone, once; the stable token is fetched once and reused', async () => {
    fake.answers.set('code-a', once(ok('13800005678')));
    fake.answers.set('code-b', once(ok('13800001101', 86)));
    const v = verifier();
    expect(await v.exchange('code-a')).toEqual({ ok: true, phone: '13800005678' });
    expect(await v.exchange('code-b')).toEqual({ ok: true, phone: '13800001101' });
    // A code exchanges once: WeChat answers 40029 the second time.
    expect(await v.exchange('code-a')).toEqual({ ok: false, reason: 'invalid' });
    expect(fake.tokenCalls).toEqual([{ grant_type: 'client_credential', appid: APPID, secret: SECRET }]);
    expect(fake.phoneCalls).toEqual([
      { token: 'TOKEN-1', code: 'code-a' },
      { token: 'TOKEN-1', code: 'code-b' },
      { token: 'TOKEN-1', code: 'code-a' },
    ]);
  });

  it('[R-ACC-1] errcode 40029 (invalid, expired or used code) is "invalid"; -1 (busy), 45011 (quota) and HTTP errors are "unavailable"', async () => {
    fake.answers.set('busy', () => ({ body: { errcode: -1, errmsg: 'system error' } }));
    fake.answers.set('quota', () => ({ body: { errcode: 45011, errmsg: 'api minute-quota reach limit' } }));
    fake.answers.set('http500', () => ({ status: 502, body: { errcode: 0 } }));
    fake.answers.set('no-info', () => ({ body: { errcode: 0, errmsg: 'ok' } }));
    const v = verifier();
    expect(await v.exchange('never-issued')).toEqual({ ok: false, reason: 'invalid' });
    expect(await v.exchange('busy')).toEqual({ ok: false, reason: 'unavailable' });
    expect(await v.exchange('quota')).toEqual({ ok: false, reason: 'unavailable' });
    expect(await v.exchange('http500')).toEqual({ ok: false, reason: 'unavailable' });
    expect(await v.exchange('no-info')).toEqual({ ok: false, reason: 'unavailable' });
  });

  it("[R-ACC-1] a phone whose watermark names another mini-program is refused; a foreign number keeps its country code and matches no register entry", async () => {
    fake.answers.set('other-app', ok('13800001101', '86', 'wx0000000000000000'));
    fake.answers.set('foreign', ok('4155550123', '1'));
    const v = verifier();
    expect(await v.exchange('other-app')).toEqual({ ok: false, reason: 'invalid' });
    expect(await v.exchange('foreign')).toEqual({ ok: true, phone: '+14155550123' });
  });

  it('a refused token (40001) is dropped and the exchange tried once more with a new one; a token is fetched again when it expires', async () => {
    fake.answers.set('c1', ok('13800005678'));
    const v = verifier();
    await v.exchange('c1');
    fake.refused.add('TOKEN-1');
    expect(await v.exchange('c1')).toEqual({ ok: true, phone: '13800005678' });
    expect(fake.phoneCalls.map((c) => c.token)).toEqual(['TOKEN-1', 'TOKEN-1', 'TOKEN-2']);
    // A second refusal in a row is not retried forever.
    fake.refused.add('TOKEN-2');
    fake.refused.add('TOKEN-3');
    expect(await v.exchange('c1')).toEqual({ ok: false, reason: 'unavailable' });
    expect(fake.tokenCalls).toHaveLength(3);

    // Expiry: 7200 s, refreshed 5 minutes early.
    fake.refused.clear();
    await v.exchange('c1');
    const calls = fake.tokenCalls.length;
    now += (7200 - 301) * 1000;
    await v.exchange('c1');
    expect(fake.tokenCalls).toHaveLength(calls);
    now += 2000;
    await v.exchange('c1');
    expect(fake.tokenCalls).toHaveLength(calls + 1);
  });

  it('concurrent exchanges share one token request', async () => {
    fake.answers.set('c', ok('13800005678'));
    const v = verifier();
    const all = await Promise.all([1, 2, 3, 4].map(() => v.exchange('c')));
    expect(all.every((r) => r.ok)).toBe(true);
    expect(fake.tokenCalls).toHaveLength(1);
  });

  it('a wrong secret, an unreachable server and a server that never answers are "unavailable", within the timeout', async () => {
    const wrong = wechatPhoneVerifier({ appid: APPID, baseUrl: fake.url, log, tokens: stableTokenSource({ appid: APPID, secret: 'wrong-secret-000000', baseUrl: fake.url, clock }) });
    expect(await wrong.exchange('x')).toEqual({ ok: false, reason: 'unavailable' });
    expect(fake.phoneCalls).toEqual([]);

    fake.answers.set('hang', () => 'hang');
    const t0 = Date.now();
    expect(await verifier(300).exchange('hang')).toEqual({ ok: false, reason: 'unavailable' });
    expect(Date.now() - t0).toBeLessThan(2000);

    const base = fake.url;
    await fake.close();
    const gone = wechatPhoneVerifier({ appid: APPID, baseUrl: base, log, tokens: stableTokenSource({ appid: APPID, secret: SECRET, baseUrl: base, clock }) });
    expect(await gone.exchange('x')).toEqual({ ok: false, reason: 'unavailable' });
    fake = await fakeWeChat(); // afterEach closes one
  });

  it('logs carry error codes only: never the secret, the token, the code or the phone', async () => {
    fake.answers.set('busy', () => ({ body: { errcode: -1, errmsg: 'system error' } }));
    fake.answers.set('other-app', ok('13800001101', '86', 'wx0000000000000000'));
    const v = verifier();
    await v.exchange('busy');
    await v.exchange('other-app');
    const wrong = wechatPhoneVerifier({ appid: APPID, baseUrl: fake.url, log, tokens: stableTokenSource({ appid: APPID, secret: 'wrong-secret-000000', baseUrl: fake.url, clock }) });
    await wrong.exchange('secret-code');
    const text = JSON.stringify(logs);
    expect(logs.length).toBeGreaterThanOrEqual(3);
    expect(text).toContain('-1');
    for (const s of [SECRET, 'wrong-secret', 'TOKEN-', 'busy', 'other-app', 'secret-code', '13800001101']) expect(text).not.toContain(s);
  });

  it('configuration comes from the environment: none → no verifier; half → refused naming the variable, not its value', async () => {
    expect(phoneVerifierFromEnv({}, clock, log)).toBeNull();
    expect(() => phoneVerifierFromEnv({ WECHAT_APPID: APPID }, clock, log)).toThrow('WECHAT_APPSECRET');
    try {
      phoneVerifierFromEnv({ WECHAT_APPID: 'not-an-appid', WECHAT_APPSECRET: SECRET }, clock, log);
      throw new Error('accepted');
    } catch (e) {
      expect(String(e)).toContain('WECHAT_APPID');
      expect(String(e)).not.toContain(SECRET);
    }
    fake.answers.set('c', ok('13800005678'));
    const v = phoneVerifierFromEnv({ WECHAT_APPID: APPID, WECHAT_APPSECRET: SECRET, WECHAT_API_BASE: `${fake.url}/` }, clock, log)!;
    expect(await v.exchange('c')).toEqual({ ok: true, phone: '13800005678' });
  });
});
