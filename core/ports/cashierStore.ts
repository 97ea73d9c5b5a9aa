import type { ArrearsStep } from '../domain/fees/arrears';
import type { BillRow, ReceiptRow } from './feeStore';

/**
 * One arrears episode of a household (R-FEE-7, migration 0023_arrears): open while the household owes
 * overdue bills (at most one open per household), closed when they are paid.
 */
export interface ArrearsLadderRow {
  id: string;
  communityId: string;
  householdId: string;
  openedAt: number;
  closedAt: number | null;
  /** The step due next, and from when; null: none left (the legal channel is recorded). */
  nextStep: ArrearsStep | null;
  nextDueAt: number | null;
  /** The step whose being due the community's cashier was told of (told once per step). */
  notifiedStep: ArrearsStep | null;
  remindedAt: number | null;
  letterAt: number | null;
  legalAt: number | null;
}

/** One step taken (or, for the legal channel, recorded as due by the sweep), with when the next is due. */
export interface ArrearsStepRow {
  id: string;
  ladderId: string;
  communityId: string;
  householdId: string;
  step: ArrearsStep;
  at: number;
  /** Who took it; null: the sweep. */
  byUserId: string | null;
  owedFen: number;
  periods: string[];
  /** The pay-by deadline the resident was given (exclusive instant); null for the legal step. */
  deadline: number | null;
  nextStep: ArrearsStep | null;
  nextDueAt: number | null;
}

/** The cashier workbench's reads and writes: arrears ladders, voiding receipts, the day book (R-FEE-6..8). */
export interface CashierTx {
  /** Unpaid monthly bills of billed months before `beforePeriod` ('YYYY-MM'): of one household, or of one community. */
  overdueBills(q: { communityId?: string; householdId?: string; beforePeriod: string }): Promise<BillRow[]>;
  /** Households with overdue bills and no open ladder (any community), at most `limit`. */
  overdueWithoutLadder(beforePeriod: string, limit: number): Promise<{ householdId: string; communityId: string }[]>;
  /** Open ladders whose household owes no overdue bill any more (paid), at most `limit`. */
  laddersSettled(beforePeriod: string, limit: number): Promise<ArrearsLadderRow[]>;
  /** Open ladders whose next step is due at `now` and not yet told to the cashier, oldest due first. */
  laddersDue(now: number, limit: number): Promise<ArrearsLadderRow[]>;
  /** The household's open ladder; `lock`: held until the transaction ends (MySQL/MariaDB: FOR UPDATE). */
  openLadder(householdId: string, opts?: { lock?: boolean }): Promise<ArrearsLadderRow | undefined>;
  openLaddersOfCommunity(communityId: string): Promise<ArrearsLadderRow[]>;
  /** Inserts a ladder unless the household has an open one; false then (nothing written). */
  insertLadder(row: ArrearsLadderRow): Promise<boolean>;
  /** Writes the patch to an open ladder; false when it is closed (or missing). */
  updateLadder(id: string, patch: Partial<Pick<ArrearsLadderRow, 'closedAt' | 'nextStep' | 'nextDueAt' | 'remindedAt' | 'letterAt' | 'legalAt'>>): Promise<boolean>;
  /** Records that the cashier was told `step` is due, unless already told: true only for the first. */
  markLadderNotified(id: string, step: ArrearsStep): Promise<boolean>;
  insertArrearsStep(row: ArrearsStepRow): Promise<void>;
  arrearsStepsOfLadders(ladderIds: string[]): Promise<ArrearsStepRow[]>;

  /** Voids an issued receipt (R-FEE-6); false when it is not issued (voided already, or missing). */
  voidReceipt(number: string, v: { reason: string; by: string; at: number }): Promise<boolean>;
  /** A community's receipts voided in [from, to), whenever issued. */
  receiptsVoidedBetween(communityId: string, from: number, to: number): Promise<ReceiptRow[]>;
  /** The highest receipt sequence of a community's year paid before `before` (0: none). */
  lastReceiptSeqBefore(communityId: string, year: number, before: number): Promise<number>;
  /** A community's receipts of one year whose sequence lies in [fromSeq, toSeq]. */
  receiptsBySeq(communityId: string, year: number, fromSeq: number, toSeq: number): Promise<ReceiptRow[]>;
  /** The receipts of these orders. */
  receiptsOfOrders(outTradeNos: string[]): Promise<ReceiptRow[]>;
  /** A community's receipts, newest first, at most `limit` (the workbench's receipt list). */
  receiptsOfCommunity(communityId: string, limit: number): Promise<ReceiptRow[]>;
}
