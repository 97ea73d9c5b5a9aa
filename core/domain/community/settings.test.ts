import { DAY, HOUR, MINUTE } from '../../time';
import { replay } from '../case/replay';
import { arrivalDueFor, DEFAULT_SLA, deadlinesOf, nextDueAt, urgentAt, type SlaConfig } from '../case/deadlines';
import { submittedEvent } from '../../../test/support/factories';
import { CommunitySettingsError, communitySettingsOf, DEFAULT_RENOVATION_SETTINGS, parseCommunitySettings } from './settings';
import { durationLabel, durationMs } from './duration';

const responsible = { customer_service: 'frontdesk' };
const parsed = (sla: unknown) => parseCommunitySettings({ responsible, sla });
const slaOf = (sla: unknown): SlaConfig => {
  const r = parsed(sla);
  if (!r.ok) throw new Error(JSON.stringify(r.error.fields));
  return r.data.sla;
};
const refusal = (sla: unknown) => {
  const r = parsed(sla);
  return r.ok ? 'accepted' : r.error.fields;
};

describe('named durations', () => {
  it('reads days, hours and minutes; refuses months, seconds, signs and empty forms', () => {
    expect([durationMs('PT15M'), durationMs('PT24H'), durationMs('P2D'), durationMs('P1DT12H30M')]).toEqual([15 * MINUTE, 24 * HOUR, 2 * DAY, DAY + 12 * HOUR + 30 * MINUTE]);
    for (const bad of ['P', 'PT', 'P1DT', 'P1M', 'P1Y', 'PT30S', '-PT5M', 'PT1.5H', '15m', '', ' PT5M'])
      expect([bad, Number.isNaN(durationMs(bad))]).toEqual([bad, true]);
    expect([durationLabel(15 * MINUTE), durationLabel(DAY + 12 * HOUR), durationLabel(7 * DAY)]).toEqual(['15 分钟', '1 天 12 小时', '7 天']);
  });
});

