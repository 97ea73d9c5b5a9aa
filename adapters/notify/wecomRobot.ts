import type { PushSender } from '../../core/ports/notifier';
import { errcodeOf, postKeyed } from './http';

/** Refused for good: bad webhook key (93000), message type (40008), parameters (40058, 44004 empty). */
const REFUSED = new Set([93000, 40008, 40058, 44004]);

/**
 * A 企业微信 group robot: `POST <webhook url>` (https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…)
 * with `{ msgtype: 'markdown', markdown: { content } }` → `{ errcode, errmsg }`. The webhook URL is a
 * secret (its key lets anyone post): from settings only, never logged. 45009 (frequency limit), -1
 * and unreachable are retried with the same key; the 20-a-minute budget itself is kept by the delivery
 * (core/usecases/outbox/deliverPushes.ts), which merges the excess into one digest.
 */
export function wecomRobotSender(opts: { webhookUrl: string; timeoutMs?: number }): PushSender {
  return {
    async send(push) {
      if (push.channel !== 'wecom') return { result: 'failed', error: 'not a robot post' };
      const answer = await postKeyed(opts.webhookUrl, { msgtype: 'markdown', markdown: { content: push.markdown } }, push.key, opts.timeoutMs ?? 5000);
      if (!answer) return { result: 'retry', error: 'robot webhook unreachable' };
      const errcode = errcodeOf(answer);
      if (errcode === 0) return { result: 'sent' };
      return { result: REFUSED.has(errcode) ? 'failed' : 'retry', error: `errcode ${errcode}` };
    },
  };
}
