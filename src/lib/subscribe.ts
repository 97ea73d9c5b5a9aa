import type { Input } from '../api/client';

/** Our template keys (the handler map's), never WeChat's raw ids. */
type SubscribeKey = Input<'account', 'subscribe'>['accepted'][number];


/**
 * Subscribe messages exist only in the mini-program (subscribe.weapp.ts). On H5 (the front desk's PC,
 * the local platform) there is nothing to ask: these are no-ops, and residents read the message center.
 */
export function prefetchSubscribeTemplates(): void {}

export function askSubscribe(_keys: SubscribeKey[]): void {}
