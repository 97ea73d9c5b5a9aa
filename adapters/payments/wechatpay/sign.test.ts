import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { authorization, messageOf, nonceStr, parseAuthorization, rsaSign, rsaVerify } from './sign';
import { jsapiPayParams } from './jsapiParams';
import { GO_SIGNER } from './testdata/published';

describe('WeChat Pay v3 request signing (SHA256-RSA2048)', () => {
  const goKey = createPrivateKey(GO_SIGNER.privateKeyPem);

  it('signs the published vector of wechatpay-go core/auth/signers/sha256withrsa_signer_test.go exactly', () => {
    expect(rsaSign(goKey, GO_SIGNER.message)).toBe(GO_SIGNER.expectedSignature);
    expect(rsaVerify(createPublicKey(goKey), GO_SIGNER.message, GO_SIGNER.expectedSignature)).toBe(true);
    expect(rsaVerify(createPublicKey(goKey), 'sourcE', GO_SIGNER.expectedSignature)).toBe(false);
    expect(rsaVerify(createPublicKey(goKey), GO_SIGNER.message, 'not base64 at all!')).toBe(false);
  });

  it('Authorization covers METHOD\\nURL\\ntimestamp\\nnonce\\nbody\\n and names mchid, nonce, timestamp and serial', () => {
    const signer = { mchid: GO_SIGNER.mchid, serial: GO_SIGNER.certificateSerial, privateKey: goKey };
    const body = '{"mchid":"1234567890"}';
    const header = authorization(signer, 'POST', '/v3/pay/transactions/out-trade-no/T20261202001/close', body, 1764662400, 'NONCE0123456789NONCE0123456789AB');
    expect(header).toMatch(/^WECHATPAY2-SHA256-RSA2048 mchid="1234567890",nonce_str="NONCE0123456789NONCE0123456789AB",signature="[A-Za-z0-9+/=]+",timestamp="1764662400",serial_no="F5765756002FDD77"$/);
    const parsed = parseAuthorization(header)!;
    expect(parsed).toMatchObject({ mchid: '1234567890', nonce: 'NONCE0123456789NONCE0123456789AB', timestamp: '1764662400', serial: 'F5765756002FDD77' });
    const message = 'POST\n/v3/pay/transactions/out-trade-no/T20261202001/close\n1764662400\nNONCE0123456789NONCE0123456789AB\n{"mchid":"1234567890"}\n';
    expect(messageOf('POST', '/v3/pay/transactions/out-trade-no/T20261202001/close', '1764662400', 'NONCE0123456789NONCE0123456789AB', body)).toBe(message);
    expect(parsed.signature).toBe(rsaSign(goKey, message));
    // A GET signs an empty body line.
    const get = parseAuthorization(authorization(signer, 'GET', '/v3/x?mchid=1', '', 1, 'n'))!;
    expect(rsaVerify(createPublicKey(goKey), 'GET\n/v3/x?mchid=1\n1\nn\n\n', get.signature)).toBe(true);
  });

  it('parseAuthorization refuses other schemes, missing and repeated fields', () => {
    expect(parseAuthorization(undefined)).toBeNull();
    expect(parseAuthorization('Bearer x')).toBeNull();
    expect(parseAuthorization('WECHATPAY2-SHA256-RSA2048 mchid="1",nonce_str="n",signature="s",timestamp="1"')).toBeNull();
    expect(parseAuthorization('WECHATPAY2-SHA256-RSA2048 mchid="1",mchid="2",nonce_str="n",signature="s",timestamp="1",serial_no="A"')).toBeNull();
  });

  it('nonces are 32 letters and digits, never repeated', () => {
    const seen = new Set(Array.from({ length: 200 }, () => nonceStr()));
    expect(seen.size).toBe(200);
    for (const n of seen) expect(n).toMatch(/^[A-Za-z0-9]{32}$/);
  });

  it('JSAPI pay parameters: signType RSA, paySign over appId\\ntimeStamp\\nnonceStr\\npackage\\n', () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const p = jsapiPayParams('wx8888888888888888', 'wx201410272009395522657a690389285100', privateKey, 1414561699, '5K8264ILTKCH16CQ2502SI8ZNMTM67VS');
    expect(p).toMatchObject({ appId: 'wx8888888888888888', timeStamp: '1414561699', nonceStr: '5K8264ILTKCH16CQ2502SI8ZNMTM67VS', package: 'prepay_id=wx201410272009395522657a690389285100', signType: 'RSA' });
    expect(rsaVerify(publicKey, 'wx8888888888888888\n1414561699\n5K8264ILTKCH16CQ2502SI8ZNMTM67VS\nprepay_id=wx201410272009395522657a690389285100\n', p.paySign)).toBe(true);
    expect(rsaVerify(publicKey, 'wx8888888888888888\n1414561700\n5K8264ILTKCH16CQ2502SI8ZNMTM67VS\nprepay_id=wx201410272009395522657a690389285100\n', p.paySign)).toBe(false);
  });
});
