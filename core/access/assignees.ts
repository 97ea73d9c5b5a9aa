import { REPLY_KINDS, WORK_KINDS } from '../domain/case/transition';
import type { CaseState } from '../domain/case/types';
import type { StaffRole } from '../schemas/common';
import { POLICY, type Permission } from './policy';

/**
 * What a responsible person must be able to do to carry a case to its end (R-INT-5): worked cases end
 * with the desk's callback (the technician is reached by 派单, not by 转交), answered kinds with a
 * reply, the others (投诉, 售后) with the desk's follow-up. Read from THE permission table.
 */
const FINISHING: (s: Pick<CaseState, 'kind'>) => Permission = (s) =>
  WORK_KINDS.includes(s.kind) ? 'workbench.callback' : REPLY_KINDS.includes(s.kind) ? 'workbench.reply' : 'workbench.assign';

/** The roles a case may be handed to (转交): those who can handle it, no one else. */
export const assigneeRoles = (s: Pick<CaseState, 'kind'>): StaffRole[] => POLICY[FINISHING(s)].filter((w): w is StaffRole => w !== 'anyone' && w !== 'resident');

/** The role a work order is dispatched to (派单). */
export const DISPATCH_ROLE: StaffRole = 'technician';
