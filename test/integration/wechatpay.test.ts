import { generateKeyPairSync } from 'node:crypto';
import { startHarness, type Harness } from '../support/harness';
import type { HttpEvent, HttpFunction } from '../../local/httpFunctions';
import { loadSandboxKeys, type SandboxKeys } from '../../local/wechatPay/keys';
import { wechatPayments, WechatPayError } from '../../adapters/payments/wechatpay/client';
import { authorization, messageOf, nonceStr, rsaVerify } from '../../adapters/payments/wechatpay/sign';
import { verificationKeys } from '../../adapters/payments/wechatpay/verifier';
import type { Payments } from '../../core/ports/payments';

/**
 * The WeChat Pay adapter against the local stand-in, over real HTTP: an order created, queried and paid
 * through `/local/pay/confirm`, whose notification reaches `POST /pay/notify` (routed as CloudBase's HTTP
 * access service does, here to a capturing function) and passes the adapter's own checkNotification.
 */
describe('WeChat Pay v3: adapter ↔ local stand-in', () => {
  let h: Harness;
  let payments: Payments;
  let keys: SandboxKeys;
  const captured: HttpEvent[] = [];
  let answerWith = { statusCode: 200, headers: { 'content-type': 'application/json' }, body: '' };
  const capture: HttpFunction = async (event) => {
    captured.push(event);
    return answerWith;
  };
  const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
  let seq = 0;
  const outTradeNo = () => `T${Date.now().toString(36)}${process.pid.toString(36)}${(seq++).toString(36)}`.toUpperCase();
  const order = (no: string, totalFen = 50750, minutes = 15) => ({
    outTradeNo: no,
    description: '示例花园 1-1-101 物业费 2026-10至2026-11',
    totalFen,
    payerOpenid: 'o_resident_a_openid',
    expiresAt: h.platform.clock.now() + minutes * 60_000,
    attach: 'bills:2',
  });
  const confirm = async (no: string) => {
    const res = await fetch(`${h.url}/local/pay/confirm`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ outTradeNo: no }) });
    return { status: res.status, body: (await res.json()) as any };
  };

  beforeAll(async () => {
    h = await startHarness({ seed: 'none', hooks: { httpFunctions: { payNotify: capture } } });
    payments = h.platform.deps.payments!;
    expect(payments).toBeDefined();
    keys = loadSandboxKeys(h.dataDir);
  });
  afterAll(() => h?.close());

  it('creates an order, signs the client parameters, and a confirmed payment reaches /pay/notify signed and encrypted exactly as WeChat Pay sends it', async () => {
    const no = outTradeNo();
    const created = await payments.createJsapiOrder(order(no));
    expect(created.prepayId).toMatch(/^wx[A-Za-z0-9]{34}$/);
    const p = created.params;
    expect(p).toMatchObject({ appId: payments.appid, package: `prepay_id=${created.prepayId}`, signType: 'RSA' });
    expect(rsaVerify(keys.merchantPublicKey, messageOf(p.appId, p.timeStamp, p.nonceStr, p.package), p.paySign)).toBe(true);
    // Re-creating the same order answers the same prepay_id.
    expect((await payments.createJsapiOrder(order(no))).prepayId).toBe(created.prepayId);

    expect(await payments.queryOrder(no)).toMatchObject({ outTradeNo: no, tradeState: 'NOTPAY', totalFen: 50750, currency: 'CNY', mchid: payments.mchid, appid: payments.appid });

    const before = captured.length;
    const paid = await confirm(no);
    expect(paid.status).toBe(200);
    expect(paid.body.data).toMatchObject({ outTradeNo: no, tradeState: 'SUCCESS', notify: { status: 200 } });
    expect(captured).toHaveLength(before + 1);
    const event = captured[captured.length - 1];
    expect(event).toMatchObject({ path: '/pay/notify', httpMethod: 'POST', isBase64Encoded: false });
    expect(event.headers['wechatpay-serial']).toBe(keys.publicKeyId);
    expect(JSON.parse(event.body)).toMatchObject({ event_type: 'TRANSACTION.SUCCESS', resource_type: 'encrypt-resource', resource: { algorithm: 'AEAD_AES_256_GCM', original_type: 'transaction' } });

    const checked = payments.checkNotification({ headers: event.headers, body: event.body }, h.platform.clock.now());
    expect(checked).toEqual({
      ok: true,
      id: expect.any(String),
      eventType: 'TRANSACTION.SUCCESS',
      transaction: {
        mchid: payments.mchid,
        appid: payments.appid,
        outTradeNo: no,
        transactionId: paid.body.data.transactionId,
        tradeState: 'SUCCESS',
        totalFen: 50750,
        payerTotalFen: 50750,
        currency: 'CNY',
        successTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/),
        payerOpenid: 'o_resident_a_openid',
        attach: 'bills:2',
      },
    });
    expect(await payments.queryOrder(no)).toMatchObject({ tradeState: 'SUCCESS', transactionId: paid.body.data.transactionId });

    // Confirming again delivers the same notification again (WeChat's retries keep the id); what the endpoint answers comes back.
    answerWith = { statusCode: 500, headers: { 'content-type': 'application/json' }, body: '{"code":"FAIL","message":"失败"}' };
    const again = await confirm(no);
    answerWith = { statusCode: 200, headers: { 'content-type': 'application/json' }, body: '' };
    expect(again.body.data.notify).toEqual({ status: 500, body: '{"code":"FAIL","message":"失败"}' });
    const resent = captured[captured.length - 1];
    expect(resent.body).not.toBe(event.body);
    const second = payments.checkNotification({ headers: resent.headers, body: resent.body }, h.platform.clock.now());
    expect(second.ok && checked.ok && second.id === checked.id).toBe(true);

    // A paid order can be neither closed nor re-created.
    await expect(payments.closeOrder(no)).rejects.toMatchObject({ name: 'WechatPayError', code: 'ORDERPAID', status: 400 });
    await expect(payments.createJsapiOrder(order(no))).rejects.toMatchObject({ code: 'ORDERPAID' });
  });

  it('unknown orders answer undefined; closed and expired orders cannot be paid; another order under a used number is refused', async () => {
    expect(await payments.queryOrder('NOSUCHORDER0001')).toBeUndefined();
    expect((await confirm('NOSUCHORDER0001')).status).toBe(404);

    const closed = outTradeNo();
    await payments.createJsapiOrder(order(closed));
    await expect(payments.createJsapiOrder(order(closed, 99))).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    await payments.closeOrder(closed);
    expect(await payments.queryOrder(closed)).toMatchObject({ tradeState: 'CLOSED' });
    expect((await confirm(closed)).body.error.code).toBe('ORDER_CLOSED');

    const expiring = outTradeNo();
    await payments.createJsapiOrder(order(expiring, 100, 1));
    h.platform.clock.advance(61_000);
    const late = await confirm(expiring);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('ORDER_EXPIRED');
    expect(await payments.queryOrder(expiring)).toMatchObject({ tradeState: 'NOTPAY' });
  });

  it('the stand-in refuses requests whose signature does not hold: 401 SIGN_ERROR, nothing created', async () => {
    const body = JSON.stringify({ appid: keys.appid, mchid: keys.mchid, description: 'x', out_trade_no: 'FORGED000001', notify_url: `${h.url}/pay/notify`, amount: { total: 1, currency: 'CNY' }, payer: { openid: 'o' } });
    const path = '/v3/pay/transactions/jsapi';
    const ts = Math.floor(h.platform.clock.now() / 1000);
    const post = (auth: string | undefined, b = body) =>
      fetch(`${h.url}/local/wxpay${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) }, body: b });
    const merchant = { mchid: keys.mchid, serial: keys.merchantSerial, privateKey: keys.merchantPrivateKey };
    const cases: [string, string | undefined, string?][] = [
      ['no Authorization', undefined],
      ['another key under the merchant serial', authorization({ ...merchant, privateKey: stranger.privateKey }, 'POST', path, body, ts, nonceStr())],
      ['a body changed after signing', authorization(merchant, 'POST', path, body, ts, nonceStr()), body.replace('"total":1', '"total":2')],
      ['a timestamp 5 minutes + 1 s old', authorization(merchant, 'POST', path, body, ts - 301, nonceStr())],
      ['another merchant serial', authorization({ ...merchant, serial: 'ABCDEF0123456789ABCDEF0123456789ABCDEF01' }, 'POST', path, body, ts, nonceStr())],
      ['another path signed', authorization(merchant, 'POST', '/v3/pay/transactions/native', body, ts, nonceStr())],
    ];
    for (const [why, auth, sent] of cases) {
      const res = await post(auth, sent);
      expect({ why, status: res.status, body: await res.json() }).toEqual({ why, status: 401, body: { code: 'SIGN_ERROR', message: '签名错误' } });
    }
    expect(await payments.queryOrder('FORGED000001')).toBeUndefined();
    // The same request properly signed is taken.
    expect((await post(authorization(merchant, 'POST', path, body, ts, nonceStr()))).status).toBe(200);
  });

  it("the adapter refuses the stand-in's answers when they are not signed by the key it trusts", async () => {
    const distrustful = wechatPayments(
      {
        mchid: keys.mchid,
        appid: keys.appid,
        merchantSerial: keys.merchantSerial,
        merchantPrivateKey: keys.merchantPrivateKey,
        apiV3Key: keys.apiV3Key,
        keys: verificationKeys({ publicKeys: [{ id: keys.publicKeyId, pem: stranger.publicKey.export({ type: 'spki', format: 'pem' }).toString() }] }),
        notifyUrl: `${h.url}/pay/notify`,
        baseUrl: `${h.url}/local/wxpay`,
      },
      h.platform.clock,
    );
    const err = await distrustful.queryOrder('NOSUCHORDER0002').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WechatPayError);
    expect(err).toMatchObject({ code: 'ANSWER_SIGNATURE', message: 'WeChat Pay answer refused: signature' });
  });
});
