import { caseFieldsFor } from '../../access/caseAccess';
import { fail, ok, type Outcome } from '../../errors';
import type { FileRow } from '../../ports/store';
import type { UseCaseContext } from '../context';
import { requireAccess } from '../../access/requireAccess';

/** How many cases showing one photo are looked at (a photo belongs to one submission). */
const CASES_PER_FILE = 20;

/**
 * A photo is served to whoever uploaded it, and otherwise only through a case that shows it and that the
 * caller may read with its photos (the household; staff whose role reaches the case: policy.ts
 * `CASE_READ`, R-ACC-5). A photo no case shows is its uploader's alone. Anyone else gets 404 (never
 * reveal that it exists).
 */
export async function readableFile(ctx: UseCaseContext, fileId: string): Promise<Outcome<FileRow>> {
  const c = ctx.caller;
  if (!c) return fail('AUTH.UNAUTHENTICATED');
  const row = await ctx.tx.file(fileId);
  if (!row) return fail('FILE.NOT_FOUND');
  const mayRead =
    row.ownerId === c.userId ||
    (await ctx.tx.casesShowingFile(fileId, CASES_PER_FILE)).some((s) => caseFieldsFor(c, s, 'detail')?.photos) ||
    // A renovation's documents and photos (R-REN-11): its household's residents, staff who read renovations there.
    (await ctx.tx.renovationsShowingFile(fileId, CASES_PER_FILE)).some(
      (r) => c.households.some((h) => h.householdId === r.householdId && h.communityId === r.communityId) || requireAccess(c, 'renovation.read', { communityId: r.communityId, notFound: 'FILE.NOT_FOUND' }).ok,
    );
  return mayRead ? ok(row) : fail('FILE.NOT_FOUND');
}
