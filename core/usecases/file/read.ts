import { ok, type Outcome } from '../../errors';
import { fail } from '../../errors';
import type { FileStore } from '../../ports/files';
import type { UseCaseContext } from '../context';
import { readableFile } from './access';

/** The bytes of a photo the platform stores itself, to a caller who may read it (access.ts, R-ACC-5). */
export async function readImage(ctx: UseCaseContext, files: FileStore, fileId: string): Promise<Outcome<{ bytes: Uint8Array; mime: string }>> {
  const row = await readableFile(ctx, fileId);
  if (!row.ok) return row;
  const bytes = await files.get(fileId);
  if (!bytes) return fail('FILE.NOT_FOUND');
  return ok({ bytes, mime: row.data.mime });
}
