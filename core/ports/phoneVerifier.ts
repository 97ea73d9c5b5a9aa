/**
 * Proof that a phone number belongs to the caller: the mini-program's `getPhoneNumber` button yields a
 * one-time code; the server exchanges it with WeChat's phone-number API (locally: with the platform's
 * stand-in). Exchanges never throw: WeChat being unreachable is an answer (`unavailable`), not a bug.
 */
export type PhoneExchange =
  | { ok: true; phone: string }
  /** `invalid`: unknown, expired or already used code (WeChat 40029); `unavailable`: the service could not answer. */
  | { ok: false; reason: 'invalid' | 'unavailable' };

export interface PhoneVerifier {
  /**
   * The verified phone behind a one-time code. Mainland numbers come back as the 11 digits the household
   * register holds (`13800001101`); others as `+<country code><number>`, which match no register entry.
   */
  exchange(code: string): Promise<PhoneExchange>;
}