describe('community settings (parsed, bounded, merged deeply)', () => {
  it('absent settings are the rule book: R-REP-3/4, R-REP-6, R-CMP-2, R-ESC-2/3 figures', () => {
    expect(slaOf(undefined)).toEqual(DEFAULT_SLA);
    expect(slaOf({})).toEqual(DEFAULT_SLA);
    expect(DEFAULT_SLA).toEqual({
      emergencyArrivalMs: 15 * MINUTE,
      repairResponseMs: 24 * HOUR,
      replyMs: 2 * DAY,
      complaintResolutionMs: { major: 10 * DAY, serious: 3 * DAY, minor: 2 * DAY },
      callbackMs: 2 * DAY,
      leakCallbackMs: 3 * DAY,
      supervisorAfterMs: 2 * DAY,
      managerAfterMs: 7 * DAY,
      warnShare: 0.2,
    });
  });

  it('[R-CMP-2] a partial value merges deeply: one complaint level set, the other levels and settings keep their defaults', () => {
    const sla = slaOf({ complaintResolution: { minor: 'P1D' }, repairResponse: 'PT4H' });
    expect(sla).toEqual({ ...DEFAULT_SLA, repairResponseMs: 4 * HOUR, complaintResolutionMs: { major: 10 * DAY, serious: 3 * DAY, minor: DAY } });
    // …and every complaint level still has a deadline (a shallow merge left major/serious undefined → NaN).
    for (const level of ['major', 'serious', 'minor'] as const) {
      const s = replay([submittedEvent({ kind: 'complaint', level }, 0)])!;
      expect([level, deadlinesOf(s, 0, sla).find((d) => d.name === 'resolution')!.dueAt]).toEqual([level, sla.complaintResolutionMs[level]]);
    }
  });

  it('[R-REP-3] the emergency window is configurable only downward from 15 minutes: longer is refused, naming the setting', () => {
    expect(refusal({ emergencyArrival: 'PT20M' })).toEqual({ 'sla.emergencyArrival': '急修到场时限不能超过 15 分钟（急修时限只能缩短）' });
    expect(refusal({ emergencyArrival: 'PT0M' })).toEqual({ 'sla.emergencyArrival': '急修到场时限不能短于 1 分钟' });
    const sla = slaOf({ emergencyArrival: 'PT10M' });
    expect(arrivalDueFor({ emergency: true, preferredTime: null }, 0, sla)).toBe(10 * MINUTE);
  });

  it('[R-REP-4][R-REP-6][R-CMP-2] no window may promise more than the rule book; each refusal names its setting', () => {
    expect(refusal({ repairResponse: 'PT25H' })).toEqual({ 'sla.repairResponse': '报修默认上门时限不能超过 1 天' });
    expect(refusal({ callback: 'P3D', leakCallback: 'P4D' })).toEqual({ 'sla.callback': '维修回访时限不能超过 2 天', 'sla.leakCallback': '漏水维修回访时限不能超过 3 天' });
    expect(refusal({ complaintResolution: { major: 'P11D', serious: 'P4D' } })).toEqual({
      'sla.complaintResolution.major': '重大投诉办结时限不能超过 10 天',
      'sla.complaintResolution.serious': '重要投诉办结时限不能超过 3 天',
    });
    expect(refusal({ reply: 'PT10M' })).toEqual({ 'sla.reply': '咨询类答复时限不能短于 1 小时' });
  });

  it('[R-ESC-2][R-ESC-3] the escalation ladder may only be sooner (2 days, 1 week at most), the manager after the supervisor', () => {
    expect(refusal({ supervisorAfter: 'P3D' })).toEqual({ 'sla.supervisorAfter': '转客服主管时限不能超过 2 天' });
    expect(refusal({ managerAfter: 'P8D' })).toEqual({ 'sla.managerAfter': '转经理时限不能超过 7 天' });
    expect(refusal({ supervisorAfter: 'P1D', managerAfter: 'PT20H' })).toEqual({ 'sla.managerAfter': '转经理时限应晚于转客服主管时限（1 天）' });
    expect(slaOf({ supervisorAfter: 'P1D', managerAfter: 'P5D' })).toMatchObject({ supervisorAfterMs: DAY, managerAfterMs: 5 * DAY });
  });

  it('the warning share is a fraction strictly between 0 and 1', () => {
    expect(refusal({ warnShare: 0 })).toEqual({ 'sla.warnShare': '预警比例应大于 0' });
    expect(refusal({ warnShare: 1 })).toEqual({ 'sla.warnShare': '预警比例应小于 1' });
    expect(refusal({ warnShare: '0.2' })).toEqual({ 'sla.warnShare': '预警比例应为 0 到 1 之间的小数，如 0.2' });
    expect(slaOf({ warnShare: 0.5 }).warnShare).toBe(0.5);
  });

  it('no value can make a deadline NaN: numbers, nulls, bad durations and unknown keys (old spellings, typos) are refused', () => {
    expect(refusal({ repairResponse: 4 * HOUR })).toEqual({ 'sla.repairResponse': '报修默认上门时限请写成时长，如 PT15M（15 分钟）、PT24H（24 小时）、P2D（2 天）' });
    expect(refusal({ reply: null })).toMatchObject({ 'sla.reply': expect.stringContaining('请写成时长') });
    expect(refusal({ reply: 'two days' })).toEqual({ 'sla.reply': '咨询类答复时限格式有误，请写成时长，如 PT15M（15 分钟）、PT24H（24 小时）、P2D（2 天）' });
    expect(refusal({ repairResponseMs: 4 * HOUR })).toEqual({ 'sla.repairResponseMs': '未知的设置项「sla.repairResponseMs」，请检查拼写' });
    expect(refusal({ complaintResolution: { minr: 'P1D' } })).toEqual({ 'sla.complaintResolution.minr': '未知的设置项「sla.complaintResolution.minr」，请检查拼写' });
    expect(refusal({ complaintResolution: 'P1D' })).toEqual({ 'sla.complaintResolution': '投诉办结时限应按级别填写，如 {"minor":"P1D"}' });
    expect(refusal('P1D')).toEqual({ sla: '服务时限应为对象，如 {"repairResponse":"PT4H"}' });
  });

  it('every accepted combination gives finite deadlines for repairs, 急修, complaints and consultations (seeded sweep over partial settings)', () => {
    const choices: Record<string, unknown[]> = {
      emergencyArrival: [undefined, 'PT1M', 'PT10M', 'PT15M'],
      repairResponse: [undefined, 'PT15M', 'PT4H', 'PT24H'],
      reply: [undefined, 'PT1H', 'P2D'],
      complaintResolution: [undefined, {}, { major: 'P1D' }, { serious: 'PT5H', minor: 'P1D' }],
      callback: [undefined, 'PT1H', 'P1D'],
      leakCallback: [undefined, 'P3D'],
      supervisorAfter: [undefined, 'PT1H', 'P1D'],
      managerAfter: [undefined, 'P3D', 'P7D'],
      warnShare: [undefined, 0.01, 0.5, 0.99],
    };
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    let accepted = 0;
    for (let i = 0; i < 120; i++) {
      const sla = Object.fromEntries(Object.entries(choices).map(([k, v]) => [k, v[rand(v.length)]]).filter(([, v]) => v !== undefined));
      const r = parsed(sla);
      if (!r.ok) continue;
      accepted++;
      for (const kind of ['repair', 'complaint', 'consultation'] as const) {
        for (const emergency of [false, true]) {
          const e = submittedEvent({ kind, emergency, level: kind === 'complaint' ? 'serious' : null }, 0);
          const s = replay([{ ...e, arrivalDue: arrivalDueFor({ emergency, preferredTime: null }, 0, r.data.sla) }])!;
          const times = [...deadlinesOf(s, 0, r.data.sla).map((d) => d.dueAt), nextDueAt(s, r.data.sla), urgentAt(s, r.data.sla)];
          expect(times.every((t) => t !== null && Number.isFinite(t))).toBe(true);
        }
      }
    }
    expect(accepted).toBeGreaterThan(60);
  });

  it('the responsible front desk is required; departments are the known ones', () => {
    expect(parseCommunitySettings({ sla: {} })).toMatchObject({ ok: false, error: { fields: { responsible: '请设置各部门负责人，至少包括客服中心负责人' } } });
    expect(parseCommunitySettings({ responsible: { maintenance: 'tech-1' } })).toMatchObject({ ok: false, error: { fields: { 'responsible.customer_service': '客服中心负责人应为员工编号' } } });
    expect(parseCommunitySettings({ responsible: { customer_service: 'fd', plumbing: 'x' } })).toMatchObject({ ok: false, error: { fields: { 'responsible.plumbing': expect.stringContaining('未知的设置项') } } });
    expect(parseCommunitySettings({ responsible: { customer_service: 'fd', maintenance: 'tech-1' } })).toMatchObject({ ok: true, data: { responsible: { customer_service: 'fd', maintenance: 'tech-1' } } });
  });

  it('stored settings that do not parse throw CommunitySettingsError naming the community and each setting, in Chinese', () => {
    const read = (json: string) => {
      try {
        return communitySettingsOf('demo', json);
      } catch (e) {
        return e;
      }
    };
    const bad = read(JSON.stringify({ responsible, sla: { emergencyArrival: 'PT30M', warnShare: 2 } }));
    expect(bad).toBeInstanceOf(CommunitySettingsError);
    expect((bad as Error).message).toBe('小区「demo」的服务设置有误，请修正后再启动：sla.emergencyArrival（急修到场时限不能超过 15 分钟（急修时限只能缩短））；sla.warnShare（预警比例应小于 1）');
    expect((read('{"responsible":') as Error).message).toBe('小区「demo」的服务设置有误，请修正后再启动：(settings)（不是合法的 JSON）');
    expect(read(JSON.stringify({ responsible }))).toEqual({ responsible, sla: DEFAULT_SLA, renovation: DEFAULT_RENOVATION_SETTINGS });
  });
});

