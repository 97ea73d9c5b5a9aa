import Taro from '@tarojs/taro';
import { call, newRequestId, type Input } from '../api/client';

/** Our template keys (the handler map's), never WeChat's raw ids. */
type SubscribeKey = Input<'account', 'subscribe'>['accepted'][number];

/** The templates this deployment has (our keys → WeChat template ids), fetched before any tap needs them. */
let templates: { key: SubscribeKey; id: string }[] = [];
let loading: Promise<void> | null = null;

export function prefetchSubscribeTemplates(): void {
  loading ??= call('account', 'subscribeTemplates', {})
    .then((v) => {
      templates = v.templates;
    })
    .catch(() => {
      loading = null; // try again on the next page
    });
}

/**
 * Asks the resident to accept the templates for what they are about to do. MUST be called synchronously
 * from a tap handler (WeChat refuses `requestSubscribeMessage` otherwise), before any await. Each accept
 * is recorded with `account.subscribe` (our keys, never raw ids) and allows the product one message of
 * that template; a refusal, a closed dialog or a lost answer records nothing (never more than consented).
 */
export function askSubscribe(keys: SubscribeKey[]): void {
  const wanted = templates.filter((t) => keys.includes(t.key)).slice(0, 3);
  if (!wanted.length) return;
  try {
    Taro.requestSubscribeMessage({
      tmplIds: wanted.map((t) => t.id),
      entityIds: [],
      success(res) {
        const accepted = wanted.filter((t) => res[t.id] === 'accept').map((t) => t.key);
        if (accepted.length) call('account', 'subscribe', { requestId: newRequestId(), accepted }).catch(() => undefined);
      },
      fail() {},
    });
  } catch {
    // An old WeChat without subscribe messages: the message center still has everything.
  }
}
