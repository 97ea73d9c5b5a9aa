/**
 * Case numbers people can read out (issue 9 item 1): kind prefix, Shanghai day of submission, sequence
 * per community, kind and day, taken inside the submitting transaction.
 */
import { dispatch } from '../../core/api/dispatch';
import { replay } from '../../core/domain/case/replay';
import { dayOf, startOfDay } from '../../core/shanghai';
import type { CaseEvent, CaseState } from '../../core/domain/case/types';
import { MINUTE, advance, platformNow, setClock } from '../support/clock';
import { rid, startHarness, type Harness } from '../support/harness';
import { injectOnce } from '../support/inject';
import * as O from '../support/objects';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const as = (key: string) => ({ openid: O.demoOpenid(key) });
const submit = (body: Record<string, unknown>, store = h.platform.deps.store) => dispatch({ ...h.platform.deps, store }, 'case', body, as('resident-a'));
const numberOf = (out: Awaited<ReturnType<typeof submit>>) => {
  if (!out.ok) throw new Error(`submit failed: ${out.error.code}`);
  return (out.data as { number: string }).number;
};
const ymd = (ms: number) => dayOf(ms).replace(/-/g, '');

describe('case numbers (工单编号)', () => {
  it('[R-INT-7] a retried submission gets the same number; numbers run consecutively per kind and Shanghai day, a failed submission takes none, the day turns at 16:00 UTC', async () => {
    // 23:57 Shanghai of the day after the platform's today: a day no case has yet.
    const target = startOfDay(await platformNow(h)) + 2 * 86_400_000 - 3 * MINUTE;
    await setClock(h, new Date(target).toISOString());
    const day = ymd(target);

    const first = O.repair('1-1-101', { requestId: rid('num-1') });
    const a = await submit(first);
    expect(numberOf(a)).toBe(`BX${day}-0001`);
    // The same request again (a lost reply, retried): the stored answer, the same case and number.
    const again = await submit(first);
    expect(again).toEqual(a);
    // A submission refused for bad input takes no number.
    expect(await submit(O.repair('1-1-101', { photos: ['f_nobody'] }))).toMatchObject({ ok: false, error: { code: 'FILE.NOT_FOUND' } });
    // A transaction rolled back after taking its number (a write failed, the call ran again) leaves no gap.
    const { store, stats } = injectOnce(h.platform.deps.store, 'uniqueViolation');
    const b = await submit(O.repair('1-1-101'), store);
    expect(stats).toEqual({ transactions: 2, fired: 1 });
    expect(numberOf(b)).toBe(`BX${day}-0002`);
    expect(numberOf(await submit(O.consultation('1-1-101')))).toBe(`ZX${day}-0001`);
    expect(numberOf(await submit(O.repair('1-1-101')))).toBe(`BX${day}-0003`);

    // 16:00 UTC is midnight in Shanghai: the next day's numbers start again at 0001, whatever the host's zone.
    await advance(h, 3 * MINUTE + 1000);
    const next = await platformNow(h);
    expect(new Date(next).getUTCHours()).toBe(16);
    expect(numberOf(await submit(O.repair('1-1-101')))).toBe(`BX${ymd(next)}-0001`);
    expect(ymd(next)).not.toBe(day);
  });

  it('the number is on the resident’s case, the list, the staff queue and case, and the notifications; replay reproduces it', async () => {
    const out = await submit(O.repair('1-1-101', { requestId: rid('num-view') }));
    const { id, number } = out.ok ? (out.data as { id: string; number: string }) : { id: '', number: '' };
    expect(number).toMatch(/^BX\d{8}-\d{4}$/);
    const got = await O.must(h, O.demoOpenid('resident-a'), 'case', { action: 'get', id });
    expect(got.number).toBe(number);
    const list = await O.must(h, O.demoOpenid('resident-a'), 'case', { action: 'list' });
    expect(list.items.find((c: { id: string }) => c.id === id).number).toBe(number);
    const queue = await O.must(h, O.demoOpenid('frontdesk'), 'workbench', { action: 'queue' });
    expect(queue.items.find((c: { id: string }) => c.id === id)?.number).toBe(number);
    const staff = await O.must(h, O.demoOpenid('frontdesk'), 'workbench', { action: 'get', id });
    expect(staff.number).toBe(number);
    const sent = (await O.dbOf(h).selectFrom('outbox').select(['template', 'data_json']).execute()).map((r) => ({ template: r.template, data: JSON.parse(r.data_json) }));
    const mine = sent.filter((m) => m.data.caseId === id);
    expect(mine.map((m) => m.template).sort()).toEqual(['case.new', 'case.received']);
    expect(mine.every((m) => m.data.number === number)).toBe(true);
    // The message center names the case by its number, not the internal id.
    await O.settle(h);
    const messages = await O.must(h, O.demoOpenid('resident-a'), 'message', { action: 'list' });
    const received = messages.items.find((m: { caseId: string | null; body: string }) => m.caseId === id);
    expect(received.body).toContain(`您的报修 ${number}（`);
    expect(received.body).not.toContain(id);

    // The submitted event carries the number: a rebuild from the events gives the stored state.
    const db = O.dbOf(h);
    const events = (await db.selectFrom('case_events').select('data_json').where('case_id', '=', id).orderBy('seq').execute()).map((r) => JSON.parse(r.data_json) as CaseEvent);
    const row = await db.selectFrom('cases').select(['state_json', 'number']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(replay(events)).toEqual(JSON.parse(row.state_json) as CaseState);
    expect([replay(events)?.number, row.number]).toEqual([number, number]);
  });
});
