import type { OutsideIO } from '../../api/action';
import { fail, ok, type Outcome } from '../../errors';
import type { FileRow } from '../../ports/store';
import { toIso } from '../../time';
import type { UseCaseContext } from '../context';
import { readableFile } from './access';

/** How long a photo URL works (CloudBase temporary URLs; long enough to look at a case). */
export const PHOTO_URL_SECONDS = 600;

/** Inside the transaction: the same access check as every photo read (access.ts, R-ACC-5). */
export async function photoToRead(ctx: UseCaseContext, input: { fileId: string }): Promise<Outcome<Pick<FileRow, 'id' | 'cloudId'>>> {
  const row = await readableFile(ctx, input.fileId);
  return row.ok ? ok({ id: row.data.id, cloudId: row.data.cloudId ?? null }) : row;
}

/** After it: a short-lived URL, issued only to a caller the check let through. */
export async function photoUrl(io: OutsideIO, file: Pick<FileRow, 'id' | 'cloudId'>): Promise<Outcome<{ url: string; expiresAt: string }>> {
  if (!io.cloud) throw new Error('cloud storage not configured');
  const url = await io.cloud.urlOf({ id: file.id, cloudId: file.cloudId ?? null }, PHOTO_URL_SECONDS);
  if (!url) return fail('FILE.NOT_FOUND');
  return ok({ url, expiresAt: toIso(io.now + PHOTO_URL_SECONDS * 1000) });
}
