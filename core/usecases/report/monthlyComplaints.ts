import { COMPLAINT_LEVELS, DEADLINE_LABELS, DEPARTMENT_LABELS, type ComplaintLevel, type Department } from '../../vocabulary';
import { CATEGORIES } from '../../domain/case/routing';
import { deadlinesOf } from '../../domain/case/deadlines';
import { communitySlas } from '../../domain/case/commit';
import type { CaseEvent, CaseState } from '../../domain/case/types';
import { at, toIso } from '../../time';
import type { UseCaseContext } from '../context';
import { rate, type ReportScope } from './scope';

export const LEVEL_REPORT_LABELS: Record<ComplaintLevel | 'unclassified', string> = { major: '重大', serious: '重要', minor: '一般', unclassified: '未分级' };
/** R-CMP-6: the month's summary is due by the 25th (the month so far). */
export const SUMMARY_DAY = 25;

/**
 * 无效投诉 (R-CMP-5): the case's state names the reason it was judged invalid (`complaint.invalidReason`),
 * or its log holds the marking. Read without assuming the complaint record's shape beyond that.
 */
export function isInvalid(s: CaseState, events: CaseEvent[]): boolean {
  const c = (s as unknown as { complaint?: { invalidReason?: string | null } | null }).complaint;
  if (c && c.invalidReason !== null && c.invalidReason !== undefined) return true;
  return events.some((e) => (e.type as string) === 'markedInvalid');
}

export interface CountRow<K extends string = string> {
  key: K;
  label: string;
  count: number;
}

/** One deadline kind across the month's complaints: judged (met, or due and missed) and on time. */
export interface DeadlineRow {
  name: string;
  label: string;
  judged: number;
  onTime: number;
  late: number;
  onTimeRate: number | null;
}

/** 投诉情况月汇总表 (R-CMP-6). */
export interface MonthlyComplaints {
  total: number;
  asOf: string;
  /** The 25th of the month (00:00, Shanghai): the summary is ready from the 1st, by this day at the latest. */
  dueBy: string;
  byLevel: CountRow<ComplaintLevel | 'unclassified'>[];
  byDepartment: CountRow[];
  byCategory: CountRow[];
  deadlines: DeadlineRow[];
  onTime: { judged: number; onTime: number; late: number; onTimeRate: number | null };
  resolved: number;
  cancelled: number;
  open: number;
  invalid: { count: number; rate: number | null };
}

const bump = (m: Map<string, CountRow>, key: string, label: string) => {
  const row = m.get(key) ?? { key, label, count: 0 };
  row.count++;
  m.set(key, row);
};
const sorted = (m: Map<string, CountRow>) => [...m.values()].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
const categoryLabel = (c: string | null) => (c && Object.prototype.hasOwnProperty.call(CATEGORIES, c) ? CATEGORIES[c as keyof typeof CATEGORIES].label : c ? c : '未分类');

/**
 * The complaints received in the month (by submission time), as of `asOf`: by level, department and
 * cause, each deadline's on-time rate (whichever deadlines the SLA engine gives a complaint: a met one
 * counts when met by its due time, a missed one once due), finished and open, and the invalid share.
 */
export async function complaintSummary(ctx: UseCaseContext, scope: ReportScope): Promise<MonthlyComplaints> {
  const states = await ctx.tx.casesCreatedBetween(scope.communities, ['complaint'], scope.from, scope.to);
  const histories = new Map((await ctx.tx.caseHistories(states.map((s) => s.id))).map((h) => [h.state.id, h.events]));
  const slas = await communitySlas(ctx, scope.communities);
  const byLevel = new Map<string, CountRow>(([...COMPLAINT_LEVELS, 'unclassified'] as const).map((k) => [k, { key: k, label: LEVEL_REPORT_LABELS[k], count: 0 }]));
  const byDepartment = new Map<string, CountRow>();
  const byCategory = new Map<string, CountRow>();
  const deadlines = new Map<string, DeadlineRow>();
  let resolved = 0, cancelled = 0, invalid = 0;
  for (const s of states) {
    byLevel.get(s.level ?? 'unclassified')!.count++;
    bump(byDepartment, s.department, DEPARTMENT_LABELS[s.department as Department] ?? s.department);
    bump(byCategory, s.category ?? 'none', categoryLabel(s.category));
    if (s.status === 'cancelled') cancelled++;
    else if (s.finishedAt !== null || s.status === 'closed' || s.status === 'resolved') resolved++;
    if (isInvalid(s, histories.get(s.id) ?? [])) invalid++;
    for (const d of deadlinesOf(s, ctx.now, slas.get(s.communityId)!)) {
      const row = deadlines.get(d.name) ?? { name: d.name, label: DEADLINE_LABELS[d.name] ?? d.name, judged: 0, onTime: 0, late: 0, onTimeRate: null };
      if (d.metAt !== null && d.metAt <= d.dueAt) row.onTime++;
      else if (ctx.now >= d.dueAt) row.late++;
      deadlines.set(d.name, row);
    }
  }
  const rows = [...deadlines.values()].map((r) => ({ ...r, judged: r.onTime + r.late, onTimeRate: rate(r.onTime, r.onTime + r.late) }));
  const onTime = rows.reduce((a, r) => a + r.onTime, 0);
  const late = rows.reduce((a, r) => a + r.late, 0);
  return {
    total: states.length,
    asOf: toIso(scope.asOf),
    dueBy: toIso(at(`${scope.month}-${SUMMARY_DAY}`)),
    byLevel: [...byLevel.values()] as CountRow<ComplaintLevel | 'unclassified'>[],
    byDepartment: sorted(byDepartment),
    byCategory: sorted(byCategory),
    deadlines: rows.sort((a, b) => a.name.localeCompare(b.name)),
    onTime: { judged: onTime + late, onTime, late, onTimeRate: rate(onTime, onTime + late) },
    resolved,
    cancelled,
    open: states.length - resolved - cancelled,
    invalid: { count: invalid, rate: rate(invalid, states.length) },
  };
}
