import type { z } from 'zod';
import { missingDocuments, missingOfCodes } from '../../domain/renovation/documents';
import type { RenovationEvent } from '../../domain/renovation/state';
import type { DocumentCode } from '../../domain/renovation/vocabulary';
import { fail, ok, type Outcome } from '../../errors';
import type { BillRow } from '../../ports/feeStore';
import { fenToYuan } from '../../money';
import type { RenovationView, reviewInput } from '../../schemas/renovation';
import { at, monthOf } from '../../shanghai';
import type { UseCaseContext } from '../context';
import { byName, commit, loadRenovation, messages, missingFailure, settingsOf, staffWith, viewOf } from './shared';

/**
 * renovation.review (R-REN-6), 装修管理员 / 经理: approve — the documents complete (R-REN-2..4), the
 * permit and one pass per worker issued, the fees billed to the household (source `reno:<id>`, paid like
 * any bill), the first inspection scheduled (R-REN-8), the applicant, the technicians and the front desk
 * (and the maintenance and security heads) told — or return with what is missing or wrong.
 */
export async function review(ctx: UseCaseContext, input: z.output<ReturnType<typeof reviewInput>>): Promise<Outcome<RenovationView>> {
  const found = await loadRenovation(ctx, input.id, 'manage');
  if (!found.ok) return found;
  const { s, viewer } = found.data;
  if (s.status !== 'submitted') return fail('RENOVATION.INVALID_TRANSITION');
  if (input.decision === 'return') {
    // What is missing or wrong: as named, else the checklist's items that did not pass.
    const failed = (Object.entries(input.checklist ?? {}) as [DocumentCode, boolean][]).filter(([, ok]) => !ok).map(([code]) => code);
    const missing = missingOfCodes(input.missing?.length ? input.missing : failed);
    const next = await commit(ctx, s, [{ type: 'returned', ...byName(ctx), missing, note: input.note ?? null, internalNote: input.internalNote ?? null, checklist: { ...(input.checklist ?? {}) } }]);
    const text = [...missing.map((m) => m.label), ...(input.note ? [input.note] : [])].join('；');
    await ctx.tx.enqueue(messages(ctx, [s.applicantId], 'renovation.returned', { householdId: s.householdId, number: s.number, missing: text, renovationId: s.id }));
    return ok(await viewOf(ctx, next, viewer));
  }
  const missing = missingDocuments(s, s.documents);
  if (missing.length) return missingFailure(missing);
  const settings = await settingsOf(ctx.tx, s.communityId);
  const permitNumber = `${s.number}-XK`;
  const passNumbers = s.documents.workers.map((_, i) => `${s.number}-W${String(i + 1).padStart(2, '0')}`);
  const totalFen = s.fees.reduce((t, f) => t + f.amountFen, 0);
  const bill: BillRow = {
    id: ctx.ids.next('bill'),
    communityId: s.communityId,
    householdId: s.householdId,
    period: monthOf(ctx.now),
    source: `reno:${s.id}`,
    lines: s.fees.map((f) => ({ item: f.item, amountFen: f.amountFen })),
    totalFen,
    status: 'unpaid',
    orderNo: null,
    receiptNumber: null,
    createdAt: ctx.now,
    paidAt: null,
  };
  if ((await ctx.tx.insertBills([bill])) !== 1) return fail('RENOVATION.CONFLICT');
  // Inspections run from the later of approval and the first day of work (R-REN-8).
  const inspectionDueAt = Math.max(ctx.now, at(s.startDate)) + settings.inspectionIntervalMs;
  const e: RenovationEvent = { type: 'approved', ...byName(ctx), permitNumber, passNumbers, billId: bill.id, inspectionDueAt, internalNote: input.internalNote ?? null, checklist: { ...(input.checklist ?? {}) } };
  const next = await commit(ctx, s, [e]);
  const community = await ctx.tx.community(s.communityId);
  const heads = [community?.responsible.maintenance, community?.responsible.security].filter((x): x is string => !!x);
  const staff = [...(await staffWith(ctx.tx, s.communityId, ['technician', 'frontdesk'])), ...heads];
  await ctx.tx.enqueue([
    ...messages(ctx, [s.applicantId], 'renovation.approved', { householdId: s.householdId, number: s.number, permitNumber, amount: fenToYuan(totalFen), renovationId: s.id, billId: bill.id }),
    ...messages(ctx, staff, 'renovation.approvedStaff', { householdId: s.householdId, number: s.number, permitNumber, startDate: s.startDate, endDate: s.endDate, workers: String(passNumbers.length), renovationId: s.id }),
  ]);
  return ok(await viewOf(ctx, next, viewer));
}
