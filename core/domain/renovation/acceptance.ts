import type { RenovationState } from './state';

/** What stands between a renovation at work and its completion acceptance (R-REN-10), in the order checked. */
export type AcceptBlocker = 'bill_unpaid' | 'closure_required' | 'violation_open';

/** The officer's words for each: what to do first. */
export const ACCEPT_BLOCKER_LABELS: Record<AcceptBlocker, string> = {
  bill_unpaid: '装修费用尚未缴清',
  closure_required: '闭水试验尚未记录合格',
  violation_open: '仍有未整改完毕的违章',
};

/** Pure: why acceptance cannot happen now (none: it can). `billPaid`: the renovation bill is paid. */
export function acceptBlockers(s: Pick<RenovationState, 'closureTests' | 'violations'>, billPaid: boolean): AcceptBlocker[] {
  const out: AcceptBlocker[] = [];
  if (!billPaid) out.push('bill_unpaid');
  if (!s.closureTests.some((t) => t.passed)) out.push('closure_required');
  if (s.violations.some((v) => v.status === 'open' || v.status === 'report_due')) out.push('violation_open');
  return out;
}
