import { requireAccess } from '../../access/requireAccess';
import { POLICY } from '../../access/policy';
import { fail, ok, type Outcome } from '../../errors';
import { reportMonthIssues } from '../../domain/dateBounds';
import { monthRange, toIso } from '../../time';
import type { UseCaseContext } from '../context';

/** What a monthly report covers: the caller's communities where they read reports, and the month's instants. */
export interface ReportScope {
  month: string;
  communities: string[];
  /** The Shanghai calendar month [from, to) (core/shanghai.ts monthRange), whatever the host's zone. */
  from: number;
  to: number;
  /** The figures are as of this moment: now within the month (the month so far, R-CMP-6), else its end. */
  asOf: number;
}

/** Only 客服主管 and 经理 read reports, and only for the communities where they hold that role. */
export function reportScope(ctx: UseCaseContext, month: string): Outcome<ReportScope> {
  const access = requireAccess(ctx.caller, 'report.read');
  if (!access.ok) return access;
  const badMonth = reportMonthIssues(month, ctx.now);
  if (badMonth) return fail('INPUT.INVALID', badMonth);
  const readers = POLICY['report.read'] as readonly string[];
  const communities = [...new Set(ctx.caller!.staff.filter((s) => readers.includes(s.role)).map((s) => s.communityId))];
  const { from, to } = monthRange(month);
  return ok({ month, communities, from, to, asOf: Math.min(ctx.now, to) });
}

/** A share in percent with one decimal, or null when there is nothing to share. */
export const rate = (n: number, d: number) => (d === 0 ? null : Math.round((1000 * n) / d) / 10);

/** ISO time of the scope's moment (+08:00). */
export const asOfIso = (s: ReportScope) => toIso(s.asOf);
