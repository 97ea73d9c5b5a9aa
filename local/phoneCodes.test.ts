import { LocalPhoneCodes, PHONE_CODE_TTL_MS } from './phoneCodes';

describe('local phone codes (the stand-in for WeChat getPhoneNumber codes)', () => {
  let now = 1_000_000;
  const clock = { now: () => now };

  it('[R-ACC-1] a code exchanges once, for the phone it was issued for, within 5 minutes', async () => {
    const codes = new LocalPhoneCodes(clock);
    const a = codes.issue('resident-new', '13800005678');
    const b = codes.issue('resident-new', '13800005678');
    expect(a).not.toBe(b);
    expect(await codes.exchange(a)).toEqual({ ok: true, phone: '13800005678' });
    expect(await codes.exchange(a)).toEqual({ ok: false, reason: 'invalid' });
    now += PHONE_CODE_TTL_MS;
    expect(await codes.exchange(b)).toEqual({ ok: false, reason: 'invalid' });
    expect(await codes.exchange('nothing')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('keeps at most 5 live codes per user: asking again retires the oldest', async () => {
    const codes = new LocalPhoneCodes(clock);
    const issued = Array.from({ length: 7 }, () => codes.issue('u', '13800005678'));
    const other = codes.issue('v', '13800001101');
    const results = await Promise.all(issued.map((c) => codes.exchange(c)));
    expect(results.map((r) => r.ok)).toEqual([false, false, true, true, true, true, true]);
    expect(await codes.exchange(other)).toEqual({ ok: true, phone: '13800001101' });
  });
});
