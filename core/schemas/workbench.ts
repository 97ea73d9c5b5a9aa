import { z } from 'zod';
import { caseKind, caseStatus, channel, department, entityId, householdId, personName, phone, requestId } from './common';
import { caseFields } from './case';

export const queueInput = z
  .object({
    status: caseStatus.optional(),
    kind: caseKind.optional(),
    department: department.optional(),
    mine: z.boolean().optional(),
    householdId: householdId.optional(),
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
  .strict();
export const assignInput = z.object({ id: entityId, to: entityId, department: department.optional(), note: z.string().trim().max(200).optional() }).strict();
export const replyInput = z.object({ id: entityId, note: z.string().trim().min(2, '请填写答复内容').max(1000) }).strict();
export const staffInput = z.object({}).strict();
