import { z } from 'zod';
import { lazy } from '../../core/schemas/lazy';
import type { Clock } from '../../core/ports/clock';
import type { PhoneVerifier } from '../../core/ports/phoneVerifier';
import type { Logger } from '../../core/ports/runtime';
import { wechatPhoneVerifier } from './phoneNumber';
import { stableTokenSource } from './stableToken';

/**
 * The mini-program's credentials, from the function's environment variables only (never the
 * repository, never a log): `WECHAT_APPID`, `WECHAT_APPSECRET`, and `WECHAT_API_BASE` for tests.
 */
export const wechatEnv = lazy(() => z.object({
  WECHAT_APPID: z.string().regex(/^wx[0-9a-zA-Z]{8,32}$/),
  WECHAT_APPSECRET: z.string().min(16).max(128),
  WECHAT_API_BASE: z.url().default('https://api.weixin.qq.com'),
}));

/**
 * The phone-number verifier the CloudBase bootstrap wires in; null when no credentials are set (every
 * code is then "unavailable" and claims wait for the desk). Half a configuration fails at start, naming
 * the variables, never their values.
 */
export function phoneVerifierFromEnv(env: Record<string, string | undefined>, clock: Clock, log: Logger): PhoneVerifier | null {
  if (!env.WECHAT_APPID && !env.WECHAT_APPSECRET) return null;
  const parsed = wechatEnv().safeParse(env);
  if (!parsed.success) throw new Error(`WeChat configuration invalid: ${[...new Set(parsed.error.issues.map((i) => i.path.join('.')))].join(', ')}`);
  const { WECHAT_APPID: appid, WECHAT_APPSECRET: secret, WECHAT_API_BASE: base } = parsed.data;
  const baseUrl = base.replace(/\/+$/, '');
  return wechatPhoneVerifier({ appid, baseUrl, log, tokens: stableTokenSource({ appid, secret, baseUrl, clock }) });
}
