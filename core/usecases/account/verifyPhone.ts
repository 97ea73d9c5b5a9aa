import type { PhoneExchange, PhoneVerifier } from '../../ports/phoneVerifier';

/**
 * Exchanges a getPhoneNumber code for the verified phone; no code → null (nothing to verify). A
 * missing verifier or one that throws counts as WeChat being unavailable: the request then waits for
 * the front desk instead of failing.
 */
export async function verifyPhone(verifier: PhoneVerifier | undefined, code: string | undefined): Promise<PhoneExchange | null> {
  if (!code) return null;
  if (!verifier) return { ok: false, reason: 'unavailable' };
  try {
    return await verifier.exchange(code);
  } catch {
    return { ok: false, reason: 'unavailable' };
  }
}
