import { audienceOf, emergencyDispatchStep, masterOf, residentSteps } from './audience';
import { at } from '../../shanghai';
import type { CaseEvent } from './types';

const base = { at: 0, by: 'system', byName: '系统', note: '内部备注' };

describe('[R-ACC-5] the resident-facing steps, per event type', () => {
  it('[R-ACC-5] system bookkeeping and pauses are not the resident\'s', () => {
    const internal: CaseEvent[] = [
      { ...base, type: 'warned', deadline: 'arrival', dueAt: 0 },
      { ...base, type: 'breached', deadline: 'arrival', dueAt: 0 },
      { ...base, type: 'escalated', to: 'supervisor', toName: '周丽', level: 1, reason: '超时' },
      { ...base, type: 'paused', reason: 'parts' },
      { ...base, type: 'resumed' },
    ] as unknown as CaseEvent[];
    expect(internal.map((e) => [e.type, residentSteps(e)])).toEqual(internal.map((e) => [e.type, []]));
  });

  it('[R-ACC-5] a dispatch names the technician as 王师傅 and drops the staff note', () => {
    expect(residentSteps({ ...base, by: 'frontdesk', byName: '张敏', type: 'dispatched', to: 'tech-1', toName: '王强', note: '钥匙在前台' })).toEqual([{ label: '已派单给王师傅', note: null }]);
    expect([masterOf('欧阳明'), masterOf(''), masterOf(null)]).toEqual(['欧师傅', '维修师傅', '维修师傅']);
  });

  it('[R-REP-3] the emergency dispatch says by when, in Shanghai time', () => {
    expect(emergencyDispatchStep('王强', at('2026-12-02', 9, 15)).note).toBe('急修，值班师傅将于 09:15 前到场');
  });

  it('[R-ACC-5] staff of the case\'s community read the staff timeline; residents and staff of other communities do not', () => {
    const staff = { userId: 's', name: 's', staff: [{ communityId: 'demo', role: 'frontdesk' as const }], households: [] };
    expect([audienceOf(staff, { communityId: 'demo' }), audienceOf(staff, { communityId: 'other' }), audienceOf({ ...staff, staff: [] }, { communityId: 'demo' }), audienceOf(null, { communityId: 'demo' })]).toEqual([
      'staff',
      'resident',
      'resident',
      'resident',
    ]);
  });
});
