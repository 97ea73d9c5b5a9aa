import { z } from 'zod';
import { lazy } from './lazy';
import { entityId, fileId, householdId, isoTime, personName, requestId } from './common';
import { freeText, singleLine } from './text';
import {
  APPLICANTS,
  DOCUMENT_CODES,
  INSPECTION_ITEMS,
  PREMISES,
  REVIEW_ITEMS,
  type Applicant,
  type DocumentCode,
  type InspectionItem,
  type MissingItem,
  type Premises,
  type RenovationStatus,
  type ViolationStatus,
} from '../domain/renovation/vocabulary';
import type { FeeItem } from '../domain/fees/standards';

/**
 * The `renovation` function's inputs and outputs (contract §3; service standards §7, R-REN-1..11).
 * Documents are uploaded fileIds; an application missing some of them is refused with the list of what
 * is missing (RENOVATION.DOCUMENTS_MISSING, `error.missing`), so every document is optional here and the
 * use case decides. Money is integer fen; areas are m² with up to 2 decimals.
 */

/** 18-digit resident identity number (the last may be X); stored, never shown in full (R-ACC-5). */
export const idNumber = lazy(() => z
  .string()
  .trim()
  .regex(/^\d{17}[\dXx]$/, '身份证号应为 18 位')
  .transform((s) => s.toUpperCase()));

const area = (message: string) =>
  z
    .number()
    .min(0, message)
    .max(100_000, message)
    .refine((n) => Number.isFinite(n) && Math.abs(Math.round(n * 100) - n * 100) < 1e-6, '面积最多保留 2 位小数');

/** Shanghai calendar day. */
export const day = lazy(() => z.string().trim().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '日期格式应为 YYYY-MM-DD'));

export const workerInput = lazy(() => z
  .object({
    name: personName(),
    idNumber: idNumber().optional(),
    photo: fileId().optional(),
  })
  .strict());

const fileOrFiles = lazy(() => z.union([fileId(), z.array(fileId()).max(20, '最多 20 个文件')]));

export const documentsInput = lazy(() => z
  .object({
    form: fileId().optional(),
    drawings: fileOrFiles().optional(),
    workers: z.array(workerInput()).max(50, '施工人员最多登记 50 人').optional(),
    licence: fileId().optional(),
    qualification: fileId().optional(),
    /** The housing authority's approval (拆改主体结构, R-REN-3). */
    authority: fileId().optional(),
    /** 委托书 (R-REN-1, delegate). */
    powerOfAttorney: fileId().optional(),
    /** The delegate's ID document, uploaded (R-REN-1, delegate). */
    delegateId: fileId().optional(),
  })
  .strict());

export const applyInput = lazy(() => z
  .object({
    requestId: requestId(),
    householdId: householdId(),
    applicant: z.enum(APPLICANTS),
    plan: freeText({ min: 1, max: 1000, minMessage: '请填写装修方案' }),
    structuralChange: z.boolean(),
    /** Gross area renovated, m² (2 decimals). */
    areaM2: area('装修面积应在 0–100000 平方米之间'),
    /** Demolished wall area, m² (拆墙费). */
    demolitionM2: area('拆墙面积应在 0–100000 平方米之间').optional(),
    /** 二次装修 (the home was renovated before). */
    secondRenovation: z.boolean().optional(),
    /** Home or office (the deposit differs, R-REN-5); default home. */
    premises: z.enum(PREMISES).optional(),
    startDate: day(),
    endDate: day(),
    documents: documentsInput(),
    rulesAccepted: z.boolean(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.endDate < v.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: '完工日期不能早于开工日期' });
  }));

export const resubmitInput = lazy(() => z
  .object({
    id: entityId(),
    documents: documentsInput(),
    plan: freeText({ min: 1, max: 1000, minMessage: '请填写装修方案' }).optional(),
    rulesAccepted: z.boolean().optional(),
  })
  .strict());

export const rulesInput = lazy(() => z.object({}).strict());
export const quoteInput = lazy(() => z
  .object({
    householdId: householdId(),
    areaM2: area('装修面积应在 0–100000 平方米之间'),
    demolitionM2: area('拆墙面积应在 0–100000 平方米之间').optional(),
    secondRenovation: z.boolean().optional(),
    premises: z.enum(PREMISES).optional(),
    workers: z.number().int().min(0).max(50).optional(),
  })
  .strict());
