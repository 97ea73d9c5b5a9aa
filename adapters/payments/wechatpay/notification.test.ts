import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import type { RawNotification } from '../../../core/ports/payments';
import { checkTransactionNotification, openNotification } from './notification';
import { GO_NOTIFY, GO_SIGNER } from './testdata/published';
import { encryptedNotification, signedHeaders } from './wechatSide';
import { verificationKeys, type VerificationKeys } from './verifier';

/**
 * Notification checks against the whole-notification vector of wechatpay-go `core/notify/notify_test.go`
 * (certificate mode), then both ways with keys of our own: WeChat Pay public-key mode, both modes at once,
 * and each refusal with its reason.
 */
const NOW = Date.UTC(2026, 11, 2, 9, 30, 0);
const API_V3_KEY = Buffer.from('0123456789abcdefghijABCDEFGHIJ01', 'utf8');
const PUB_KEY_ID = 'PUB_KEY_ID_0114232134912410000000000000000001';
const wechatKey = generateKeyPairSync('rsa', { modulusLength: 2048 });
const goKey = createPrivateKey(GO_SIGNER.privateKeyPem);
const CERT_SERIAL = 'D7CE59D1F522D701';

const transaction = {
  mchid: '1900000109',
  appid: 'wxd678efh567hg6787',
  out_trade_no: 'F20261202A1B2C3D4',
  transaction_id: '4200000000202612020000000001',
  trade_type: 'JSAPI',
  trade_state: 'SUCCESS',
  trade_state_desc: '支付成功',
  bank_type: 'OTHERS',
  attach: 'bills:2',
  success_time: '2026-12-02T17:30:00+08:00',
  payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
  amount: { total: 50750, payer_total: 50750, currency: 'CNY', payer_currency: 'CNY' },
};

const both: VerificationKeys = verificationKeys({
  publicKeys: [{ id: PUB_KEY_ID, pem: wechatKey.publicKey.export({ type: 'spki', format: 'pem' }).toString() }],
  certificates: [GO_NOTIFY.certificatePem],
});
const publicOnly = verificationKeys({ publicKeys: [{ id: PUB_KEY_ID, pem: wechatKey.publicKey.export({ type: 'spki', format: 'pem' }).toString() }] });
const viaPublicKey = { privateKey: wechatKey.privateKey, serial: PUB_KEY_ID };
const viaCertificate = { privateKey: goKey, serial: CERT_SERIAL };
const check = (raw: RawNotification, keys = both, now = NOW) => checkTransactionNotification(raw, now, keys, API_V3_KEY);

