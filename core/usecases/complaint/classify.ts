import type { z } from 'zod';
import { fail, type Outcome } from '../../errors';
import type { classifyInput } from '../../schemas/workbench';
import { commitCaseEvent } from '../../domain/case/commit';
import type { CaseView } from '../../domain/case/view';
import type { UseCaseContext } from '../context';
import { loadCase, viewAfter } from '../case/loadCase';

/**
 * 投诉分级 (R-CMP-2): the desk sets 重大/重要/一般, each with its own clocks (core/domain/case/deadlines.ts,
 * `complaintClocks`); a 重大 complaint is reported to the manager at once. Re-classifying recomputes the
 * clocks and is recorded like any step. The staff member complained about, when named, no longer sees
 * the case; they may not be its responsible person.
 */
export async function classify(ctx: UseCaseContext, input: z.output<ReturnType<typeof classifyInput>>): Promise<Outcome<CaseView>> {
  const loaded = await loadCase(ctx, input.id, 'workbench.classify');
  if (!loaded.ok) return loaded;
  const s = loaded.data;
  if (!s.complaint) return fail('CASE.INVALID_TRANSITION');
  const staff = await ctx.tx.staffOfCommunity(s.communityId);
  const aboutStaff = input.aboutStaff ?? s.complaint.aboutStaff;
  if (aboutStaff !== null && !staff.some((m) => m.userId === aboutStaff)) return fail('INPUT.INVALID', { aboutStaff: '请选择本小区的员工' });
  if (aboutStaff !== null && aboutStaff === s.owner) return fail('CASE.ABOUT_STAFF');
  const manager = input.level === 'major' ? (staff.find((m) => m.role === 'manager' && m.userId !== aboutStaff)?.userId ?? null) : null;
  const c = ctx.caller!;
  const next = await commitCaseEvent(ctx, s, { type: 'classified', at: ctx.now, by: c.userId, byName: c.name, note: input.note ?? null, level: input.level, from: s.level, aboutStaff, manager });
  return viewAfter(ctx, next);
}
