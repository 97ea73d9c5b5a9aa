import type { Kysely } from 'kysely';
import type { CaseEvent, CaseState } from '../../../core/domain/case/types';
import type { Tx } from '../../../core/ports/store';
import type { DB } from './schema';

type ReportTx = Pick<Tx, 'caseEventsBetween' | 'caseHistories'>;

/** Ids per statement: far below SQLite's and MySQL's placeholder limits. */
const CHUNK = 500;

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

/**
 * Reads of the monthly reports (report.monthly / report.export). The events of a month by type are one
 * range of the (type, at) index (migration 0021), joined to their case for its community.
 */
export function reportTx(db: Kysely<DB>): ReportTx {
  return {
    async caseEventsBetween(communityIds, types, from, to) {
      if (communityIds.length === 0 || types.length === 0) return [];
      const rows = await db
        .selectFrom('case_events as e')
        .innerJoin('cases as c', 'c.id', 'e.case_id')
        .select(['e.case_id', 'e.data_json'])
        .where('e.type', 'in', types)
        .where('e.at', '>=', from)
        .where('e.at', '<', to)
        .where('c.community_id', 'in', communityIds)
        .orderBy('e.at')
        .orderBy('e.case_id')
        .orderBy('e.seq')
        .execute();
      return rows.map((r) => ({ caseId: r.case_id, event: JSON.parse(r.data_json) as CaseEvent }));
    },
    async caseHistories(ids) {
      const out: { state: CaseState; events: CaseEvent[] }[] = [];
      for (const part of chunks([...new Set(ids)].sort())) {
        const states = await db.selectFrom('cases').select(['id', 'state_json']).where('id', 'in', part).orderBy('id').execute();
        const events = await db.selectFrom('case_events').select(['case_id', 'data_json']).where('case_id', 'in', part).orderBy('case_id').orderBy('seq').execute();
        const byCase = new Map<string, CaseEvent[]>();
        for (const e of events) {
          const list = byCase.get(e.case_id) ?? [];
          list.push(JSON.parse(e.data_json) as CaseEvent);
          byCase.set(e.case_id, list);
        }
        for (const s of states) out.push({ state: JSON.parse(s.state_json) as CaseState, events: byCase.get(s.id) ?? [] });
      }
      return out;
    },
  };
}
