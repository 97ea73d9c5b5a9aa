import type { Clock } from '../../core/ports/clock';
import { errcodeOf, postJson } from './http';

/** The server-side access token WeChat's APIs take as `?access_token=`. */
export interface AccessTokenSource {
  token(): Promise<string>;
  /** The token was refused (40001/42001): forget it so the next call fetches one again. */
  invalidate(token: string): void;
}

export class WeChatUnavailable extends Error {
  constructor(readonly errcode: number | null) {
    super(errcode === null ? 'wechat unreachable' : `wechat errcode ${errcode}`);
  }
}

/**
 * The stable access token (`POST /cgi-bin/stable_token`, grant_type client_credential): fetched once,
 * cached until shortly before it expires, shared by concurrent callers. Normal mode only: force_refresh
 * would invalidate the token every other instance of the function holds.
 */
export function stableTokenSource(opts: { appid: string; secret: string; baseUrl: string; clock: Clock; timeoutMs?: number }): AccessTokenSource {
  let cached: { token: string; refreshAt: number } | null = null;
  let inFlight: Promise<string> | null = null;

  const fetchToken = async () => {
    const body = await postJson(`${opts.baseUrl}/cgi-bin/stable_token`, { grant_type: 'client_credential', appid: opts.appid, secret: opts.secret }, opts.timeoutMs ?? 3000);
    if (!body) throw new WeChatUnavailable(null);
    const token = body.access_token;
    const expiresIn = body.expires_in;
    if (errcodeOf(body) !== 0 || typeof token !== 'string' || !token || typeof expiresIn !== 'number' || expiresIn <= 0) throw new WeChatUnavailable(errcodeOf(body));
    // Refresh five minutes early (WeChat's tokens last 7200 s), or halfway for a short-lived one.
    const margin = Math.min(300, expiresIn / 2);
    cached = { token, refreshAt: opts.clock.now() + (expiresIn - margin) * 1000 };
    return token;
  };

  return {
    async token() {
      if (cached && opts.clock.now() < cached.refreshAt) return cached.token;
      inFlight ??= fetchToken().finally(() => {
        inFlight = null;
      });
      return inFlight;
    },
    invalidate(token) {
      if (cached?.token === token) cached = null;
    },
  };
}
