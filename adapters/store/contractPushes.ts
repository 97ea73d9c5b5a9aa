import type { Kysely } from 'kysely';
import type { PushRow, Store } from '../../core/ports/store';
import type { DB } from './sql/schema';

/**
 * Pushes (WeChat subscribe messages, robot posts) and subscribe grants (adapters/store/sql/pushSql.ts),
 * part of the store contract: run on SQLite and MariaDB beside contract.ts.
 */
export function describePushContract(name: string, open: () => Promise<Store & { db: Kysely<DB> }>) {
  describe(`store contract, pushes and grants: ${name}`, () => {
    let store: Store & { db: Kysely<DB> };
    beforeEach(async () => {
      store = await open();
    });
    afterEach(() => store.close());

    const T = Date.parse('2026-11-24T09:00:00+08:00');
    const push = (id: string, over: Partial<PushRow> = {}): PushRow => ({
      id,
      outboxId: `ob_${id}`,
      channel: 'wechat',
      target: 'resident-a',
      template: 'case.received',
      data: { caseId: 'c_1', 中文: '您好' },
      createdAt: T,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: T,
      sendKey: null,
      claimedAt: null,
      sentAt: null,
      lastError: null,
      ...over,
    });

    it('[R-INT-7] pushes: a fan-out written twice is stored once; due ones come pending or sending, soonest first, at most `limit`; round-trip exactly', async () => {
      await store.transaction((tx) =>
        tx.enqueuePushes([
          push('p3', { nextAttemptAt: T + 2, outboxId: 'ob_a' }),
          push('p1', { nextAttemptAt: T + 1 }),
          push('p2', { status: 'sending', attempts: 1, sendKey: 'k1', claimedAt: T, nextAttemptAt: T + 2, outboxId: 'ob_0' }),
          push('p4', { status: 'sent', sentAt: T, nextAttemptAt: T }),
          push('p5', { status: 'skipped', nextAttemptAt: T }),
          push('p6', { nextAttemptAt: T + 1_000 }),
        ]),
      );
      await store.transaction((tx) => tx.enqueuePushes([push('p1', { target: 'changed' })])); // the same fan-out again
      const all = await store.transaction((tx) => tx.pushesAll());
      expect(all).toHaveLength(6);
      expect(all.find((p) => p.id === 'p1')).toEqual(push('p1', { nextAttemptAt: T + 1 }));
      expect((await store.transaction((tx) => tx.duePushes(T + 2, 10))).map((p) => p.id)).toEqual(['p1', 'p2', 'p3']);
      expect((await store.transaction((tx) => tx.duePushes(T + 2, 2))).map((p) => p.id)).toEqual(['p1', 'p2']);
      expect(await store.transaction((tx) => tx.duePushes(T, 10))).toEqual([]);
    });

    it('[R-INT-7] a push is claimed only as it was read: a second pass holding the old status loses; send keys counted per robot and minute', async () => {
      await store.transaction((tx) => tx.enqueuePushes([push('p1', { channel: 'wecom', target: 'desk' }), push('p2', { channel: 'wecom', target: 'desk' }), push('p3', { channel: 'wecom', target: 'other' })]));
      const claim = (id: string, key: string, at: number) =>
        store.transaction((tx) => tx.updatePush(id, { status: 'pending', attempts: 0 }, { status: 'sending', attempts: 1, nextAttemptAt: at + 60_000, sendKey: key, claimedAt: at, sentAt: null, lastError: 'x'.repeat(600) }));
      expect(await claim('p1', 'digest-1', T + 10)).toBe(true);
      expect(await claim('p1', 'digest-2', T + 11)).toBe(false); // another pass already took it
      expect(await claim('p2', 'digest-1', T + 10)).toBe(true);
      expect(await claim('p3', 'digest-3', T + 10)).toBe(true);
      const p1 = (await store.transaction((tx) => tx.pushesAll())).find((p) => p.id === 'p1')!;
      expect([p1.status, p1.sendKey, p1.attempts, p1.lastError?.length]).toEqual(['sending', 'digest-1', 1, 480]);
      expect((await store.transaction((tx) => tx.pushesWithKey('digest-1'))).map((p) => p.id)).toEqual(['p1', 'p2']);
      expect(await store.transaction((tx) => tx.sendsSince('wecom', 'desk', T))).toBe(1); // one digest of two pushes
      expect(await store.transaction((tx) => tx.sendsSince('wecom', 'desk', T + 10))).toBe(0);
      expect(await store.transaction((tx) => tx.sendsSince('wechat', 'desk', T))).toBe(0);
      const sent = await store.transaction((tx) => tx.updatePush('p1', { status: 'sending', attempts: 1 }, { status: 'sent', attempts: 1, nextAttemptAt: T + 70_000, sendKey: 'digest-1', claimedAt: T + 10, sentAt: T + 12, lastError: null }));
      expect(sent).toBe(true);
      expect((await store.transaction((tx) => tx.duePushes(T + 100_000, 10))).map((p) => p.id)).toEqual(['p2', 'p3']);
    });

    it('subscribe grants: each accept allows one send; a push keeps the grant it took (asking again takes no second); none left → false', async () => {
      const grant = (id: string, key: string, at: number) => ({ id, userId: 'resident-a', templateKey: key, requestId: `r_${id}`, grantedAt: at, pushId: null });
      await store.transaction((tx) => tx.insertGrants([grant('g2', 'caseProgress', T + 2), grant('g1', 'caseProgress', T + 1), grant('g3', 'caseDone', T)]));
      await store.transaction((tx) => tx.insertGrants([grant('g1', 'caseProgress', T + 1)])); // the same accept recorded again
      expect(await store.transaction((tx) => tx.grantsLeft('resident-a'))).toEqual({ caseProgress: 2, caseDone: 1 });
      expect(await store.transaction((tx) => tx.useGrant('resident-a', 'caseProgress', 'p1'))).toBe(true);
      expect(await store.transaction((tx) => tx.useGrant('resident-a', 'caseProgress', 'p1'))).toBe(true); // the same push: its grant
      expect(await store.transaction((tx) => tx.grantsLeft('resident-a'))).toEqual({ caseProgress: 1, caseDone: 1 });
      const taken = await store.db.selectFrom('subscribe_grants').select(['id', 'push_id']).where('push_id', 'is not', null).execute();
      expect(taken).toEqual([{ id: 'g1', push_id: 'p1' }]); // the oldest accept first
      expect(await store.transaction((tx) => tx.useGrant('resident-a', 'caseProgress', 'p2'))).toBe(true);
      expect(await store.transaction((tx) => tx.useGrant('resident-a', 'caseProgress', 'p3'))).toBe(false);
      expect(await store.transaction((tx) => tx.useGrant('resident-b', 'caseDone', 'p4'))).toBe(false);
      expect(await store.transaction((tx) => tx.grantsLeft('resident-a'))).toEqual({ caseDone: 1 });
    });

    it('[R-INT-7] 6 pushes take 3 grants in overlapping transactions: exactly 3 succeed, each grant used once', async () => {
      const grants = [1, 2, 3].map((i) => ({ id: `g${i}`, userId: 'resident-a', templateKey: 'caseProgress', requestId: `r${i}`, grantedAt: T + i, pushId: null }));
      await store.transaction((tx) => tx.insertGrants(grants));
      const took = await Promise.all([1, 2, 3, 4, 5, 6].map((i) => store.transaction((tx) => tx.useGrant('resident-a', 'caseProgress', `p${i}`))));
      expect(took.filter(Boolean)).toHaveLength(3);
      const used = await store.db.selectFrom('subscribe_grants').select('push_id').execute();
      expect(new Set(used.map((g) => g.push_id)).size).toBe(3);
    });
  });
}
