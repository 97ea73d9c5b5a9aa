import { fail, ok, type Outcome } from '../../errors';
import type { FileStore } from '../../ports/files';
import type { UseCaseContext } from '../context';

/**
 * A photo is served to whoever uploaded it, to the households whose cases show it, and to staff of
 * the communities those households are in. Anyone else gets 404 (never reveal it exists).
 */
export async function readImage(ctx: UseCaseContext, files: FileStore, fileId: string): Promise<Outcome<{ bytes: Uint8Array; mime: string }>> {
  const c = ctx.caller;
  if (!c) return fail('AUTH.UNAUTHENTICATED');
  const row = await ctx.tx.file(fileId);
  if (!row) return fail('FILE.NOT_FOUND');
  const mayRead =
    row.ownerId === c.userId ||
    (await ctx.tx.fileUsedByHouseholds(fileId, c.households.map((h) => h.householdId))) ||
    (c.staff.length > 0 && (await staffSeesFile(ctx, row.ownerId, c.staff.map((s) => s.communityId))));
  if (!mayRead) return fail('FILE.NOT_FOUND');
  const bytes = await files.get(fileId);
  if (!bytes) return fail('FILE.NOT_FOUND');
  return ok({ bytes, mime: row.mime });
}

/** Staff see photos uploaded by colleagues or by residents of their communities. */
async function staffSeesFile(ctx: UseCaseContext, uploader: string, communities: string[]): Promise<boolean> {
  const uploaderStaff = await ctx.tx.staffOfUser(uploader);
  if (uploaderStaff.some((s) => communities.includes(s.communityId))) return true;
  const uploaderHomes = (await ctx.tx.bindingsOfUser(uploader)).filter((b) => b.status === 'approved' && communities.includes(b.communityId));
  return uploaderHomes.length > 0;
}
