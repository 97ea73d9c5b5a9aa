import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairSync } from 'node:crypto';
import { wechatPayments, WechatPayError } from './client';
import { parseAuthorization, messageOf, rsaVerify } from './sign';
import { verificationKeys } from './verifier';
import { signedHeaders } from './wechatSide';

/**
 * The HTTP client's edges against a scripted server (the happy path runs against the local stand-in in
 * test/integration/wechatpay.test.ts): what it sends, and every way an answer can be unusable.
 */
const merchant = generateKeyPairSync('rsa', { modulusLength: 2048 });
const wechat = generateKeyPairSync('rsa', { modulusLength: 2048 });
const PUB = 'PUB_KEY_ID_0114000000000000000000000000000001';
const NOW = Date.UTC(2026, 11, 2, 1, 0, 0);

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}
let script: (seen: Seen) => { status: number; body?: string; sign?: 'ok' | 'none' | 'stale' | 'other' };
const seen: Seen[] = [];
let server: http.Server;
let baseUrl = '';

beforeAll(async () => {
  server = http.createServer(async (req, res) => {
    let body = '';
    for await (const c of req) body += c;
    const s: Seen = { method: req.method!, url: req.url!, headers: req.headers, body };
    seen.push(s);
    const out = script(s);
    const text = out.body ?? '';
    const signer = out.sign === 'other' ? { privateKey: merchant.privateKey, serial: PUB } : { privateKey: wechat.privateKey, serial: PUB };
    const headers = out.sign === 'none' ? {} : signedHeaders(signer, text, out.sign === 'stale' ? NOW - 400_000 : NOW);
    res.writeHead(out.status, { 'content-type': 'application/json', ...headers });
    res.end(text);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const client = (url = () => baseUrl) =>
  wechatPayments(
    {
      mchid: '1900000109',
      appid: 'wxd678efh567hg6787',
      merchantSerial: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
      merchantPrivateKey: merchant.privateKey,
      apiV3Key: Buffer.alloc(32, 1),
      keys: verificationKeys({ publicKeys: [{ id: PUB, pem: wechat.publicKey.export({ type: 'spki', format: 'pem' }).toString() }] }),
      notifyUrl: 'https://wuye.example.com/pay/notify',
      baseUrl: url(),
      timeoutMs: 2000,
    },
    { now: () => NOW },
  );

const order = { outTradeNo: 'F20261202000001', description: '示例花园 1-1-101 物业费', totalFen: 25375, payerOpenid: 'o_a', expiresAt: Date.UTC(2026, 11, 2, 1, 15, 0) };

describe('WeChat Pay client', () => {
  it('sends the JSAPI order WeChat documents, signed over exactly what it sends; time_expire in +08:00 whatever the host zone', async () => {
    script = () => ({ status: 200, body: '{"prepay_id":"wx02090000000000000000000000000000"}', sign: 'ok' });
    const out = await client().createJsapiOrder({ ...order, attach: 'bills:1' });
    expect(out.prepayId).toBe('wx02090000000000000000000000000000');
    const s = seen.at(-1)!;
    expect(s.method).toBe('POST');
    expect(s.url).toBe('/v3/pay/transactions/jsapi');
    expect(JSON.parse(s.body)).toEqual({
      appid: 'wxd678efh567hg6787',
      mchid: '1900000109',
      description: '示例花园 1-1-101 物业费',
      out_trade_no: 'F20261202000001',
      time_expire: '2026-12-02T09:15:00+08:00',
      attach: 'bills:1',
      notify_url: 'https://wuye.example.com/pay/notify',
      amount: { total: 25375, currency: 'CNY' },
      payer: { openid: 'o_a' },
    });
    const auth = parseAuthorization(s.headers.authorization)!;
    expect(auth).toMatchObject({ mchid: '1900000109', serial: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1', timestamp: String(NOW / 1000) });
    expect(rsaVerify(merchant.publicKey, messageOf('POST', s.url, auth.timestamp, auth.nonce, s.body), auth.signature)).toBe(true);
    expect(s.headers['user-agent']).toBeTruthy();
  });

  it('query signs the path with its query string; close posts the mchid and takes 204', async () => {
    script = () => ({ status: 404, body: '{"code":"ORDER_NOT_EXIST","message":"订单不存在"}', sign: 'ok' });
    await expect(client().queryOrder('F2026|1202*01')).resolves.toBeUndefined();
    const q = seen.at(-1)!;
    expect(q.url).toBe('/v3/pay/transactions/out-trade-no/F2026%7C1202*01?mchid=1900000109');
    const auth = parseAuthorization(q.headers.authorization)!;
    expect(rsaVerify(merchant.publicKey, messageOf('GET', q.url, auth.timestamp, auth.nonce, ''), auth.signature)).toBe(true);
    script = () => ({ status: 204, sign: 'ok' });
    await client().closeOrder('F20261202000001');
    expect(JSON.parse(seen.at(-1)!.body)).toEqual({ mchid: '1900000109' });
  });

  it('[R-REN-10] refund: POST /v3/refund/domestic/refunds with out_trade_no, out_refund_no, reason and amount {refund,total,currency}; query by out_refund_no; another refund\'s answer refused', async () => {
    const answer = { refund_id: '50000000382019052709732678859', out_refund_no: 'rf_0001', transaction_id: '4200000000000000000000000001', out_trade_no: 'F20261202000001', channel: 'ORIGINAL', user_received_account: '支付用户零钱', create_time: '2026-12-02T09:00:00+08:00', status: 'PROCESSING', funds_account: 'AVAILABLE', amount: { total: 25375, refund: 20000, payer_total: 25375, payer_refund: 20000, settlement_refund: 20000, settlement_total: 25375, discount_refund: 0, currency: 'CNY' }, promotion_detail: [] };
    script = () => ({ status: 200, body: JSON.stringify(answer), sign: 'ok' });
    const r = await client().refund({ outTradeNo: 'F20261202000001', outRefundNo: 'rf_0001', reason: '装修押金退还（扣除 ¥53.75）', refundFen: 20000, totalFen: 25375 });
    expect(r).toEqual({ outRefundNo: 'rf_0001', outTradeNo: 'F20261202000001', refundId: answer.refund_id, status: 'PROCESSING', refundFen: 20000 });
    const s = seen.at(-1)!;
    expect([s.method, s.url]).toEqual(['POST', '/v3/refund/domestic/refunds']);
    expect(JSON.parse(s.body)).toEqual({ out_trade_no: 'F20261202000001', out_refund_no: 'rf_0001', reason: '装修押金退还（扣除 ¥53.75）', amount: { refund: 20000, total: 25375, currency: 'CNY' } });
    const auth = parseAuthorization(s.headers.authorization)!;
    expect(rsaVerify(merchant.publicKey, messageOf('POST', s.url, auth.timestamp, auth.nonce, s.body), auth.signature)).toBe(true);

    script = () => ({ status: 200, body: JSON.stringify({ ...answer, status: 'SUCCESS', success_time: '2026-12-02T09:01:00+08:00' }), sign: 'ok' });
    expect(await client().queryRefund('rf_0001')).toMatchObject({ status: 'SUCCESS', successTime: '2026-12-02T09:01:00+08:00' });
    expect(seen.at(-1)!.url).toBe('/v3/refund/domestic/refunds/rf_0001');
    expect(seen.at(-1)!.method).toBe('GET');
    script = () => ({ status: 404, body: '{"code":"RESOURCE_NOT_EXISTS","message":"退款单不存在"}', sign: 'ok' });
    await expect(client().queryRefund('rf_0002')).resolves.toBeUndefined();
    script = () => ({ status: 200, body: JSON.stringify({ ...answer, out_refund_no: 'rf_other' }), sign: 'ok' });
    await expect(client().queryRefund('rf_0001')).rejects.toMatchObject({ code: 'ANSWER_MALFORMED' });
    script = () => ({ status: 400, body: '{"code":"NOT_ENOUGH","message":"基本账户余额不足"}', sign: 'ok' });
    await expect(client().refund({ outTradeNo: 'F20261202000001', outRefundNo: 'rf_0003', reason: 'x', refundFen: 1, totalFen: 25375 })).rejects.toMatchObject({ code: 'NOT_ENOUGH', status: 400 });
    // Checked before anything is sent: more than the order, a bad out_refund_no.
    const before = seen.length;
    await expect(client().refund({ outTradeNo: 'F20261202000001', outRefundNo: 'rf_0004', reason: 'x', refundFen: 25376, totalFen: 25375 })).rejects.toMatchObject({ code: 'AMOUNT' });
    await expect(client().refund({ outTradeNo: 'F20261202000001', outRefundNo: 'rf 0004', reason: 'x', refundFen: 1, totalFen: 25375 })).rejects.toMatchObject({ code: 'OUT_REFUND_NO' });
    expect(seen.length).toBe(before);
  });

  it('unusable answers throw WechatPayError with a code and no secrets: unsigned, stale, signed by another key, an error, another order, unreachable', async () => {
    const cases: [ReturnType<typeof script>, string][] = [
      [{ status: 200, body: '{"prepay_id":"wx1"}', sign: 'none' }, 'ANSWER_SIGNATURE'],
      [{ status: 200, body: '{"prepay_id":"wx1"}', sign: 'stale' }, 'ANSWER_SIGNATURE'],
      [{ status: 200, body: '{"prepay_id":"wx1"}', sign: 'other' }, 'ANSWER_SIGNATURE'],
      [{ status: 500, body: '{"code":"SYSTEM_ERROR","message":"系统错误"}', sign: 'none' }, 'SYSTEM_ERROR'],
      [{ status: 400, body: '{"code":"ORDERPAID","message":"该订单已支付"}', sign: 'ok' }, 'ORDERPAID'],
      [{ status: 400, body: '{"code":"ORDERPAID","message":"该订单已支付"}', sign: 'other' }, 'ANSWER_SIGNATURE'],
      [{ status: 200, body: '{}', sign: 'ok' }, 'ANSWER_MALFORMED'],
    ];
    for (const [answer, code] of cases) {
      script = () => answer;
      const err = await client().createJsapiOrder(order).catch((e: unknown) => e);
      expect({ code: (err as WechatPayError).code, isError: err instanceof WechatPayError }).toEqual({ code, isError: true });
      expect((err as Error).message).not.toMatch(/PRIVATE|signature="/);
    }
    script = () => ({ status: 200, body: JSON.stringify({ mchid: '1900000109', appid: 'wxd678efh567hg6787', out_trade_no: 'OTHER0000001', trade_state: 'NOTPAY', amount: { total: 1, currency: 'CNY' } }), sign: 'ok' });
    await expect(client().queryOrder('F20261202000001')).rejects.toMatchObject({ code: 'ANSWER_MALFORMED' });
    await expect(client(() => 'http://127.0.0.1:1').queryOrder('F20261202000001')).rejects.toMatchObject({ code: 'NETWORK', status: null });
  });

  it('refuses what WeChat would refuse before sending: a bad out_trade_no, a non-integer or zero amount', async () => {
    const before = seen.length;
    await expect(client().createJsapiOrder({ ...order, outTradeNo: 'short' })).rejects.toMatchObject({ code: 'OUT_TRADE_NO' });
    await expect(client().queryOrder('has space 0001')).rejects.toMatchObject({ code: 'OUT_TRADE_NO' });
    await expect(client().createJsapiOrder({ ...order, totalFen: 253.75 })).rejects.toMatchObject({ code: 'AMOUNT' });
    await expect(client().createJsapiOrder({ ...order, totalFen: 0 })).rejects.toMatchObject({ code: 'AMOUNT' });
    expect(seen.length).toBe(before);
  });
});
