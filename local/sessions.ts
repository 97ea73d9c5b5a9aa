import { randomBytes } from 'node:crypto';

/** Local stand-in for WeChat login: an opaque token per signed-in demo user, held in memory. */
export class Sessions {
  private readonly byToken = new Map<string, string>();
  open(openid: string): string {
    const token = randomBytes(24).toString('base64url');
    this.byToken.set(token, openid);
    return token;
  }
  openidOf(token: string | undefined): string | null {
    return (token && this.byToken.get(token)) || null;
  }
}

export function tokenOf(headers: { authorization?: string; cookie?: string }): string | undefined {
  const auth = headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim();
  const m = /(?:^|;\s*)wuye_token=([^;]+)/.exec(headers.cookie ?? '');
  return m ? decodeURIComponent(m[1]) : undefined;
}
