import { z } from 'zod';
import { lazy } from './lazy';
import { caseKind, caseStatus, channel, complaintLevel, department, entityId, householdId, personName, phone, requestId, staffRole } from './common';
import { caseFields, kindRules } from './case';
import { freeText, singleLine } from './text';

export const queueInput = lazy(() => z
  .object({
    status: caseStatus().optional(),
    kind: caseKind().optional(),
    department: department().optional(),
    mine: z.boolean().optional(),
    householdId: householdId().optional(),
    technician: entityId().optional(),
    breached: z.boolean().optional(),
    cursor: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(100).default(50),
  })
  .strict());
export const workbenchGetInput = lazy(() => z.object({ id: entityId() }).strict());
export const intakeInput = lazy(() => z
  .object({
    requestId: requestId(),
    householdId: householdId(),
    channel: channel().exclude(['miniprogram']),
    contactName: personName(),
    contactPhone: phone(),
    ...caseFields(),
  })
  .strict()
  .superRefine(kindRules));
export const assignInput = lazy(() => z.object({ id: entityId(), to: entityId(), department: department().optional(), note: singleLine({ max: 200 }).optional() }).strict());
export const replyInput = lazy(() => z.object({ id: entityId(), note: freeText({ min: 2, max: 1000, minMessage: '请填写答复内容' }) }).strict());
/** Colleagues of the caller's communities, optionally of one role (the queue's technician filter). */
export const staffInput = lazy(() => z.object({ role: staffRole().optional() }).strict());

const fen = lazy(() => z.number().int('金额以分为单位，须为整数').min(0).max(10_000_000, '金额超出范围'));
/**
 * `version`: the case version the dispatcher was looking at (the view's `version`). Given, a dispatch of a
 * case someone changed since is refused (CASE.CONFLICT): two front-desk clerks dispatching one repair at
 * once get one dispatch, not two with the later one silently replacing the technician.
 */
export const dispatchInput = lazy(() => z.object({ id: entityId(), technicianId: entityId(), note: singleLine({ max: 200 }).optional(), version: z.number().int().min(1).max(1_000_000).optional() }).strict());
export const workIdInput = lazy(() => z.object({ id: entityId() }).strict());
/** `early: true` confirms a check-in before the agreed window (the technician was warned: `arrivalWarning`). */
export const arriveInput = lazy(() => z.object({ id: entityId(), early: z.boolean().optional() }).strict());
export const quoteInput = lazy(() => z.object({ id: entityId(), feeFen: fen().min(1, '报价须大于 0'), note: freeText({ min: 2, max: 300, minMessage: '请说明报价包含的项目' }) }).strict());
export const completeInput = lazy(() => z
  .object({ id: entityId(), result: freeText({ min: 2, max: 500, minMessage: '请填写维修结果' }), materials: z.array(singleLine({ min: 1, max: 40, minMessage: '请填写材料名称' })).max(20, '材料最多 20 项').default([]), feeFen: fen().optional() })
  .strict());
export const callbackInput = lazy(() => z
  .object({ id: entityId(), outcome: z.enum(['satisfied', 'problem']), method: z.enum(['phone', 'visit']), note: freeText({ max: 500 }).optional() })
  .strict());
export const pauseInput = lazy(() => z.object({ id: entityId(), reason: singleLine({ min: 2, max: 200, minMessage: '请填写暂停原因' }) }).strict());
/** 投诉分级 (R-CMP-2), with the staff member complained about, if any (hidden from them). */
export const classifyInput = lazy(() => z.object({ id: entityId(), level: complaintLevel(), aboutStaff: entityId().optional(), note: singleLine({ max: 200 }).optional() }).strict());
/** First contact with the resident (R-CMP-3): how and what was said, for the record. */
export const contactInput = lazy(() => z.object({ id: entityId(), note: freeText({ min: 2, max: 1000, minMessage: '请填写联系记录' }) }).strict());
/** 无效投诉 (R-CMP-5): the reason, told to the resident. */
export const markInvalidInput = lazy(() => z.object({ id: entityId(), reason: freeText({ min: 5, max: 500, minMessage: '请写明判定无效的原因（至少 5 个字），该原因会告知住户' }) }).strict());
export const closeInput = lazy(() => z.object({ id: entityId(), note: singleLine({ max: 200 }).optional() }).strict());
export const closeUnresolvableInput = lazy(() => z.object({ id: entityId(), reason: freeText({ min: 10, max: 1000, minMessage: '请写明无法处理的原因（至少 10 个字）' }) }).strict());
