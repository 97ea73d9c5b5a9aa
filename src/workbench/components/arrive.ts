import Taro from '@tarojs/taro';
import { ApiError, call, type Output } from '../../api/client';

type Arrived = Output<'workbench', 'arrive'>;

/**
 * 到场签到. Before the window agreed with the resident the view carries `arrivalWarning` (core decides):
 * the technician reads it and confirms, and the check-in is recorded as early — not on time (R-REP-4).
 * Should the platform refuse a check-in the page thought was in time (its view was older), the same
 * question is asked with the platform's words. Null: the technician chose not to check in yet.
 */
export async function arriveConfirmed(c: { id: string; arrivalWarning: string | null }): Promise<Arrived | null> {
  const ask = async (content: string) =>
    (await Taro.showModal({ title: '早于预约时间', content, confirmText: '确认签到', cancelText: '暂不签到' })).confirm;
  if (c.arrivalWarning) return (await ask(c.arrivalWarning)) ? call('workbench', 'arrive', { id: c.id, early: true }) : null;
  try {
    return await call('workbench', 'arrive', { id: c.id });
  } catch (e) {
    if (!(e instanceof ApiError && e.code === 'CASE.EARLY_ARRIVAL')) throw e;
    return (await ask(e.message)) ? call('workbench', 'arrive', { id: c.id, early: true }) : null;
  }
}
