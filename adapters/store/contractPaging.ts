import type { Kysely } from 'kysely';
import { replay } from '../../core/domain/case/replay';
import type { BindingKey, BindingRow, CaseKey, NewestKey, Store } from '../../core/ports/store';
import { submittedEvent } from '../../test/support/factories';
import type { DB } from './sql/schema';

/**
 * Keyset pagination, part of the store contract (run on SQLite and MariaDB beside contract.ts): paging
 * through more than one page returns every row that existed when paging began exactly once, in order,
 * although rows are inserted between pages — before the cursor, after it and at its very key (ties on
 * the time are broken by the id).
 */
export function describePagingContract(name: string, open: () => Promise<Store & { db: Kysely<DB> }>) {
  describe(`store contract, keyset pages: ${name}`, () => {
    let store: Store & { db: Kysely<DB> };
    beforeEach(async () => {
      store = await open();
    });
    afterEach(() => store.close());

    const T = Date.parse('2026-11-24T09:00:00+08:00');
    /** urgent_at of each case (null: finished), as the store keeps it beside the case. */
    const urgent = new Map<string, number | null>();
    const created = new Map<string, number>();

    async function addCase(id: string, createdAt: number, urgentAt: number | null) {
      const e = submittedEvent({ id, number: `ZX${id}`, householdId: '1-1-101', createdAt }, createdAt);
      await store.transaction((tx) => tx.insertCase(replay([e])!, urgentAt, [e]));
      urgent.set(id, urgentAt);
      created.set(id, createdAt);
    }

    /** -1 when case a comes before case b in `order`. */
    const before = (order: 'urgent' | 'newest') => (a: string, b: string) => {
      const [ua, ub, ca, cb] = [urgent.get(a)!, urgent.get(b)!, created.get(a)!, created.get(b)!];
      if (order === 'newest') return cb - ca || (a < b ? 1 : -1);
      if ((ua === null) !== (ub === null)) return ua === null ? 1 : -1;
      return (ua ?? 0) - (ub ?? 0) || cb - ca || (a < b ? -1 : 1);
    };

    for (const order of ['urgent', 'newest'] as const) {
      it(`[R-INT-4] cases (${order}): 23 cases in pages of 4, cases inserted between pages: each case that was there once, in order, none twice`, async () => {
        urgent.clear();
        created.clear();
        // Ties on purpose: 3 cases share each creation time, open ones share deadlines; 6 finished.
        for (let i = 0; i < 23; i++) await addCase(`c_${String(i).padStart(2, '0')}`, T + Math.floor(i / 3) * 1000, i % 4 === 0 ? null : T + 60_000 * (i % 5));
        const there = [...created.keys()];
        const seen: string[] = [];
        let after: CaseKey | undefined;
        for (let page = 0; page < 20; page++) {
          const r = await store.transaction((tx) => tx.cases({ communityIds: ['demo'], order, limit: 4, ...(after ? { after } : {}) }));
          expect(r.items.length).toBeLessThanOrEqual(4);
          seen.push(...r.items.map((c) => c.id));
          // Between pages: cases at the cursor's very time, before it and after it, open and finished.
          await addCase(`n_${page}a`, T + 3000, page % 2 ? null : T + 120_000);
          await addCase(`n_${page}b`, T + 10 * 60_000 + page, T + page * 10_000);
          await addCase(`n_${page}c`, T - page * 1000, null);
          if (!r.next) break;
          after = r.next;
        }
        expect(new Set(seen).size).toBe(seen.length);
        for (const id of there) expect(seen).toContain(id);
        const sorted = [...seen].sort(before(order));
        expect(seen).toEqual(sorted);
      }, 60_000);
    }

    it('[R-ACC-1] messages newest first and binding requests pending first: pages after a key, rows inserted between pages, none lost or twice', async () => {
      const made: number[] = [];
      const msg = (i: number, at: number) => {
        made.push(i);
        return { id: `m_${String(i).padStart(3, '0')}`, userId: 'u1', title: '您好', body: `第 ${i} 条`, caseId: null, createdAt: at, readAt: i % 3 ? null : at, sourceId: `ob_${i}` };
      };
      await store.transaction((tx) => tx.insertMessages(Array.from({ length: 9 }, (_, i) => msg(i, T + Math.floor(i / 2) * 1000))));
      const seenMessages: { id: string; createdAt: number }[] = [];
      let mAfter: NewestKey | undefined;
      for (let page = 0; page < 10; page++) {
        const rows = await store.transaction((tx) => tx.messagesOf('u1', 4, mAfter));
        seenMessages.push(...rows.slice(0, 3));
        await store.transaction((tx) => tx.insertMessages([msg(100 + page, T + 2000), msg(200 + page, T + 99_000)]));
        if (rows.length <= 3) break;
        mAfter = { createdAt: rows[2].createdAt, id: rows[2].id };
      }
      const mIds = seenMessages.map((m) => m.id);
      expect(new Set(mIds).size).toBe(mIds.length);
      for (let i = 0; i < 9; i++) expect(mIds).toContain(`m_${String(i).padStart(3, '0')}`);
      const newest = [...seenMessages].sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
      expect(mIds).toEqual(newest.map((m) => m.id));
      expect(await store.transaction((tx) => tx.unreadMessages('u1'))).toBe(made.filter((i) => i % 3).length);

      const binding = (i: number, status: BindingRow['status'], at: number): BindingRow => ({
        id: `b_${String(i).padStart(3, '0')}`,
        userId: `u_${i}`,
        householdId: '1-1-101',
        communityId: 'demo',
        name: '李明',
        phone: '13800001101',
        relation: 'tenant',
        status,
        phoneCheck: 'not_provided',
        createdAt: at,
        decidedAt: status === 'pending' ? null : at,
        decidedBy: status === 'pending' ? null : 'frontdesk',
        reason: null,
      });
      const statuses: BindingRow['status'][] = ['pending', 'approved', 'rejected'];
      for (let i = 0; i < 11; i++) await store.transaction((tx) => tx.insertBinding(binding(i, statuses[i % 3], T + Math.floor(i / 2) * 1000)));
      const seenBindings: BindingRow[] = [];
      let bAfter: BindingKey | undefined;
      for (let page = 0; page < 10; page++) {
        const r = await store.transaction((tx) => tx.bindingsInCommunities(['demo'], { limit: 3, ...(bAfter ? { after: bAfter } : {}) }));
        seenBindings.push(...r.items);
        await store.transaction(async (tx) => {
          await tx.insertBinding(binding(100 + page, 'pending', T + 2000));
          await tx.insertBinding(binding(200 + page, 'approved', T + 99_000));
        });
        if (!r.next) break;
        bAfter = r.next;
      }
      const ids = seenBindings.map((b) => b.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (let i = 0; i < 11; i++) expect(ids).toContain(`b_${String(i).padStart(3, '0')}`);
      // Pending first, then decided ones; each newest first (ties by id, descending).
      const rank = (b: BindingRow) => [b.status === 'pending' ? 0 : 1, -b.createdAt, b.id] as const;
      const sorted = [...seenBindings].sort((a, b) => {
        const [x, y] = [rank(a), rank(b)];
        return x[0] - y[0] || x[1] - y[1] || (x[2] < y[2] ? 1 : -1);
      });
      expect(ids).toEqual(sorted.map((b) => b.id));
      // One status only: the same keyset over its one scan.
      const approved = await store.transaction((tx) => tx.bindingsInCommunities(['demo'], { status: 'approved', limit: 2 }));
      const rest = await store.transaction((tx) => tx.bindingsInCommunities(['demo'], { status: 'approved', limit: 100, after: approved.next! }));
      expect([...approved.items, ...rest.items].every((b) => b.status === 'approved')).toBe(true);
      expect(new Set([...approved.items, ...rest.items].map((b) => b.id)).size).toBe(approved.items.length + rest.items.length);
    }, 60_000);
  });
}
