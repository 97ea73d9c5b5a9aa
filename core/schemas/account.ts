import { z } from 'zod';
import { singleLine } from './text';
import { entityId, householdId, personName, phone, relation, requestId } from './common';

export const meInput = z.object({}).strict();
export const bindInput = z
  .object({ requestId: requestId.optional(), householdId, name: personName, phone, relation })
  .strict();
export const bindingsInput = z.object({ status: z.enum(['pending', 'approved', 'rejected']).optional() }).strict();
export const approveBindingInput = z.object({ id: entityId }).strict();
export const rejectBindingInput = z.object({ id: entityId, reason: singleLine({ min: 2, max: 200, minMessage: '请填写驳回原因' }) }).strict();
