import { z } from 'zod';
import { entityId } from './common';

export const messageListInput = z.object({ cursor: z.string().max(200).optional() }).strict();
export const messageReadInput = z.object({ ids: z.union([z.array(entityId).max(100), z.literal('all')]) }).strict();
