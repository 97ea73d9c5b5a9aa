import type { z } from 'zod';
import { ok, type Outcome } from '../../errors';
import { XLSX_MIME } from '../../ports/spreadsheets';
import type { OutsideIO } from '../../api/action';
import { storeWorkbook, type StoredExport } from '../file/storeWorkbook';
import type { exportInput } from '../../schemas/report';
import type { UseCaseContext } from '../context';
import { monthly } from './monthly';
import { reportSheets } from './sheets';

interface Written {
  fileId: string;
  name: string;
  bytes: Uint8Array;
}

/**
 * report.export (contract §3, R-SAT-3 "exportable"): report.monthly's three sections as an .xlsx, one
 * sheet each, readable by its maker through `GET /local/file/<fileId>` (on CloudBase: the answer's `url`). The workbook is written here
 * (CPU only) and its file row recorded; the bytes are stored after the commit (`storeReport`).
 */
export async function exportReport(ctx: UseCaseContext, input: z.output<ReturnType<typeof exportInput>>): Promise<Outcome<Written>> {
  const report = await monthly(ctx, input);
  if (!report.ok) return report;
  if (!ctx.sheets) throw new Error('no spreadsheets port configured');
  const bytes = await ctx.sheets.writeBook(reportSheets(report.data));
  const fileId = ctx.ids.next('f');
  await ctx.tx.insertFile({ id: fileId, ownerId: ctx.caller!.userId, mime: XLSX_MIME, size: bytes.length, createdAt: ctx.now, cloudId: null });
  return ok({ fileId, name: `月度报表-${input.month}.xlsx`, bytes });
}

/** After the commit: the workbook into storage (`storeWorkbook`); the caller gets where to read it. */
export const storeReport = (io: OutsideIO, w: Written): Promise<Outcome<StoredExport>> => storeWorkbook(io, w);
