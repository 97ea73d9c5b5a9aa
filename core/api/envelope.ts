import { z } from 'zod';
import { lazy } from '../schemas/lazy';

/** The envelope every function answers with (contract §1). */
export const envelope = lazy(() => z.object({ action: z.string().min(1).max(40) }));
