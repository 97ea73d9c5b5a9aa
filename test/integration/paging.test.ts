import { startHarness, rid, type Harness } from '../support/harness';
import { freshMysqlDatabase } from '../support/mariadb';

/**
 * Lists a page at a time over HTTP (contract §3: `{ items }`, with a `cursor` when there is more), on
 * both stores: paging through more than a page shows every row that was there exactly once, although
 * new cases arrive between pages; a cursor that is not one is refused with a clear message.
 */
describe.each(['SQLite', 'MariaDB'])('keyset pages over HTTP on %s', (store) => {
  let h: Harness;
  const submitted: string[] = [];
  beforeAll(async () => {
    const env = store === 'MariaDB' ? { DB_URL: await freshMysqlDatabase('pages') } : {};
    h = await startHarness({ env });
  }, 60_000);
  afterAll(() => h.close());

  const submit = async (n: number) => {
    const a = await h.login('resident-a');
    for (let i = 0; i < n; i++) {
      const r = await h.call(a, 'case', { action: 'submit', requestId: rid(), householdId: '1-1-101', kind: 'consultation', content: `您好，第 ${submitted.length + 1} 个问题：快递柜在哪里？` });
      expect(r.body.ok).toBe(true);
      submitted.push(r.body.data.id);
    }
  };

  /** Every page of a list, with `between` run after each page; answers the ids in the order shown. */
  async function pages(who: string, fn: string, body: Record<string, unknown>, between: () => Promise<void>) {
    const token = await h.login(who);
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 20; page++) {
      const r = await h.call(token, fn, { ...body, ...(cursor ? { cursor } : {}) });
      expect(r.body.ok).toBe(true);
      seen.push(...r.body.data.items.map((x: { id: string }) => x.id));
      await between();
      cursor = r.body.data.cursor ?? undefined;
      if (!cursor) return { seen, pagesRead: page + 1 };
    }
    throw new Error('more than 20 pages');
  }

  it('a resident\'s 33 cases in pages of 20 while 2 more arrive after each page: each case that was there once, newest first', async () => {
    await submit(33);
    const there = [...submitted];
    const { seen, pagesRead } = await pages('resident-a', 'case', { action: 'list' }, () => submit(2));
    expect(pagesRead).toBe(2);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.slice(0, 33)).toEqual([...there].reverse());
  }, 60_000);

  it('the front desk\'s queue in pages of 10, and the resident\'s messages in pages of 30, cases arriving between pages: none lost or twice', async () => {
    const there = [...submitted];
    const q = await pages('frontdesk', 'workbench', { action: 'queue', limit: 10 }, () => submit(1));
    expect(new Set(q.seen).size).toBe(q.seen.length);
    for (const id of there) expect(q.seen).toContain(id);
    expect(q.pagesRead).toBeGreaterThan(3);

    const before = (await h.call(await h.login('resident-a'), 'message', { action: 'list' })).body.data;
    expect(before.items).toHaveLength(30);
    const m = await pages('resident-a', 'message', { action: 'list' }, () => submit(1));
    expect(new Set(m.seen).size).toBe(m.seen.length);
    for (const id of before.items.map((x: { id: string }) => x.id)) expect(m.seen).toContain(id);
    expect(m.seen.length).toBeGreaterThan(submitted.length - 10);
  }, 90_000);

  it('a cursor that is not one of the list\'s is refused: INPUT.INVALID with a message to refresh, nothing else said', async () => {
    const a = await h.login('resident-a');
    const first = (await h.call(a, 'case', { action: 'list' })).body.data;
    const wrong = await h.call(await h.login('frontdesk'), 'workbench', { action: 'queue', cursor: first.cursor });
    expect([wrong.status, wrong.body.error.code, wrong.body.error.fields]).toEqual([400, 'INPUT.INVALID', { cursor: '列表位置已失效，请刷新后重试' }]);
    const edited = await h.call(a, 'case', { action: 'list', cursor: `${first.cursor}x`.replace(/,n/, ',s') });
    expect(edited.body.error.code).toBe('INPUT.INVALID');
  });
});
