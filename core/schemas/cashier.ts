import { z } from 'zod';
import { lazy } from './lazy';
import { entityId, householdId } from './common';
import { singleLine } from './text';
import { day } from './setupStaff';
import { receiptNumber } from './fee';
import type { ArrearsStep } from '../domain/fees/arrears';
import type { FeeItem } from '../domain/fees/standards';

/** The `cashier` function's workbench inputs and outputs (收费员/经理, contract §3; R-FEE-6..8). Amounts are integer fen. */
const communityId = lazy(() => entityId().describe('小区编号；只负责一个小区时可省略'));

export const arrearsInput = lazy(() => z.object({ communityId: communityId().optional() }).strict());
export const remindInput = lazy(() => z.object({ householdId: householdId() }).strict());
export const demandLetterInput = lazy(() => z.object({ householdId: householdId() }).strict());
export const voidReceiptInput = lazy(() => z.object({ number: receiptNumber(), reason: singleLine({ min: 2, max: 200, minMessage: '请填写作废原因（至少 2 个字）' }) }).strict());
export const cashierReceiptsInput = lazy(() => z.object({ communityId: communityId().optional() }).strict());
export const dayBookInput = lazy(() => z.object({ date: day(), communityId: communityId().optional() }).strict());

export interface ArrearsStepView {
  step: ArrearsStep;
  label: string;
  at: string;
  byName: string;
  owedFen: number;
  periods: string[];
  /** The last day the resident was asked to pay by ('YYYY-MM-DD'). */
  deadlineDay: string | null;
}

export interface ArrearsItem {
  householdId: string;
  room: string;
  ownerName: string;
  /** Masked (138****5678, R-ACC-5). */
  ownerPhone: string;
  owedFen: number;
  /** How many overdue monthly bills. */
  months: number;
  periods: string[];
  overdueSince: string;
  nextStep: ArrearsStep | null;
  nextStepLabel: string | null;
  nextStepDueAt: string | null;
  /** The next step's time has come. */
  nextStepDue: boolean;
  steps: ArrearsStepView[];
  allowed: { remind: boolean; demandLetter: boolean; printLetter: boolean };
}

export interface RemindOutput {
  householdId: string;
  owedFen: number;
  periods: string[];
  deadlineDay: string;
  /** How many bound residents were sent it (0: none bound — remind by phone or in person). */
  sentTo: number;
  nextStep: ArrearsStep | null;
  nextStepDueAt: string | null;
}

/** What a printable 催缴函 needs. */
export interface DemandLetterOutput {
  letterNo: string;
  communityName: string;
  householdId: string;
  room: string;
  ownerName: string;
  owedFen: number;
  lines: { period: string; item: FeeItem; label: string; amountFen: number }[];
  periods: string[];
  remindedAt: string;
  issuedAt: string;
  issuedBy: string;
  deadlineDay: string;
  basis: string;
  /** True when this call recorded it; false: the letter recorded earlier, answered again (reprint). */
  created: boolean;
  nextStep: ArrearsStep | null;
  nextStepDueAt: string | null;
}

export interface CashierReceipt {
  number: string;
  householdId: string;
  room: string;
  totalFen: number;
  paidAt: string;
  payer: string;
  outTradeNo: string;
  status: 'issued' | 'voided';
  voidReason: string | null;
  voidedBy: string | null;
  voidedAt: string | null;
  allowed: { void: boolean };
}

export interface DayBookPayment {
  outTradeNo: string;
  transactionId: string;
  householdId: string | null;
  totalFen: number;
  paidAt: string;
  via: 'notify' | 'query';
  receiptNumber: string | null;
  reconciled: boolean;
}

export interface DayBookRefund {
  outRefundNo: string;
  outTradeNo: string;
  householdId: string;
  amountFen: number;
  reason: string;
  succeededAt: string;
}

export type { DayBookIssueKind } from '../domain/fees/dayBook';
import type { DayBookIssueKind } from '../domain/fees/dayBook';
export interface DayBookIssue {
  kind: DayBookIssueKind;
  label: string;
  number: string | null;
  outTradeNo: string | null;
  text: string;
}

export interface DayBookOutput {
  communityId: string;
  communityName: string;
  date: string;
  receipts: CashierReceipt[];
  payments: DayBookPayment[];
  refunds: DayBookRefund[];
  /** Receipts voided on this day (whenever issued). */
  voided: CashierReceipt[];
  /** Money received this day (the payments). */
  totalFen: number;
  /** The day's issued (not voided) receipts. */
  receiptsFen: number;
  refundsFen: number;
  /** Received less refunded. */
  netFen: number;
  /** The first and last receipt number of the day's range, null when none. */
  range: { from: string; to: string } | null;
  balanced: boolean;
  issues: DayBookIssue[];
}
