import { z } from 'zod';
import { caseKind, caseStatus, channel, department, entityId, householdId, personName, phone, requestId } from './common';
import { caseFields, kindRules } from './case';

export const queueInput = z
  .object({
    status: caseStatus.optional(),
    kind: caseKind.optional(),
    department: department.optional(),
    mine: z.boolean().optional(),
    householdId: householdId.optional(),
    technician: entityId.optional(),
    breached: z.boolean().optional(),
    cursor: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(100).default(50),
  })
  .strict();
export const workbenchGetInput = z.object({ id: entityId }).strict();
export const intakeInput = z
  .object({
    requestId,
    householdId,
    channel: channel.exclude(['miniprogram']),
    contactName: personName,
    contactPhone: phone,
    ...caseFields,
  })
  .strict()
  .superRefine(kindRules);
export const assignInput = z.object({ id: entityId, to: entityId, department: department.optional(), note: z.string().trim().max(200).optional() }).strict();
export const replyInput = z.object({ id: entityId, note: z.string().trim().min(2, '请填写答复内容').max(1000) }).strict();
export const staffInput = z.object({}).strict();

const fen = z.number().int('金额以分为单位，须为整数').min(0).max(10_000_000, '金额超出范围');
export const dispatchInput = z.object({ id: entityId, technicianId: entityId, note: z.string().trim().max(200).optional() }).strict();
export const workIdInput = z.object({ id: entityId }).strict();
export const quoteInput = z.object({ id: entityId, feeFen: fen.min(1, '报价须大于 0'), note: z.string().trim().min(2, '请说明报价包含的项目').max(300) }).strict();
export const completeInput = z
  .object({ id: entityId, result: z.string().trim().min(2, '请填写维修结果').max(500), materials: z.array(z.string().trim().min(1).max(40)).max(20).default([]), feeFen: fen.optional() })
  .strict();
export const callbackInput = z
  .object({ id: entityId, outcome: z.enum(['satisfied', 'problem']), method: z.enum(['phone', 'visit']), note: z.string().trim().max(500).optional() })
  .strict();
export const pauseInput = z.object({ id: entityId, reason: z.string().trim().min(2, '请填写暂停原因').max(200) }).strict();
export const closeUnresolvableInput = z.object({ id: entityId, reason: z.string().trim().min(10, '请写明无法处理的原因（至少 10 个字）').max(1000) }).strict();
