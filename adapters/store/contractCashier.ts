import type { ArrearsLadderRow } from '../../core/ports/cashierStore';
import type { BillRow, ReceiptRow } from '../../core/ports/feeStore';
import { billRow, freshStore, receiptRow, T, type ContractStore } from './contractFeeRows';

/**
 * The cashier workbench's reads and writes (adapters/store/sql/cashierSql.ts, migration 0023), part of
 * the store contract: run on SQLite and MariaDB beside contract.ts.
 */
export function describeCashierContract(name: string, open: () => Promise<ContractStore>) {
  describe(`store contract, cashier: ${name}`, () => {
    const store = freshStore(open);

    /** A monthly bill of property fee only (¥223.75). */
    const bill = (id: string, householdId: string, period: string, over: Partial<BillRow> = {}): BillRow =>
      billRow(id, { householdId, period, lines: [{ item: 'property_fee', amountFen: 22_375 }], totalFen: 22_375, ...over });
    const ladder = (id: string, householdId: string, over: Partial<ArrearsLadderRow> = {}): ArrearsLadderRow => ({
      id,
      communityId: 'demo',
      householdId,
      openedAt: T,
      closedAt: null,
      nextStep: 'reminder',
      nextDueAt: T,
      notifiedStep: null,
      remindedAt: null,
      letterAt: null,
      legalAt: null,
      ...over,
    });
    const receipt = (seq: number, paidAt: number): ReceiptRow => receiptRow(seq, { paidAt, createdAt: paidAt });

    it('[R-FEE-7] overdue bills: unpaid monthly bills of months before the given one, of a household or a community; households without an open ladder', async () => {
      await store().transaction((tx) =>
        tx.insertBills([
          bill('b1', '1-1-101', '2026-10'),
          bill('b2', '1-1-101', '2026-11'),
          bill('b3', '1-1-101', '2026-12'),
          bill('b4', '1-1-102', '2026-11', { status: 'paid' }),
          bill('b5', '1-1-102', '2026-10', { source: 'renovation' }),
          bill('b6', '1-2-201', '2026-11'),
        ]),
      );
      const ids = (rows: BillRow[]) => rows.map((b) => b.id);
      expect(ids(await store().transaction((tx) => tx.overdueBills({ householdId: '1-1-101', beforePeriod: '2026-12' })))).toEqual(['b1', 'b2']);
      expect(ids(await store().transaction((tx) => tx.overdueBills({ communityId: 'demo', beforePeriod: '2026-12' })))).toEqual(['b1', 'b2', 'b6']);
      await store().transaction((tx) => tx.insertLadder(ladder('l1', '1-1-101')));
      expect(await store().transaction((tx) => tx.overdueWithoutLadder('2026-12', 10))).toEqual([{ householdId: '1-2-201', communityId: 'demo' }]);
    });

    it('[R-FEE-7] ladders: one open per household; closing frees the household; told once per step; due and settled ones found', async () => {
      await store().transaction((tx) => tx.insertBills([bill('b1', '1-1-101', '2026-11'), bill('b2', '1-1-102', '2026-11', { status: 'paid' })]));
      expect(await store().transaction((tx) => tx.insertLadder(ladder('l1', '1-1-101')))).toBe(true);
      expect(await store().transaction((tx) => tx.insertLadder(ladder('l2', '1-1-101')))).toBe(false);
      expect(await store().transaction((tx) => tx.insertLadder(ladder('l3', '1-1-102', { nextDueAt: T + 1000 })))).toBe(true);
      expect(await store().transaction((tx) => tx.openLadder('1-1-101', { lock: true }))).toEqual(ladder('l1', '1-1-101'));

      expect((await store().transaction((tx) => tx.laddersDue(T, 10))).map((l) => l.id)).toEqual(['l1']);
      expect(await store().transaction((tx) => tx.markLadderNotified('l1', 'reminder'))).toBe(true);
      expect(await store().transaction((tx) => tx.markLadderNotified('l1', 'reminder'))).toBe(false);
      expect(await store().transaction((tx) => tx.laddersDue(T + 1000, 10))).toEqual([expect.objectContaining({ id: 'l3' })]);
      // The next step moves on: due again (once) when its time comes.
      expect(await store().transaction((tx) => tx.updateLadder('l1', { remindedAt: T, nextStep: 'demand_letter', nextDueAt: T + 5000 }))).toBe(true);
      expect((await store().transaction((tx) => tx.laddersDue(T + 5000, 10))).map((l) => l.id)).toEqual(['l3', 'l1']);
      expect(await store().transaction((tx) => tx.markLadderNotified('l1', 'demand_letter'))).toBe(true);

      // 1-1-102 owes nothing overdue: its ladder is settled; closing it lets a new one open.
      expect((await store().transaction((tx) => tx.laddersSettled('2026-12', 10))).map((l) => l.id)).toEqual(['l3']);
      expect(await store().transaction((tx) => tx.updateLadder('l3', { closedAt: T + 6000 }))).toBe(true);
      expect(await store().transaction((tx) => tx.updateLadder('l3', { nextStep: 'legal' }))).toBe(false);
      expect(await store().transaction((tx) => tx.openLadder('1-1-102'))).toBeUndefined();
      expect(await store().transaction((tx) => tx.insertLadder(ladder('l4', '1-1-102')))).toBe(true);
      expect((await store().transaction((tx) => tx.openLaddersOfCommunity('demo'))).map((l) => l.id).sort()).toEqual(['l1', 'l4']);

      await store().transaction((tx) =>
        tx.insertArrearsStep({ id: 's1', ladderId: 'l1', communityId: 'demo', householdId: '1-1-101', step: 'reminder', at: T, byUserId: 'cashier', owedFen: 22_375, periods: ['2026-11'], deadline: T + 86_400_000, nextStep: 'demand_letter', nextDueAt: T + 5000 }),
      );
      expect(await store().transaction((tx) => tx.arrearsStepsOfLadders(['l1', 'l4']))).toEqual([
        { id: 's1', ladderId: 'l1', communityId: 'demo', householdId: '1-1-101', step: 'reminder', at: T, byUserId: 'cashier', owedFen: 22_375, periods: ['2026-11'], deadline: T + 86_400_000, nextStep: 'demand_letter', nextDueAt: T + 5000 },
      ]);
    });

    it('[R-FEE-6][R-FEE-8] receipts: voided once (reason, who, when kept); the day book reads by void time, by sequence and by order', async () => {
      const day = 86_400_000;
      for (const [seq, at] of [[1, T - day], [2, T - day + 1], [3, T], [4, T + 1]] as const) await store().transaction((tx) => tx.insertReceipt(receipt(seq, at)));
      expect(await store().transaction((tx) => tx.voidReceipt('demo-2026-000003', { reason: '重复开具', by: 'cashier', at: T + 10 }))).toBe(true);
      expect(await store().transaction((tx) => tx.voidReceipt('demo-2026-000003', { reason: '再次作废', by: 'manager', at: T + 20 }))).toBe(false);
      expect(await store().transaction((tx) => tx.voidReceipt('demo-2026-000099', { reason: '不存在', by: 'cashier', at: T }))).toBe(false);
      const voided = await store().transaction((tx) => tx.receiptsVoidedBetween('demo', T, T + day));
      expect(voided.map((r) => [r.number, r.status, r.voidReason, r.voidedBy, r.voidedAt])).toEqual([['demo-2026-000003', 'voided', '重复开具', 'cashier', T + 10]]);
      expect(await store().transaction((tx) => tx.lastReceiptSeqBefore('demo', 2026, T))).toBe(2);
      expect(await store().transaction((tx) => tx.lastReceiptSeqBefore('demo', 2027, T))).toBe(0);
      expect((await store().transaction((tx) => tx.receiptsBySeq('demo', 2026, 2, 3))).map((r) => r.seq)).toEqual([2, 3]);
      expect((await store().transaction((tx) => tx.receiptsOfOrders(['wx_order_4', 'wx_none']))).map((r) => r.seq)).toEqual([4]);
      expect((await store().transaction((tx) => tx.receiptsOfCommunity('demo', 3))).map((r) => r.seq)).toEqual([4, 3, 2]);
    });
  });
}
