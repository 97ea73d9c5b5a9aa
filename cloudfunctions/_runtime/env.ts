import { z } from 'zod';
import { lazy } from '../../core/schemas/lazy';
import { wechatEnv } from '../../adapters/wechat/config';
import { pushEnv } from '../../adapters/notify/config';
import { wxpayEnv } from '../../adapters/payments/wechatpay/config';

/** `mysql://user:password@host:port/database` — host and database named; the password may be empty. */
const mysqlUrl = lazy(() => z.string().refine((s) => {
  try {
    const u = new URL(s);
    return u.protocol === 'mysql:' && u.hostname !== '' && /^\/[^/]+$/.test(u.pathname);
  } catch {
    return false;
  }
}, 'mysql://user:password@host:port/database'));

/**
 * Every setting a deployed cloud function reads, by environment variable name — the ONE place they are
 * declared (cloudbaserc.json lists the same names with empty values; the values are set in the
 * CloudBase console, never in the repository). A feature that needs a setting appends it here, in its
 * own section; `cloudfunctions/_runtime/cloudbase.ts` wires the adapters from the parsed result.
 * Variables set to an empty string count as unset.
 */
export const functionEnv = lazy(() => z
  .object({
    // ── Store: CloudBase MySQL over its private-network direct connection (or TDSQL-C / MySQL in a VPC).
    DB_URL: mysqlUrl(),
    /** Connections per function instance (module scope, reused across invocations). */
    DB_POOL_SIZE: z.coerce.number().int().min(1).max(2).default(2),

    // ── WeChat phone-number verification (adapters/wechat/config.ts): both set, or neither.
    WECHAT_APPID: wechatEnv().shape.WECHAT_APPID.optional(),
    WECHAT_APPSECRET: wechatEnv().shape.WECHAT_APPSECRET.optional(),
    WECHAT_API_BASE: wechatEnv().shape.WECHAT_API_BASE,

    // ── Staff notifications: the 企业微信 group robot's webhook (its `key` is a secret).
    WECOM_ROBOT_WEBHOOK: z.url({ protocol: /^https?$/ }).optional(),

    // ── Residents' WeChat subscribe messages (adapters/notify/config.ts): template ids per our keys
    // (core/domain/notify/subscribe.ts); a key without an id is never asked for nor sent. Needs
    // WECHAT_APPID/WECHAT_APPSECRET, and `subscribeMessage.send` in the sending function's config.json.
    WECHAT_TMPL_CASE_PROGRESS: pushEnv().shape.WECHAT_TMPL_CASE_PROGRESS,
    WECHAT_TMPL_REPAIR_QUOTE: pushEnv().shape.WECHAT_TMPL_REPAIR_QUOTE,
    WECHAT_TMPL_BINDING_RESULT: pushEnv().shape.WECHAT_TMPL_BINDING_RESULT,
    WECHAT_MINIPROGRAM_STATE: pushEnv().shape.WECHAT_MINIPROGRAM_STATE,

    // ── WeChat Pay API v3 (adapters/payments/wechatpay/config.ts): none of them (no payments), or a
    // complete set — checked together, naming the variables, when the function's adapters are wired.
    WXPAY_MCHID: wxpayEnv().shape.WXPAY_MCHID.optional(),
    WXPAY_APPID: wxpayEnv().shape.WXPAY_APPID.optional(),
    WXPAY_SERIAL: wxpayEnv().shape.WXPAY_SERIAL.optional(),
    WXPAY_PRIVATE_KEY: wxpayEnv().shape.WXPAY_PRIVATE_KEY.optional(),
    WXPAY_APIV3_KEY: wxpayEnv().shape.WXPAY_APIV3_KEY.optional(),
    WXPAY_PUBLIC_KEY_ID: wxpayEnv().shape.WXPAY_PUBLIC_KEY_ID,
    WXPAY_PUBLIC_KEY: wxpayEnv().shape.WXPAY_PUBLIC_KEY,
    WXPAY_PLATFORM_CERTS: wxpayEnv().shape.WXPAY_PLATFORM_CERTS,
    WXPAY_NOTIFY_URL: wxpayEnv().shape.WXPAY_NOTIFY_URL.optional(),
    WXPAY_BASE_URL: wxpayEnv().shape.WXPAY_BASE_URL,

    // ── Files: the CloudBase environment whose storage holds the photos (default: the function's own).
    CLOUDBASE_ENV_ID: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{2,62}$/)
      .optional(),
  })
  .superRefine((env, ctx) => {
    if (Boolean(env.WECHAT_APPID) !== Boolean(env.WECHAT_APPSECRET)) {
      ctx.addIssue({ code: 'custom', path: [env.WECHAT_APPID ? 'WECHAT_APPSECRET' : 'WECHAT_APPID'], message: 'WECHAT_APPID and WECHAT_APPSECRET go together' });
    }
    if ((env.WECHAT_TMPL_CASE_PROGRESS || env.WECHAT_TMPL_REPAIR_QUOTE || env.WECHAT_TMPL_BINDING_RESULT) && !env.WECHAT_APPID) {
      ctx.addIssue({ code: 'custom', path: ['WECHAT_APPID'], message: 'subscribe messages need the mini-program credentials' });
    }
  }));
export type FunctionEnv = z.infer<ReturnType<typeof functionEnv>>;

/** What is wrong with a configuration: variable NAMES only, never a value (values may be secrets). */
export interface EnvProblems {
  missing: string[];
  invalid: string[];
}

export type EnvResult = { ok: true; env: FunctionEnv } | ({ ok: false } & EnvProblems);

export function parseFunctionEnv(raw: Record<string, string | undefined>): EnvResult {
  const set = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = functionEnv().safeParse(set);
  if (parsed.success) return { ok: true, env: parsed.data };
  const names = [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? '_')))];
  return { ok: false, missing: names.filter((n) => !(n in set)), invalid: names.filter((n) => n in set) };
}

/** One sentence for the log and the refused store: `missing DB_URL; invalid WECHAT_APPID`. */
export function describeEnvProblems(p: EnvProblems): string {
  return [p.missing.length ? `missing ${p.missing.join(', ')}` : '', p.invalid.length ? `invalid ${p.invalid.join(', ')}` : ''].filter(Boolean).join('; ');
}
