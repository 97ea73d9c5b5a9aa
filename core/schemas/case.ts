import { z } from 'zod';
import { caseKind, caseStatus, complaintLevel, entityId, fileId, householdId, isoTime, requestId } from './common';
import { CATEGORY_CODES } from '../domain/case/routing';

const content = z.string().trim().min(5, '请至少填写 5 个字，便于我们了解情况').max(1000, '内容不超过 1000 字');

export const caseFields = {
  kind: caseKind,
  content,
  category: z.enum(CATEGORY_CODES as [string, ...string[]]).optional(),
  location: z.enum(['in_home', 'common_area']).optional(),
  photos: z.array(fileId).max(9, '最多上传 9 张照片').default([]),
  preferredTime: z
    .object({ from: isoTime, to: isoTime })
    .refine((t) => Date.parse(t.from) < Date.parse(t.to), '方便的时间段应先开始后结束')
    .optional(),
  emergency: z.boolean().default(false),
  level: complaintLevel.optional(),
};

export const submitCaseInput = z.object({ requestId, householdId, ...caseFields }).strict();
export const listCasesInput = z.object({ status: caseStatus.optional(), kind: caseKind.optional(), cursor: z.string().max(200).optional() }).strict();
export const getCaseInput = z.object({ id: entityId }).strict();
export const cancelCaseInput = z.object({ id: entityId, reason: z.string().trim().max(200).optional() }).strict();
