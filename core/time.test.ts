import { dayjs, toIso } from './time';

it('toIso formats Asia/Shanghai exactly as the time-zone database does', () => {
  const samples = [694_195_200_000, Date.parse('2026-11-24T02:31:12.999Z'), Date.parse('2026-12-31T16:00:00Z'), Date.parse('2030-06-30T23:59:59Z')];
  for (let i = 0; i < 200; i++) samples.push(694_195_200_000 + Math.floor((i / 200) * 2_000_000_000_000));
  for (const ms of samples) expect(toIso(ms)).toBe(dayjs(ms).tz('Asia/Shanghai').format('YYYY-MM-DDTHH:mm:ssZ'));
  expect(toIso(Date.parse('2026-11-24T02:31:12Z'))).toBe('2026-11-24T10:31:12+08:00');
  expect(toIso(Date.parse('2026-07-01T00:00:00Z'), 'Europe/Berlin')).toBe('2026-07-01T02:00:00+02:00');
});
