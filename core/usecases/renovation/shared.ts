import { requireAccess } from '../../access/requireAccess';
import { DEFAULT_SLA } from '../../domain/case/deadlines';
import { DEFAULT_RENOVATION_SETTINGS, type RenovationSettings } from '../../domain/community/settings';
import { nextDueAtOf } from '../../domain/renovation/schedule';
import { transition, type RenovationEvent, type RenovationState } from '../../domain/renovation/state';
import { renovationView, type ViewContext } from '../../domain/renovation/view';
import type { MissingItem } from '../../domain/renovation/vocabulary';
import { ERROR_MESSAGES, fail, FailureSignal, ok, VersionConflict, type Failure, type Outcome } from '../../errors';
import type { OutboxMessage, Tx } from '../../ports/store';
import type { RenovationView } from '../../schemas/renovation';
import type { StaffRole } from '../../vocabulary';
import type { UseCaseContext } from '../context';

export type Viewer = ViewContext['viewer'];

/** RENOVATION.DOCUMENTS_MISSING with the list of what is missing (R-REN-2, R-REN-6). */
export function missingFailure(missing: MissingItem[]): { ok: false; error: Failure } {
  return { ok: false, error: { code: 'RENOVATION.DOCUMENTS_MISSING', message: ERROR_MESSAGES['RENOVATION.DOCUMENTS_MISSING'], missing: missing.map((m) => ({ ...m })) } };
}

/**
 * The application one caller acts on. `read`: its household's residents, or staff who read renovations
 * in its community; `own`: its household's residents only (resubmit); `manage`: 装修管理员 / 经理 of its
 * community. Anyone who may not see it gets RENOVATION.NOT_FOUND (never reveal that it exists); a
 * resident who sees it but may not act on it, AUTH.FORBIDDEN.
 */
export async function loadRenovation(ctx: UseCaseContext, id: string, mode: 'read' | 'own' | 'manage'): Promise<Outcome<{ s: RenovationState; viewer: Viewer }>> {
  const c = ctx.caller;
  if (!c) return fail('AUTH.UNAUTHENTICATED');
  // The role first, as every function checks it (R-ACC-3): a caller who could act on no application at
  // all learns nothing of this one.
  if (mode === 'own') {
    const pre = requireAccess(c, 'renovation.apply');
    if (!pre.ok) return pre;
  } else if (mode === 'manage') {
    const pre = requireAccess(c, 'renovation.manage');
    if (!pre.ok) return pre;
  } else if (c.households.length === 0 && !requireAccess(c, 'renovation.read').ok) {
    return c.staff.length ? fail('AUTH.FORBIDDEN') : fail('HOUSEHOLD.NOT_BOUND');
  }
  const s = await ctx.tx.renovation(id, { lock: mode !== 'read' });
  if (!s) return fail('RENOVATION.NOT_FOUND');
  const resident = c.households.some((h) => h.householdId === s.householdId && h.communityId === s.communityId);
  const obj = { communityId: s.communityId, householdId: s.householdId, notFound: 'RENOVATION.NOT_FOUND' as const };
  // Staff standing in its community without the role: forbidden; anyone else who is not its resident: not found.
  const inCommunity = c.staff.some((x) => x.communityId === s.communityId);
  const refused = () => (resident || inCommunity ? fail('AUTH.FORBIDDEN') : fail('RENOVATION.NOT_FOUND'));
  const manage = requireAccess(c, 'renovation.manage', obj).ok;
  if (mode === 'manage') return manage ? ok({ s, viewer: { kind: 'staff', manage: true } }) : refused();
  if (resident) return ok({ s, viewer: { kind: 'resident', userId: c.userId } });
  if (mode === 'own' || !requireAccess(c, 'renovation.read', obj).ok) return refused();
  return ok({ s, viewer: { kind: 'staff', manage } });
}

/** The community's renovation settings and the gap between the supervisor's and the manager's rungs. */
export async function settingsOf(tx: Tx, communityId: string): Promise<RenovationSettings & { managerGapMs: number }> {
  const community = await tx.community(communityId);
  const sla = community?.sla ?? DEFAULT_SLA;
  return { ...(community?.renovation ?? DEFAULT_RENOVATION_SETTINGS), managerGapMs: Math.max(sla.managerAfterMs - sla.supervisorAfterMs, 0) };
}

/**
 * Applies the events to the state (each must be accepted, else the use case's code) and writes them
 * under the version read: a lost race runs the call again on the new state (VersionConflict).
 */
export async function commit(ctx: UseCaseContext, s: RenovationState, events: RenovationEvent[]): Promise<RenovationState> {
  let next = s;
  for (const e of events) {
    const r = transition(next, e);
    if (!r.ok) throw new FailureSignal(fail(r.code).error);
    next = r.next;
  }
  const { managerGapMs } = await settingsOf(ctx.tx, s.communityId);
  if (!(await ctx.tx.appendRenovationEvents(next, nextDueAtOf(next, managerGapMs), s.version, events))) throw new VersionConflict('renovation');
  return next;
}

/** What this caller reads of the application, with its bill, its refund and (for `get`) its log. */
export async function viewOf(ctx: UseCaseContext, s: RenovationState, viewer: Viewer, withEvents = true): Promise<RenovationView> {
  const [bill] = s.billId ? await ctx.tx.billsByIds([s.billId]) : [];
  const refund = await ctx.tx.refundOf('renovation', s.id);
  const events = withEvents ? await ctx.tx.renovationEvents(s.id) : null;
  const ids = [...new Set([...s.closureTests.map((t) => t.by), ...s.inspections.map((i) => i.by), ...s.violations.map((v) => v.by), ...s.internalNotes.map((n) => n.by)])].filter((x) => x !== 'system');
  const names = Object.fromEntries((ids.length ? await ctx.tx.usersByIds(ids) : []).map((u) => [u.id, u.name]));
  return renovationView(s, { viewer, now: ctx.now, bill: bill ? { status: bill.status } : null, refund: refund ? { amountFen: refund.amountFen, status: refund.status } : null, events, names });
}

export const byName = (ctx: UseCaseContext) => ({ at: ctx.now, by: ctx.caller!.userId, byName: ctx.caller!.name });

/** Inbox messages to each of `to` (deduplicated). */
export function messages(ctx: { now: number; ids: { next(p: string): string } }, to: string[], template: OutboxMessage['template'], data: Record<string, string>): OutboxMessage[] {
  return [...new Set(to)].map((u) => ({ id: ctx.ids.next('ob'), channel: 'inbox' as const, to: u, template, data, createdAt: ctx.now }));
}

/** The community's staff with these roles. */
export async function staffWith(tx: Tx, communityId: string, roles: StaffRole[]): Promise<string[]> {
  return [...new Set((await tx.staffOfCommunity(communityId)).filter((m) => roles.includes(m.role)).map((m) => m.userId))];
}

/** Every uploaded file must be the caller's own upload (or already part of the application). */
export async function checkFiles(ctx: UseCaseContext, files: string[], known: string[] = []): Promise<Outcome<null>> {
  for (const f of files) {
    if (known.includes(f)) continue;
    const row = await ctx.tx.file(f);
    if (!row || row.ownerId !== ctx.caller!.userId) return fail('FILE.NOT_FOUND', { documents: `未找到文件 ${f}，请重新上传` });
  }
  return ok(null);
}
