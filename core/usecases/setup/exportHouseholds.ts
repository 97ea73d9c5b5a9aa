import type { z } from 'zod';
import { ok, type Outcome } from '../../errors';
import { REGISTER_HEADER, REGISTER_SHEET, registerRows } from '../../domain/community/register';
import { XLSX_MIME } from '../../ports/spreadsheets';
import type { OutsideIO } from '../../api/action';
import { storeWorkbook, type StoredExport } from '../file/storeWorkbook';
import type { exportHouseholdsInput } from '../../schemas/setup';
import type { UseCaseContext } from '../context';
import { managedCommunity } from './managedCommunity';

interface Written {
  fileId: string;
  name: string;
  households: number;
  bytes: Uint8Array;
}

/**
 * setup.exportHouseholds: the community's register as an .xlsx in the import's own format (contract §3),
 * readable by its maker through `GET /local/file/<fileId>` (on CloudBase: the answer's `url`). The workbook is written here (CPU only) and
 * its file row recorded; the bytes are stored after the commit (`storeExport`).
 */
export async function exportHouseholds(ctx: UseCaseContext, input: z.output<ReturnType<typeof exportHouseholdsInput>>): Promise<Outcome<Written>> {
  const community = managedCommunity(ctx, input.communityId);
  if (!community.ok) return community;
  if (!ctx.sheets) throw new Error('no spreadsheets port configured');
  const households = await ctx.tx.householdsOfCommunity(community.data);
  const bytes = await ctx.sheets.write({ name: REGISTER_SHEET, header: [...REGISTER_HEADER], rows: registerRows(households), widths: [8, 8, 8, 10, 14, 16] });
  const fileId = ctx.ids.next('f');
  await ctx.tx.insertFile({ id: fileId, ownerId: ctx.caller!.userId, mime: XLSX_MIME, size: bytes.length, createdAt: ctx.now, cloudId: null });
  const c = await ctx.tx.community(community.data);
  return ok({ fileId, name: `房屋档案-${c?.name ?? community.data}.xlsx`, households: households.length, bytes });
}

/** After the commit: the workbook into storage (`storeWorkbook`); the caller gets where to read it. */
export async function storeExport(io: OutsideIO, w: Written): Promise<Outcome<StoredExport & { households: number }>> {
  const stored = await storeWorkbook(io, w);
  return stored.ok ? ok({ ...stored.data, households: w.households }) : stored;
}
