import type { FeeItem } from '../domain/fees/standards';

/** One household's bill for one month (R-FEE-1): unique per (household, period, source). */
export interface BillRow {
  id: string;
  communityId: string;
  householdId: string;
  /** 'YYYY-MM'. */
  period: string;
  /** What issued it: 'monthly' (cashier.issueBills); other sources (renovation) bill on their own key. */
  source: string;
  lines: { item: FeeItem; amountFen: number }[];
  totalFen: number;
  status: 'unpaid' | 'paid';
  /** The live order holding it (a payment under way), or the order that paid it. */
  orderNo: string | null;
  receiptNumber: string | null;
  createdAt: number;
  paidAt: number | null;
}

export type PayOrderStatus = 'pending' | 'paid' | 'closed';

/** An order at the payment provider (WeChat Pay JSAPI), written before the provider hears of it. */
export interface PayOrderRow {
  outTradeNo: string;
  communityId: string;
  householdId: string;
  payerUserId: string;
  payerOpenid: string;
  billIds: string[];
  totalFen: number;
  description: string;
  status: PayOrderStatus;
  createdAt: number;
  expiresAt: number;
  paidAt: number | null;
  transactionId: string | null;
  receiptNumber: string | null;
  /** When reconciliation last asked the provider (ms), null: never. */
  checkedAt: number | null;
}

/** A payment received (the provider's verified word, R-FEE-5): one per order, one per transaction. */
export interface PaymentRow {
  transactionId: string;
  outTradeNo: string;
  communityId: string;
  totalFen: number;
  paidAt: number;
  /** How we learnt of it: the notification or an order query (reconciliation). */
  via: 'notify' | 'query';
  recordedAt: number;
}

export interface ReceiptItem {
  period: string;
  item: FeeItem;
  amountFen: number;
}

/** A receipt (R-FEE-6): numbered per community and year, gap-free. */
export interface ReceiptRow {
  number: string;
  communityId: string;
  year: number;
  seq: number;
  householdId: string;
  outTradeNo: string;
  items: ReceiptItem[];
  totalFen: number;
  paidAt: number;
  payerUserId: string;
  payerName: string;
  code: string;
  status: 'issued' | 'voided';
  voidReason: string | null;
  voidedBy: string | null;
  voidedAt: number | null;
  createdAt: number;
}

export type RefundStatus = 'pending' | 'processing' | 'succeeded' | 'failed';

/**
 * Money going back to a payer (migration 0022_refunds): written in the transaction that decides it
 * (e.g. a renovation's acceptance returns the deposit less deductions, R-REN-10), then asked of the
 * provider (`POST /v3/refund/domestic/refunds`) by a job after the commit, so a crash between the two
 * loses nothing. One refund per (source, sourceId): deciding twice refunds once.
 */
export interface RefundRow {
  /** Ours, unique (WeChat's out_refund_no: 1–64 of [0-9A-Za-z_-|*@]). */
  outRefundNo: string;
  communityId: string;
  householdId: string;
  /** The order whose payment the money goes back to. */
  outTradeNo: string;
  /** What decided it ('renovation') and which one (the application's id). */
  source: string;
  sourceId: string;
  amountFen: number;
  /** What the resident and the day book read (e.g. 装修押金退还（扣除 ¥200.00）). */
  reason: string;
  status: RefundStatus;
  requestedBy: string;
  createdAt: number;
  /** The provider's refund_id, once it accepted the request. */
  refundId: string | null;
  succeededAt: number | null;
  /** When the job last asked the provider (ms), null: never. */
  checkedAt: number | null;
}

/** Fees, orders, payments and receipts (migration 0018_fees); refunds (0022_refunds). */
export interface FeeTx {
  /** Inserts the bills whose (household, period, source) is not billed yet; answers how many were new. */
  insertBills(rows: BillRow[]): Promise<number>;
  billsOfHousehold(householdId: string): Promise<BillRow[]>;
  /** Read to decide a payment: held until the transaction ends (MySQL/MariaDB: FOR UPDATE). */
  billsByIds(ids: string[], opts?: { lock?: boolean }): Promise<BillRow[]>;
  /** Sets the bills' order (a payment under way, or null: freed) where they are unpaid and held by `expect`. Answers how many changed. */
  holdBills(ids: string[], expect: string | null, orderNo: string | null): Promise<number>;
  /** Marks the bills paid by the order; answers how many changed (unpaid ones held by it). */
  payBills(ids: string[], orderNo: string, receiptNumber: string, paidAt: number): Promise<number>;

  insertOrder(row: PayOrderRow): Promise<void>;
  /** `lock`: held until the transaction ends (MySQL/MariaDB: FOR UPDATE): one settlement per order. */
  order(outTradeNo: string, opts?: { lock?: boolean }): Promise<PayOrderRow | undefined>;
  /** Updates an order only if its status is still `expect`; false when another writer moved it. */
  updateOrder(outTradeNo: string, expect: PayOrderStatus, patch: Partial<Pick<PayOrderRow, 'status' | 'paidAt' | 'transactionId' | 'receiptNumber' | 'checkedAt'>>): Promise<boolean>;
  /** Pending orders created before `createdBefore`, not checked since `checkedBefore`, oldest first. */
  pendingOrders(createdBefore: number, checkedBefore: number, limit: number): Promise<PayOrderRow[]>;

  insertPayment(row: PaymentRow): Promise<void>;
  paymentOf(outTradeNo: string): Promise<PaymentRow | undefined>;
  paymentsBetween(communityId: string, from: number, to: number): Promise<PaymentRow[]>;

  /**
   * Takes the next receipt number of a community and year: 1, 2, 3… The counter row is locked until the
   * transaction ends (MySQL/MariaDB: SELECT … FOR UPDATE), so a rolled-back payment gives its number back.
   */
  nextReceiptSeq(communityId: string, year: number): Promise<number>;
  insertReceipt(row: ReceiptRow): Promise<void>;
  receipt(number: string): Promise<ReceiptRow | undefined>;
  receiptsOfHouseholds(householdIds: string[]): Promise<ReceiptRow[]>;
  receiptsBetween(communityId: string, from: number, to: number): Promise<ReceiptRow[]>;

  /** Inserts a refund unless its (source, sourceId) has one already; false then (nothing written). */
  insertRefund(row: RefundRow): Promise<boolean>;
  /** `lock`: held until the transaction ends (MySQL/MariaDB: FOR UPDATE). */
  refund(outRefundNo: string, opts?: { lock?: boolean }): Promise<RefundRow | undefined>;
  refundOf(source: string, sourceId: string): Promise<RefundRow | undefined>;
  /** Updates a refund only if its status is still `expect`; false when another writer moved it. */
  updateRefund(outRefundNo: string, expect: RefundStatus, patch: Partial<Pick<RefundRow, 'status' | 'refundId' | 'succeededAt' | 'checkedAt'>>): Promise<boolean>;
  /** Refunds still pending or processing, not checked since `checkedBefore`, oldest first. */
  refundsDue(checkedBefore: number, limit: number): Promise<RefundRow[]>;
  /** A community's refunds that succeeded in [from, to) (the day book, R-FEE-8), oldest first. */
  refundsBetween(communityId: string, from: number, to: number): Promise<RefundRow[]>;
  refundsOfHousehold(householdId: string): Promise<RefundRow[]>;
}
