import { randomBytes } from 'node:crypto';

export interface SessionRules {
  /** How long a token lives from sign-in, on the platform clock (ms). */
  ttlMs: number;
  /** Sessions one user may hold at once; signing in past it ends the oldest. */
  maxPerUser: number;
}

export const SESSION_DEFAULTS: SessionRules = { ttlMs: 7 * 24 * 3_600_000, maxPerUser: 10 };

interface Session {
  openid: string;
  expiresAt: number;
}

/**
 * Local stand-in for WeChat login: an opaque random token per sign-in, held in memory. Tokens expire
 * (`ttlMs` after sign-in, measured on the platform clock), can be ended (logout), and one user holds at
 * most `maxPerUser` of them, so memory stays bounded by the number of users.
 */
export class Sessions {
  private readonly byToken = new Map<string, Session>();
  /** Each user's tokens, oldest first. */
  private readonly byUser = new Map<string, string[]>();

  constructor(
    private readonly now: () => number,
    private readonly rules: SessionRules = SESSION_DEFAULTS,
  ) {}

  open(openid: string): string {
    const token = randomBytes(24).toString('base64url');
    const at = this.now();
    const live = (this.byUser.get(openid) ?? []).filter((t) => {
      const s = this.byToken.get(t);
      if (s && s.expiresAt > at) return true;
      this.byToken.delete(t);
      return false;
    });
    live.push(token);
    while (live.length > this.rules.maxPerUser) this.byToken.delete(live.shift()!);
    this.byUser.set(openid, live);
    this.byToken.set(token, { openid, expiresAt: at + this.rules.ttlMs });
    return token;
  }

  openidOf(token: string | undefined): string | null {
    const s = token ? this.byToken.get(token) : undefined;
    if (!s) return null;
    if (s.expiresAt <= this.now()) {
      this.close(token);
      return null;
    }
    return s.openid;
  }

  /** Ends one session; answers whether there was one. */
  close(token: string | undefined): boolean {
    const s = token ? this.byToken.get(token) : undefined;
    if (!s || !token) return false;
    this.byToken.delete(token);
    const rest = (this.byUser.get(s.openid) ?? []).filter((t) => t !== token);
    if (rest.length) this.byUser.set(s.openid, rest);
    else this.byUser.delete(s.openid);
    return true;
  }
}

export function tokenOf(headers: { authorization?: string; cookie?: string }): string | undefined {
  const auth = headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim();
  const m = /(?:^|;\s*)wuye_token=([^;]+)/.exec(headers.cookie ?? '');
  if (!m) return undefined;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return undefined;
  }
}
