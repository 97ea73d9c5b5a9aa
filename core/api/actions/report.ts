import { action } from '../action';
import * as report from '../../schemas/report';
import { monthlyRepairs } from '../../usecases/report/monthlyRepairs';

/** The `report` function's actions (its bundle holds these alone: scripts/bundle-functions.ts). */
export const reportActions = {
  monthly: action(report.monthlyInput, monthlyRepairs, { readOnly: true }),
} as const;