export const listInput = lazy(() => z
  .object({
    householdId: householdId().optional(),
    status: z.enum(['submitted', 'returned', 'approved', 'in_progress', 'accepted', 'refunded']).optional(),
  })
  .strict());
export const getInput = lazy(() => z.object({ id: entityId() }).strict());

const note = (max: number) => freeText({ max });

export const reviewInput = lazy(() => z
  .object({
    id: entityId(),
    decision: z.enum(['approve', 'return']),
    /** What is missing or wrong (return): document codes. */
    missing: z.array(z.enum(DOCUMENT_CODES)).max(DOCUMENT_CODES.length).optional(),
    /** What the resident reads (return: what to fix). */
    note: note(500).optional(),
    /** Staff only, never shown to residents. */
    internalNote: note(500).optional(),
    /** The review checklist (R-REN-6): each item checked true or false; on a return, false items are what is missing. */
    checklist: z.partialRecord(z.enum(REVIEW_ITEMS), z.boolean()).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    const failed = Object.values(v.checklist ?? {}).some((ok) => ok === false);
    if (v.decision === 'return' && !(v.missing && v.missing.length) && !v.note && !failed) ctx.addIssue({ code: 'custom', path: ['missing'], message: '请注明缺少或需要修改的材料' });
    if (v.decision === 'approve' && failed) ctx.addIssue({ code: 'custom', path: ['checklist'], message: '核对清单中仍有未通过的项目，请退回补充后再批准' });
  }));

export const closureTestInput = lazy(() => z
  .object({
    id: entityId(),
    passed: z.boolean(),
    note: freeText({ min: 1, max: 500, minMessage: '请填写闭水试验情况' }),
    /** When the water went in; the test lasts the community's closure test hours (default 24). */
    startedAt: isoTime().optional(),
    /** The owner (or delegate) witnessed it (R-REN-7). */
    ownerPresent: z.boolean().optional(),
    photos: z.array(fileId()).max(9).optional(),
  })
  .strict());

export const inspectInput = lazy(() => z
  .object({
    id: entityId(),
    passed: z.boolean(),
    findings: freeText({ min: 1, max: 1000, minMessage: '请填写巡查情况' }),
    checklist: z.partialRecord(z.enum(INSPECTION_ITEMS), z.boolean()).optional(),
    photos: z.array(fileId()).max(9).optional(),
    internalNote: note(500).optional(),
  })
  .strict());

export const violationInput = lazy(() => z
  .object({
    id: entityId(),
    description: freeText({ min: 1, max: 1000, minMessage: '请填写违章情况' }),
    /** Rectify by (ISO time). */
    deadline: isoTime(),
    /** Proof of notice / stop order (R-REN-9). */
    proofs: z.array(fileId()).max(9).optional(),
    stopOrder: z.boolean().optional(),
  })
  .strict());

export const resolveViolationInput = lazy(() => z
  .object({
    id: entityId(),
    violationId: entityId(),
    outcome: z.enum(['rectified', 'reported']),
    note: freeText({ min: 1, max: 1000, minMessage: '请填写处理情况' }),
    /** Proof of rectification / of the written report (R-REN-9). */
    proofs: z.array(fileId()).max(9).optional(),
  })
  .strict());

export const acceptInput = lazy(() => z
  .object({
    id: entityId(),
    deductions: z
      .array(
        z
          .object({
            reason: singleLine({ min: 1, max: 100, minMessage: '请填写扣款原因' }),
            amountFen: z.number().int('金额应为整数分').min(1, '扣款金额应大于 0').max(100_000_000),
          })
          .strict(),
      )
      .max(20)
      .optional(),
    note: note(500).optional(),
  })
  .strict());

// ---- outputs ----

export interface RenovationFeeLine {
  item: FeeItem;
  label: string;
  amountFen: number;
  /** Quantity the amount is for: m² (2 decimals, as text) or a count. */
  quantity: string;
  /** Refunded at acceptance: the deposit (less deductions), the permit and the passes (R-REN-5, R-REN-10). */
  refundable: boolean;
}

export interface QuoteOutput {
  fees: RenovationFeeLine[];
  totalFen: number;
  refundableFen: number;
}

