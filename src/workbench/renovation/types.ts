import type { Output } from '../../api/client';

/** One application as the workbench reads it (renovation.get). */
export type RenoView = Output<'renovation', 'get'>;
