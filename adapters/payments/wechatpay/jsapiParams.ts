import type { KeyObject } from 'node:crypto';
import type { JsapiPayParams } from '../../../core/ports/payments';
import { messageOf, rsaSign } from './sign';

/** What `wx.requestPayment` / `Taro.requestPayment` takes: paySign over `appId\ntimeStamp\nnonceStr\npackage\n`. */
export function jsapiPayParams(appId: string, prepayId: string, privateKey: KeyObject, timestampSec: number, nonce: string): JsapiPayParams {
  const timeStamp = String(timestampSec);
  const pkg = `prepay_id=${prepayId}`;
  return { appId, timeStamp, nonceStr: nonce, package: pkg, signType: 'RSA', paySign: rsaSign(privateKey, messageOf(appId, timeStamp, nonce, pkg)) };
}
