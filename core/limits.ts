import { HOUR } from './time';

/** At most `max` within any `windowMs`. */
export interface RateRule {
  max: number;
  windowMs: number;
}

/**
 * How many cases one caller may open, measured on the platform clock through the store (so the limit
 * holds across every CloudBase instance): far above what a household or a front desk ever records —
 * a resident submits a few cases a month, a busy front desk a few dozen calls a day — and low enough
 * that a script cannot flood the queue. `submit` counts cases a resident opened in the app,
 * `intake` cases a staff member recorded for a caller; both count every case the caller opened.
 */
export interface CreationLimits {
  submit: RateRule;
  intake: RateRule;
}

export const CREATION_LIMITS: CreationLimits = {
  submit: { max: 30, windowMs: HOUR },
  intake: { max: 200, windowMs: HOUR },
};
