import type { Kysely } from 'kysely';
import type { DB } from './schema';

/**
 * The minute timer's "what is due" queries, each built once: the job's own read (`.limit(n).execute()`
 * in its store method) and the timer's one-read precheck (dueWork.ts: `exists(<query> limit 1)`) come
 * from the same builder, so the precheck cannot disagree with the job.
 */

/** Setting versions saved for a later day whose time has come (applyDueSettings). */
export const dueSettingVersionsQuery = (db: Kysely<DB>, now: number) =>
  db.selectFrom('setting_versions').selectAll().where('applied', '=', 0).where('effective_at', '<=', now).orderBy('effective_at').orderBy('saved_at');

/** Cases whose next SLA moment has come (the sweep). */
export const dueCasesQuery = (db: Kysely<DB>, now: number) =>
  db.selectFrom('cases').select('id').where('next_due_at', '<=', now).orderBy('next_due_at').orderBy('id');

/** Renovation applications whose next moment has come (the renovation sweep). */
export const dueRenovationsQuery = (db: Kysely<DB>, now: number) =>
  db.selectFrom('renovations').select('id').where('next_due_at', '<=', now).orderBy('next_due_at').orderBy('id');

/** Payment orders still pending, old enough to ask about and not asked about lately (the reconciliation). */
export const pendingOrdersQuery = (db: Kysely<DB>, createdBefore: number, checkedBefore: number) =>
  db
    .selectFrom('pay_orders')
    .selectAll()
    .where('status', '=', 'pending')
    .where('created_at', '<=', createdBefore)
    .where((eb) => eb.or([eb('checked_at', 'is', null), eb('checked_at', '<=', checkedBefore)]))
    .orderBy('created_at');

/** Refunds decided and not yet ended, not asked about lately (the refund delivery). */
export const refundsDueQuery = (db: Kysely<DB>, checkedBefore: number) =>
  db
    .selectFrom('refunds')
    .selectAll()
    .where('status', 'in', ['pending', 'processing'])
    .where((eb) => eb.or([eb('checked_at', 'is', null), eb('checked_at', '<=', checkedBefore)]))
    .orderBy('created_at');

/** Open arrears ladders whose household owes no overdue monthly bill any more (closed by the arrears sweep). */
export const laddersSettledQuery = (db: Kysely<DB>, beforePeriod: string) =>
  db
    .selectFrom('arrears_ladders as l')
    .selectAll('l')
    .where('l.open_household', 'is not', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('bills as b')
            .select('b.id')
            .whereRef('b.household_id', '=', 'l.household_id')
            .where('b.status', '=', 'unpaid')
            .where('b.source', '=', 'monthly')
            .where('b.period', '<', beforePeriod),
        ),
      ),
    )
    .orderBy('l.opened_at');

/** Open arrears ladders whose next step has come and was not told yet (the arrears sweep). */
export const laddersDueQuery = (db: Kysely<DB>, now: number) =>
  db
    .selectFrom('arrears_ladders')
    .selectAll()
    .where('closed_at', 'is', null)
    .where('next_due_at', '<=', now)
    .where('next_step', 'is not', null)
    .where((eb) => eb.or([eb('notified_step', 'is', null), eb('notified_step', '!=', eb.ref('next_step'))]))
    .orderBy('next_due_at');

/** Outbox messages due for delivery (deliverDue). */
export const dueOutboxQuery = (db: Kysely<DB>, now: number) =>
  db.selectFrom('outbox').selectAll().where('status', '=', 'pending').where('next_attempt_at', '<=', now).orderBy('next_attempt_at').orderBy('id');

/** Pushes due for a send (deliverPushes). */
export const duePushesQuery = (db: Kysely<DB>, now: number) =>
  db
    .selectFrom('pushes')
    .selectAll()
    .where('status', 'in', ['pending', 'sending'])
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .orderBy('created_at')
    .orderBy('outbox_id');
