import { z } from 'zod';
import { lazy } from '../../core/schemas/lazy';
import type { Clock } from '../../core/ports/clock';
import type { PushSender } from '../../core/ports/notifier';
import { stableTokenSource } from '../wechat/stableToken';
import { wechatEnv } from '../wechat/config';
import { wechatSubscribeSender } from './wechatSubscribe';
import { wecomRobotSender } from './wecomRobot';

/** A subscribe template id as the mini-program's admin console shows it. */
const templateId = lazy(() => z.string().regex(/^[A-Za-z0-9_-]{10,64}$/).optional());

/**
 * Push settings, names only in the repository (values are the deployment's secrets/settings):
 * `WECHAT_TMPL_CASE_PROGRESS`, `WECHAT_TMPL_REPAIR_QUOTE`, `WECHAT_TMPL_BINDING_RESULT` (template ids
 * per our keys, core/domain/notify/subscribe.ts), `WECHAT_MINIPROGRAM_STATE` (formal by default), and
 * `WECOM_ROBOT_WEBHOOK` (the group robot's full webhook URL — it carries the robot's key: a secret).
 */
export const pushEnv = lazy(() => z.object({
  WECHAT_TMPL_CASE_PROGRESS: templateId(),
  WECHAT_TMPL_REPAIR_QUOTE: templateId(),
  WECHAT_TMPL_BINDING_RESULT: templateId(),
  WECHAT_MINIPROGRAM_STATE: z.enum(['developer', 'trial', 'formal']).default('formal'),
  WECOM_ROBOT_WEBHOOK: z.url().optional(),
}));

/**
 * The push senders a deployment has: WeChat subscribe messages when the app's credentials and at least
 * one template id are set, the robot when its webhook is. A bad value fails at start, naming the
 * variables, never their values.
 */
export function pushSendersFromEnv(env: Record<string, string | undefined>, clock: Clock): { wechat?: PushSender; wecom?: PushSender } {
  const parsed = pushEnv().safeParse(env);
  if (!parsed.success) throw new Error(`push configuration invalid: ${[...new Set(parsed.error.issues.map((i) => i.path.join('.')))].join(', ')}`);
  const p = parsed.data;
  const templates = Object.fromEntries(
    Object.entries({ caseProgress: p.WECHAT_TMPL_CASE_PROGRESS, repairQuote: p.WECHAT_TMPL_REPAIR_QUOTE, bindingResult: p.WECHAT_TMPL_BINDING_RESULT }).filter(([, v]) => v),
  );
  const out: { wechat?: PushSender; wecom?: PushSender } = {};
  if (Object.keys(templates).length) {
    const w = wechatEnv().safeParse(env);
    if (!w.success) throw new Error(`WeChat configuration invalid: ${[...new Set(w.error.issues.map((i) => i.path.join('.')))].join(', ')}`);
    const baseUrl = w.data.WECHAT_API_BASE.replace(/\/+$/, '');
    const tokens = stableTokenSource({ appid: w.data.WECHAT_APPID, secret: w.data.WECHAT_APPSECRET, baseUrl, clock });
    out.wechat = wechatSubscribeSender({ tokens, baseUrl, templates, state: p.WECHAT_MINIPROGRAM_STATE });
  }
  if (p.WECOM_ROBOT_WEBHOOK) out.wecom = wecomRobotSender({ webhookUrl: p.WECOM_ROBOT_WEBHOOK });
  return out;
}
