import type { Kysely } from 'kysely';
import { replay } from '../../core/domain/case/replay';
import type { BindingRow, CaseReach, Store } from '../../core/ports/store';
import { submittedEvent, eventOf } from '../../test/support/factories';
import type { DB } from './sql/schema';

/**
 * The contract every SQL store adapter must pass (SQLite now, MySQL/MariaDB with the same suite).
 * `open` returns a fresh, empty, migrated store seeded with one community and household.
 */
export function describeStoreContract(name: string, open: () => Promise<Store & { db: Kysely<DB> }>) {
  describe(`store contract: ${name}`, () => {
    let store: Store & { db: Kysely<DB> };
    beforeEach(async () => {
      store = await open();
      await store.transaction(async (tx) => {
        await tx.insertUser({ id: 'resident-a', openid: 'o_a', name: '李明', phone: '13800001101', createdAt: 1 });
        await tx.insertUser({ id: 'frontdesk', openid: 'o_fd', name: '张敏', phone: null, createdAt: 1 });
      });
    });
    afterEach(() => store.close());

    const T = Date.parse('2026-11-24T09:00:00+08:00');

    it('[R-INT-4] a failed transaction leaves nothing behind', async () => {
      await expect(
        store.transaction(async (tx) => {
          const e = submittedEvent({}, T);
          await tx.insertCase(replay([e])!, null, [e]);
          await tx.enqueue([{ id: 'ob1', channel: 'inbox', to: 'resident-a', template: 'case.received', data: {}, createdAt: T }]);
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      await store.transaction(async (tx) => {
        expect(await tx.caseById('c_test1')).toBeUndefined();
        expect(await tx.caseEvents('c_test1')).toEqual([]);
        expect(await tx.outboxAll()).toEqual([]);
      });
    });

    it('case numbers: sequences run 1, 2, 3 per community, prefix and day; a rolled-back transaction takes none; a number is unique per community', async () => {
      const take = (c: string, p: string, d: string) => store.transaction((tx) => tx.nextCaseSequence(c, p, d));
      expect([await take('demo', 'BX', '20261202'), await take('demo', 'BX', '20261202')]).toEqual([1, 2]);
      await expect(
        store.transaction(async (tx) => {
          expect(await tx.nextCaseSequence('demo', 'BX', '20261202')).toBe(3);
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await take('demo', 'BX', '20261202')).toBe(3);
      expect([await take('demo', 'TS', '20261202'), await take('demo', 'BX', '20261203'), await take('other', 'BX', '20261202')]).toEqual([1, 1, 1]);
      const a = submittedEvent({ id: 'c_a', number: 'BX20261202-0001' }, T);
      const b = submittedEvent({ id: 'c_b', number: 'BX20261202-0001' }, T);
      const elsewhere = submittedEvent({ id: 'c_c', number: 'BX20261202-0001', communityId: 'other' }, T);
      await store.transaction((tx) => tx.insertCase(replay([a])!, null, [a]));
      // (A driver's error class may come from another realm, which `rejects.toThrow` does not always take for an Error.)
      const second = await store.transaction((tx) => tx.insertCase(replay([b])!, null, [b])).then(
        () => 'stored',
        (e: { message?: unknown }) => (/unique|duplicate/i.test(String(e?.message)) ? 'refused as a duplicate' : String(e?.message)),
      );
      expect(second).toBe('refused as a duplicate');
      await store.transaction((tx) => tx.insertCase(replay([elsewhere])!, null, [elsewhere]));
      expect((await store.transaction((tx) => tx.caseById('c_a')))?.number).toBe('BX20261202-0001');
      expect(await store.transaction((tx) => tx.caseById('c_b'))).toBeUndefined();
    });

    it('[R-INT-4] events append in order under an optimistic version; a stale writer is refused', async () => {
      const e1 = submittedEvent({}, T);
      const e2 = eventOf('assigned', T + 1000);
      const s1 = replay([e1])!;
      const s2 = replay([e1, e2])!;
      await store.transaction((tx) => tx.insertCase(s1, T + 100, [e1]));
      expect(await store.transaction((tx) => tx.appendCaseEvents(s2, T + 200, 1, [e2]))).toBe(true);
      expect(await store.transaction((tx) => tx.appendCaseEvents(s2, T + 200, 1, [e2]))).toBe(false);
      const [state, events] = await store.transaction(async (tx) => [await tx.caseById('c_test1'), await tx.caseEvents('c_test1')] as const);
      expect(events.map((e) => e.type)).toEqual(['submitted', 'assigned']);
      expect(state).toEqual(replay(events));
    });

    it('[R-ESC-5] a unit isolated inside a transaction is undone alone when it throws; the rest of the transaction commits', async () => {
      const kept = submittedEvent({ id: 'c_kept' }, T);
      const undone = submittedEvent({ id: 'c_undone' }, T);
      await store.transaction(async (tx) => {
        await tx.insertCase(replay([kept])!, T + 100, [kept]);
        const failed = await tx
          .isolated(async () => {
            await tx.insertCase(replay([undone])!, T + 100, [undone]);
            await tx.enqueue([{ id: 'ob_undone', channel: 'inbox', to: 'resident-a', template: 'case.received', data: {}, createdAt: T }]);
            throw new Error('boom');
          })
          .catch((e: Error) => e.message);
        expect(failed).toBe('boom');
        expect(await tx.isolated(async () => tx.caseById('c_kept').then((c) => c?.id))).toBe('c_kept');
      });
      await store.transaction(async (tx) => {
        expect([!!(await tx.caseById('c_kept')), !!(await tx.caseById('c_undone'))]).toEqual([true, false]);
        expect(await tx.caseEvents('c_undone')).toEqual([]);
        expect(await tx.outboxAll()).toEqual([]);
      });
    });

    it('[R-ESC-5] a case set aside by the sweep leaves the due set until its retry, with the reason; its next write releases it; a NaN time is refused', async () => {
      const e1 = submittedEvent({}, T);
      const s1 = replay([e1])!;
      await store.transaction((tx) => tx.insertCase(s1, T + 100, [e1]));
      expect(await store.transaction((tx) => tx.dueCaseIds(T + 100, 10))).toEqual(['c_test1']);
      await store.transaction((tx) => tx.quarantineCase('c_test1', T + 3_600_100, 'step: TypeError'));
      expect(await store.transaction((tx) => tx.dueCaseIds(T + 200, 10))).toEqual([]);
      expect(await store.transaction((tx) => tx.quarantinedCases(10))).toEqual([{ id: 'c_test1', reason: 'step: TypeError', retryAt: T + 3_600_100 }]);
      expect(await store.transaction((tx) => tx.caseById('c_test1'))).toEqual(s1);
      const e2 = eventOf('assigned', T + 1000);
      const nan = await store.transaction((tx) => tx.appendCaseEvents(replay([e1, e2])!, NaN, 1, [e2])).then(() => 'stored', (e: Error) => e.message);
      expect(nan).toMatch(/next_due_at is not a time/);
      expect(await store.transaction((tx) => tx.appendCaseEvents(replay([e1, e2])!, T + 500, 1, [e2]))).toBe(true);
      expect(await store.transaction((tx) => tx.quarantinedCases(10))).toEqual([]);
      expect(await store.transaction((tx) => tx.dueCaseIds(T + 500, 10))).toEqual(['c_test1']);
    });

    it('[R-INT-4] the store writes the fold of the events: a state that does not follow from them is refused and nothing is written', async () => {
      const e1 = submittedEvent({}, T);
      const e2 = eventOf('assigned', T + 1000);
      const s1 = replay([e1])!;
      const s2 = replay([e1, e2])!;
      const tampered = [
        { ...s2, owner: 'manager' }, // not who the event assigned
        { ...s2, version: 7 },
        { ...s2, sla: { ...s2.sla, level: 2 as const } },
      ];
      await expect(store.transaction((tx) => tx.insertCase({ ...s1, status: 'closed' }, null, [e1]))).rejects.toThrow(/does not follow from its events/);
      expect(await store.transaction((tx) => tx.caseById('c_test1'))).toBeUndefined();
      await store.transaction((tx) => tx.insertCase(s1, null, [e1]));
      for (const s of tampered) {
        await expect(store.transaction((tx) => tx.appendCaseEvents(s, null, 1, [e2]))).rejects.toThrow(/does not follow from its events/);
      }
      // An event the stored state refuses (a second submission) is refused too.
      await expect(store.transaction((tx) => tx.appendCaseEvents(s1, null, 1, [e1]))).rejects.toThrow(/refuses submitted/);
      const [state, events] = await store.transaction(async (tx) => [await tx.caseById('c_test1'), await tx.caseEvents('c_test1')] as const);
      expect([state, events]).toEqual([s1, [e1]]);
      expect(await store.transaction((tx) => tx.appendCaseEvents(s2, null, 1, [e2]))).toBe(true);
      expect(await store.transaction((tx) => tx.caseById('c_test1'))).toEqual(s2);
    });

    it('lists cases by filter, most urgent first or newest first, with a cursor', async () => {
      await store.transaction(async (tx) => {
        for (let i = 0; i < 5; i++) {
          const e = submittedEvent({ id: `c_${i}`, householdId: i % 2 ? '1-1-102' : '1-1-101', kind: i === 4 ? 'praise' : 'consultation', createdAt: T + i }, T + i);
          await tx.insertCase(replay([e])!, i === 3 ? null : T + 1000 * (5 - i), [e]);
        }
      });
      const urgent = await store.transaction((tx) => tx.cases({ communityIds: ['demo'], order: 'urgent', limit: 10 }));
      expect(urgent.items.map((c) => c.id)).toEqual(['c_4', 'c_2', 'c_1', 'c_0', 'c_3']);
      const newest = await store.transaction((tx) => tx.cases({ communityIds: ['demo'], order: 'newest', limit: 2 }));
      expect(newest.items.map((c) => c.id)).toEqual(['c_4', 'c_3']);
      const next = await store.transaction((tx) => tx.cases({ communityIds: ['demo'], order: 'newest', limit: 2, after: newest.next! }));
      expect(next.items.map((c) => c.id)).toEqual(['c_2', 'c_1']);
      const own = await store.transaction((tx) => tx.cases({ communityIds: ['demo'], householdIds: ['1-1-102'], order: 'newest', limit: 10 }));
      expect(own.items.map((c) => c.id)).toEqual(['c_3', 'c_1']);
      const none = await store.transaction((tx) => tx.cases({ communityIds: ['demo'], householdIds: [], order: 'newest', limit: 10 }));
      expect(none.items).toEqual([]);
      const praise = await store.transaction((tx) => tx.cases({ communityIds: ['demo'], kind: 'praise', order: 'urgent', limit: 10 }));
      expect(praise.items.map((c) => c.id)).toEqual(['c_4']);
      expect(await store.transaction((tx) => tx.cases({ communityIds: ['elsewhere'], order: 'urgent', limit: 10 }))).toEqual({ items: [], next: null });
    });

    it('[R-ACC-3][R-ACC-5] lists only the cases within reach: all of a community, or those handled or routed by category', async () => {
      const put = (id: string, over: Record<string, unknown>, dispatchTo?: string) =>
        store.transaction(async (tx) => {
          const e = submittedEvent({ id, createdAt: T, ...over }, T);
          const events = dispatchTo ? [e, eventOf('dispatched', T + 1, { to: dispatchTo, toName: '技师' } as never)] : [e];
          await tx.insertCase(replay(events)!, T + 1000, events);
        });
      await put('c_fee', { kind: 'consultation', category: 'fee' });
      await put('c_reno', { kind: 'complaint', category: 'renovation' });
      await put('c_mine', { kind: 'consultation', owner: 'cashier' });
      await put('c_rep', { kind: 'repair', category: 'plumbing', department: 'maintenance' }, 'tech-1');
      await put('c_b', { kind: 'consultation', category: 'fee', communityId: 'b', householdId: '2-1-101' });
      const ids = async (reach: CaseReach[], order: 'urgent' | 'newest' = 'urgent') =>
        (await store.transaction((tx) => tx.cases({ communityIds: ['demo', 'b'], reach, order, limit: 10 }))).items.map((c) => c.id).sort();
      const none = { all: false, technician: null, categories: [] };
      expect(await ids([{ communityId: 'demo', owner: 'cashier', ...none, categories: ['fee'] }])).toEqual(['c_fee', 'c_mine']);
      expect(await ids([{ communityId: 'demo', owner: 'tech-1', ...none, technician: 'tech-1' }], 'newest')).toEqual(['c_rep']);
      expect(await ids([{ communityId: 'demo', owner: 'reno', ...none, categories: ['renovation'] }])).toEqual(['c_reno']);
      expect(await ids([{ communityId: 'b', owner: 'x', ...none, all: true }])).toEqual(['c_b']);
      expect(await ids([{ communityId: 'demo', owner: 'x', ...none, all: true }, { communityId: 'b', owner: 'x', ...none }])).toEqual(['c_fee', 'c_mine', 'c_reno', 'c_rep']);
      expect(await ids([])).toEqual([]);
    });

    it('[R-INT-7] an idempotency key is stored once; a second insert of the same key fails', async () => {
      await store.transaction((tx) => tx.saveIdempotency({ key: 'k1', bodyHash: 'h', result: { id: 'c_1', n: [1, 2] }, createdAt: T }));
      expect(await store.transaction((tx) => tx.idempotency('k1'))).toEqual({ key: 'k1', bodyHash: 'h', result: { id: 'c_1', n: [1, 2] }, createdAt: T });
      const second = await store.transaction((tx) => tx.saveIdempotency({ key: 'k1', bodyHash: 'x', result: {}, createdAt: T })).then(() => 'stored', (e) => String(e));
      expect(second).toMatch(/UNIQUE|Duplicate|constraint/i);
    });

    it('[R-INT-7] stored replies older than a cutoff are purged, oldest first and at most `limit` at a time; newer ones stay', async () => {
      await store.transaction(async (tx) => {
        for (const [key, at] of [['old-2', T - 2], ['old-1', T - 1], ['old-3', T - 3], ['edge', T], ['new', T + 1]] as const) {
          await tx.saveIdempotency({ key, bodyHash: 'h', result: { key }, createdAt: at });
        }
      });
      expect(await store.transaction((tx) => tx.purgeIdempotency(T, 2))).toBe(2);
      const left = async () => (await Promise.all(['old-1', 'old-2', 'old-3', 'edge', 'new'].map((k) => store.transaction((tx) => tx.idempotency(k))))).map((r) => r?.key ?? null);
      expect(await left()).toEqual(['old-1', null, null, 'edge', 'new']);
      expect(await store.transaction((tx) => tx.purgeIdempotency(T, 2))).toBe(1);
      expect(await store.transaction((tx) => tx.purgeIdempotency(T, 2))).toBe(0);
      expect(await left()).toEqual([null, null, null, 'edge', 'new']);
    });

    it('outbox: due messages in order, retried later, delivered into the inbox once', async () => {
      await store.transaction((tx) =>
        tx.enqueue([
          { id: 'ob2', channel: 'inbox', to: 'resident-a', template: 'case.received', data: { caseId: 'c_1' }, createdAt: T + 1 },
          { id: 'ob1', channel: 'inbox', to: 'resident-a', template: 'case.new', data: {}, createdAt: T },
        ]),
      );
      expect((await store.transaction((tx) => tx.dueOutbox(T + 5, 10))).map((m) => m.id)).toEqual(['ob1', 'ob2']);
      await store.transaction((tx) => tx.markOutbox('ob1', { status: 'pending', attempts: 1, nextAttemptAt: T + 60_000, deliveredAt: null, lastError: 'x' }));
      expect((await store.transaction((tx) => tx.dueOutbox(T + 5, 10))).map((m) => m.id)).toEqual(['ob2']);
      const msg = { id: 'm_ob2', userId: 'resident-a', title: 't', body: 'b', caseId: 'c_1', createdAt: T, readAt: null, sourceId: 'ob2' };
      expect(await store.transaction((tx) => tx.insertMessage(msg))).toBe(true);
      expect(await store.transaction((tx) => tx.insertMessage({ ...msg, id: 'm_other' }))).toBe(false);
      expect(await store.transaction((tx) => tx.messagesOf('resident-a', 10))).toHaveLength(1);
      await store.transaction((tx) => tx.markMessagesRead('resident-a', 'all', T + 9));
      expect((await store.transaction((tx) => tx.messagesOf('resident-a', 10)))[0].readAt).toBe(T + 9);
    });

    it('bindings and files round-trip; the cases showing a photo are found by the photo', async () => {
      const b = {
        id: 'b1',
        userId: 'resident-a',
        householdId: '1-2-201',
        communityId: 'demo',
        name: '李明',
        phone: '13800001101',
        relation: 'family' as const,
        status: 'pending' as const,
        phoneCheck: 'verified' as const,
        createdAt: T,
        decidedAt: null,
        decidedBy: null,
        reason: null,
      };
      await store.transaction((tx) => tx.insertBinding(b));
      await store.transaction((tx) => tx.updateBinding({ ...b, status: 'approved', decidedAt: T + 1, decidedBy: 'frontdesk' }));
      expect(await store.transaction((tx) => tx.binding('b1'))).toMatchObject({ status: 'approved', decidedBy: 'frontdesk', decidedAt: T + 1, phoneCheck: 'verified' });
      expect(await store.transaction((tx) => tx.bindingsInCommunities(['demo'], { status: 'pending', limit: 10 }))).toEqual({ items: [], next: null });
      await store.transaction((tx) => tx.insertBinding({ ...b, id: 'b2', userId: 'frontdesk', relation: 'owner', phoneCheck: 'not_provided', createdAt: T + 2 }));
      expect((await store.transaction((tx) => tx.bindingsOfHousehold('1-2-201'))).map((x) => [x.id, x.phoneCheck])).toEqual([
        ['b2', 'not_provided'],
        ['b1', 'verified'],
      ]);
      expect(await store.transaction((tx) => tx.bindingsOfHousehold('1-1-101'))).toEqual([]);
      await store.transaction((tx) => tx.insertFile({ id: 'f_abcd', ownerId: 'resident-a', mime: 'image/png', size: 10, createdAt: T }));
      const e = submittedEvent({ photos: ['f_abcd'] }, T);
      await store.transaction((tx) => tx.insertCase(replay([e])!, null, [e]));
      expect((await store.transaction((tx) => tx.casesShowingFile('f_abcd', 10))).map((c) => c.id)).toEqual(['c_test1']);
      expect(await store.transaction((tx) => tx.casesShowingFile('f_none', 10))).toEqual([]);
    });

    it('a registered cloud file is found by its cloud id, which is unique; a platform file has none', async () => {
      const cloudId = 'cloud://env-1.6465-env-1/uploads/o_resident/abcdefgh.jpg';
      await store.transaction((tx) => tx.insertFile({ id: 'f_cloud1', ownerId: 'resident-a', mime: 'image/jpeg', size: 1234, createdAt: T, cloudId }));
      await store.transaction((tx) => tx.insertFile({ id: 'f_local1', ownerId: 'resident-a', mime: 'image/png', size: 10, createdAt: T }));
      expect(await store.transaction((tx) => tx.fileByCloudId(cloudId))).toEqual({ id: 'f_cloud1', ownerId: 'resident-a', mime: 'image/jpeg', size: 1234, createdAt: T, cloudId });
      expect(await store.transaction((tx) => tx.file('f_local1'))).toMatchObject({ id: 'f_local1', cloudId: null });
      expect(await store.transaction((tx) => tx.fileByCloudId(cloudId.toUpperCase()))).toBeUndefined();
      // (Checked by message: a driver's error class may come from another realm.)
      const second = await store.transaction((tx) => tx.insertFile({ id: 'f_cloud2', ownerId: 'resident-b', mime: 'image/jpeg', size: 1, createdAt: T, cloudId })).then(
        () => 'stored',
        (e: { message?: unknown }) => (/unique|duplicate/i.test(String(e?.message)) ? 'refused as a duplicate' : String(e?.message)),
      );
      expect(second).toBe('refused as a duplicate');
      expect(await store.transaction((tx) => tx.file('f_cloud2'))).toBeUndefined();
    });

    it('casesOpenedBy counts the cases a user opened since a time (the creation limit), up to a cap', async () => {
      const open = (id: string, by: string, at: number) => {
        const e = { ...submittedEvent({ id, createdAt: at }, at), by };
        return store.transaction((tx) => tx.insertCase(replay([e])!, null, [e]));
      };
      for (let i = 0; i < 4; i++) await open(`c_rate${i}`, 'resident-a', T + i * 1000);
      await open('c_rate_fd', 'frontdesk', T + 5000);
      // Later events on a case (here: the same user urging it) are not openings.
      const urge = eventOf('urged', T + 6000);
      const s = replay([{ ...submittedEvent({ id: 'c_rate0', createdAt: T }, T), by: 'resident-a' }, urge])!;
      await store.transaction((tx) => tx.appendCaseEvents(s, null, 1, [urge]));
      const count = (since: number, cap = 100) => store.transaction((tx) => tx.casesOpenedBy('resident-a', since, cap));
      expect(await count(T)).toBe(4);
      expect(await count(T + 2000)).toBe(2);
      expect(await count(T + 10_000)).toBe(0);
      expect(await count(T, 3)).toBe(3);
      expect(await store.transaction((tx) => tx.casesOpenedBy('frontdesk', T, 100))).toBe(1);
    });

    const binding = (over: Partial<BindingRow>): BindingRow => ({
      id: 'b1',
      userId: 'resident-a',
      householdId: '1-1-101',
      communityId: 'demo',
      name: '李明',
      phone: '13800001101',
      relation: 'family',
      status: 'approved',
      phoneCheck: 'verified',
      createdAt: T,
      decidedAt: null,
      decidedBy: null,
      reason: null,
      ...over,
    });

    it('identity: the user, their staff roles and bindings (newest first) and, given a key suffix, the stored reply — in one statement', async () => {
      await store.db.insertInto('communities').values({ id: 'demo', name: '演示小区', time_zone: 'Asia/Shanghai', config_json: '{}' }).execute();
      await store.db.insertInto('staff').values({ user_id: 'frontdesk', community_id: 'demo', role: 'frontdesk', on_duty: 0 }).execute();
      await store.transaction(async (tx) => {
        await tx.insertBinding(binding({ id: 'b_old', householdId: '1-1-102', createdAt: T }));
        await tx.insertBinding(binding({ id: 'b_new', status: 'pending', createdAt: T + 5 }));
        await tx.saveIdempotency({ key: 'resident-a|case.submit|req-00000001', bodyHash: 'h1', result: { id: 'c_1', n: [1, 2] }, createdAt: T });
      });
      const me = await store.transaction((tx) => tx.identity('o_a', '|case.submit|req-00000001'));
      expect(me?.user).toEqual({ id: 'resident-a', openid: 'o_a', name: '李明', phone: '13800001101', createdAt: 1 });
      expect(me?.staff).toEqual([]);
      expect(me?.bindings.map((b) => [b.id, b.status, b.createdAt])).toEqual([
        ['b_new', 'pending', T + 5],
        ['b_old', 'approved', T],
      ]);
      expect(me?.bindings[1]).toEqual(binding({ id: 'b_old', householdId: '1-1-102', createdAt: T }));
      expect(me?.reply).toEqual({ key: 'resident-a|case.submit|req-00000001', bodyHash: 'h1', result: { id: 'c_1', n: [1, 2] }, createdAt: T });
      expect((await store.transaction((tx) => tx.identity('o_a', '|case.submit|req-00000002')))?.reply).toBeUndefined();
      expect((await store.transaction((tx) => tx.identity('o_a')))?.reply).toBeUndefined();
      const fd = await store.transaction((tx) => tx.identity('o_fd'));
      expect([fd?.staff, fd?.bindings]).toEqual([[{ userId: 'frontdesk', communityId: 'demo', role: 'frontdesk', onDuty: false }], []]);
      expect(await store.transaction((tx) => tx.identity('o_nobody', '|x'))).toBeUndefined();
    });

    it('caseOpening: household, community, staff with names, the creation count, the files and approved bindings asked for — in one statement', async () => {
      const config = JSON.stringify({ responsible: { customer_service: 'frontdesk' } });
      await store.db.insertInto('communities').values({ id: 'demo', name: '演示小区', time_zone: 'Asia/Shanghai', config_json: config }).execute();
      const home = { community_id: 'demo', building: '1', unit: '1', area_m2x100: 8950, owner_name: '李明', owner_phone: '13800001101' };
      await store.db
        .insertInto('households')
        .values([
          { id: '1-1-101', room: '101', ...home },
          { id: '1-1-102', room: '102', ...home },
        ])
        .execute();
      await store.db
        .insertInto('staff')
        .values([
          { user_id: 'frontdesk', community_id: 'demo', role: 'frontdesk', on_duty: 0 },
          { user_id: 'frontdesk', community_id: 'demo', role: 'technician', on_duty: 1 },
          { user_id: 'frontdesk', community_id: 'other', role: 'manager', on_duty: 0 },
        ])
        .execute();
      const opened = { ...submittedEvent({ id: 'c_mine', createdAt: T }, T), by: 'resident-a' };
      await store.transaction(async (tx) => {
        await tx.insertCase(replay([opened])!, null, [opened]);
        await tx.insertFile({ id: 'f_mine', ownerId: 'resident-a', mime: 'image/png', size: 10, createdAt: T });
        await tx.insertBinding(binding({ id: 'b_a', createdAt: T }));
        await tx.insertBinding(binding({ id: 'b_b', userId: 'frontdesk', createdAt: T + 9 }));
        await tx.insertBinding(binding({ id: 'b_pending', status: 'pending', createdAt: T + 10 }));
        await tx.insertBinding(binding({ id: 'b_next_door', householdId: '1-1-102', createdAt: T + 11 }));
      });
      const q = { openedBy: 'resident-a', since: T, cap: 30, files: ['f_mine', 'f_none'], bindings: true };
      const at = await store.transaction((tx) => tx.caseOpening('1-1-101', q));
      expect(at?.household).toEqual({ id: '1-1-101', communityId: 'demo', building: '1', unit: '1', room: '101', areaM2x100: 8950, ownerName: '李明', ownerPhone: '13800001101' });
      expect(at?.community()).toMatchObject({ id: 'demo', name: '演示小区', timeZone: 'Asia/Shanghai', responsible: { customer_service: 'frontdesk' } });
      expect(at?.staff.map((m) => [m.userId, m.role, m.onDuty, m.name])).toEqual(
        expect.arrayContaining([
          ['frontdesk', 'frontdesk', false, '张敏'],
          ['frontdesk', 'technician', true, '张敏'],
        ]),
      );
      expect(at?.staff).toHaveLength(2);
      expect(at?.opened).toBe(1);
      expect(at?.files).toEqual([{ id: 'f_mine', ownerId: 'resident-a', mime: 'image/png', size: 10, createdAt: T, cloudId: null }]);
      expect(at?.bindings.map((b) => b.id)).toEqual(['b_b', 'b_a']);
      const slim = await store.transaction((tx) => tx.caseOpening('1-1-101', { ...q, since: T + 1, files: [], bindings: false }));
      expect([slim?.opened, slim?.files, slim?.bindings]).toEqual([0, [], []]);
      expect(await store.transaction((tx) => tx.caseOpening('9-9-999', q))).toBeUndefined();
    });

    it('outbox rows written as delivered (an in-store channel delivered them in the transaction); messages in one statement, each source once', async () => {
      await store.transaction(async (tx) => {
        await tx.enqueue([{ id: 'ob_done', channel: 'inbox', to: 'resident-a', template: 'case.received', data: { caseId: 'c_1' }, createdAt: T }], T + 1);
        await tx.enqueue([{ id: 'ob_wait', channel: 'wechat', to: 'resident-a', template: 'case.received', data: {}, createdAt: T }]);
      });
      const all = await store.transaction((tx) => tx.outboxAll());
      expect(all.map((m) => [m.id, m.status, m.attempts, m.deliveredAt])).toEqual([
        ['ob_done', 'delivered', 1, T + 1],
        ['ob_wait', 'pending', 0, null],
      ]);
      expect((await store.transaction((tx) => tx.dueOutbox(T + 5, 10))).map((m) => m.id)).toEqual(['ob_wait']);
      const msg = (id: string, sourceId: string) => ({ id, userId: 'resident-a', title: 't', body: 'b', caseId: null, createdAt: T, readAt: null, sourceId });
      expect(await store.transaction((tx) => tx.insertMessages([msg('m_1', 'ob_1'), msg('m_2', 'ob_2')]))).toBe(2);
      expect(await store.transaction((tx) => tx.insertMessages([msg('m_2b', 'ob_2'), msg('m_3', 'ob_3')]))).toBe(1);
      expect(await store.transaction((tx) => tx.insertMessages([]))).toBe(0);
      expect((await store.transaction((tx) => tx.messagesOf('resident-a', 10))).map((m) => m.sourceId).sort()).toEqual(['ob_1', 'ob_2', 'ob_3']);
    });
    it('the household register: by community, by room; many rows inserted and updated at once; a room twice in a community is refused', async () => {
      const row = (id: string, communityId: string, room: string, area = 8000) => ({ id, communityId, building: '3', unit: '1', room, areaM2x100: area, ownerName: '业主', ownerPhone: '13900000000' });
      const many = Array.from({ length: 1201 }, (_, i) => row(`c1-3-1-${1000 + i}`, 'c1', String(1000 + i)));
      await store.transaction((tx) => tx.insertHouseholds([...many, row('c2-3-1-1000', 'c2', '1000')]));
      await store.transaction((tx) => tx.updateHouseholds([{ ...many[0], areaM2x100: 12345, ownerName: '新业主' }, { ...many[1200], ownerPhone: '13700000000' }]));
      const c1 = await store.transaction((tx) => tx.householdsOfCommunity('c1'));
      expect(c1).toHaveLength(1201);
      expect(c1.find((h) => h.id === 'c1-3-1-1000')).toEqual({ ...many[0], areaM2x100: 12345, ownerName: '新业主' });
      expect(c1.find((h) => h.id === 'c1-3-1-2200')?.ownerPhone).toBe('13700000000');
      expect(c1.filter((h) => h.areaM2x100 === 8000 && h.ownerName === '业主' && h.ownerPhone === '13900000000')).toHaveLength(1199);
      expect((await store.transaction((tx) => tx.householdsByRoom('3', '1', '1000', 5))).map((h) => h.communityId).sort()).toEqual(['c1', 'c2']);
      const twice = await store.transaction((tx) => tx.insertHouseholds([row('c1-other', 'c1', '1000')])).then(
        () => 'stored',
        (e: { message?: unknown }) => (/unique|duplicate/i.test(String(e?.message)) ? 'refused as a duplicate' : String(e?.message)),
      );
      expect(twice).toBe('refused as a duplicate');
      expect(await store.transaction((tx) => tx.householdsOfCommunity('c1'))).toHaveLength(1201);
    });
  });
}
