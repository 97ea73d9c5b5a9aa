import { isStaff } from '../../access/caller';
import { fail, ok, type Outcome } from '../../errors';
import type { FileStore } from '../../ports/files';
import type { UseCaseContext } from '../context';

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

/** The image type told by the bytes themselves, not by the name or the client's word. */
export function sniffImage(b: Uint8Array): 'image/jpeg' | 'image/png' | 'image/webp' | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 && b[4] === 0x0d && b[5] === 0x0a && b[6] === 0x1a && b[7] === 0x0a) return 'image/png';
  if (b.length >= 12 && String.fromCharCode(...b.slice(0, 4)) === 'RIFF' && String.fromCharCode(...b.slice(8, 12)) === 'WEBP') return 'image/webp';
  return null;
}

/** Stores one photo for a signed-in user: images only, at most 5 MB. */
export async function uploadImage(ctx: UseCaseContext, files: FileStore, bytes: Uint8Array): Promise<Outcome<{ fileId: string }>> {
  if (!ctx.caller) return fail('AUTH.UNAUTHENTICATED');
  if (!isStaff(ctx.caller) && ctx.caller.households.length === 0) return fail('HOUSEHOLD.NOT_BOUND');
  if (bytes.length > MAX_IMAGE_BYTES) return fail('FILE.TOO_LARGE');
  const mime = sniffImage(bytes);
  if (!mime) return fail('FILE.UNSUPPORTED_TYPE');
  const id = ctx.ids.next('f');
  await files.put(id, bytes, mime);
  await ctx.tx.insertFile({ id, ownerId: ctx.caller.userId, mime, size: bytes.length, createdAt: ctx.now });
  return ok({ fileId: id });
}
