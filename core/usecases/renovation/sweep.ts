import { sweepSteps, nextDueAtOf, type RenoLadder } from '../../domain/renovation/schedule';
import type { RenovationEvent } from '../../domain/renovation/state';
import type { Deps } from '../../ports/runtime';
import type { OutboxMessage, Tx } from '../../ports/store';
import { DAY, toIso } from '../../time';
import { deliveringInStore } from '../outbox/deliverDue';
import { describeError } from '../sla/sweep';
import { messages, settingsOf, staffWith } from './shared';

export interface RenovationSweepResult {
  looked: number;
  escalations: number;
  overdueViolations: number;
  conflicts: number;
  /** Applications this run could not handle (logged; tried again next tick). */
  failed: number;
}

async function ladderOf(tx: Tx, communityId: string): Promise<RenoLadder> {
  const staff = await tx.staffOfCommunity(communityId);
  const pick = async (role: 'supervisor' | 'manager') => {
    const id = staff.find((m) => m.role === role)?.userId;
    const u = id ? await tx.userById(id) : undefined;
    return u ? { id: u.id, name: u.name } : null;
  };
  const { managerGapMs } = await settingsOf(tx, communityId);
  return { supervisor: await pick('supervisor'), manager: await pick('manager'), managerGapMs };
}

const shortTime = (ms: number) => toIso(ms).slice(0, 16).replace('T', ' ');

/**
 * The sweep's renovation pass (R-REN-8, R-REN-9, R-ESC-5), run by the `sla` timer after the case
 * sweep: a missed inspection escalates like any missed deadline (the supervisor, then the manager, each
 * notified once), and an ignored violation notice is marked for a written report to the authority (the
 * officer and the manager told). Each step is appended under the application's version, so a sweep
 * that runs twice or late records it once.
 */
export async function sweepRenovations(deps: Pick<Deps, 'store' | 'clock' | 'ids' | 'inStoreNotifiers'> & Partial<Pick<Deps, 'log'>>, asOf?: number, batch = 200): Promise<RenovationSweepResult> {
  const now = Math.min(asOf ?? Infinity, deps.clock.now());
  return deps.store.transaction(async (raw) => {
    const tx = deps.inStoreNotifiers ? deliveringInStore(raw, now, deps.inStoreNotifiers) : raw;
    const due = await tx.dueRenovationIds(now, batch);
    const res: RenovationSweepResult = { looked: due.length, escalations: 0, overdueViolations: 0, conflicts: 0, failed: 0 };
    for (const id of due) {
      // Each application is its own unit (a savepoint): one that fails is rolled back alone and logged,
      // every other due application is still handled (the next tick tries it again).
      try {
        await tx.isolated(async () => {
          const s = await tx.renovation(id, { lock: true });
          if (!s) return;
          const ladder = await ladderOf(tx, s.communityId);
          const { next, events } = sweepSteps(s, now, ladder);
          let after = nextDueAtOf(next, ladder.managerGapMs);
          // Nothing the sweep can do now (no one to escalate to): look again in a day, never in a loop.
          if (after !== null && after <= now) after = now + DAY;
          if (!(await tx.appendRenovationEvents(next, after, s.version, events))) {
            res.conflicts++;
            return;
          }
          const out: OutboxMessage[] = [];
          for (const e of events as RenovationEvent[]) {
            if (e.type === 'inspection_escalated') {
              res.escalations++;
              out.push(...messages({ now, ids: deps.ids }, [e.to], 'renovation.inspectionMissed', { householdId: s.householdId, number: s.number, dueAt: shortTime(e.dueAt), renovationId: s.id }));
            } else if (e.type === 'violation_overdue') {
              res.overdueViolations++;
              const v = next.violations.find((x) => x.id === e.violationId)!;
              const to = await staffWith(tx, s.communityId, ['renovation_officer', 'manager']);
              out.push(...messages({ now, ids: deps.ids }, to, 'renovation.violationOverdue', { householdId: s.householdId, number: s.number, deadline: shortTime(v.deadline), renovationId: s.id }));
            }
          }
          if (out.length) await tx.enqueue(out);
        });
      } catch (e) {
        res.failed++;
        deps.log?.error({ renovationId: id, reason: describeError(e) }, 'renovation sweep: application skipped');
      }
    }
    return res;
  });
}
