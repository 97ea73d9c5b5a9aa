import { randomBytes } from 'node:crypto';
import type { Clock } from '../core/ports/clock';
import type { PhoneExchange, PhoneVerifier } from '../core/ports/phoneVerifier';

/** WeChat's getPhoneNumber codes are valid 5 minutes and exchange once; so are these. */
export const PHONE_CODE_TTL_MS = 5 * 60_000;
const LIVE_CODES_PER_USER = 5;
const LIVE_CODES_TOTAL = 10_000;

interface Issued {
  owner: string;
  phone: string;
  expiresAt: number;
}

/**
 * The local platform's stand-in for WeChat's phone-number API: `/local/phone-code` hands a signed-in demo
 * user a one-time code for the phone on file (as the getPhoneNumber button does in WeChat), and the
 * functions exchange it exactly as they would with WeChat: once, within 5 minutes (platform time).
 */
export class LocalPhoneCodes implements PhoneVerifier {
  private readonly codes = new Map<string, Issued>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs = PHONE_CODE_TTL_MS,
  ) {}

  issue(owner: string, phone: string): string {
    const now = this.clock.now();
    for (const [code, c] of this.codes) if (c.expiresAt <= now) this.codes.delete(code);
    const mine = [...this.codes].filter(([, c]) => c.owner === owner);
    for (const [code] of mine.slice(0, Math.max(0, mine.length - LIVE_CODES_PER_USER + 1))) this.codes.delete(code);
    while (this.codes.size >= LIVE_CODES_TOTAL) this.codes.delete(this.codes.keys().next().value!);
    const code = randomBytes(32).toString('hex');
    this.codes.set(code, { owner, phone, expiresAt: now + this.ttlMs });
    return code;
  }

  async exchange(code: string): Promise<PhoneExchange> {
    const c = this.codes.get(code);
    this.codes.delete(code);
    if (!c || c.expiresAt <= this.clock.now()) return { ok: false, reason: 'invalid' };
    return { ok: true, phone: c.phone };
  }
}
