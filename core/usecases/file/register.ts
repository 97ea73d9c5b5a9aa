import type { OutsideIO } from '../../api/action';
import { isStaff } from '../../access/caller';
import { fail, ok, type Outcome } from '../../errors';
import type { UseCaseContext } from '../context';
import { parseCloudId } from './cloudPath';
import { MAX_IMAGE_BYTES, sniffImage } from './upload';

/** Bytes looked at to tell the image type (the longest signature, WEBP's, is 12). */
const HEAD_BYTES = 16;

export interface Inspected {
  mime: 'image/jpeg' | 'image/png' | 'image/webp';
  size: number;
}

/**
 * Before the transaction: the file must be the caller's own upload (its path under the caller's
 * prefix, in this deployment's environment), be there, be at most 5 MB and be an image by its bytes.
 * Another user's file, or none, is 404 (never reveal that it exists).
 */
export async function inspectUpload(io: OutsideIO, input: { fileId: string }): Promise<Outcome<Inspected>> {
  if (!io.openid) return fail('AUTH.UNAUTHENTICATED');
  if (!io.cloud) throw new Error('cloud storage not configured');
  const id = parseCloudId(input.fileId);
  if (!id || id.env !== io.cloud.envId || id.owner !== io.openid) return fail('FILE.NOT_FOUND');
  const found = await io.cloud.inspect(input.fileId, HEAD_BYTES);
  if (!found) return fail('FILE.NOT_FOUND');
  if (found.size > MAX_IMAGE_BYTES) return fail('FILE.TOO_LARGE');
  const mime = sniffImage(found.head);
  if (!mime) return fail('FILE.UNSUPPORTED_TYPE');
  return ok({ mime, size: found.size });
}

/**
 * Registers a photo the caller uploaded to cloud storage: from then on its `f_…` id is usable wherever a
 * photo is asked for, and read like any other (access.ts). Registering the same cloud file again answers
 * the same id.
 */
export async function registerUpload(ctx: UseCaseContext & { prepared: Inspected }, input: { fileId: string }): Promise<Outcome<{ fileId: string }>> {
  const c = ctx.caller;
  if (!c) return fail('AUTH.UNAUTHENTICATED');
  if (!isStaff(c) && c.households.length === 0) return fail('HOUSEHOLD.NOT_BOUND');
  const known = await ctx.tx.fileByCloudId(input.fileId);
  if (known) return known.ownerId === c.userId ? ok({ fileId: known.id }) : fail('FILE.NOT_FOUND');
  const id = ctx.ids.next('f');
  await ctx.tx.insertFile({ id, ownerId: c.userId, mime: ctx.prepared.mime, size: ctx.prepared.size, createdAt: ctx.now, cloudId: input.fileId });
  return ok({ fileId: id });
}
