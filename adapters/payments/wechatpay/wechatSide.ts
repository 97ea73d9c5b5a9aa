import type { KeyObject } from 'node:crypto';
import { nodeCrypto } from '../../platform/nodeCrypto';
import type { RawNotification } from '../../../core/ports/payments';
import { isoAt } from '../../../core/shanghai';
import { aeadEncrypt } from './aead';
import { messageOf, nonceStr, rsaSign } from './sign';

/**
 * WeChat Pay's side of the protocol: signing an answer or notification and encrypting a resource. The
 * local stand-in for WeChat Pay (local/wechatPay/) speaks with it, and tests build notifications with it;
 * the product itself only verifies.
 */
export interface WechatPaySigner {
  privateKey: KeyObject;
  /** `PUB_KEY_ID_…` (public-key mode) or a platform certificate's serial. */
  serial: string;
}

/** The `Wechatpay-*` headers (lower-case names) of an answer or notification with this body, at `now` (ms). */
export function signedHeaders(signer: WechatPaySigner, body: string, now: number, nonce = nonceStr()): Record<string, string> {
  const timestamp = String(Math.floor(now / 1000));
  return {
    'wechatpay-timestamp': timestamp,
    'wechatpay-nonce': nonce,
    'wechatpay-signature': rsaSign(signer.privateKey, messageOf(timestamp, nonce, body)),
    'wechatpay-serial': signer.serial,
    'wechatpay-signature-type': 'WECHATPAY2-SHA256-RSA2048',
  };
}

export interface NotificationInput {
  /** The notification's id; WeChat keeps it across the retries of one notification. */
  id?: string;
  eventType?: string;
  summary?: string;
  /** The resource before encryption (for a payment: the transaction JSON). */
  resource: object;
  originalType?: string;
  associatedData?: string;
}

/** A notification as WeChat Pay sends it: resource AEAD-encrypted with the APIv3 key, body signed. */
export function encryptedNotification(signer: WechatPaySigner, apiV3Key: Buffer, input: NotificationInput, now: number): RawNotification {
  const nonce = nonceStr(12);
  const associatedData = input.associatedData ?? 'transaction';
  const body = JSON.stringify({
    id: input.id ?? nodeCrypto().randomUUID(),
    create_time: isoAt(now),
    resource_type: 'encrypt-resource',
    event_type: input.eventType ?? 'TRANSACTION.SUCCESS',
    summary: input.summary ?? '支付成功',
    resource: {
      original_type: input.originalType ?? 'transaction',
      algorithm: 'AEAD_AES_256_GCM',
      ciphertext: aeadEncrypt(apiV3Key, nonce, associatedData, JSON.stringify(input.resource)),
      associated_data: associatedData,
      nonce,
    },
  });
  return { headers: { 'content-type': 'application/json', ...signedHeaders(signer, body, now) }, body };
}
