import type { CaseState } from './types';

/** R-REP-2: the most a work order may charge — the quote the resident accepted; free work is 0. */
export const feeCapFen = (s: Pick<CaseState, 'work'>): number => (s.work.quote?.decision === 'accepted' ? s.work.quote.feeFen : 0);
