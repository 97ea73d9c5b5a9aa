import { MINUTE } from '../../time';
import type { CaseState } from './types';

/** 催单: at most once every 10 minutes per case. */
export const URGE_INTERVAL_MS = 10 * MINUTE;

/** When the resident may urge the case again; null when nothing holds an urge back now. */
export const nextUrgeAt = (s: Pick<CaseState, 'lastUrgedAt'>, now: number): number | null =>
  s.lastUrgedAt !== null && now - s.lastUrgedAt < URGE_INTERVAL_MS ? s.lastUrgedAt + URGE_INTERVAL_MS : null;
