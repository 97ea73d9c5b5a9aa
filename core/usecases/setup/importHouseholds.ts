import type { z } from 'zod';
import { fail, ok, type Outcome } from '../../errors';
import { MAX_REGISTER_ROWS, MAX_REPORTED_ERRORS, REGISTER_HEADER, importedHouseholdId, planRegister, validateRegister, type RowError } from '../../domain/community/register';
import { XLSX_MIME } from '../../ports/spreadsheets';
import type { OutsideIO } from '../../api/action';
import type { importHouseholdsInput } from '../../schemas/setup';
import type { UseCaseContext } from '../context';
import { managedCommunity } from './managedCommunity';
import { fetchCloudRegister, type FetchedRegister } from './cloudRegisterFile';

export interface ImportResult {
  /** Data rows in the file (the header and empty rows not counted). */
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Row-level problems, row numbers as the spreadsheet shows them (at most MAX_REPORTED_ERRORS). */
  errors: RowError[];
  errorCount: number;
  /** True only when this call wrote the register (commit, and not one error in the file). */
  committed: boolean;
}

/**
 * The uploaded bytes, fetched before the transaction (storage is network work in CloudBase): a `cloud://`
 * id from the mini-program's own upload (cloudRegisterFile.ts), else an `f_…` id `POST /local/upload`
 * answered. Never refuses: access comes first, in `run`.
 */
export async function fetchRegisterFile(io: OutsideIO, input: z.output<ReturnType<typeof importHouseholdsInput>>): Promise<Outcome<FetchedRegister>> {
  if (input.fileId.startsWith('cloud://')) return ok(await fetchCloudRegister(io, input.fileId));
  if (!io.files) return ok({ bytes: null, configured: false });
  if (!io.openid) return ok({ bytes: null, configured: true });
  return ok({ bytes: (await io.files.get(input.fileId)) ?? null, configured: true });
}

/**
 * setup.importHouseholds: the household register from an uploaded .xlsx (contract §3). The manager of the
 * community only. `commit: false` previews (counts and row errors, nothing written); `commit: true`
 * writes all of it in this one transaction, or — when any row has an error — nothing at all. Rooms are
 * matched by building + unit + room within the community, so importing the same file again changes nothing.
 */
export async function importHouseholds(ctx: UseCaseContext & { prepared: FetchedRegister }, input: z.output<ReturnType<typeof importHouseholdsInput>>): Promise<Outcome<ImportResult>> {
  const community = managedCommunity(ctx, input.communityId);
  if (!community.ok) return community;
  if (!ctx.prepared.configured) throw new Error('no file storage configured');
  if (ctx.prepared.refused) return ctx.prepared.refused;
  if (!ctx.prepared.cloud) {
    const file = await ctx.tx.file(input.fileId);
    if (!file || file.ownerId !== ctx.caller!.userId || ctx.prepared.bytes === null) return fail('FILE.NOT_FOUND');
    if (file.mime !== XLSX_MIME) return fail('FILE.UNREADABLE');
  }
  if (ctx.prepared.bytes === null) return fail('FILE.NOT_FOUND');
  if (!ctx.sheets) throw new Error('no spreadsheets port configured');
  const sheet = await ctx.sheets.readFirstSheet(ctx.prepared.bytes, { maxRows: MAX_REGISTER_ROWS + 1, maxColumns: REGISTER_HEADER.length });
  if (!sheet.ok && sheet.reason === 'too_many_rows') return fail('INPUT.INVALID', { fileId: `一次最多导入 ${MAX_REGISTER_ROWS} 户，请分批导入` });
  if (!sheet.ok) return fail('FILE.UNREADABLE');

  const { entries, errors } = validateRegister(sheet.rows);
  const existing = await ctx.tx.householdsOfCommunity(community.data);
  const plan = planRegister(community.data, entries, existing, (e) => importedHouseholdId(community.data, e));
  const commit = input.commit && errors.length === 0;
  if (commit) {
    await ctx.tx.insertHouseholds(plan.created);
    await ctx.tx.updateHouseholds(plan.updated);
  }
  return ok({
    rows: Math.max(0, sheet.rows.length - 1),
    created: plan.created.length,
    updated: plan.updated.length,
    unchanged: plan.unchanged,
    errors: errors.slice(0, MAX_REPORTED_ERRORS),
    errorCount: errors.length,
    committed: commit,
  });
}
