import { HOUR, MINUTE } from '../../time';
import { outboxOf } from '../../domain/case/commit';
import { nextSlaStep, scheduleOf, DEFAULT_SLA, type SlaConfig } from '../../domain/case/deadlines';
import { transition } from '../../domain/case/transition';
import type { CaseEvent, CaseState } from '../../domain/case/types';
import type { Deps } from '../../ports/runtime';
import type { Tx } from '../../ports/store';
import { deliveringInStore } from '../outbox/deliverDue';

export interface SweepResult {
  looked: number;
  events: number;
  escalations: number;
  conflicts: number;
  /** Cases this run could not handle, set aside (logged; see {@link QUARANTINE_RETRY_MS}). */
  quarantined: number;
}

/**
 * A case the sweep fails on is set aside this long (its next_due_at moved on, the reason stored with
 * it) and then tried again; any write of the case (a staff action, a rebuild) releases it at once.
 */
export const QUARANTINE_RETRY_MS = HOUR;

const SYSTEM = { by: 'system', byName: '系统' } as const;

/**
 * The scheduled SLA sweep (R-ESC-1..5): for every case whose next SLA moment has come (indexed
 * `next_due_at`, so the cost follows the due cases, not the store), record warnings, breaches and
 * escalations, notify the owner or the new owner, and move the case's next moment on. Each step is
 * a pure function of the case's state and is appended under the case's version: a sweep that runs
 * late, twice or concurrently records each escalation once.
 *
 * Each case is its own unit (a savepoint in the batch's transaction): a case that fails — a corrupt
 * row, a state no step accepts — is rolled back alone, logged and set aside, and every other due
 * case is still handled; the batch keeps one durable commit.
 */
export async function sweep(
  deps: Pick<Deps, 'store' | 'clock' | 'ids' | 'inStoreNotifiers'> & Partial<Pick<Deps, 'log'>>,
  asOf?: number,
  batch = 200,
  maxBatches = 50,
): Promise<SweepResult> {
  // A tick runs as of its own minute (a clock moved 16 minutes runs 16 sweeps, each at its time).
  const now = Math.min(asOf ?? Infinity, deps.clock.now());
  const total: SweepResult = { looked: 0, events: 0, escalations: 0, conflicts: 0, quarantined: 0 };
  for (let b = 0; b < maxBatches; b++) {
    const r = await deps.store.transaction(async (raw) => {
      const tx = deps.inStoreNotifiers ? deliveringInStore(raw, now, deps.inStoreNotifiers) : raw;
      const due = await tx.dueCaseIds(now, batch);
      const ladders = new Map<string, Promise<Ladder>>();
      const res: SweepResult = { looked: due.length, events: 0, escalations: 0, conflicts: 0, quarantined: 0 };
      for (const id of due) {
        let stage = 'read';
        try {
          await tx.isolated(async () => {
            const s = await tx.caseById(id);
            if (!s) return;
            stage = 'settings';
            if (!ladders.has(s.communityId)) ladders.set(s.communityId, ladderOf(tx, s.communityId));
            const ladder = await ladders.get(s.communityId)!;
            stage = 'step';
            const { next, events, effects } = stepsFor(s, now, ladder);
            // Nothing left to do now: look again at the next moment (at least a minute on, never in a loop).
            const { nextDueAt: after, urgentAt: urgent } = scheduleOf(next, ladder.sla);
            stage = 'write';
            const stored = await tx.appendCaseEvents(next, after !== null && after <= now ? now + MINUTE : after, s.version, events, urgent);
            if (!stored) {
              res.conflicts++;
              return;
            }
            await tx.enqueue(outboxOf({ now, ids: deps.ids }, effects));
            res.events += events.length;
            res.escalations += events.filter((e) => e.type === 'escalated').length;
          });
        } catch (e) {
          const reason = `${stage}: ${describeError(e)}`;
          await tx.quarantineCase(id, now + QUARANTINE_RETRY_MS, reason);
          res.quarantined++;
          deps.log?.error({ caseId: id, reason }, 'sla sweep: case set aside');
        }
      }
      return res;
    });
    total.looked += r.looked;
    total.events += r.events;
    total.escalations += r.escalations;
    total.conflicts += r.conflicts;
    total.quarantined += r.quarantined;
    if (r.looked < batch) break;
  }
  return total;
}

/**
 * The error's kind and message without personal data: a double-quoted fragment (JSON.parse quotes the
 * text it failed on, which may hold a name or a phone), any non-ASCII text (names, addresses) and long
 * digit runs (phones) are blanked; identifiers such as a property name stay.
 */
export function describeError(e: unknown): string {
  const name = e instanceof Error ? e.name : typeof e;
  const message = e instanceof Error ? e.message : '';
  const clean = message
    .replace(/"[^"]*"?/g, '"…"')
    .replace(/[^\x00-\x7f]+/g, '…')
    .replace(/\d{4,}/g, '#')
    .slice(0, 200);
  return clean ? `${name}: ${clean}` : name;
}

interface Ladder {
  sla: SlaConfig;
  supervisor: { id: string; name: string } | null;
  manager: { id: string; name: string } | null;
}

async function ladderOf(tx: Tx, communityId: string): Promise<Ladder> {
  const [community, staff] = await Promise.all([tx.community(communityId), tx.staffOfCommunity(communityId)]);
  const pick = async (role: 'supervisor' | 'manager') => {
    const id = staff.find((m) => m.role === role)?.userId;
    const u = id ? await tx.userById(id) : undefined;
    return u ? { id: u.id, name: u.name } : null;
  };
  return { sla: community?.sla ?? DEFAULT_SLA, supervisor: await pick('supervisor'), manager: await pick('manager') };
}

/**
 * Pure: every step due now for one case, applied in order. The events are stamped at the tick, or at
 * the case's last event when that is later (a tick run late must not record anything before what
 * already happened): the record stays in time order and `updatedAt` never goes back.
 */
export function stepsFor(s: CaseState, now: number, ladder: Ladder) {
  const at = Math.max(now, s.updatedAt);
  if (!Number.isFinite(at)) throw new Error('case state: updatedAt is not a time');
  let state = s;
  const events: CaseEvent[] = [];
  const effects = [];
  for (let i = 0; i < 10; i++) {
    const step = nextSlaStep(state, now, ladder.sla);
    if (!step) break;
    let event: CaseEvent;
    if (step.type === 'escalated') {
      // Never to the staff member a complaint is about (they do not see it): the next rung instead.
      const about = state.complaint?.aboutStaff ?? null;
      const fit = (p: { id: string; name: string } | null) => (p && p.id !== about ? p : null);
      const to = fit(step.level === 1 ? ladder.supervisor : ladder.manager) ?? fit(ladder.manager) ?? fit(ladder.supervisor) ?? { id: state.owner, name: state.owner };
      event = { type: 'escalated', at, ...SYSTEM, note: step.reason, to: to.id, toName: to.name, level: step.level };
    } else {
      event = { type: step.type, at, ...SYSTEM, note: null, deadline: step.deadline, dueAt: step.dueAt };
    }
    const r = transition(state, event);
    if (!r.ok) break;
    state = r.next;
    events.push(event);
    effects.push(...r.effects);
  }
  return { next: state, events, effects };
}
