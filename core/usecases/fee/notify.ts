import type { RawNotification } from '../../ports/payments';
import type { Deps } from '../../ports/runtime';
import { settle, type SettleResult } from './settle';

export interface NotifyAnswer {
  statusCode: number;
  /** WeChat Pay v3 reads `{ code, message }` on failures; success answers have no body. */
  body: string;
}

const failure = (statusCode: number, code: string, message: string): NotifyAnswer => ({ statusCode, body: JSON.stringify({ code, message }) });

/**
 * The WeChat Pay v3 notification (R-FEE-5): checked by the Payments port (signature with the key the
 * serial names, timestamp within 5 minutes, no SIGNTEST probe, AES-256-GCM decrypted); refused ones
 * change nothing and answer 401. A checked one is settled in ONE transaction (`settle`). Answers: 204
 * when booked, already booked, or nothing to book (not SUCCESS, unknown order); 400 for a wrong
 * amount/merchant (refused, staff alerted); 500 on any failure, so that WeChat retries.
 */
export async function handleNotification(deps: Deps, raw: RawNotification): Promise<NotifyAnswer> {
  const payments = deps.payments;
  if (!payments) {
    deps.log.error({ fn: 'payNotify' }, 'payments not configured');
    return failure(500, 'FAIL', '系统繁忙');
  }
  const now = deps.clock.now();
  const check = payments.checkNotification(raw, now);
  if (!check.ok) {
    deps.log.warn({ fn: 'payNotify', refused: check.reason }, 'notification refused');
    return failure(401, 'SIGN_ERROR', '验签失败');
  }
  if (check.eventType !== 'TRANSACTION.SUCCESS') {
    deps.log.info({ fn: 'payNotify', id: check.id, eventType: check.eventType }, 'notification acknowledged without change');
    return { statusCode: 204, body: '' };
  }
  let result: SettleResult;
  try {
    result = await deps.store.transaction((tx) => settle({ tx, now: deps.clock.now(), ids: deps.ids, merchant: { mchid: payments.mchid, appid: payments.appid } }, check.transaction, 'notify'));
  } catch (e) {
    deps.log.error({ fn: 'payNotify', id: check.id, outTradeNo: check.transaction.outTradeNo, err: e instanceof Error ? e.message : String(e) }, 'settlement failed');
    return failure(500, 'FAIL', '系统繁忙');
  }
  deps.afterCommit?.();
  deps.log.info({ fn: 'payNotify', id: check.id, outTradeNo: check.transaction.outTradeNo, result: result.kind }, 'notification handled');
  if (result.kind === 'mismatch') return failure(400, 'FAIL', '订单信息不符');
  return { statusCode: 204, body: '' };
}
