import { MINUTE } from '../../time';
import { outboxOf } from '../../domain/case/commit';
import { nextDueAt, nextSlaStep, slaConfig, urgentAt, type SlaConfig } from '../../domain/case/deadlines';
import { transition } from '../../domain/case/transition';
import type { CaseEvent, CaseState } from '../../domain/case/types';
import type { Deps } from '../../ports/runtime';
import type { Tx } from '../../ports/store';

export interface SweepResult {
  looked: number;
  events: number;
  escalations: number;
  conflicts: number;
}

const SYSTEM = { by: 'system', byName: '系统' } as const;

/**
 * The scheduled SLA sweep (R-ESC-1..5): for every case whose next SLA moment has come (indexed
 * `next_due_at`, so the cost follows the due cases, not the store), record warnings, breaches and
 * escalations, notify the owner or the new owner, and move the case's next moment on. Each step is
 * a pure function of the case's state and is appended under the case's version: a sweep that runs
 * late, twice or concurrently records each escalation once.
 */
export async function sweep(deps: Pick<Deps, 'store' | 'clock' | 'ids' | 'deliverInTransaction'>, asOf?: number, batch = 200, maxBatches = 50): Promise<SweepResult> {
  // A tick runs as of its own minute (a clock moved 16 minutes runs 16 sweeps, each at its time).
  const now = Math.min(asOf ?? Infinity, deps.clock.now());
  const total: SweepResult = { looked: 0, events: 0, escalations: 0, conflicts: 0 };
  for (let b = 0; b < maxBatches; b++) {
    const r = await deps.store.transaction(async (tx) => {
      const due = await tx.dueCases(now, batch);
      const ladders = new Map<string, Promise<Ladder>>();
      const res: SweepResult = { looked: due.length, events: 0, escalations: 0, conflicts: 0 };
      for (const s of due) {
        if (!ladders.has(s.communityId)) ladders.set(s.communityId, ladderOf(tx, s.communityId));
        const ladder = await ladders.get(s.communityId)!;
        const { next, events, effects } = stepsFor(s, now, ladder);
        // Nothing left to do now: look again at the next moment (at least a minute on, never in a loop).
        const after = nextDueAt(next, now, ladder.sla);
        const stored = await tx.appendCaseEvents(next, after !== null && after <= now ? now + MINUTE : after, s.version, events, urgentAt(next, now, ladder.sla));
        if (!stored) {
          res.conflicts++;
          continue;
        }
        await tx.enqueue(outboxOf({ now, ids: deps.ids }, effects));
        res.events += events.length;
        res.escalations += events.filter((e) => e.type === 'escalated').length;
      }
      if (deps.deliverInTransaction) await deps.deliverInTransaction(tx, now);
      return res;
    });
    total.looked += r.looked;
    total.events += r.events;
    total.escalations += r.escalations;
    total.conflicts += r.conflicts;
    if (r.looked < batch) break;
  }
  return total;
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
  return { sla: slaConfig(community?.sla), supervisor: await pick('supervisor'), manager: await pick('manager') };
}

/** Pure: every step due now for one case, applied in order. */
export function stepsFor(s: CaseState, now: number, ladder: Ladder) {
  let state = s;
  const events: CaseEvent[] = [];
  const effects = [];
  for (let i = 0; i < 10; i++) {
    const step = nextSlaStep(state, now, ladder.sla);
    if (!step) break;
    let event: CaseEvent;
    if (step.type === 'escalated') {
      const to = (step.level === 1 ? ladder.supervisor : ladder.manager) ?? ladder.manager ?? ladder.supervisor ?? { id: state.owner, name: state.owner };
      event = { type: 'escalated', at: now, ...SYSTEM, note: step.reason, to: to.id, toName: to.name, level: step.level };
    } else {
      event = { type: step.type, at: now, ...SYSTEM, note: null, deadline: step.deadline, dueAt: step.dueAt };
    }
    const r = transition(state, event);
    if (!r.ok) break;
    state = r.next;
    events.push(event);
    effects.push(...r.effects);
  }
  return { next: state, events, effects };
}
