import type { Kysely } from 'kysely';
import { DEFAULT_SLA, scheduleOf, type SlaConfig } from '../../../core/domain/case/deadlines';
import { replay } from '../../../core/domain/case/replay';
import type { CaseEvent } from '../../../core/domain/case/types';
import type { DB } from './schema';
import { dialectOf, hasColumn } from './portable';
import { caseRow, sqlTx } from './sqlTx';

export interface RebuildReport {
  /** Cases replayed (every case that has events). */
  cases: number;
  events: number;
  /** Rows that differed from their replay (rewritten unless checking). */
  changed: number;
  /** Rows with no events at all: nothing to rebuild them from (left alone, reported). */
  orphans: string[];
  /** Cases whose event log the rules refuse, or whose events skip a seq (left alone, reported). */
  failures: { id: string; error: string }[];
  /** Per changed case, which columns differed (first 50). */
  diffs: { id: string; columns: string[] }[];
}

type CaseRow = DB['cases'];
const COLUMNS = [
  'community_id',
  'household_id',
  'kind',
  'category',
  'status',
  'department',
  'owner',
  'emergency',
  'created_at',
  'updated_at',
  'next_due_at',
  'urgent_at',
  'technician',
  'breached',
  'version',
  'number',
  'about_staff',
  'state_json',
  'sweep_error', // a case the sweep set aside is released by its rebuild
] as const satisfies readonly (keyof CaseRow)[];

const same = (a: unknown, b: unknown) => (a === null || a === undefined ? b === null || b === undefined : String(a) === String(b));

/**
 * Rebuilds every `cases` row from `case_events` (R-INT-4: the events are the source of truth): each
 * case's log replayed from nothing, its indexed columns (status, owner, next_due_at, urgent_at…)
 * computed from the replayed state and its community's SLA settings. Runs inside the caller's
 * transaction (`db` is its connection). With `write: false` it only compares and reports.
 */
export async function rebuildCases(db: Kysely<DB>, opts: { write: boolean }): Promise<RebuildReport> {
  const report: RebuildReport = { cases: 0, events: 0, changed: 0, orphans: [], failures: [], diffs: [] };
  const tx = sqlTx(db, dialectOf(db));
  const slas = new Map<string, SlaConfig>();
  const slaOf = async (communityId: string) => {
    if (!slas.has(communityId)) slas.set(communityId, (await tx.community(communityId))?.sla ?? DEFAULT_SLA);
    return slas.get(communityId)!;
  };

  // Run by a migration before 0020 (0011 numbers the cases), the store has no about_staff column yet: 0020 rebuilds again.
  const columns = (await hasColumn(db, 'cases', 'about_staff')) ? COLUMNS : COLUMNS.filter((c) => c !== 'about_staff');
  const orphans = await db
    .selectFrom('cases')
    .select('id')
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('case_events').select('seq').whereRef('case_events.case_id', '=', 'cases.id'))))
    .orderBy('id')
    .execute();
  report.orphans = orphans.map((r) => r.id);

  // A chunk of cases at a time, so a store of a million cases is never held in memory at once.
  for (let after = ''; ; ) {
    const ids = (await db.selectFrom('case_events').select('case_id').distinct().where('case_id', '>', after).orderBy('case_id').limit(500).execute()).map((r) => r.case_id);
    if (ids.length === 0) break;
    after = ids[ids.length - 1];
    const rows = new Map((await db.selectFrom('cases').selectAll().where('id', 'in', ids).execute()).map((r) => [r.id, r]));
    const logs = new Map<string, { seq: number; data_json: string }[]>(ids.map((id) => [id, []]));
    for (const e of await db.selectFrom('case_events').select(['case_id', 'seq', 'data_json']).where('case_id', 'in', ids).orderBy('case_id').orderBy('seq').execute()) {
      logs.get(e.case_id)!.push(e);
    }
    for (const id of ids) {
      const logged = logs.get(id)!;
      report.cases++;
      report.events += logged.length;
      let want: CaseRow;
      try {
        if (logged.some((e, i) => Number(e.seq) !== i + 1)) throw new Error(`event seq not 1..${logged.length}`);
        const state = replay(logged.map((e) => JSON.parse(e.data_json) as CaseEvent));
        if (!state || state.id !== id) throw new Error('the log does not make this case');
        const { nextDueAt, urgentAt } = scheduleOf(state, await slaOf(state.communityId));
        const { about_staff: aboutStaff, ...row } = caseRow(state, nextDueAt, urgentAt);
        want = { id, ...row, ...(columns === COLUMNS ? { about_staff: aboutStaff } : {}) } as CaseRow;
      } catch (e) {
        report.failures.push({ id, error: e instanceof Error ? e.message : String(e) });
        continue;
      }
      const have = rows.get(id);
      const differ = have ? columns.filter((c) => !same(have[c], want[c])) : ['(no row)'];
      if (differ.length === 0) continue;
      report.changed++;
      if (report.diffs.length < 50) report.diffs.push({ id, columns: differ });
      if (!opts.write) continue;
      const { id: _id, ...values } = want;
      if (have) await db.updateTable('cases').set(values).where('id', '=', id).execute();
      else await db.insertInto('cases').values(want).execute();
    }
  }
  return report;
}
