import { z } from 'zod';
import { lazy } from '../../../core/schemas/lazy';
import type { NotificationCheck, RawNotification } from '../../../core/ports/payments';
import { aeadDecrypt } from './aead';
import { toProviderTransaction } from './transaction';
import { checkSigned, type VerificationKeys } from './verifier';

/** The envelope of a WeChat Pay v3 notification (the resource stays encrypted until the signature holds). */
const envelope = lazy(() => z.object({
  id: z.string().min(1).max(64),
  event_type: z.string().min(1).max(64),
  resource_type: z.string().optional(),
  resource: z.object({
    algorithm: z.literal('AEAD_AES_256_GCM'),
    ciphertext: z.string().min(1),
    nonce: z.string().min(1).max(64),
    associated_data: z.string().optional(),
    original_type: z.string().optional(),
  }),
}));

export type OpenedNotification =
  | { ok: true; id: string; eventType: string; originalType?: string; plaintext: string }
  | { ok: false; reason: Extract<NotificationCheck, { ok: false }>['reason'] };

/**
 * Signature first (over the raw body, with the key the serial names; time within 5 minutes; probes
 * refused), then the envelope, then AEAD decryption with the APIv3 key. Never throws.
 */
export function openNotification(raw: RawNotification, now: number, keys: VerificationKeys, apiV3Key: Buffer): OpenedNotification {
  const signed = checkSigned(keys, raw.headers, raw.body, now);
  if (!signed.ok) return signed;
  let json: unknown;
  try {
    json = JSON.parse(raw.body);
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const parsed = envelope().safeParse(json);
  if (!parsed.success) return { ok: false, reason: 'malformed' };
  const { id, event_type, resource } = parsed.data;
  let plaintext: string;
  try {
    plaintext = aeadDecrypt(apiV3Key, resource.nonce, resource.associated_data ?? '', resource.ciphertext);
  } catch {
    return { ok: false, reason: 'decrypt' };
  }
  return { ok: true, id, eventType: event_type, ...(resource.original_type ? { originalType: resource.original_type } : {}), plaintext };
}

/** A payment notification (`TRANSACTION.SUCCESS` and kin): verified, decrypted, its resource as a ProviderTransaction. */
export function checkTransactionNotification(raw: RawNotification, now: number, keys: VerificationKeys, apiV3Key: Buffer): NotificationCheck {
  const opened = openNotification(raw, now, keys, apiV3Key);
  if (!opened.ok) return opened;
  let resource: unknown;
  try {
    resource = JSON.parse(opened.plaintext);
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const transaction = toProviderTransaction(resource);
  if (!transaction) return { ok: false, reason: 'malformed' };
  return { ok: true, id: opened.id, eventType: opened.eventType, transaction };
}
