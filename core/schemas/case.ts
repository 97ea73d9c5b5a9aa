import { z } from 'zod';
import { lazy } from './lazy';
import { caseKind, caseStatus, complaintLevel, entityId, fileId, householdId, isoTime, requestId } from './common';
import { CATEGORY_CODES } from '../domain/case/routing';
import { REPAIR_CATEGORY_CODES, isRepairCategory } from '../vocabulary';
import { CONTENT_MIN, isEmergencyIntake } from '../domain/case/emergency';
import { codePoints, freeText, singleLine } from './text';

/** The fewest characters depend on the kind of case (an emergency takes none): `kindRules` counts them. */
const content = lazy(() => freeText({ max: 1000, maxMessage: '内容不超过 1000 字' }).describe('多行文本：去除零宽与控制字符、拒绝方向控制字符与无效字符，折叠空白并去除首尾空白后，按码位计长度；一般至少 5 个字，急修可只拍照片或不填'));

export const caseFields = lazy(() => ({
  kind: caseKind(),
  content: content(),
  category: z.enum([...CATEGORY_CODES, ...REPAIR_CATEGORY_CODES] as [string, ...string[]]).optional(),
  location: z.enum(['in_home', 'common_area']).optional(),
  // The same photo twice is a slip of the picker, but silently dropping one would change what was sent.
  photos: z
    .array(fileId())
    .max(9, '最多上传 9 张照片')
    .refine((ids) => new Set(ids).size === ids.length, '同一张照片只需添加一次，请删除重复的照片')
    .default([]),
  // Bounded against the request time by the use case (core/domain/dateBounds.ts): schemas do not know now.
  preferredTime: z.object({ from: isoTime(), to: isoTime() }).optional(),
  emergency: z.boolean().default(false),
  level: complaintLevel().optional(),
  // Complaints (R-CMP-1): when, where, about whom, what the resident asks for, an optional "by when";
  // the harm still going on (R-CMP-4). Bounded against the request time by the use case.
  occurredAt: isoTime().optional(),
  place: singleLine({ max: 100 }).optional(),
  subject: singleLine({ max: 100 }).optional(),
  asks: freeText({ max: 500 }).optional(),
  wantedBy: isoTime().optional(),
  harmOngoing: z.boolean().optional(),
}));

const COMPLAINT_ONLY = ['occurredAt', 'place', 'subject', 'asks', 'wantedBy', 'harmOngoing'] as const;

/**
 * Repairs record what is broken and where (R-REP-1): a repair category and 户内/公共区域 are required;
 * other kinds take the general categories. A description takes at least 5 characters — except for an
 * emergency (R-REP-3), reported in seconds: a few words, only a photo, or the category alone, and
 * 户内 when no place is given (core/domain/case/emergency.ts; the use case fills it in).
 */
export function kindRules(v: { kind: string; category?: string; location?: string; content: string; emergency?: boolean; [k: string]: unknown }, ctx: z.RefinementCtx) {
  const work = v.kind === 'repair' || v.kind === 'service';
  const emergency = isEmergencyIntake(v);
  if (!emergency && codePoints(v.content) < CONTENT_MIN) ctx.addIssue({ code: 'custom', path: ['content'], message: `请至少填写 ${CONTENT_MIN} 个字，便于我们了解情况` });
  if (work && !isRepairCategory(v.category)) ctx.addIssue({ code: 'custom', path: ['category'], message: '请选择报修类别' });
  if (work && !emergency && !v.location) ctx.addIssue({ code: 'custom', path: ['location'], message: '请选择维修位置：户内或公共区域' });
  if (!work && v.category !== undefined && isRepairCategory(v.category)) ctx.addIssue({ code: 'custom', path: ['category'], message: '该类别仅用于报修' });
  if (v.kind !== 'complaint') for (const k of COMPLAINT_ONLY) if ((v as Record<string, unknown>)[k] !== undefined) ctx.addIssue({ code: 'custom', path: [k], message: '该项仅用于投诉' });
}

export const submitCaseInput = lazy(() => z.object({ requestId: requestId(), householdId: householdId(), ...caseFields() }).strict().superRefine(kindRules));
export const listCasesInput = lazy(() => z.object({ status: caseStatus().optional(), kind: caseKind().optional(), cursor: z.string().max(200).optional() }).strict());
export const getCaseInput = lazy(() => z.object({ id: entityId() }).strict());
export const cancelCaseInput = lazy(() => z.object({ id: entityId(), reason: singleLine({ max: 200 }).optional() }).strict());

export const caseIdInput = lazy(() => z.object({ id: entityId() }).strict());
export const quoteDecisionInput = lazy(() => z.object({ id: entityId(), note: singleLine({ max: 200 }).optional() }).strict());
export const confirmInput = lazy(() => z
  .object({ id: entityId(), ok: z.boolean(), note: freeText({ max: 500 }).optional() })
  .strict()
  .refine((v) => v.ok || (v.note !== undefined && codePoints(v.note) >= 2), { path: ['note'], message: '请简单描述仍存在的问题，便于技师返工' }));
export const rateInput = lazy(() => z.object({ id: entityId(), stars: z.number().int().min(1, '请选择 1–5 星').max(5, '请选择 1–5 星'), comment: freeText({ max: 500 }).optional() }).strict());
