import { at } from '../../shanghai';
import { deadlineDay, isOverdue, monthsLater, nextAfter, overdueFrom, payByDeadline } from './arrears';

describe('arrears rules (Shanghai calendar, whatever the host zone)', () => {
  it('[R-FEE-7] a monthly bill is overdue from the first midnight of the next month, not a second before', () => {
    expect(overdueFrom('2026-10')).toBe(at('2026-11-01'));
    expect(isOverdue('2026-10', at('2026-11-01') - 1)).toBe(false);
    expect(isOverdue('2026-10', at('2026-11-01'))).toBe(true);
    expect(isOverdue('2026-12', at('2027-01-01', 0, 1))).toBe(true);
  });

  it('[R-FEE-7] the demand letter is due 3 calendar months after the reminder, the legal channel 3 after the letter (month ends clamped)', () => {
    expect(monthsLater(at('2026-11-30', 9, 30), 3)).toBe(at('2027-02-28', 9, 30));
    expect(monthsLater(at('2026-08-31', 23, 59), 3)).toBe(at('2026-11-30', 23, 59));
    expect(nextAfter('reminder', at('2026-12-02', 10))).toEqual({ step: 'demand_letter', dueAt: at('2027-03-02', 10) });
    expect(nextAfter('demand_letter', at('2027-03-02', 10))).toEqual({ step: 'legal', dueAt: at('2027-06-02', 10) });
    expect(nextAfter('legal', at('2027-06-02', 10))).toEqual({ step: null, dueAt: null });
  });

  it('[R-FEE-7] a reminder asks to pay within 15 days: by the end of the 15th Shanghai day on', () => {
    const d = payByDeadline(at('2026-12-02', 23, 30));
    expect(deadlineDay(d)).toBe('2026-12-17');
    expect(d).toBe(at('2026-12-18'));
  });
});
