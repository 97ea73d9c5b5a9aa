import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { routeHttpFunction, type HttpEvent, type HttpFunction } from './httpFunctions';
import { FUNCTIONS, HTTP_FUNCTIONS, httpFunction } from './functions';

/** CloudBase's HTTP access service as the local platform plays it: the raw request in, the function's answer out. */
describe('HTTP functions (POST /pay/notify → payNotify)', () => {
  let server: http.Server;
  let url = '';
  let fn: HttpFunction | undefined;
  const seen: HttpEvent[] = [];
  const ids = { next: (p: string) => `${p}_1` };

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      routeHttpFunction(req, res, '/pay/notify', fn, ids).catch(() => {
        res.writeHead(500);
        res.end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/pay/notify?from=wx`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('a function not deployed: 404 FUNCTION.NOT_FOUND', async () => {
    fn = undefined;
    const res = await fetch(url, { method: 'POST', body: '{}' });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('FUNCTION.NOT_FOUND');
  });

  it('the event carries path, method, lower-case headers, query and the exact body; the answer comes back as given', async () => {
    fn = async (event) => {
      seen.push(event);
      return { statusCode: 500, headers: { 'content-type': 'application/json' }, body: '{"code":"FAIL","message":"失败"}' };
    };
    const body = '{"id":"EV-1","summary":"支付成功"}';
    const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Wechatpay-Serial': 'PUB_KEY_ID_01' }, body });
    expect(res.status).toBe(500);
    expect(await res.text()).toBe('{"code":"FAIL","message":"失败"}');
    expect(seen.at(-1)).toMatchObject({
      path: '/pay/notify',
      httpMethod: 'POST',
      headers: { 'content-type': 'application/json', 'wechatpay-serial': 'PUB_KEY_ID_01' },
      queryStringParameters: { from: 'wx' },
      body,
      isBase64Encoded: false,
    });
  });

  it('a body that is not UTF-8 travels base64 (isBase64Encoded), byte for byte; an empty answer body is fine', async () => {
    fn = async (event) => {
      seen.push(event);
      return { statusCode: 204 };
    };
    const bytes = Buffer.from([0x7b, 0xff, 0xfe, 0x7d]);
    const res = await fetch(url, { method: 'POST', body: bytes });
    expect(res.status).toBe(204);
    expect(seen.at(-1)).toMatchObject({ isBase64Encoded: true, body: bytes.toString('base64') });
  });

  it('lookup: a test stand-in first, then HTTP_FUNCTIONS; a missing name is undefined', () => {
    const mine: HttpFunction = async () => ({ statusCode: 200 });
    expect(httpFunction('payNotify', { payNotify: mine })).toBe(mine);
    expect(httpFunction('nope')).toBeUndefined();
    expect(httpFunction('toString')).toBeUndefined();
    expect(httpFunction('payNotify')).toBe(HTTP_FUNCTIONS.payNotify ?? (FUNCTIONS as Record<string, unknown>).payNotify);
  });
});
