import { fail, ok, type Outcome } from '../../errors';
import { XLSX_MIME } from '../../ports/spreadsheets';
import type { OutsideIO } from '../../api/action';

/** How long the link to a stored export reads (CloudBase temporary URL). */
export const EXPORT_URL_SECONDS = 600;

/** Where an export's maker reads it: `url` on CloudBase (a temporary URL), else `GET /local/file/<fileId>`. */
export interface StoredExport {
  fileId: string;
  name: string;
  url?: string;
}

/**
 * After the commit: an export's workbook into storage. The local platform keeps the bytes itself
 * (`io.files`, read back through `/local/file/<fileId>`); a deployed function has no disk that outlives
 * the call, so the workbook goes to the environment's cloud storage under `exports/` and the maker gets
 * a short-lived URL to it. Neither configured: INTERNAL (logged by the platform), nothing half-written.
 */
export async function storeWorkbook(io: OutsideIO, w: { fileId: string; name: string; bytes: Uint8Array }): Promise<Outcome<StoredExport>> {
  if (io.files) {
    await io.files.put(w.fileId, w.bytes, XLSX_MIME);
    return ok({ fileId: w.fileId, name: w.name });
  }
  if (io.cloud?.save) {
    const cloudId = await io.cloud.save(`exports/${w.fileId}.xlsx`, w.bytes);
    const url = await io.cloud.urlOf({ id: w.fileId, cloudId }, EXPORT_URL_SECONDS);
    if (!url) throw new Error(`export ${w.fileId} stored but no URL to read it`);
    return ok({ fileId: w.fileId, name: w.name, url });
  }
  return fail('INTERNAL');
}
