import type { KeyObject } from 'node:crypto';
import { nodeCrypto } from '../../platform/nodeCrypto';
import { messageOf, rsaVerify } from './sign';

/**
 * The keys WeChat Pay signs answers and notifications with, chosen by the `Wechatpay-Serial` header:
 * `PUB_KEY_ID_…` names a WeChat Pay public key (public-key mode); anything else is a platform
 * certificate's serial number (certificate mode). A merchant switching modes receives both for a while,
 * so both can be configured at once.
 */
export interface VerificationKeys {
  /** Public keys by id (`PUB_KEY_ID_0114…`). */
  publicKeys: ReadonlyMap<string, KeyObject>;
  /** Platform certificates' keys by serial number (upper-case hex, no leading zeros). */
  certificates: ReadonlyMap<string, KeyObject>;
}

export const PUBLIC_KEY_ID = /^PUB_KEY_ID_[0-9A-Za-z_-]{1,64}$/;

/** Upper-case hex without leading zeros: `00d7ce…` and `D7CE…` are the same serial. */
export const normalSerial = (serial: string) => serial.trim().toUpperCase().replace(/^0+(?=.)/, '');

/** Keys from PEM text: public keys with their ids, certificates (their serials read from them). Throws on a bad PEM. */
export function verificationKeys(input: { publicKeys?: { id: string; pem: string }[]; certificates?: string[] }): VerificationKeys {
  const publicKeys = new Map<string, KeyObject>();
  for (const { id, pem } of input.publicKeys ?? []) {
    if (!PUBLIC_KEY_ID.test(id)) throw new Error('a WeChat Pay public key id starts with PUB_KEY_ID_');
    publicKeys.set(id, rsaPublicKey(nodeCrypto().createPublicKey(pem)));
  }
  const certificates = new Map<string, KeyObject>();
  for (const pem of input.certificates ?? []) {
    const cert = new (nodeCrypto().X509Certificate)(pem);
    certificates.set(normalSerial(cert.serialNumber), rsaPublicKey(cert.publicKey));
  }
  return { publicKeys, certificates };
}

function rsaPublicKey(key: KeyObject): KeyObject {
  if (key.asymmetricKeyType !== 'rsa') throw new Error('WeChat Pay keys are RSA keys');
  return key;
}

/** Every certificate in a PEM text (a file may hold several, e.g. the old and the new during a rotation). */
export const certificatesIn = (pem: string): string[] => pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];

export function keyForSerial(keys: VerificationKeys, serial: string): KeyObject | undefined {
  if (serial.startsWith('PUB_KEY_ID_')) return keys.publicKeys.get(serial);
  return /^[0-9A-Fa-f]{1,64}$/.test(serial) ? keys.certificates.get(normalSerial(serial)) : undefined;
}

/** How far a signed message's timestamp may be from now, either way. */
export const MAX_SKEW_MS = 5 * 60_000;
/** WeChat Pay's deliberate probes carry a signature with this prefix: a merchant must refuse them. */
export const PROBE_PREFIX = 'WECHATPAY/SIGNTEST/';

export type SignedCheck = { ok: true; serial: string } | { ok: false; reason: 'malformed' | 'probe' | 'stale' | 'unknown_serial' | 'signature' };

/**
 * Checks an answer or a notification signed by WeChat Pay: the `Wechatpay-Timestamp/-Nonce/-Signature/
 * -Serial` headers (names lower-case), signature over `timestamp\nnonce\nbody\n` with the key the serial
 * names, timestamp within 5 minutes of `now` (ms). Never throws.
 */
export function checkSigned(keys: VerificationKeys, headers: Record<string, string | undefined>, body: string, now: number): SignedCheck {
  const timestamp = headers['wechatpay-timestamp'];
  const nonce = headers['wechatpay-nonce'];
  const signature = headers['wechatpay-signature'];
  const serial = headers['wechatpay-serial'];
  if (!timestamp || !nonce || !signature || !serial || !/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'malformed' };
  const type = headers['wechatpay-signature-type'];
  if (type !== undefined && type !== 'WECHATPAY2-SHA256-RSA2048') return { ok: false, reason: 'malformed' };
  if (signature.startsWith(PROBE_PREFIX)) return { ok: false, reason: 'probe' };
  if (Math.abs(now - Number(timestamp) * 1000) > MAX_SKEW_MS) return { ok: false, reason: 'stale' };
  const key = keyForSerial(keys, serial);
  if (!key) return { ok: false, reason: 'unknown_serial' };
  if (!rsaVerify(key, messageOf(timestamp, nonce, body), signature)) return { ok: false, reason: 'signature' };
  return { ok: true, serial };
}
