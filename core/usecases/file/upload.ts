import { isStaff } from '../../access/caller';
import { fail, ok, type Outcome } from '../../errors';
import type { FileStore } from '../../ports/files';
import { XLSX_MIME } from '../../ports/spreadsheets';
import type { UseCaseContext } from '../context';

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
/** An .xlsx (the household register) keeps to the same limit, uploaded here or to cloud storage. */
export const MAX_REGISTER_BYTES = MAX_IMAGE_BYTES;

/** The image type told by the bytes themselves, not by the name or the client's word. */
export function sniffImage(b: Uint8Array): 'image/jpeg' | 'image/png' | 'image/webp' | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 && b[4] === 0x0d && b[5] === 0x0a && b[6] === 0x1a && b[7] === 0x0a) return 'image/png';
  if (b.length >= 12 && String.fromCharCode(...b.slice(0, 4)) === 'RIFF' && String.fromCharCode(...b.slice(8, 12)) === 'WEBP') return 'image/webp';
  return null;
}

/**
 * An .xlsx workbook by its bytes: a zip (local file header first) whose directory names
 * `xl/workbook.xml`. A cheap look at the container; the import reads the workbook itself.
 */
export function sniffXlsx(b: Uint8Array): boolean {
  if (b.length < 30 || b[0] !== 0x50 || b[1] !== 0x4b || b[2] !== 0x03 || b[3] !== 0x04) return false;
  const name = [...'xl/workbook.xml'].map((c) => c.charCodeAt(0));
  // The zip's central directory (at the end) names every entry: search from the end.
  outer: for (let i = b.length - name.length; i >= 4; i--) {
    for (let j = 0; j < name.length; j++) if (b[i + j] !== name[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * Stores one upload for a signed-in user, at most 5 MB: a photo (JPG, PNG, WEBP), or — staff only — an
 * .xlsx workbook (the household register, setup.importHouseholds). The type is told by the bytes.
 */
export async function uploadImage(ctx: UseCaseContext, files: FileStore, bytes: Uint8Array): Promise<Outcome<{ fileId: string }>> {
  if (!ctx.caller) return fail('AUTH.UNAUTHENTICATED');
  if (!isStaff(ctx.caller) && ctx.caller.households.length === 0) return fail('HOUSEHOLD.NOT_BOUND');
  if (bytes.length > MAX_IMAGE_BYTES) return fail('FILE.TOO_LARGE');
  const mime = sniffImage(bytes) ?? (isStaff(ctx.caller) && sniffXlsx(bytes) ? XLSX_MIME : null);
  if (!mime) return fail('FILE.UNSUPPORTED_TYPE', isStaff(ctx.caller) ? { file: '仅支持 JPG、PNG、WEBP 图片或 .xlsx 表格' } : undefined);
  const id = ctx.ids.next('f');
  await files.put(id, bytes, mime);
  await ctx.tx.insertFile({ id, ownerId: ctx.caller.userId, mime, size: bytes.length, createdAt: ctx.now });
  return ok({ fileId: id });
}
