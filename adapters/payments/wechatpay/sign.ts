import type { KeyObject } from 'node:crypto';
import { nodeCrypto } from '../../platform/nodeCrypto';

/**
 * WeChat Pay API v3 signatures (SHA256-RSA2048): RSASSA-PKCS1-v1_5 over SHA-256, base64. Every signed
 * message is a list of lines, each ending in `\n` — the request (`METHOD\nURL\ntimestamp\nnonce\nbody\n`),
 * an answer or notification (`timestamp\nnonce\nbody\n`), the mini-program's pay parameters
 * (`appId\ntimeStamp\nnonceStr\npackage\n`).
 */
export const messageOf = (...lines: string[]): string => lines.map((l) => `${l}\n`).join('');

export function rsaSign(privateKey: KeyObject, message: string): string {
  return nodeCrypto().createSign('RSA-SHA256').update(message, 'utf8').sign(privateKey, 'base64');
}

/** False for a wrong or malformed signature; never throws for bad input. */
export function rsaVerify(publicKey: KeyObject, message: string, signature: string): boolean {
  try {
    return nodeCrypto().createVerify('RSA-SHA256').update(message, 'utf8').verify(publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** 32 random letters and digits (WeChat's nonce_str); 248 ≡ 0 mod 62 keeps the choice unbiased. */
export function nonceStr(length = 32): string {
  let out = '';
  while (out.length < length) {
    for (const b of nodeCrypto().randomBytes(length * 2)) {
      if (b < 248 && out.length < length) out += ALNUM[b % 62];
    }
  }
  return out;
}

export interface MerchantSigner {
  mchid: string;
  /** The merchant API certificate's serial number. */
  serial: string;
  privateKey: KeyObject;
}

/**
 * The `Authorization` header of one request: the signature covers the method, the path with its query
 * (`/v3/pay/transactions/out-trade-no/X?mchid=…`), the timestamp (seconds), the nonce and the exact body
 * ('' for a GET).
 */
export function authorization(signer: MerchantSigner, method: string, pathAndQuery: string, body: string, timestamp: number, nonce: string): string {
  const signature = rsaSign(signer.privateKey, messageOf(method, pathAndQuery, String(timestamp), nonce, body));
  return `WECHATPAY2-SHA256-RSA2048 mchid="${signer.mchid}",nonce_str="${nonce}",signature="${signature}",timestamp="${timestamp}",serial_no="${signer.serial}"`;
}

/** The fields of an `Authorization` header (the local stand-in checks a merchant's requests with it); null when malformed. */
export function parseAuthorization(header: string | undefined): { mchid: string; nonce: string; signature: string; timestamp: string; serial: string } | null {
  const m = /^WECHATPAY2-SHA256-RSA2048 (.*)$/.exec(header ?? '');
  if (!m) return null;
  const fields = new Map<string, string>();
  for (const part of m[1].split(',')) {
    const kv = /^\s*([a-z_]+)="([^"]*)"\s*$/.exec(part);
    if (!kv || fields.has(kv[1])) return null;
    fields.set(kv[1], kv[2]);
  }
  const [mchid, nonce, signature, timestamp, serial] = ['mchid', 'nonce_str', 'signature', 'timestamp', 'serial_no'].map((k) => fields.get(k));
  if (!mchid || !nonce || !signature || !timestamp || !serial) return null;
  return { mchid, nonce, signature, timestamp, serial };
}
