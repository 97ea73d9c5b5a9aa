import { z } from 'zod';
import { lazy } from './lazy';
import { entityId } from './common';

export const messageListInput = lazy(() => z.object({ cursor: z.string().max(200).optional() }).strict());
export const messageReadInput = lazy(() => z.object({ ids: z.union([z.array(entityId()).max(100), z.literal('all')]) }).strict());