export interface ApplyOutput {
  id: string;
  number: string;
  status: RenovationStatus;
  fees: RenovationFeeLine[];
  totalFen: number;
  /** Empty: complete (an incomplete application is refused with `error.missing`). */
  missing: MissingItem[];
}

export interface RuleText {
  code: 'management' | 'elevator' | 'notice';
  title: string;
  paragraphs: string[];
}
export interface RulesOutput {
  version: string;
  rules: RuleText[];
}

export interface WorkerView {
  name: string;
  /** Masked (R-ACC-5): 110***********1234; null when not given. */
  idNumber: string | null;
  photo: string | null;
  /** 出入证 number once approved. */
  passNumber: string | null;
}

export interface DocumentsView {
  form: string | null;
  drawings: string[];
  workers: WorkerView[];
  licence: string | null;
  qualification: string | null;
  authority: string | null;
  powerOfAttorney: string | null;
  delegateId: string | null;
}

export interface RenovationDeadline {
  name: 'review' | 'inspection' | 'violation';
  label: string;
  dueAt: string;
  metAt: string | null;
  breached: boolean;
}

export interface InspectionView {
  at: string;
  by: string;
  passed: boolean;
  findings: string;
  checklist: { item: InspectionItem; label: string; ok: boolean }[];
  photos: string[];
}

export interface ClosureTestView {
  at: string;
  by: string;
  passed: boolean;
  note: string;
  startedAt: string | null;
  hours: number;
  ownerPresent: boolean;
  photos: string[];
}

export interface ViolationView {
  id: string;
  at: string;
  by: string;
  description: string;
  deadline: string;
  stopOrder: boolean;
  status: ViolationStatus;
  statusLabel: string;
  proofs: string[];
  resolvedAt: string | null;
  resolution: string | null;
}

export interface ReviewView {
  at: string;
  by: string;
  decision: 'approve' | 'return';
  checklist: { item: string; label: string; ok: boolean }[];
}

export interface TimelineEntry {
  type: string;
  label: string;
  at: string;
  by: string;
  note: string | null;
}

export interface RenovationView {
  id: string;
  number: string;
  communityId: string;
  householdId: string;
  status: RenovationStatus;
  statusLabel: string;
  applicant: Applicant;
  applicantName: string;
  plan: string;
  structuralChange: boolean;
  areaM2: string;
  demolitionM2: string | null;
  secondRenovation: boolean;
  premises: Premises;
  startDate: string;
  endDate: string;
  rulesAccepted: boolean;
  /** The version of the rules accepted (renovation.rules `version`), null when not recorded. */
  rulesVersion: string | null;
  documents: DocumentsView;
  fees: RenovationFeeLine[];
  totalFen: number;
  /** The household bill of the fees (issued at approval; paid through fee.pay). */
  billId: string | null;
  billStatus: 'unpaid' | 'paid' | null;
  /** What is missing or wrong (after a return; empty otherwise). */
  missing: MissingItem[];
  /** The officer's note to the resident on a return. */
  returnNote: string | null;
  permitNumber: string | null;
  deadlines: RenovationDeadline[];
  nextInspectionDueAt: string | null;
  /** Each review decision with its checklist (R-REN-6). */
  reviews: ReviewView[];
  closureTests: ClosureTestView[];
  inspections: InspectionView[];
  violations: ViolationView[];
  deductions: { reason: string; amountFen: number }[];
  /** What goes back to the payer at acceptance (R-REN-10); null before. */
  refundFen: number | null;
  refundStatus: 'pending' | 'processing' | 'succeeded' | 'failed' | null;
  createdAt: string;
  acceptedAt: string | null;
  timeline: TimelineEntry[];
  /** Staff-internal notes (staff only; null for residents). */
  internalNotes: { at: string; by: string; note: string }[] | null;
  /** Why completion acceptance must wait, in the officer's words (only to whoever may accept, while the work is on; else empty). */
  acceptBlockers: string[];
  /** What this caller may do now (pages render these, never copy a rule). */
  allowed: { resubmit: boolean; review: boolean; closureTest: boolean; inspect: boolean; violation: boolean; resolveViolation: boolean; accept: boolean; pay: boolean };
}

export interface ListOutput {
  items: RenovationView[];
}

export interface AcceptOutput {
  status: RenovationStatus;
  refundFen: number;
  deductedFen: number;
}

export type { MissingItem, DocumentCode };
