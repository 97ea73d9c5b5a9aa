import type { Kysely } from 'kysely';
import { replay } from '../../core/domain/case/replay';
import { transition, type RenovationEvent } from '../../core/domain/renovation/state';
import type { DueProbe, DueWork } from '../../core/ports/dueWork';
import type { ArrearsLadderRow } from '../../core/ports/cashierStore';
import type { BillRow, PayOrderRow, RefundRow } from '../../core/ports/feeStore';
import type { PushRow, Store } from '../../core/ports/store';
import { eventOf, submittedEvent } from '../../test/support/factories';
import { approvedLog, submitted } from '../../test/support/renovationLog';
import type { DB } from './sql/schema';

/**
 * Store.dueWork (adapters/store/sql/dueWork.ts), part of the store contract on SQLite and MariaDB: the
 * minute timer's one read says a job has something to do exactly when that job's own due query
 * returns a row. Each job's row is made not yet due, due, then done; every time, all nine flags are
 * compared with what the nine due queries themselves answer.
 */
export function describeDueWorkContract(name: string, open: () => Promise<Store & { db: Kysely<DB> }>) {
  describe(`store contract, the minute timer's due work: ${name}`, () => {
    let store: Store & { db: Kysely<DB> };
    beforeEach(async () => {
      store = await open();
    });
    afterEach(() => store.close());

    const T = Date.parse('2026-12-02T10:00:00+08:00');
    const NONE: DueWork = { settings: false, cases: false, renovations: false, orders: false, refunds: false, laddersSettled: false, laddersDue: false, outbox: false, pushes: false };
    const probe = (t: number, over: Partial<DueProbe> = {}): DueProbe => ({
      settingsAt: t,
      casesAt: t,
      renovationsAt: t,
      orders: { createdBefore: t, checkedBefore: t },
      refundsCheckedBefore: t,
      ladders: { beforePeriod: '2026-12', dueAt: t },
      deliveryAt: t,
      ...over,
    });

    /** What each job's own due query answers for the probe (a row or none). */
    const jobsSay = (p: DueProbe) =>
      store.transaction(async (tx): Promise<DueWork> => ({
        settings: (await tx.dueSettingVersions(p.settingsAt, 1)).length > 0,
        cases: (await tx.dueCaseIds(p.casesAt, 1)).length > 0,
        renovations: (await tx.dueRenovationIds(p.renovationsAt, 1)).length > 0,
        orders: (await tx.pendingOrders(p.orders.createdBefore, p.orders.checkedBefore, 1)).length > 0,
        refunds: (await tx.refundsDue(p.refundsCheckedBefore, 1)).length > 0,
        laddersSettled: (await tx.laddersSettled(p.ladders.beforePeriod, 1)).length > 0,
        laddersDue: (await tx.laddersDue(p.ladders.dueAt, 1)).length > 0,
        outbox: (await tx.dueOutbox(p.deliveryAt, 1)).length > 0,
        pushes: (await tx.duePushes(p.deliveryAt, 1)).length > 0,
      }));
    /** The one read's answer, checked against the jobs' own queries. */
    const flags = async (p: DueProbe) => {
      const said = await store.dueWork(p);
      expect(said).toEqual(await jobsSay(p));
      return said;
    };

    it('an empty store: nothing is due', async () => {
      expect(await flags(probe(T))).toEqual(NONE);
    });

    it('settings: a version saved for later is due from its time until applied', async () => {
      await store.transaction((tx) => tx.insertSettingVersion({ id: 'sv1', communityId: 'demo', effectiveAt: T + 1000, settings: {}, savedBy: 'manager-a', savedAt: T }));
      expect(await flags(probe(T + 999))).toEqual(NONE);
      expect(await flags(probe(T + 1000))).toEqual({ ...NONE, settings: true });
      await store.transaction((tx) => tx.markSettingVersionApplied('sv1'));
      expect(await flags(probe(T + 1000))).toEqual(NONE);
    });

    it('cases: a case is due from its next SLA moment until the sweep moves it on', async () => {
      const e1 = submittedEvent({}, T);
      await store.transaction((tx) => tx.insertCase(replay([e1])!, T + 100, [e1]));
      expect(await flags(probe(T + 99))).toEqual(NONE);
      expect(await flags(probe(T + 100))).toEqual({ ...NONE, cases: true });
      const e2 = eventOf('assigned', T + 100);
      expect(await store.transaction((tx) => tx.appendCaseEvents(replay([e1, e2])!, null, 1, [e2]))).toBe(true);
      expect(await flags(probe(T + 100))).toEqual(NONE);
    });

    it('renovations: an application is due from its next moment until the sweep moves it on', async () => {
      const e = submitted(T) as Extract<RenovationEvent, { type: 'submitted' }>;
      const first = transition(undefined, e);
      if (!first.ok) throw new Error('not accepted');
      await store.transaction((tx) => tx.insertRenovation(first.next, T + 5000, [e]));
      expect(await flags(probe(T + 4999))).toEqual(NONE);
      expect(await flags(probe(T + 5000))).toEqual({ ...NONE, renovations: true });
      const approve = approvedLog()[1];
      const next = transition(first.next, approve);
      if (!next.ok) throw new Error('not accepted');
      expect(await store.transaction((tx) => tx.appendRenovationEvents(next.next, null, 1, [approve]))).toBe(true);
      expect(await flags(probe(T + 5000))).toEqual(NONE);
    });

    const order = (no: string, over: Partial<PayOrderRow> = {}): PayOrderRow => ({
      outTradeNo: no,
      communityId: 'demo',
      householdId: '1-1-101',
      payerUserId: 'resident-a',
      payerOpenid: 'o_demo_resident-a',
      billIds: [],
      totalFen: 100,
      description: '物业费',
      status: 'pending',
      createdAt: T,
      expiresAt: T + 30 * 60_000,
      paidAt: null,
      transactionId: null,
      receiptNumber: null,
      checkedAt: null,
      ...over,
    });

    it('orders: a pending order is due once old enough and not asked about lately, until it is paid', async () => {
      await store.transaction((tx) => tx.insertOrder(order('wx000001', { checkedAt: T + 10 })));
      expect(await flags(probe(T - 1, { orders: { createdBefore: T - 1, checkedBefore: T + 10 } }))).toEqual(NONE);
      expect(await flags(probe(T, { orders: { createdBefore: T, checkedBefore: T + 9 } }))).toEqual(NONE);
      expect(await flags(probe(T, { orders: { createdBefore: T, checkedBefore: T + 10 } }))).toEqual({ ...NONE, orders: true });
      expect(await store.transaction((tx) => tx.updateOrder('wx000001', 'pending', { status: 'paid', paidAt: T }))).toBe(true);
      expect(await flags(probe(T, { orders: { createdBefore: T, checkedBefore: T + 10 } }))).toEqual(NONE);
    });

    it('refunds: a refund decided is due when not asked about lately, until it ends', async () => {
      const refund: RefundRow = { outRefundNo: 'rf000001', communityId: 'demo', householdId: '1-1-101', outTradeNo: 'wx000001', source: 'renovation', sourceId: 'ren-1', amountFen: 100, reason: '装修押金退还', status: 'pending', requestedBy: 'reno-officer', createdAt: T, refundId: null, succeededAt: null, checkedAt: T };
      expect(await store.transaction((tx) => tx.insertRefund(refund))).toBe(true);
      expect(await flags(probe(T - 1))).toEqual(NONE);
      expect(await flags(probe(T))).toEqual({ ...NONE, refunds: true });
      expect(await store.transaction((tx) => tx.updateRefund('rf000001', 'pending', { status: 'processing', checkedAt: T + 60_000 }))).toBe(true);
      expect(await flags(probe(T + 59_999))).toEqual(NONE);
      expect(await flags(probe(T + 60_000))).toEqual({ ...NONE, refunds: true });
      expect(await store.transaction((tx) => tx.updateRefund('rf000001', 'processing', { status: 'succeeded', succeededAt: T + 60_000 }))).toBe(true);
      expect(await flags(probe(T + 60_000))).toEqual(NONE);
    });

    const bill = (id: string, period: string, over: Partial<BillRow> = {}): BillRow => ({
      id,
      communityId: 'demo',
      householdId: '1-1-101',
      period,
      source: 'monthly',
      lines: [{ item: 'property_fee', amountFen: 22_375 }],
      totalFen: 22_375,
      status: 'unpaid',
      orderNo: null,
      receiptNumber: null,
      createdAt: T,
      paidAt: null,
      ...over,
    });
    const ladder = (over: Partial<ArrearsLadderRow> = {}): ArrearsLadderRow => ({
      id: 'l1',
      communityId: 'demo',
      householdId: '1-1-101',
      openedAt: T,
      closedAt: null,
      nextStep: 'reminder',
      nextDueAt: T + 1000,
      notifiedStep: 'reminder',
      remindedAt: null,
      letterAt: null,
      legalAt: null,
      ...over,
    });

    it('arrears ladders: one whose household paid every overdue bill is due to close, until closed', async () => {
      await store.transaction(async (tx) => {
        await tx.insertBills([bill('b1', '2026-11')]);
        await tx.insertLadder(ladder());
      });
      // Still owing November's bill in December: nothing to close.
      expect(await flags(probe(T))).toEqual(NONE);
      expect(await store.transaction((tx) => tx.holdBills(['b1'], null, 'wx000001'))).toBe(1);
      expect(await store.transaction((tx) => tx.payBills(['b1'], 'wx000001', 'demo-2026-000001', T))).toBe(1);
      expect(await flags(probe(T))).toEqual({ ...NONE, laddersSettled: true });
      expect(await store.transaction((tx) => tx.updateLadder('l1', { closedAt: T }))).toBe(true);
      expect(await flags(probe(T))).toEqual(NONE);
    });

    it('arrears ladders: a step is due from its time until the cashier was told of it', async () => {
      await store.transaction(async (tx) => {
        await tx.insertBills([bill('b1', '2026-11')]);
        await tx.insertLadder(ladder({ notifiedStep: null }));
      });
      expect(await flags(probe(T + 999))).toEqual(NONE);
      expect(await flags(probe(T + 1000))).toEqual({ ...NONE, laddersDue: true });
      expect(await store.transaction((tx) => tx.markLadderNotified('l1', 'reminder'))).toBe(true);
      expect(await flags(probe(T + 1000))).toEqual(NONE);
    });

    it('outbox: a message is due from its next attempt until delivered', async () => {
      await store.transaction((tx) => tx.enqueue([{ id: 'ob1', channel: 'inbox', to: 'resident-a', template: 'case.new', data: {}, createdAt: T + 5 }]));
      expect(await flags(probe(T + 4))).toEqual(NONE);
      expect(await flags(probe(T + 5))).toEqual({ ...NONE, outbox: true });
      await store.transaction((tx) => tx.markOutbox('ob1', { status: 'delivered', attempts: 1, nextAttemptAt: T + 5, deliveredAt: T + 5, lastError: null }));
      expect(await flags(probe(T + 5))).toEqual(NONE);
    });

    it('pushes: a push is due from its next attempt until sent', async () => {
      const push: PushRow = { id: 'p1', outboxId: 'ob_p1', channel: 'wechat', target: 'resident-a', template: 'case.received', data: { caseId: 'c_1' }, createdAt: T, status: 'pending', attempts: 0, nextAttemptAt: T + 1, sendKey: null, claimedAt: null, sentAt: null, lastError: null };
      await store.transaction((tx) => tx.enqueuePushes([push]));
      expect(await flags(probe(T))).toEqual(NONE);
      expect(await flags(probe(T + 1))).toEqual({ ...NONE, pushes: true });
      expect(await store.transaction((tx) => tx.updatePush('p1', push, { status: 'sent', attempts: 1, nextAttemptAt: T + 1, sendKey: null, claimedAt: null, sentAt: T + 1, lastError: null }))).toBe(true);
      expect(await flags(probe(T + 1))).toEqual(NONE);
    });
  });
}
