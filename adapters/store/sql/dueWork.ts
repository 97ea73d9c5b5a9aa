import type { Kysely } from 'kysely';
import type { DueProbe, DueWork } from '../../../core/ports/dueWork';
import {
  dueCasesQuery,
  dueOutboxQuery,
  duePushesQuery,
  dueRenovationsQuery,
  dueSettingVersionsQuery,
  laddersDueQuery,
  laddersSettledQuery,
  pendingOrdersQuery,
  refundsDueQuery,
} from './dueQueries';
import type { DB } from './schema';

/**
 * Store.dueWork on SQLite and MySQL/MariaDB: one `select exists(<job's due query> limit 1) as …, …`,
 * sent on its own (autocommit: on SQLite a plain read of the WAL snapshot, no BEGIN IMMEDIATE, no write
 * lock; on MySQL one round trip, no locks). Each flag is the job's own query (dueQueries.ts).
 */
export async function dueWork(db: Kysely<DB>, p: DueProbe): Promise<DueWork> {
  const row = await db
    .selectNoFrom((eb) => [
      eb.exists(dueSettingVersionsQuery(db, p.settingsAt).limit(1)).as('settings'),
      eb.exists(dueCasesQuery(db, p.casesAt).limit(1)).as('cases'),
      eb.exists(dueRenovationsQuery(db, p.renovationsAt).limit(1)).as('renovations'),
      eb.exists(pendingOrdersQuery(db, p.orders.createdBefore, p.orders.checkedBefore).limit(1)).as('orders'),
      eb.exists(refundsDueQuery(db, p.refundsCheckedBefore).limit(1)).as('refunds'),
      eb.exists(laddersSettledQuery(db, p.ladders.beforePeriod).limit(1)).as('laddersSettled'),
      eb.exists(laddersDueQuery(db, p.ladders.dueAt).limit(1)).as('laddersDue'),
      eb.exists(dueOutboxQuery(db, p.deliveryAt).limit(1)).as('outbox'),
      eb.exists(duePushesQuery(db, p.deliveryAt).limit(1)).as('pushes'),
    ])
    .executeTakeFirstOrThrow();
  // SQLite answers 0/1, MySQL 0/1 (a number, or a string with some drivers' settings).
  const flag = (v: unknown) => Number(v) === 1;
  return {
    settings: flag(row.settings),
    cases: flag(row.cases),
    renovations: flag(row.renovations),
    orders: flag(row.orders),
    refunds: flag(row.refunds),
    laddersSettled: flag(row.laddersSettled),
    laddersDue: flag(row.laddersDue),
    outbox: flag(row.outbox),
    pushes: flag(row.pushes),
  };
}
