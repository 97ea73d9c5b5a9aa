import { z } from 'zod';
import { lazy } from '../../core/schemas/lazy';
import type { PhoneExchange, PhoneVerifier } from '../../core/ports/phoneVerifier';
import type { Logger } from '../../core/ports/runtime';
import { errcodeOf, postJson } from './http';
import type { AccessTokenSource } from './stableToken';

const phoneInfo = lazy(() => z.object({
  phoneNumber: z.string(),
  purePhoneNumber: z.string().regex(/^\d{4,20}$/),
  countryCode: z.union([z.string(), z.number()]).transform(String).pipe(z.string().regex(/^\d{1,4}$/)),
  watermark: z.object({ appid: z.string(), timestamp: z.number() }),
}));

/** 40029: the code is invalid, expired (5 min) or used (codes exchange once). */
const INVALID_CODE = 40029;
/** The access token was refused: invalid (40001, 40014) or expired (42001). */
const TOKEN_REFUSED = new Set([40001, 40014, 42001]);

/**
 * WeChat's phone-number API (手机号快速验证): `POST /wxa/business/getuserphonenumber?access_token=…`
 * with `{ code }` → `{ errcode, errmsg, phone_info: { phoneNumber, purePhoneNumber, countryCode,
 * watermark: { appid, timestamp } } }`. A phone whose watermark names another mini-program is refused.
 * A refused token is dropped and the exchange tried once more; -1 (busy), 45011 (quota), timeouts and
 * anything else are "unavailable". Logs carry error codes only — never the code, token, secret or phone.
 */
export function wechatPhoneVerifier(opts: { appid: string; tokens: AccessTokenSource; baseUrl: string; log: Logger; timeoutMs?: number }): PhoneVerifier {
  const unavailable: PhoneExchange = { ok: false, reason: 'unavailable' };
  return {
    async exchange(code) {
      for (let attempt = 0; attempt < 2; attempt++) {
        let token: string;
        try {
          token = await opts.tokens.token();
        } catch (e) {
          opts.log.warn({ errcode: (e as { errcode?: number | null }).errcode ?? null }, 'wechat access token unavailable');
          return unavailable;
        }
        const url = `${opts.baseUrl}/wxa/business/getuserphonenumber?access_token=${encodeURIComponent(token)}`;
        const body = await postJson(url, { code }, opts.timeoutMs ?? 3000);
        if (!body) {
          opts.log.warn({}, 'wechat phone-number API unreachable');
          return unavailable;
        }
        const errcode = errcodeOf(body);
        if (errcode === 0) {
          const info = phoneInfo().safeParse(body.phone_info);
          if (!info.success) {
            opts.log.warn({}, 'wechat phone-number API answered without phone_info');
            return unavailable;
          }
          if (info.data.watermark.appid !== opts.appid) {
            opts.log.warn({}, 'wechat phone watermark names another appid');
            return { ok: false, reason: 'invalid' };
          }
          const { countryCode, purePhoneNumber } = info.data;
          return { ok: true, phone: countryCode === '86' ? purePhoneNumber : `+${countryCode}${purePhoneNumber}` };
        }
        if (errcode === INVALID_CODE) return { ok: false, reason: 'invalid' };
        if (TOKEN_REFUSED.has(errcode) && attempt === 0) {
          opts.tokens.invalidate(token);
          continue;
        }
        opts.log.warn({ errcode }, 'wechat phone-number API refused');
        return unavailable;
      }
      return unavailable;
    },
  };
}
