import { caseFieldsFor, caseFieldsOf } from '../../access/caseAccess';
import { requireAccess } from '../../access/requireAccess';
import type { Permission } from '../../access/policy';
import { fail, ok, type Outcome } from '../../errors';
import { communitySla } from '../../domain/case/commit';
import { caseView, type CaseView, type OwnerRoles } from '../../domain/case/view';
import type { CaseEvent, CaseState } from '../../domain/case/types';
import type { SlaConfig } from '../../domain/case/deadlines';
import type { UseCaseContext } from '../context';
import { namesOf, ownerRolesOf } from './names';

/**
 * Loads a case for an action: the role first, then the object — a resident sees only their own
 * household's cases, staff only the cases of their communities within their role's reach (R-ACC-3,
 * R-ACC-5: policy.ts `CASE_READ`); 404 otherwise: never reveal that it exists.
 */
export async function loadCase(ctx: UseCaseContext, id: string, permission: Permission): Promise<Outcome<CaseState>> {
  const pre = requireAccess(ctx.caller, permission);
  if (!pre.ok) return pre;
  const s = await ctx.tx.caseById(id);
  if (!s) return fail('CASE.NOT_FOUND');
  const resident = permission.startsWith('case.');
  const access = requireAccess(ctx.caller, permission, { communityId: s.communityId, ...(resident ? { householdId: s.householdId } : {}), notFound: 'CASE.NOT_FOUND' });
  if (!access.ok) return access;
  if (!resident && !caseFieldsFor(ctx.caller, s, 'detail')) return fail('CASE.NOT_FOUND');
  return ok(s);
}

/**
 * The view answered after an action: the case with its whole timeline, as the caller may see it. What
 * the call already holds (the events of a case it just created, the SLA, names) is not read again;
 * names it lacks are.
 */
export async function viewAfter(
  ctx: UseCaseContext,
  s: CaseState,
  known: { events?: CaseEvent[]; sla?: SlaConfig; names?: Record<string, string>; roles?: OwnerRoles } = {},
): Promise<Outcome<CaseView>> {
  const [events, names, roles, sla] = await Promise.all([
    known.events ?? ctx.tx.caseEvents(s.id),
    known.names && s.owner in known.names ? { [s.owner]: known.names[s.owner] } : namesOf(ctx.tx, [s.owner]),
    known.roles ?? ownerRolesOf(ctx.tx, [s]),
    known.sla ?? communitySla(ctx, s.communityId),
  ]);
  return ok(caseView(s, ctx.now, names, { caller: ctx.caller, events, fields: caseFieldsOf(ctx.caller, s), sla, roles }));
}
