import type { Kysely } from 'kysely';
import { transition, type RenovationEvent, type RenovationState } from '../../core/domain/renovation/state';
import type { Store } from '../../core/ports/store';
import type { DB } from './sql/schema';
import { approvedLog, officer, submitted, T0 } from '../../test/support/renovationLog';

/**
 * Renovation applications (adapters/store/sql/renovationSql.ts, migration 0024_renovations), part of the
 * store contract: run on SQLite and MariaDB beside contract.ts.
 */
export function describeRenovationContract(name: string, open: () => Promise<Store & { db: Kysely<DB> }>) {
  describe(`store contract, renovations: ${name}`, () => {
    let store: Store & { db: Kysely<DB> };
    beforeEach(async () => {
      store = await open();
    });
    afterEach(() => store.close());

    const first = (over: Partial<{ id: string; householdId: string; communityId: string; at: number }> = {}) => {
      const e = submitted(over.at ?? T0) as Extract<RenovationEvent, { type: 'submitted' }>;
      const ev = { ...e, ...(over.id ? { id: over.id } : {}), ...(over.householdId ? { householdId: over.householdId } : {}), ...(over.communityId ? { communityId: over.communityId } : {}) };
      const r = transition(undefined, ev);
      if (!r.ok) throw new Error('not accepted');
      return { state: r.next, event: ev as RenovationEvent };
    };
    const step = (s: RenovationState, e: RenovationEvent) => {
      const r = transition(s, e);
      if (!r.ok) throw new Error('not accepted');
      return r.next;
    };

    it('[R-REN-11] an application and its log are stored and read back whole, the log in order', async () => {
      const { state, event } = first();
      const approve = approvedLog()[1];
      const next = step(state, approve);
      await store.transaction(async (tx) => {
        await tx.insertRenovation(state, null, [event]);
        expect(await tx.appendRenovationEvents(next, approve.type === 'approved' ? approve.inspectionDueAt : null, 1, [approve])).toBe(true);
      });
      await store.transaction(async (tx) => {
        expect(await tx.renovation('reno-1')).toEqual(next);
        expect(await tx.renovation('reno-1', { lock: true })).toEqual(next);
        expect((await tx.renovationEvents('reno-1')).map((e) => e.type)).toEqual(['submitted', 'approved']);
        expect(await tx.renovationEvents('reno-1')).toEqual([event, approve]);
        expect(await tx.renovation('nope')).toBeUndefined();
      });
    });

    it('a write under a stale version changes nothing and answers false', async () => {
      const { state, event } = first();
      const approve = approvedLog()[1];
      const next = step(state, approve);
      await store.transaction((tx) => tx.insertRenovation(state, null, [event]));
      await store.transaction(async (tx) => {
        expect(await tx.appendRenovationEvents(next, null, 1, [approve])).toBe(true);
        // The same step again, decided on version 1: another writer got there first.
        expect(await tx.appendRenovationEvents(next, null, 1, [approve])).toBe(false);
      });
      expect(await store.transaction((tx) => tx.renovationEvents('reno-1'))).toHaveLength(2);
    });

    it('[R-REN-11] a household\'s archive and a community\'s list, newest first; statuses filter the list', async () => {
      const a = first({ id: 'r-a', at: T0 });
      const b = first({ id: 'r-b', at: T0 + 1000 });
      const other = first({ id: 'r-c', householdId: '1-1-102', at: T0 + 2000 });
      const elsewhere = first({ id: 'r-d', householdId: '2-1-101', communityId: 'other', at: T0 + 3000 });
      await store.transaction(async (tx) => {
        for (const x of [a, b, other, elsewhere]) await tx.insertRenovation(x.state, null, [x.event]);
        const approve = { ...approvedLog()[1] };
        expect(await tx.appendRenovationEvents(step(b.state, approve), null, 1, [approve])).toBe(true);
      });
      await store.transaction(async (tx) => {
        expect((await tx.renovationsOfHousehold('1-1-101')).map((s) => s.id)).toEqual(['r-b', 'r-a']);
        expect((await tx.renovationsOfCommunities(['demo'], { limit: 10 })).map((s) => s.id)).toEqual(['r-c', 'r-b', 'r-a']);
        expect((await tx.renovationsOfCommunities(['demo'], { limit: 1 })).map((s) => s.id)).toEqual(['r-c']);
        expect((await tx.renovationsOfCommunities(['demo', 'other'], { statuses: ['approved'], limit: 10 })).map((s) => s.id)).toEqual(['r-b']);
        expect(await tx.renovationsOfCommunities([], { limit: 10 })).toEqual([]);
      });
    });

    it('[R-REN-8] the sweep reads the applications whose moment has come, soonest first', async () => {
      const a = first({ id: 'r-a' });
      const b = first({ id: 'r-b' });
      const c = first({ id: 'r-c' });
      await store.transaction(async (tx) => {
        await tx.insertRenovation(a.state, T0 + 5000, [a.event]);
        await tx.insertRenovation(b.state, T0 + 1000, [b.event]);
        await tx.insertRenovation(c.state, null, [c.event]);
      });
      await store.transaction(async (tx) => {
        expect(await tx.dueRenovationIds(T0 + 5000, 10)).toEqual(['r-b', 'r-a']);
        expect(await tx.dueRenovationIds(T0 + 4999, 10)).toEqual(['r-b']);
        expect(await tx.dueRenovationIds(T0 + 5000, 1)).toEqual(['r-b']);
      });
    });

    it('files an application shows are found by file id (documents and later photos, once each)', async () => {
      const { state, event } = first();
      const approve = approvedLog()[1];
      const approvedState = step(state, approve);
      const inspected: RenovationEvent = { type: 'inspected', at: T0 + 7200_000, ...officer, passed: true, findings: '正常', checklist: {}, photos: ['f_insp', 'f_form'], internalNote: null, nextDueAt: T0 + 3 * 86_400_000 };
      await store.transaction(async (tx) => {
        await tx.insertRenovation(state, null, [event]);
        await tx.appendRenovationEvents(approvedState, null, 1, [approve]);
        await tx.appendRenovationEvents(step(approvedState, inspected), null, 2, [inspected]);
      });
      await store.transaction(async (tx) => {
        expect((await tx.renovationsShowingFile('f_form', 10)).map((s) => s.id)).toEqual(['reno-1']);
        expect((await tx.renovationsShowingFile('f_insp', 10)).map((s) => s.id)).toEqual(['reno-1']);
        expect(await tx.renovationsShowingFile('f_unknown', 10)).toEqual([]);
      });
    });
  });
}
