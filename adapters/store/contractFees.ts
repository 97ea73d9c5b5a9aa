import type { PayOrderRow, ReceiptRow, RefundRow } from '../../core/ports/feeStore';
import { billRow, freshStore, receiptRow, T, type ContractStore } from './contractFeeRows';

/**
 * Bills, payment orders, payments and receipts (adapters/store/sql/feeSql.ts, migration 0018), part of
 * the store contract: run on SQLite and MariaDB beside contract.ts.
 */
/**
 * How a write ended: refused by a unique index, or not. The driver's error class may come from another
 * realm (better-sqlite3 keeps the first test file's), which `rejects.toThrow` does not take for an Error.
 */
const asDuplicate = (write: Promise<unknown>) =>
  write.then(
    () => 'stored',
    (e: { message?: unknown }) => (/unique|duplicate/i.test(String(e?.message)) ? 'refused as a duplicate' : String(e?.message)),
  );

export function describeFeeContract(name: string, open: () => Promise<ContractStore>) {
  describe(`store contract, fees: ${name}`, () => {
    const store = freshStore(open);

    const bill = billRow;
    const order = (no: string, billIds: string[], over: Partial<PayOrderRow> = {}): PayOrderRow => ({
      outTradeNo: no,
      communityId: 'demo',
      householdId: '1-1-101',
      payerUserId: 'resident-a',
      payerOpenid: 'o_demo_resident-a',
      billIds,
      totalFen: 25_375 * billIds.length,
      description: '示例花园 1-1-101 物业费等 2026-11',
      status: 'pending',
      createdAt: T,
      expiresAt: T + 30 * 60_000,
      paidAt: null,
      transactionId: null,
      receiptNumber: null,
      checkedAt: null,
      ...over,
    });
    const receipt = (seq: number, no: string): ReceiptRow => receiptRow(seq, { outTradeNo: no });

    it('[R-FEE-1] bills: one per household, period and source — inserting again stores nothing and answers 0; round-trip exactly', async () => {
      expect(await store().transaction((tx) => tx.insertBills([bill('b1'), bill('b2', { period: '2026-12' })]))).toBe(2);
      expect(await store().transaction((tx) => tx.insertBills([bill('b3'), bill('b4', { period: '2026-12' }), bill('b5', { period: '2026-12', source: 'renovation' })]))).toBe(1);
      const rows = await store().transaction((tx) => tx.billsOfHousehold('1-1-101'));
      expect(rows.map((b) => b.id)).toEqual(['b1', 'b2', 'b5']);
      expect(rows[0]).toEqual(bill('b1'));
      expect((await store().transaction((tx) => tx.billsByIds(['b2', 'b1', 'nope'], { lock: true }))).map((b) => b.id)).toEqual(['b1', 'b2']);
    });

    it('[R-FEE-5] holding and paying bills changes only unpaid bills held as expected; orders move only from the status read', async () => {
      await store().transaction((tx) => tx.insertBills([bill('b1'), bill('b2', { period: '2026-12' })]));
      await store().transaction((tx) => tx.insertOrder(order('wx000001', ['b1', 'b2'])));
      expect(await store().transaction((tx) => tx.holdBills(['b1', 'b2'], null, 'wx000001'))).toBe(2);
      expect(await store().transaction((tx) => tx.holdBills(['b1'], null, 'wx000002'))).toBe(0);
      expect(await store().transaction((tx) => tx.payBills(['b1', 'b2'], 'wx000002', 'demo-2026-000001', T))).toBe(0);
      expect(await store().transaction((tx) => tx.payBills(['b1', 'b2'], 'wx000001', 'demo-2026-000001', T))).toBe(2);
      expect(await store().transaction((tx) => tx.holdBills(['b1'], 'wx000001', null))).toBe(0);
      const o = await store().transaction((tx) => tx.order('wx000001', { lock: true }));
      expect(o).toEqual(order('wx000001', ['b1', 'b2']));
      expect(await store().transaction((tx) => tx.updateOrder('wx000001', 'closed', { status: 'paid' }))).toBe(false);
      expect(await store().transaction((tx) => tx.updateOrder('wx000001', 'pending', { status: 'paid', paidAt: T, transactionId: '4200001', receiptNumber: 'demo-2026-000001' }))).toBe(true);
      expect(await store().transaction((tx) => tx.order('wx000001'))).toMatchObject({ status: 'paid', transactionId: '4200001', receiptNumber: 'demo-2026-000001' });
      const bills = await store().transaction((tx) => tx.billsByIds(['b1', 'b2']));
      expect(bills.map((b) => [b.status, b.receiptNumber, b.paidAt])).toEqual([['paid', 'demo-2026-000001', T], ['paid', 'demo-2026-000001', T]]);
    });

    it('[R-FEE-5] pending orders: created before the cut-off, not checked since, oldest first, at most `limit`', async () => {
      await store().transaction(async (tx) => {
        await tx.insertOrder(order('wx000003', [], { createdAt: T - 3 }));
        await tx.insertOrder(order('wx000001', [], { createdAt: T - 10 }));
        await tx.insertOrder(order('wx000002', [], { createdAt: T - 5, checkedAt: T }));
        await tx.insertOrder(order('wx000004', [], { createdAt: T - 20, status: 'paid' }));
        await tx.insertOrder(order('wx000005', [], { createdAt: T + 5 }));
      });
      expect((await store().transaction((tx) => tx.pendingOrders(T, T - 1, 10))).map((o) => o.outTradeNo)).toEqual(['wx000001', 'wx000003']);
      expect((await store().transaction((tx) => tx.pendingOrders(T, T, 1))).map((o) => o.outTradeNo)).toEqual(['wx000001']);
    });

    it('[R-FEE-6] receipt numbers: 1, 2, 3… per community and year; a rolled-back transaction gives its number back; numbers and orders are unique', async () => {
      const take = (c: string, y: number) => store().transaction((tx) => tx.nextReceiptSeq(c, y));
      expect([await take('demo', 2026), await take('demo', 2026), await take('demo', 2027), await take('other', 2026)]).toEqual([1, 2, 1, 1]);
      await expect(
        store().transaction(async (tx) => {
          expect(await tx.nextReceiptSeq('demo', 2026)).toBe(3);
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect(await take('demo', 2026)).toBe(3);
      await store().transaction((tx) => tx.insertReceipt(receipt(1, 'wx000001')));
      expect(await asDuplicate(store().transaction((tx) => tx.insertReceipt({ ...receipt(1, 'wx000002'), number: 'demo-2026-x' })))).toBe('refused as a duplicate');
      expect(await asDuplicate(store().transaction((tx) => tx.insertReceipt(receipt(2, 'wx000001'))))).toBe('refused as a duplicate');
      expect(await store().transaction((tx) => tx.receipt('demo-2026-000001'))).toEqual(receipt(1, 'wx000001'));
      expect((await store().transaction((tx) => tx.receiptsOfHouseholds(['1-1-101']))).map((r) => r.number)).toEqual(['demo-2026-000001']);
      expect(await store().transaction((tx) => tx.receiptsBetween('demo', T, T + 1))).toHaveLength(1);
    });

    it('[R-FEE-5] one payment per order and per provider transaction', async () => {
      const p = { transactionId: '4200001', outTradeNo: 'wx000001', communityId: 'demo', totalFen: 25_375, paidAt: T, via: 'notify' as const, recordedAt: T };
      await store().transaction((tx) => tx.insertPayment(p));
      expect(await asDuplicate(store().transaction((tx) => tx.insertPayment({ ...p, transactionId: '4200002' })))).toBe('refused as a duplicate');
      expect(await asDuplicate(store().transaction((tx) => tx.insertPayment({ ...p, outTradeNo: 'wx000002' })))).toBe('refused as a duplicate');
      expect(await store().transaction((tx) => tx.paymentOf('wx000001'))).toEqual(p);
      expect(await store().transaction((tx) => tx.paymentsBetween('demo', T, T + 1))).toEqual([p]);
    });

    it('[R-REN-10] refunds: one per deciding source, moved only from the status expected, due ones oldest first, the day\'s succeeded ones by community', async () => {
      const f = (no: string, sourceId: string, extra: Partial<RefundRow> = {}): RefundRow => ({
        outRefundNo: no,
        communityId: 'demo',
        householdId: '1-1-101',
        outTradeNo: 'wx000001',
        source: 'renovation',
        sourceId,
        amountFen: 80_000,
        reason: '装修押金退还',
        status: 'pending',
        requestedBy: 'reno-officer',
        createdAt: T,
        refundId: null,
        succeededAt: null,
        checkedAt: null,
        ...extra,
      });
      expect(await store().transaction((tx) => tx.insertRefund(f('rf000001', 'ren-1')))).toBe(true);
      expect(await store().transaction((tx) => tx.insertRefund(f('rf000002', 'ren-1', { amountFen: 1 })))).toBe(false);
      expect(await store().transaction((tx) => tx.refund('rf000002'))).toBeUndefined();
      expect(await store().transaction((tx) => tx.insertRefund(f('rf000003', 'ren-2', { createdAt: T - 5, checkedAt: T })))).toBe(true);
      expect(await store().transaction((tx) => tx.insertRefund(f('rf000004', 'ren-3', { createdAt: T - 9, communityId: 'other', householdId: '9-9-909' })))).toBe(true);
      expect(await store().transaction((tx) => tx.refundOf('renovation', 'ren-1'))).toEqual(f('rf000001', 'ren-1'));
      expect((await store().transaction((tx) => tx.refundsDue(T - 1, 10))).map((r) => r.outRefundNo)).toEqual(['rf000004', 'rf000001']);
      expect(await store().transaction((tx) => tx.updateRefund('rf000001', 'processing', { status: 'succeeded' }))).toBe(false);
      expect(await store().transaction((tx) => tx.updateRefund('rf000001', 'pending', { status: 'succeeded', refundId: '50300001', succeededAt: T + 1 }))).toBe(true);
      expect(await store().transaction((tx) => tx.refund('rf000001', { lock: true }))).toMatchObject({ status: 'succeeded', refundId: '50300001', succeededAt: T + 1 });
      expect((await store().transaction((tx) => tx.refundsDue(T, 10))).map((r) => r.outRefundNo)).toEqual(['rf000004', 'rf000003']);
      expect((await store().transaction((tx) => tx.refundsBetween('demo', T, T + 2))).map((r) => r.outRefundNo)).toEqual(['rf000001']);
      expect(await store().transaction((tx) => tx.refundsBetween('demo', T + 2, T + 9))).toEqual([]);
      expect((await store().transaction((tx) => tx.refundsOfHousehold('1-1-101'))).map((r) => r.outRefundNo).sort()).toEqual(['rf000001', 'rf000003']);
    });
  });
}
