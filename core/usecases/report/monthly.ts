import type { z } from 'zod';
import { ok, type Outcome } from '../../errors';
import type { monthlyInput } from '../../schemas/report';
import type { UseCaseContext } from '../context';
import { complaintSummary, type MonthlyComplaints } from './monthlyComplaints';
import { monthlyRepairs, type MonthlyRepairs } from './monthlyRepairs';
import { satisfactionSummary, type MonthlySatisfaction } from './monthlySatisfaction';
import { reportScope } from './scope';

export interface MonthlyReport {
  month: string;
  /** When the figures were taken (+08:00): now within the month, the month's end after it. */
  asOf: string;
  repairs: MonthlyRepairs;
  complaints: MonthlyComplaints;
  satisfaction: MonthlySatisfaction;
}

/**
 * report.monthly (contract §3): repairs (R-REP-7), complaints (投诉情况月汇总表, R-CMP-6) and
 * satisfaction (R-SAT-3) of the caller's communities for one Shanghai calendar month. Any day of the
 * month answers for the month so far. Reads only.
 */
export async function monthly(ctx: UseCaseContext, input: z.output<ReturnType<typeof monthlyInput>>): Promise<Outcome<MonthlyReport>> {
  const scope = reportScope(ctx, input.month);
  if (!scope.ok) return scope;
  const repairs = await monthlyRepairs(ctx, input);
  if (!repairs.ok) return repairs;
  const complaints = await complaintSummary(ctx, scope.data);
  const satisfaction = await satisfactionSummary(ctx, scope.data);
  return ok({ month: input.month, asOf: complaints.asOf, repairs: repairs.data, complaints, satisfaction });
}
