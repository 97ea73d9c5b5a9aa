import { z } from 'zod';

/** The envelope every function answers with (contract §1). */
export const envelope = z.object({ action: z.string().min(1).max(40) });
