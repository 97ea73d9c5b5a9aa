import { responsibleFor } from '../../domain/case/routing';
import type { CaseState } from '../../domain/case/types';
import type { UseCaseContext } from '../context';

/**
 * Who calls back on an answered complaint (R-CMP-3: a designated person, not the handler): the
 * customer-service desk's responsible person, else the supervisor, else the manager — the first of them
 * who neither handled it nor is the one it is about.
 */
export async function complaintCallbackOwner(ctx: UseCaseContext, s: CaseState, handler: string): Promise<string> {
  const [community, staff] = await Promise.all([ctx.tx.community(s.communityId), ctx.tx.staffOfCommunity(s.communityId)]);
  const candidates = [
    community ? responsibleFor(community.responsible, 'customer_service') : null,
    ...staff.filter((m) => m.role === 'frontdesk').map((m) => m.userId),
    ...staff.filter((m) => m.role === 'supervisor').map((m) => m.userId),
    ...staff.filter((m) => m.role === 'manager').map((m) => m.userId),
  ];
  return candidates.find((id): id is string => !!id && id !== handler && id !== s.complaint?.aboutStaff) ?? s.owner;
}
