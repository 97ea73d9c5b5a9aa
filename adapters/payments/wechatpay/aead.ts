import { nodeCrypto } from '../../platform/nodeCrypto';

/**
 * AEAD_AES_256_GCM as WeChat Pay uses it for notification resources and certificates: key = the APIv3
 * key's bytes, IV = the nonce's bytes (12 characters), AAD = associated_data, and the 16-byte tag
 * appended to the ciphertext before base64. A 16-byte key (AES-128-GCM) is accepted too, because the
 * published wechatpay-go vectors use one; production configuration requires 32 bytes (config.ts).
 */
const TAG_BYTES = 16;

function algorithmFor(key: Buffer): 'aes-128-gcm' | 'aes-256-gcm' {
  if (key.length === 32) return 'aes-256-gcm';
  if (key.length === 16) return 'aes-128-gcm';
  throw new Error('AEAD key must be 16 or 32 bytes');
}

/** The plaintext (UTF-8); throws when the tag does not match (a changed byte, wrong key, nonce or AAD). */
export function aeadDecrypt(key: Buffer, nonce: string, associatedData: string, ciphertextBase64: string): string {
  const data = Buffer.from(ciphertextBase64, 'base64');
  if (data.length < TAG_BYTES) throw new Error('ciphertext shorter than its tag');
  const decipher = nodeCrypto().createDecipheriv(algorithmFor(key), key, Buffer.from(nonce, 'utf8'), { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(associatedData, 'utf8'));
  decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
  return Buffer.concat([decipher.update(data.subarray(0, data.length - TAG_BYTES)), decipher.final()]).toString('utf8');
}

/** base64(ciphertext ‖ tag): what WeChat Pay sends (the local stand-in encrypts with it). */
export function aeadEncrypt(key: Buffer, nonce: string, associatedData: string, plaintext: string): string {
  const cipher = nodeCrypto().createCipheriv(algorithmFor(key), key, Buffer.from(nonce, 'utf8'), { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([body, cipher.getAuthTag()]).toString('base64');
}
