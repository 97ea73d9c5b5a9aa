import { requireAccess } from '../../access/requireAccess';
import { POLICY } from '../../access/policy';
import { fail, ok, type Outcome } from '../../errors';
import type { UseCaseContext } from '../context';

/**
 * The community a register action works on: the one named, or the caller's only community where the
 * permission is held (several: they must name one). Access is checked here, before anything is read.
 */
export function managedCommunity(ctx: UseCaseContext, communityId: string | undefined): Outcome<string> {
  const role = requireAccess(ctx.caller, 'setup.households');
  if (!role.ok) return role;
  const who = POLICY['setup.households'] as readonly string[];
  const mine = [...new Set(ctx.caller!.staff.filter((s) => who.includes(s.role)).map((s) => s.communityId))];
  const chosen = communityId ?? (mine.length === 1 ? mine[0] : undefined);
  if (!chosen) return fail('INPUT.INVALID', { communityId: '您负责多个小区，请选择要操作的小区' });
  const access = requireAccess(ctx.caller, 'setup.households', { communityId: chosen, notFound: 'COMMUNITY.NOT_FOUND' });
  return access.ok ? ok(chosen) : access;
}