describe('WeChat Pay v3 notifications: published vector', () => {
  const keys = verificationKeys({ certificates: [GO_NOTIFY.certificatePem] });
  const key16 = Buffer.from(GO_NOTIFY.apiV3Key, 'utf8');
  const raw = { headers: GO_NOTIFY.headers, body: GO_NOTIFY.body };
  const now = GO_NOTIFY.nowSeconds * 1000;

  it('wechatpay-go core/notify/notify_test.go: signature by platform certificate D7CE59D1F522D701 holds, resource decrypts (16-byte key) to the published plaintext', () => {
    expect(openNotification(raw, now, keys, key16)).toEqual({
      ok: true,
      id: '3119dfba-e649-5eec-ab1e-3412bc4d2e17',
      eventType: 'PAYSCORE.USER_OPEN_SERVICE',
      originalType: 'payscore',
      plaintext: GO_NOTIFY.plaintext,
    });
    // A payscore resource is no payment: the transaction check says so rather than inventing fields.
    expect(checkTransactionNotification(raw, now, keys, key16)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('the same vector with one body character changed, or checked an hour later, or with another key: refused', () => {
    expect(openNotification({ ...raw, body: raw.body.replace('签约成功', '签约失败') }, now, keys, key16)).toEqual({ ok: false, reason: 'signature' });
    expect(openNotification(raw, now + 3_600_000, keys, key16)).toEqual({ ok: false, reason: 'stale' });
    expect(openNotification(raw, now, keys, Buffer.from('testMchAPIv3Key1'))).toEqual({ ok: false, reason: 'decrypt' });
    expect(openNotification(raw, now, publicOnly, key16)).toEqual({ ok: false, reason: 'unknown_serial' });
  });

  it('the serial matches the certificate however it is written (leading zeros, case)', () => {
    for (const serial of ['00D7CE59D1F522D701', 'd7ce59d1f522d701']) {
      expect(openNotification({ ...raw, headers: { ...raw.headers, 'wechatpay-serial': serial } }, now, keys, key16).ok).toBe(true);
    }
  });
});

describe('WeChat Pay v3 notifications: both ways', () => {
  it('public-key mode (PUB_KEY_ID_…): a payment notification verifies, decrypts and maps to the transaction', () => {
    const raw = encryptedNotification(viaPublicKey, API_V3_KEY, { id: 'EV-1', resource: transaction }, NOW);
    expect(JSON.parse(raw.body)).toMatchObject({ event_type: 'TRANSACTION.SUCCESS', resource_type: 'encrypt-resource', resource: { algorithm: 'AEAD_AES_256_GCM', original_type: 'transaction' } });
    expect(check(raw, publicOnly)).toEqual({
      ok: true,
      id: 'EV-1',
      eventType: 'TRANSACTION.SUCCESS',
      transaction: {
        mchid: '1900000109',
        appid: 'wxd678efh567hg6787',
        outTradeNo: 'F20261202A1B2C3D4',
        transactionId: '4200000000202612020000000001',
        tradeState: 'SUCCESS',
        totalFen: 50750,
        payerTotalFen: 50750,
        currency: 'CNY',
        successTime: '2026-12-02T17:30:00+08:00',
        payerOpenid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o',
        attach: 'bills:2',
      },
    });
  });

  it('both modes configured at once (a merchant mid-switch): each notification is checked with the key its serial names', () => {
    const a = encryptedNotification(viaPublicKey, API_V3_KEY, { resource: transaction }, NOW);
    const b = encryptedNotification(viaCertificate, API_V3_KEY, { resource: { ...transaction, out_trade_no: 'F20261202ZZZZZZZ' } }, NOW);
    expect(check(a)).toMatchObject({ ok: true, transaction: { outTradeNo: 'F20261202A1B2C3D4' } });
    expect(check(b)).toMatchObject({ ok: true, transaction: { outTradeNo: 'F20261202ZZZZZZZ' } });
    // A body signed with the certificate's key but announced under the public key id (and the reverse) fails.
    expect(check({ ...b, headers: { ...b.headers, 'wechatpay-serial': PUB_KEY_ID } })).toEqual({ ok: false, reason: 'signature' });
    expect(check({ ...a, headers: { ...a.headers, 'wechatpay-serial': CERT_SERIAL } })).toEqual({ ok: false, reason: 'signature' });
  });

  it('a forged signature (another key under the real serial) → signature', () => {
    const forger = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const raw = encryptedNotification({ privateKey: forger.privateKey, serial: PUB_KEY_ID }, API_V3_KEY, { resource: transaction }, NOW);
    expect(check(raw)).toEqual({ ok: false, reason: 'signature' });
  });

  it('a body changed after signing (one character of the summary) → signature', () => {
    const raw = encryptedNotification(viaPublicKey, API_V3_KEY, { resource: transaction }, NOW);
    const parsed = JSON.parse(raw.body);
    parsed.summary = '支付成功 ';
    expect(check({ ...raw, body: JSON.stringify(parsed) })).toEqual({ ok: false, reason: 'signature' });
  });

  it('timestamps: exactly 5 minutes either way accepted, 5 minutes + 1 s → stale', () => {
    const raw = encryptedNotification(viaPublicKey, API_V3_KEY, { resource: transaction }, NOW);
    expect(check(raw, both, NOW + 300_000).ok).toBe(true);
    expect(check(raw, both, NOW - 300_000).ok).toBe(true);
    expect(check(raw, both, NOW + 301_000)).toEqual({ ok: false, reason: 'stale' });
    expect(check(raw, both, NOW - 301_000)).toEqual({ ok: false, reason: 'stale' });
  });

  it('an unknown serial (another public key id, another certificate) → unknown_serial', () => {
    const raw = encryptedNotification(viaPublicKey, API_V3_KEY, { resource: transaction }, NOW);
    for (const serial of ['PUB_KEY_ID_0114232134912410000000000000000002', '5157F09EFDC096DE15EBE81A47057A7232F1B8E1', 'not-a-serial']) {
      expect(check({ ...raw, headers: { ...raw.headers, 'wechatpay-serial': serial } })).toEqual({ ok: false, reason: 'unknown_serial' });
    }
  });

  it('a WECHATPAY/SIGNTEST/ probe → probe (refused, whatever else holds)', () => {
    const raw = encryptedNotification(viaPublicKey, API_V3_KEY, { resource: transaction }, NOW);
    const probe = { ...raw, headers: { ...raw.headers, 'wechatpay-signature': 'WECHATPAY/SIGNTEST/' + raw.headers['wechatpay-signature'] } };
    expect(check(probe)).toEqual({ ok: false, reason: 'probe' });
  });

  it('a flipped ciphertext byte under a valid signature → decrypt', () => {
    const raw = encryptedNotification(viaPublicKey, API_V3_KEY, { resource: transaction }, NOW);
    const parsed = JSON.parse(raw.body);
    const bytes = Buffer.from(parsed.resource.ciphertext, 'base64');
    bytes[5] ^= 0x80;
    parsed.resource.ciphertext = bytes.toString('base64');
    const body = JSON.stringify(parsed);
    expect(check({ headers: signedHeaders(viaPublicKey, body, NOW), body })).toEqual({ ok: false, reason: 'decrypt' });
    // Associated data is authenticated too.
    parsed.resource.ciphertext = JSON.parse(raw.body).resource.ciphertext;
    parsed.resource.associated_data = 'refund';
    const body2 = JSON.stringify(parsed);
    expect(check({ headers: signedHeaders(viaPublicKey, body2, NOW), body: body2 })).toEqual({ ok: false, reason: 'decrypt' });
  });

  it('missing headers, a non-numeric timestamp, a body that is not a notification, a resource that is not a transaction → malformed; never throws', () => {
    const raw = encryptedNotification(viaPublicKey, API_V3_KEY, { resource: transaction }, NOW);
    for (const h of ['wechatpay-timestamp', 'wechatpay-nonce', 'wechatpay-signature', 'wechatpay-serial']) {
      const headers: Record<string, string | undefined> = { ...raw.headers };
      delete headers[h];
      expect(check({ ...raw, headers })).toEqual({ ok: false, reason: 'malformed' });
    }
    expect(check({ ...raw, headers: { ...raw.headers, 'wechatpay-timestamp': '1e9' } })).toEqual({ ok: false, reason: 'malformed' });
    const signedBody = (body: string) => ({ headers: signedHeaders(viaPublicKey, body, NOW), body });
    expect(check(signedBody('not json'))).toEqual({ ok: false, reason: 'malformed' });
    expect(check(signedBody('{"id":"x","event_type":"TRANSACTION.SUCCESS","resource":{"algorithm":"RSA"}}'))).toEqual({ ok: false, reason: 'malformed' });
    const wrongShape = encryptedNotification(viaPublicKey, API_V3_KEY, { resource: { ...transaction, amount: { total: 1.5, currency: 'CNY' } } }, NOW);
    expect(check(wrongShape)).toEqual({ ok: false, reason: 'malformed' });
    expect(check({ headers: {}, body: '' })).toEqual({ ok: false, reason: 'malformed' });
  });
});
