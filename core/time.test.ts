import fc from 'fast-check';
import { DAY, addMonths, at, dayOf, endOfDay, monthOf, monthRange, parseIso, startOfDay, toIso, wallClock } from './time';

/**
 * Expected values are written by hand. `npm test` runs this file under TZ=UTC and TZ=America/Los_Angeles
 * (scripts/test.sh); the instants below sit on the days the host zones of Los Angeles and Berlin change
 * their clocks, where the host's zone and dayjs' tz plugin used to give +07:00/+09:00 and shifted days.
 */
const utc = (iso: string) => Date.parse(iso);

describe('Asia/Shanghai wall time, whatever the host zone', () => {
  it('toIso writes +08:00 all year, on the days other zones change their clocks', () => {
    expect(toIso(utc('2026-11-24T02:31:12.999Z'))).toBe('2026-11-24T10:31:12+08:00');
    expect(toIso(utc('2026-03-08T03:00:00Z'))).toBe('2026-03-08T11:00:00+08:00'); // Los Angeles springs forward
    expect(toIso(utc('2026-11-01T05:00:00Z'))).toBe('2026-11-01T13:00:00+08:00'); // … and falls back
    expect(toIso(utc('2020-11-01T00:46:40Z'))).toBe('2020-11-01T08:46:40+08:00');
    expect(toIso(utc('2026-03-29T01:30:00Z'))).toBe('2026-03-29T09:30:00+08:00'); // Berlin
    expect(toIso(utc('2026-12-31T16:00:00Z'))).toBe('2027-01-01T00:00:00+08:00');
    expect(toIso(utc('2026-12-31T15:59:59Z'))).toBe('2026-12-31T23:59:59+08:00');
  });

  it('a Shanghai day ends at its own midnight (R-INT-6 handover), also on a Los Angeles clock-change weekend', () => {
    // 2026-03-07 10:00 in Shanghai; the host zone's tz plugin used to end this day at 01:00 the next morning.
    const saturday = utc('2026-03-07T02:00:00Z');
    expect(toIso(endOfDay(saturday))).toBe('2026-03-08T00:00:00+08:00');
    expect(toIso(startOfDay(saturday))).toBe('2026-03-07T00:00:00+08:00');
    expect(toIso(endOfDay(utc('2026-11-01T17:30:00Z')))).toBe('2026-11-03T00:00:00+08:00');
    expect(toIso(endOfDay(utc('2026-11-01T15:59:59.999Z')))).toBe('2026-11-02T00:00:00+08:00');
    expect(dayOf(utc('2026-11-01T16:00:00Z'))).toBe('2026-11-02');
  });

  it('every instant lies in its Shanghai day, which starts at 00:00:00+08:00 and lasts exactly 24 hours', () => {
    fc.assert(
      fc.property(fc.integer({ min: utc('1992-01-01T00:00:00Z'), max: utc('2100-01-01T00:00:00Z') }), (ms) => {
        const from = startOfDay(ms);
        return (
          from <= ms && ms < endOfDay(ms) && endOfDay(ms) - from === DAY && toIso(from) === `${dayOf(ms)}T00:00:00+08:00` && parseIso(toIso(ms)) === ms - (ms % 1000)
        );
      }),
    );
  });

  it('a month runs from its first Shanghai midnight to the next month’s (R-REP-7 report)', () => {
    const iso = (r: { from: number; to: number }) => [new Date(r.from).toISOString(), new Date(r.to).toISOString()];
    expect(iso(monthRange('2026-03'))).toEqual(['2026-02-28T16:00:00.000Z', '2026-03-31T16:00:00.000Z']);
    expect(iso(monthRange('2026-11'))).toEqual(['2026-10-31T16:00:00.000Z', '2026-11-30T16:00:00.000Z']);
    expect(iso(monthRange('2026-12'))).toEqual(['2026-11-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z']);
    expect(iso(monthRange('2028-02'))).toEqual(['2028-01-31T16:00:00.000Z', '2028-02-29T16:00:00.000Z']);
    expect(monthOf(utc('2026-11-30T16:00:00Z'))).toBe('2026-12');
    expect(addMonths('2026-11', 1)).toBe('2026-12');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(() => monthRange('2026-13')).toThrow(RangeError);
  });

  it('wall-clock readings and wall times are Shanghai’s', () => {
    expect(wallClock(utc('2026-11-28T15:50:00Z'))).toEqual({ year: 2026, month: 11, day: 28, hour: 23, minute: 50, second: 0, weekday: 6 });
    expect(wallClock(utc('2026-11-28T16:10:00Z'))).toMatchObject({ day: 29, hour: 0, weekday: 0 });
    expect(toIso(at('2026-03-08', 9, 30))).toBe('2026-03-08T09:30:00+08:00');
    expect(() => at('2026-02-30')).toThrow(RangeError);
    expect(() => toIso(NaN)).toThrow(RangeError);
  });

  it('parseIso reads only times that say their offset; a bare wall time is refused, not read in the host zone', () => {
    expect(parseIso('2026-11-24T10:00:00+08:00')).toBe(utc('2026-11-24T02:00:00Z'));
    expect(parseIso('2026-11-24T02:00:00Z')).toBe(utc('2026-11-24T02:00:00Z'));
    expect(parseIso('2026-11-24T02:00:00.250-05:00')).toBe(utc('2026-11-24T07:00:00.250Z'));
    expect(parseIso('2026-11-24T10:00:00')).toBeNaN();
    expect(parseIso('2026-11-24')).toBeNaN();
    expect(parseIso('昨天')).toBeNaN();
  });
});