describe('renovation settings', () => {
  const reno = (renovation: unknown) => parseCommunitySettings({ responsible, renovation });
  it('[R-REN-8][R-REN-7] inspections every 2 days and a 24-hour closure test unless the community sets otherwise', () => {
    expect(reno(undefined)).toMatchObject({ ok: true, data: { renovation: { inspectionIntervalMs: 2 * DAY, closureTestMs: 24 * HOUR } } });
    expect(reno({ inspectionInterval: 'P3D' })).toMatchObject({ ok: true, data: { renovation: { inspectionIntervalMs: 3 * DAY, closureTestMs: 24 * HOUR } } });
    expect(reno({ closureTest: 'PT48H' })).toMatchObject({ ok: true, data: { renovation: { closureTestMs: 48 * HOUR } } });
  });
  it('[R-REN-7][R-REN-8] refuses a closure test shorter than 24 hours, inspections further apart than a week, and unknown keys', () => {
    expect(reno({ closureTest: 'PT12H' })).toMatchObject({ ok: false, error: { fields: { 'renovation.closureTest': '闭水试验时长不能短于 1 天' } } });
    expect(reno({ inspectionInterval: 'P8D' })).toMatchObject({ ok: false, error: { fields: { 'renovation.inspectionInterval': expect.stringContaining('装修巡查间隔不能超过') } } });
    expect(reno({ inspectionInterval: 'PT1H' })).toMatchObject({ ok: false, error: { fields: { 'renovation.inspectionInterval': expect.stringContaining('不能短于') } } });
    expect(reno({ interval: 'P2D' })).toMatchObject({ ok: false, error: { fields: { 'renovation.interval': expect.stringContaining('未知的设置项') } } });
  });
});
