import type { Kysely } from 'kysely';
import type { BillRow, ReceiptRow } from '../../core/ports/feeStore';
import type { Store } from '../../core/ports/store';
import type { DB } from './sql/schema';

/**
 * The rows and the store the fee and cashier contract suites (contractFees.ts, contractCashier.ts) both
 * start from: one fresh store per test, a bill of 示例花园 1-1-101 and an issued receipt, at T.
 */
export type ContractStore = Store & { db: Kysely<DB> };

/** 2026-12-02 10:00 Shanghai. */
export const T = Date.parse('2026-12-02T10:00:00+08:00');

/** A fresh store before each test, closed after it; read it through the returned getter. */
export function freshStore(open: () => Promise<ContractStore>): () => ContractStore {
  let store: ContractStore;
  beforeEach(async () => {
    store = await open();
  });
  afterEach(() => store.close());
  return () => store;
}

/** An unpaid monthly bill of 1-1-101 for 2026-11: 物业费 ¥223.75 and 电梯费 ¥30.00. */
export const billRow = (id: string, over: Partial<BillRow> = {}): BillRow => ({
  id,
  communityId: 'demo',
  householdId: '1-1-101',
  period: '2026-11',
  source: 'monthly',
  lines: [{ item: 'property_fee', amountFen: 22_375 }, { item: 'elevator', amountFen: 3_000 }],
  totalFen: 25_375,
  status: 'unpaid',
  orderNo: null,
  receiptNumber: null,
  createdAt: T,
  paidAt: null,
  ...over,
});

/** Receipt number `seq` of 2026, issued at T to 李明 for 1-1-101's 2026-11 物业费 (order wx_order_<seq>). */
export const receiptRow = (seq: number, over: Partial<ReceiptRow> = {}): ReceiptRow => ({
  number: `demo-2026-${String(seq).padStart(6, '0')}`,
  communityId: 'demo',
  year: 2026,
  seq,
  householdId: '1-1-101',
  outTradeNo: `wx_order_${seq}`,
  items: [{ period: '2026-11', item: 'property_fee', amountFen: 22_375 }],
  totalFen: 22_375,
  paidAt: T,
  payerUserId: 'resident-a',
  payerName: '李明',
  code: 'AB12CD34',
  status: 'issued',
  voidReason: null,
  voidedBy: null,
  voidedAt: null,
  createdAt: T,
  ...over,
});
