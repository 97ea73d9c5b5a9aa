import { eventOf, stateAfter, submittedEvent } from '../../../test/support/factories';
import type { CaseEvent } from '../../domain/case/types';
import { monthRange } from '../../time';
import { isInvalid } from './monthlyComplaints';
import { rate } from './scope';

const T = Date.parse('2026-11-24T09:00:00+08:00');

describe('[R-CMP-6] the monthly complaint summary’s pure parts', () => {
  it('[R-CMP-6] a month is the Shanghai calendar month, whatever the host zone: its first and last instants', () => {
    const { from, to } = monthRange('2026-11');
    expect([new Date(from).toISOString(), new Date(to).toISOString()]).toEqual(['2026-10-31T16:00:00.000Z', '2026-11-30T16:00:00.000Z']);
    // 23:59 on 30 November in Shanghai is November; 00:00 on 1 December is not.
    expect(Date.parse('2026-11-30T23:59:59+08:00')).toBeLessThan(to);
    expect(Date.parse('2026-12-01T00:00:00+08:00')).toBe(to);
    expect(monthRange('2026-12').to - monthRange('2026-12').from).toBe(31 * 86_400_000);
  });

  it('[R-CMP-5][R-CMP-6] a complaint counts as invalid when its state names the reason, or its log holds the marking; not otherwise', () => {
    const events: CaseEvent[] = [submittedEvent({ kind: 'complaint', category: 'noise' }, T)];
    const s = stateAfter(events);
    expect(isInvalid(s, events)).toBe(false);
    // The complaint record of the complaint flow (cmp13): `complaint.invalidReason`.
    expect(isInvalid({ ...s, complaint: { invalidReason: '经核实为邻里纠纷，已告知住户' } } as never, events)).toBe(true);
    expect(isInvalid({ ...s, complaint: { invalidReason: null } } as never, events)).toBe(false);
    const marked = [...events, { ...eventOf('urged', T + 1), type: 'markedInvalid' } as unknown as CaseEvent];
    expect(isInvalid(s, marked)).toBe(true);
  });

  it('rates are percentages with one decimal, null when there is nothing to rate', () => {
    expect([rate(1, 3), rate(2, 3), rate(0, 0), rate(3, 3)]).toEqual([33.3, 66.7, null, 100]);
  });
});
