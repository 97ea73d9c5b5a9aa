import type { OutsideIO } from '../../api/action';
import { fail, type Failure } from '../../errors';
import { parseCloudId } from '../file/cloudPath';
import { MAX_REGISTER_BYTES, sniffXlsx } from '../file/upload';

/** What the import found before its transaction (see importHouseholds.ts). */
export interface FetchedRegister {
  bytes: Uint8Array | null;
  /** False when this deployment has no storage for the kind of id given. */
  configured: boolean;
  /** The file came from cloud storage (the mini-program's upload); no `files` row stands behind it. */
  cloud?: boolean;
  /** Why the file cannot be imported; answered only after the access check, in `run`. */
  refused?: { ok: false; error: Failure };
}

/**
 * A register the mini-program uploaded itself (`cloud://<env>.<bucket>/uploads/<openid>/<name>.xlsx`,
 * a path `file.uploadPath` gave): checked as file.register checks a photo — this deployment's
 * environment and the caller's own `uploads/<openid>/` prefix, else FILE.NOT_FOUND (never reveal that
 * another user's file exists) — then read whole, at most the register's size limit, and an .xlsx by its
 * bytes. Network work: runs before the transaction.
 */
export async function fetchCloudRegister(io: OutsideIO, cloudId: string): Promise<FetchedRegister> {
  if (!io.cloud) return { bytes: null, configured: false };
  const refused = (r: { ok: false; error: Failure }): FetchedRegister => ({ bytes: null, configured: true, cloud: true, refused: r });
  const id = parseCloudId(cloudId);
  if (!io.openid || !id || id.env !== io.cloud.envId || id.owner !== io.openid) return refused(fail('FILE.NOT_FOUND', { file: '未找到该表格，请重新选择并上传' }));
  const got = await io.cloud.read(cloudId, MAX_REGISTER_BYTES);
  if (got === undefined) return refused(fail('FILE.NOT_FOUND', { file: '未找到该表格，请重新选择并上传' }));
  if (got === 'too_large') return refused(fail('FILE.TOO_LARGE', { file: `表格过大，请选择 ${MAX_REGISTER_BYTES / 1024 / 1024}MB 以内的 .xlsx 文件` }));
  if (!sniffXlsx(got)) return refused(fail('FILE.UNSUPPORTED_TYPE', { file: '仅支持 .xlsx 格式的表格，请在 Excel 或 WPS 中另存为 .xlsx 后重新上传' }));
  return { bytes: got, configured: true, cloud: true };
}
