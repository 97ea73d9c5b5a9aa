import type { Kysely } from 'kysely';
import { replay } from '../../core/domain/case/replay';
import type { CaseEvent, CaseState } from '../../core/domain/case/types';
import type { Store } from '../../core/ports/store';
import { eventOf, submittedEvent } from '../../test/support/factories';
import type { DB } from './sql/schema';

/**
 * The monthly reports' reads (adapters/store/sql/reportSql.ts), part of the store contract: run on
 * SQLite and MariaDB beside contract.ts.
 */
export function describeReportContract(name: string, open: () => Promise<Store & { db: Kysely<DB> }>) {
  describe(`store contract, report reads: ${name}`, () => {
    let store: Store & { db: Kysely<DB> };
    beforeEach(async () => {
      store = await open();
    });
    afterEach(() => store.close());

    const NOV = Date.parse('2026-11-01T00:00:00+08:00');
    const DEC = Date.parse('2026-12-01T00:00:00+08:00');
    /** A case of `community` submitted at `at`, then `more` events. */
    const put = async (id: string, community: string, at: number, more: CaseEvent[]) => {
      const events = [submittedEvent({ id, communityId: community, kind: 'repair', category: 'plumbing' }, at), ...more];
      await store.transaction((tx) => tx.insertCase(replay(events)!, null, events));
      return replay(events)!;
    };
    const flow = (start: number, stars: number) => [
      eventOf('dispatched', start + 1),
      eventOf('arrived', start + 2),
      eventOf('completed', start + 3),
      eventOf('confirmed', start + 4),
      eventOf('callback', start + 5),
      eventOf('rated', start + 6, { stars } as Partial<CaseEvent>),
    ];

    it('[R-SAT-3] events of the asked types in [from, to) on the asked communities only, oldest first; case histories in id order', async () => {
      // Opened in October, rated on the first minute of November: counted in November.
      const a: CaseState = await put('c_a', 'demo', NOV - 10, flow(NOV - 10, 4).map((e, i) => (i === 5 ? { ...e, at: NOV } : e)));
      // c_a's callback was in October; c_b rated at the last millisecond of November; c_c called back at the first of December.
      await put('c_b', 'demo', NOV + 1000, flow(DEC - 7, 2));
      await put('c_c', 'demo', NOV + 2000, flow(DEC - 5, 5));
      // Another community's rating in the middle of the month is never read for demo.
      await put('c_x', 'other', NOV + 3000, flow(NOV + 3000, 1));
      const got = await store.transaction((tx) => tx.caseEventsBetween(['demo'], ['rated', 'callback'], NOV, DEC));
      expect(got.map((g) => [g.caseId, g.event.type, g.event.at])).toEqual([
        ['c_a', 'rated', NOV],
        ['c_b', 'callback', DEC - 2],
        ['c_b', 'rated', DEC - 1],
      ]);
      expect(await store.transaction((tx) => tx.caseEventsBetween([], ['rated'], NOV, DEC))).toEqual([]);
      expect(await store.transaction((tx) => tx.caseEventsBetween(['demo', 'other'], [], NOV, DEC))).toEqual([]);
      expect((await store.transaction((tx) => tx.caseEventsBetween(['other'], ['rated'], NOV, DEC))).map((g) => g.caseId)).toEqual(['c_x']);

      const histories = await store.transaction((tx) => tx.caseHistories(['c_b', 'c_a', 'c_nope', 'c_a']));
      expect(histories.map((h) => [h.state.id, h.events.map((e) => e.type)])).toEqual([
        ['c_a', ['submitted', 'dispatched', 'arrived', 'completed', 'confirmed', 'callback', 'rated']],
        ['c_b', ['submitted', 'dispatched', 'arrived', 'completed', 'confirmed', 'callback', 'rated']],
      ]);
      expect(histories[0].state).toEqual(a);
      expect(await store.transaction((tx) => tx.caseHistories([]))).toEqual([]);
    });
  });
}
