import { isStaff } from '../../access/caller';
import { fail, ok, type Outcome } from '../../errors';
import type { UseCaseContext } from '../context';
import { SAFE_OPENID, uploadPrefix } from './cloudPath';

/**
 * Where the mini-program may upload one photo (`Taro.cloud.uploadFile`'s cloudPath): under the caller's
 * own prefix, with a fresh name. Only callers who may upload at all get one (as `/local/upload`).
 */
export async function uploadPath(ctx: UseCaseContext, input: { ext?: 'jpg' | 'png' | 'webp' }): Promise<Outcome<{ cloudPath: string }>> {
  const c = ctx.caller;
  if (!c || !ctx.openid) return fail('AUTH.UNAUTHENTICATED');
  if (!isStaff(c) && c.households.length === 0) return fail('HOUSEHOLD.NOT_BOUND');
  if (!SAFE_OPENID.test(ctx.openid)) return fail('INTERNAL');
  const name = ctx.ids.next('p').replace(/[^A-Za-z0-9_-]/g, '');
  return ok({ cloudPath: `${uploadPrefix(ctx.openid)}${name}.${input.ext ?? 'jpg'}` });
}
