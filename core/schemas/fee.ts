import { z } from 'zod';
import { lazy } from './lazy';
import { entityId, householdId, requestId } from './common';
import type { FeeBasis, FeeItem } from '../domain/fees/standards';
import type { JsapiPayParams } from '../ports/payments';

/**
 * The `fee` (residents; `verifyReceipt` anyone) and `cashier` (收费员/经理) functions' inputs and outputs
 * (contract §3). Amounts are integer fen (R-FEE-4); periods are Shanghai months 'YYYY-MM'.
 */
export const period = lazy(() => z.string().trim().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM'));
/** A receipt number: `<community>-<year>-<6-digit sequence>`, e.g. demo-2026-000001 (R-FEE-6). */
export const receiptNumber = lazy(() => z.string().trim().regex(/^[A-Za-z0-9_-]{1,40}-\d{4}-\d{6}$/, '收据编号格式有误'));
/** The verification code printed on the receipt and in its QR code. */
export const receiptCode = lazy(() => z.string().trim().regex(/^[A-Z0-9]{8}$/, '校验码应为 8 位字母或数字'));
/** WeChat's out_trade_no as we make it (6–32 of [0-9A-Za-z_-]). */
export const outTradeNo = lazy(() => z.string().trim().regex(/^[0-9A-Za-z_-]{6,32}$/, '订单号格式有误'));
const billId = lazy(() => z.string().trim().regex(/^[A-Za-z0-9_-]{1,64}$/, '账单编号有误'));
const billIds = lazy(() => z.array(billId()).min(1, '请选择要缴纳的账单').max(24, '一次最多缴纳 24 笔账单'));

export const standardsInput = lazy(() => z.object({ householdId: householdId().optional() }).strict());
export const billsInput = lazy(() => z.object({ householdId: householdId(), status: z.enum(['unpaid', 'paid']).optional() }).strict());
export const previewInput = lazy(() => z.object({ billIds: billIds() }).strict());
export const payInput = lazy(() => z.object({ requestId: requestId(), billIds: billIds() }).strict());
export const orderInput = lazy(() => z.object({ outTradeNo: outTradeNo() }).strict());
export const receiptsInput = lazy(() => z.object({ householdId: householdId().optional() }).strict());
export const refundsInput = lazy(() => z.object({ householdId: householdId().optional() }).strict());
export const receiptInput = lazy(() => z.object({ number: receiptNumber() }).strict());
export const verifyReceiptInput = lazy(() => z.object({ number: receiptNumber(), code: receiptCode() }).strict());

export const issueBillsInput = lazy(() => z.object({ period: period(), communityId: entityId().optional() }).strict());

export type BillStatus = 'unpaid' | 'paid';
export interface BillLine {
  item: FeeItem;
  amountFen: number;
}
/** A bill as residents and staff read it. */
export interface BillView {
  id: string;
  householdId: string;
  period: string;
  lines: (BillLine & { label: string })[];
  totalFen: number;
  status: BillStatus;
  /** True while a payment of it is under way (another live order holds it). */
  paying: boolean;
  /** 继续支付: the caller's own live order holds it; paying `resumeBillIds` (exactly) opens that order again. */
  canResume: boolean;
  /** The bills of that order (empty unless canResume). */
  resumeBillIds: string[];
  paidAt: string | null;
  receiptNumber: string | null;
}

export interface StandardsOutput {
  communityId: string;
  communityName: string;
  day: string;
  items: { item: FeeItem; label: string; basis: FeeBasis; basisLabel: string; priceFen: number; priceText: string; effectiveFrom: string | null; source: 'community' | 'default' }[];
  /** 收费依据 (R-FEE-2). */
  basis: string;
}

export interface PreviewOutput {
  household: { id: string; address: string; areaM2: string; ownerName: string };
  communityName: string;
  months: string[];
  bills: BillView[];
  totalFen: number;
}

export interface PayOutput {
  outTradeNo: string;
  totalFen: number;
  payment: JsapiPayParams;
  expiresAt: string;
}

export type OrderStatus = 'pending' | 'paid' | 'closed';
export interface OrderOutput {
  outTradeNo: string;
  status: OrderStatus;
  totalFen: number;
  billIds: string[];
  receiptNumber: string | null;
}

export interface ReceiptListItem {
  number: string;
  totalFen: number;
  paidAt: string;
  household: string;
  status: 'issued' | 'voided';
}

/** A refund as the resident reads it (R-REN-10): which one, how much, why, and where it is. */
export interface RefundView {
  outRefundNo: string;
  household: string;
  amountFen: number;
  reason: string;
  /** pending and processing read alike: the money is on its way. */
  status: 'processing' | 'succeeded' | 'failed';
  /** The chip's word (退款中 / 已退款 / 未成功) and the sentence under the amount. */
  statusLabel: string;
  statusText: string;
  requestedAt: string;
  succeededAt: string | null;
}

/** What a receipt shows (R-FEE-6); `verifyReceipt` answers the same, nothing more. */
export interface ReceiptOutput {
  number: string;
  communityName: string;
  household: string;
  items: { period: string; item: FeeItem; label: string; amountFen: number }[];
  totalFen: number;
  paidAt: string;
  payer: string;
  code: string;
  status: 'issued' | 'voided';
  voidReason: string | null;
}
