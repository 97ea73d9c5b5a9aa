import { APPOINTMENT_HORIZON_MS, APPOINTMENT_PAST_GRACE_MS, appointmentIssues, reportMonthIssues } from './dateBounds';
import { DAY, HOUR, MINUTE } from '../time';

const now = Date.parse('2026-11-24T10:30:00+08:00');
const iso = (ms: number) => new Date(ms).toISOString();
const window = (fromMs: number, toMs: number) => ({ from: iso(fromMs), to: iso(toMs) });

describe('item 6: dates are bounded against the request time', () => {
  it('item 6: [R-REP-4] an appointment in 9999 is refused', () => {
    expect(appointmentIssues({ from: '9999-12-31T14:00:00+08:00', to: '9999-12-31T18:00:00+08:00' }, now)).toEqual({ 'preferredTime.to': '请选择 30 天以内的时间' });
  });

  it('item 6: [R-REP-4] a window within the next 30 days is accepted, a minute beyond is not', () => {
    expect(appointmentIssues(window(now + 2 * HOUR, now + 5 * HOUR), now)).toBeNull();
    expect(appointmentIssues(window(now + APPOINTMENT_HORIZON_MS - 4 * HOUR, now + APPOINTMENT_HORIZON_MS), now)).toBeNull();
    expect(appointmentIssues(window(now + APPOINTMENT_HORIZON_MS - 4 * HOUR, now + APPOINTMENT_HORIZON_MS + MINUTE), now)).toEqual({ 'preferredTime.to': '请选择 30 天以内的时间' });
  });

  it('item 6: a window that began a little earlier is fine; one from the past is refused', () => {
    expect(appointmentIssues(window(now - APPOINTMENT_PAST_GRACE_MS, now + 3 * HOUR), now)).toBeNull();
    expect(appointmentIssues(window(now - APPOINTMENT_PAST_GRACE_MS - MINUTE, now + 3 * HOUR), now)).toEqual({ 'preferredTime.from': '方便的时间不能早于现在，请重新选择' });
    expect(appointmentIssues(window(now - 3 * HOUR, now), now)).toEqual({ 'preferredTime.to': '该时间段已经过去，请重新选择' });
    expect(appointmentIssues({ from: '0001-01-01T09:00:00+08:00', to: '0001-01-01T12:00:00+08:00' }, now)).toEqual({ 'preferredTime.to': '该时间段已经过去，请重新选择' });
  });

  it('item 6: a window starts before it ends and lasts at most 12 hours', () => {
    expect(appointmentIssues(window(now + 5 * HOUR, now + 2 * HOUR), now)).toEqual({ preferredTime: '方便的时间段应先开始后结束' });
    expect(appointmentIssues(window(now + 2 * HOUR, now + 2 * HOUR), now)).toEqual({ preferredTime: '方便的时间段应先开始后结束' });
    expect(appointmentIssues(window(now + HOUR, now + 13 * HOUR), now)).toBeNull();
    expect(appointmentIssues(window(now + HOUR, now + 13 * HOUR + MINUTE), now)).toEqual({ preferredTime: '方便的时间段请不要超过 12 小时' });
    expect(appointmentIssues(window(now + HOUR, now + 20 * DAY), now)).toEqual({ preferredTime: '方便的时间段请不要超过 12 小时' });
  });

  it('item 6: no window is no issue', () => {
    expect(appointmentIssues(undefined, now)).toBeNull();
  });

  it('item 6: a report month lies between 2000-01 and the current month in community time', () => {
    expect(reportMonthIssues('2026-11', now)).toBeNull();
    expect(reportMonthIssues('2000-01', now)).toBeNull();
    expect(reportMonthIssues('2026-12', now)).toEqual({ month: '还没有该月的数据，请选择本月或以前的月份' });
    expect(reportMonthIssues('9999-12', now)).toEqual({ month: '还没有该月的数据，请选择本月或以前的月份' });
    expect(reportMonthIssues('1999-12', now)).toEqual({ month: '请选择 2000 年 1 月以后的月份' });
    expect(reportMonthIssues('0000-01', now)).toEqual({ month: '请选择 2000 年 1 月以后的月份' });
    // 2026-11-30 16:30 UTC is already 1 December in Shanghai: December is the current month there.
    expect(reportMonthIssues('2026-12', Date.parse('2026-11-30T16:30:00Z'))).toBeNull();
  });
});
