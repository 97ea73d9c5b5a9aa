import { z } from 'zod';
import { entityId, householdId, personName, phone, relation, requestId } from './common';

export const meInput = z.object({}).strict();
export const bindInput = z
  .object({ requestId: requestId.optional(), householdId, name: personName, phone, relation })
  .strict();
export const bindingsInput = z.object({ status: z.enum(['pending', 'approved', 'rejected']).optional() }).strict();
export const approveBindingInput = z.object({ id: entityId }).strict();
export const rejectBindingInput = z.object({ id: entityId, reason: z.string().trim().min(2, '请填写驳回原因').max(200) }).strict();
