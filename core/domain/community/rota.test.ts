import { at } from '../../shanghai';
import { dutyShiftAt, onDutyTechnicianOf, shiftBounds } from './rota';

describe('duty rota shifts (Asia/Shanghai, whatever the host zone)', () => {
  it('[R-REP-3] 08:00–20:00 is the day shift, 20:00–08:00 the night shift of the day it starts on', () => {
    expect(dutyShiftAt(at('2026-12-05', 8, 0))).toEqual({ day: '2026-12-05', shift: 'day' });
    expect(dutyShiftAt(at('2026-12-05', 19, 59))).toEqual({ day: '2026-12-05', shift: 'day' });
    expect(dutyShiftAt(at('2026-12-05', 20, 0))).toEqual({ day: '2026-12-05', shift: 'night' });
    expect(dutyShiftAt(at('2026-12-06', 3, 0))).toEqual({ day: '2026-12-05', shift: 'night' });
    expect(dutyShiftAt(at('2026-12-06', 7, 59))).toEqual({ day: '2026-12-05', shift: 'night' });
    expect(dutyShiftAt(at('2027-01-01', 0, 30))).toEqual({ day: '2026-12-31', shift: 'night' });
  });
  it('a shift lasts 12 hours and holds exactly its own instants', () => {
    for (const s of [{ day: '2026-12-05', shift: 'day' as const }, { day: '2026-12-31', shift: 'night' as const }]) {
      const { from, to } = shiftBounds(s);
      expect(to - from).toBe(12 * 3_600_000);
      expect([dutyShiftAt(from), dutyShiftAt(to - 1)]).toEqual([s, s]);
      expect(dutyShiftAt(to)).not.toEqual(s);
    }
  });
});

describe('who is paged for an emergency', () => {
  const staff = [
    { userId: 'tech-1', role: 'technician', onDuty: true },
    { userId: 'tech-2', role: 'technician', onDuty: false },
    { userId: 'frontdesk', role: 'frontdesk', onDuty: false },
  ];
  it('[R-REP-3] the first technician the rota names for the shift, else the default on-duty technician', () => {
    expect(onDutyTechnicianOf(staff, ['tech-2'])).toEqual({ member: staff[1], source: 'rota' });
    expect(onDutyTechnicianOf(staff, ['gone', 'frontdesk', 'tech-2'])).toEqual({ member: staff[1], source: 'rota' });
    expect(onDutyTechnicianOf(staff, [])).toEqual({ member: staff[0], source: 'default' });
    expect(onDutyTechnicianOf(staff, ['frontdesk'])).toEqual({ member: staff[0], source: 'default' });
    expect(onDutyTechnicianOf(staff.map((s) => ({ ...s, onDuty: false })), ['frontdesk'])).toBeNull();
  });
});
