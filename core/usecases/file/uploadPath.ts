import { isStaff } from '../../access/caller';
import { requireAccess } from '../../access/requireAccess';
import { fail, ok, type Outcome } from '../../errors';
import type { UseCaseContext } from '../context';
import { SAFE_OPENID, uploadPrefix } from './cloudPath';

/**
 * Where the mini-program may upload one photo (`Taro.cloud.uploadFile`'s cloudPath): under the caller's
 * own prefix, with a fresh name. Only callers who may upload at all get one (as `/local/upload`); an
 * `.xlsx` path (the household register, setup.importHouseholds) only staff who maintain the register.
 */
export async function uploadPath(ctx: UseCaseContext, input: { ext?: 'jpg' | 'png' | 'webp' | 'xlsx' }): Promise<Outcome<{ cloudPath: string }>> {
  const c = ctx.caller;
  if (!c || !ctx.openid) return fail('AUTH.UNAUTHENTICATED');
  if (!isStaff(c) && c.households.length === 0) return fail('HOUSEHOLD.NOT_BOUND');
  if (input.ext === 'xlsx') {
    const may = requireAccess(c, 'setup.households');
    if (!may.ok) return may;
  }
  if (!SAFE_OPENID.test(ctx.openid)) return fail('INTERNAL');
  const name = ctx.ids.next('p').replace(/[^A-Za-z0-9_-]/g, '');
  return ok({ cloudPath: `${uploadPrefix(ctx.openid)}${name}.${input.ext ?? 'jpg'}` });
}
