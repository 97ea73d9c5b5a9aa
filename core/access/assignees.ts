import { REPLY_KINDS, WORK_KINDS } from '../domain/case/transition';
import type { CaseState } from '../domain/case/types';
import type { StaffRole } from '../schemas/common';
import { CASE_READ, POLICY, type Permission } from './policy';

/**
 * What a responsible person must be able to do to carry a case to its end (R-INT-5): worked cases end
 * with the desk's callback (the technician is reached by 派单, not by 转交), answered kinds with a
 * reply, the others (投诉, 售后) with the desk's follow-up. Read from THE permission table.
 */
const FINISHING: (s: Pick<CaseState, 'kind'>) => Permission = (s) =>
  WORK_KINDS.includes(s.kind) ? 'workbench.callback' : REPLY_KINDS.includes(s.kind) ? 'workbench.reply' : 'workbench.assign';

/**
 * The roles a case may be handed to (转交): those who can carry it to its end, and for a case that is not
 * worked on a work order, the specialists of its category (装修相关 → 装修管理员, 物业费用 → 收费员: the
 * roles whose reach in CASE_READ is that category). No one else.
 */
export function assigneeRoles(s: Pick<CaseState, 'kind' | 'category'>): StaffRole[] {
  const desk = POLICY[FINISHING(s)].filter((w): w is StaffRole => w !== 'anyone' && w !== 'resident');
  if (WORK_KINDS.includes(s.kind) || !s.category) return desk;
  const specialists = (Object.keys(CASE_READ) as StaffRole[]).filter((r) => {
    const scope = CASE_READ[r].scope;
    return scope !== 'community' && scope.categories.includes(s.category!);
  });
  return [...desk, ...specialists.filter((r) => !desk.includes(r))];
}

/** The role a work order is dispatched to (派单). */
export const DISPATCH_ROLE: StaffRole = 'technician';
