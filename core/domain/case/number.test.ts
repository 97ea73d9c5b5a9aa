import { caseNumberKey, formatCaseNumber } from './number';

describe('case numbers (工单编号)', () => {
  const hostZone = process.env.TZ;
  afterEach(() => {
    if (hostZone === undefined) delete process.env.TZ;
    else process.env.TZ = hostZone;
  });

  it.each(['UTC', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Kiritimati'])('the day is Shanghai’s, turning at 16:00 UTC, under host zone %s', (zone) => {
    process.env.TZ = zone;
    expect(caseNumberKey('repair', Date.parse('2026-12-02T15:59:59.999Z'))).toEqual({ prefix: 'BX', day: '20261202' });
    expect(caseNumberKey('complaint', Date.parse('2026-12-02T16:00:00Z'))).toEqual({ prefix: 'TS', day: '20261203' });
    expect(caseNumberKey('other', Date.parse('2026-12-31T16:00:00Z'))).toEqual({ prefix: 'QT', day: '20270101' });
  });

  it('prefix, day and a 4-digit sequence; a sequence below 1 is a bug', () => {
    expect(formatCaseNumber({ prefix: 'BX', day: '20261202' }, 7)).toBe('BX20261202-0007');
    expect(formatCaseNumber({ prefix: 'ZX', day: '20261202' }, 12345)).toBe('ZX20261202-12345');
    expect(() => formatCaseNumber({ prefix: 'BX', day: '20261202' }, 0)).toThrow(RangeError);
  });
});
