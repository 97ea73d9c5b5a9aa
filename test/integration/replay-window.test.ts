/**
 * R-INT-7 over time: the first reply to a creating call is replayed for the whole replay window
 * (7 days, core/api/replayWindow.ts) and then forgotten by the `sla` timer, so the idempotency table
 * holds about a week of requests instead of growing forever.
 */
import { dispatch } from '../../core/api/dispatch';
import { DAY, HOUR, MINUTE, advance, platformNow } from '../support/clock';
import { rid, startHarness, type Harness } from '../support/harness';
import * as O from '../support/objects';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const submit = (body: Record<string, unknown>) => dispatch(h.platform.deps, 'case', body, { openid: O.demoOpenid('resident-a') });
const stored = async (requestId: string) =>
  (await O.dbOf(h).selectFrom('idempotency').select(['key', 'created_at']).where('key', 'like', `%|case.submit|${requestId}`).execute()).length;
const countCases = async () => Number((await O.dbOf(h).selectFrom('cases').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('[R-INT-7] replies are replayed for 7 days, then forgotten', () => {
  it('[R-INT-7] a retry just inside the window answers the first result; the sla timer’s hourly purge then forgets replies older than the window, and only those', async () => {
    const early = O.consultation('1-1-101', { requestId: rid('week'), content: '请问周末物业办公室几点开门？' });
    const t0 = await platformNow(h);
    const first = await submit(early);
    expect(first.ok).toBe(true);
    const cases = await countCases();

    await advance(h, 7 * DAY - 2 * MINUTE); // the documented window (core/api/replayWindow.ts, README)
    // Six days, 23 hours and 58 minutes later the same call still answers the first result and creates nothing.
    expect(await submit(early)).toEqual(first);
    expect(await submit({ ...early, content: '换了内容的同一个请求' })).toMatchObject({ ok: false, error: { code: 'REQUEST.REPLAY_MISMATCH' } });
    expect(await countCases()).toBe(cases);
    const late = O.consultation('1-1-101', { requestId: rid('week'), content: '请问快递柜在哪里？' });
    const lateFirst = await submit(late);
    expect(lateFirst.ok).toBe(true);
    expect([await stored(early.requestId), await stored(late.requestId)]).toEqual([1, 1]);

    // The timer's hourly purge past the window forgets the early reply; the late one (minutes old) stays.
    const purgeTick = Math.ceil((t0 + 7 * DAY + 1) / HOUR) * HOUR;
    await advance(h, purgeTick - (await platformNow(h)) + 1000);
    expect([await stored(early.requestId), await stored(late.requestId)]).toEqual([0, 1]);
    expect(await submit(late)).toEqual(lateFirst);
    // Forgotten means what the window says: the id is free again, a call with it is a new call.
    const again = await submit(early);
    expect(again.ok && first.ok && (again.data as { id: string }).id !== (first.data as { id: string }).id).toBe(true);
  });
});
