import type { SubscribeKey } from '../../core/domain/notify/subscribe';
import type { PushSender } from '../../core/ports/notifier';
import type { AccessTokenSource } from '../wechat/stableToken';
import { errcodeOf, postKeyed } from './http';

/** 43101: the user refused, or has no accept of this template left. */
const NO_CONSENT = 43101;
/** The access token was refused: invalid (40001, 40014) or expired (42001). */
const TOKEN_REFUSED = new Set([40001, 40014, 42001]);
/** Refused for good: bad openid (40003), template id (40037), page (41030), field values (47003). */
const REFUSED = new Set([40003, 40037, 41030, 47003]);

/**
 * WeChat subscribe messages (`subscribeMessage.send`): `POST /cgi-bin/message/subscribe/send?access_token=…`
 * with `{ touser, template_id, page, data: { <field>: { value } }, miniprogram_state, lang }` →
 * `{ errcode, errmsg }`. Template ids per our keys come from settings. A refused token is dropped and
 * the send tried once more; -1 (busy), quota and unreachable are retried later with the same key.
 */
export function wechatSubscribeSender(opts: {
  tokens: AccessTokenSource;
  baseUrl: string;
  templates: Partial<Record<SubscribeKey, string>>;
  state?: 'developer' | 'trial' | 'formal';
  timeoutMs?: number;
}): PushSender {
  return {
    templates: opts.templates,
    async send(push) {
      if (push.channel !== 'wechat') return { result: 'failed', error: 'not a subscribe message' };
      const templateId = opts.templates[push.template];
      if (!templateId) return { result: 'failed', error: `no template id for ${push.template}` };
      const body = {
        touser: push.openid,
        template_id: templateId,
        page: push.page,
        data: Object.fromEntries(Object.entries(push.data).map(([k, value]) => [k, { value }])),
        miniprogram_state: opts.state ?? 'formal',
        lang: 'zh_CN',
      };
      for (let attempt = 0; attempt < 2; attempt++) {
        let token: string;
        try {
          token = await opts.tokens.token();
        } catch (e) {
          return { result: 'retry', error: `access token unavailable (${(e as { errcode?: number | null }).errcode ?? 'unreachable'})` };
        }
        const answer = await postKeyed(`${opts.baseUrl}/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`, body, push.key, opts.timeoutMs ?? 5000);
        if (!answer) return { result: 'retry', error: 'subscribeMessage.send unreachable' };
        const errcode = errcodeOf(answer);
        if (errcode === 0) return { result: 'sent' };
        if (errcode === NO_CONSENT) return { result: 'noConsent', error: 'errcode 43101' };
        if (TOKEN_REFUSED.has(errcode) && attempt === 0) {
          opts.tokens.invalidate(token);
          continue;
        }
        return { result: REFUSED.has(errcode) ? 'failed' : 'retry', error: `errcode ${errcode}` };
      }
      return { result: 'retry', error: 'access token refused twice' };
    },
  };
}
