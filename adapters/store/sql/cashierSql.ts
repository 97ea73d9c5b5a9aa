import type { Kysely } from 'kysely';
import type { ArrearsStep } from '../../../core/domain/fees/arrears';
import type { ArrearsLadderRow, ArrearsStepRow, CashierTx } from '../../../core/ports/cashierStore';
import type { DB } from './schema';
import { toBill, toReceipt } from './feeSql';
import { laddersDueQuery, laddersSettledQuery } from './dueQueries';

const num = (v: number | string | null) => (v === null ? null : Number(v));
const step = (v: string | null) => v as ArrearsStep | null;

const toLadder = (r: DB['arrears_ladders']): ArrearsLadderRow => ({
  id: r.id,
  communityId: r.community_id,
  householdId: r.household_id,
  openedAt: Number(r.opened_at),
  closedAt: num(r.closed_at),
  nextStep: step(r.next_step),
  nextDueAt: num(r.next_due_at),
  notifiedStep: step(r.notified_step),
  remindedAt: num(r.reminded_at),
  letterAt: num(r.letter_at),
  legalAt: num(r.legal_at),
});
const toStep = (r: DB['arrears_steps']): ArrearsStepRow => ({
  id: r.id,
  ladderId: r.ladder_id,
  communityId: r.community_id,
  householdId: r.household_id,
  step: r.step as ArrearsStep,
  at: Number(r.at),
  byUserId: r.by_user_id,
  owedFen: Number(r.owed_fen),
  periods: JSON.parse(r.periods_json),
  deadline: num(r.deadline),
  nextStep: step(r.next_step),
  nextDueAt: num(r.next_due_at),
});

/**
 * The cashier workbench's reads and writes (migration 0023_arrears): arrears ladders and their steps,
 * voiding receipts, the day book's receipt reads. `locking` (MySQL/MariaDB): reads that decide a write
 * take row locks (FOR UPDATE); SQLite's write transactions run alone.
 */
export function cashierTx(db: Kysely<DB>, dialect: { insertIgnore: 'or ignore' | 'ignore' }): CashierTx {
  const locking = dialect.insertIgnore === 'ignore';
  return {
    async overdueBills(q) {
      let s = db.selectFrom('bills').selectAll().where('status', '=', 'unpaid').where('source', '=', 'monthly').where('period', '<', q.beforePeriod);
      if (q.communityId !== undefined) s = s.where('community_id', '=', q.communityId);
      if (q.householdId !== undefined) s = s.where('household_id', '=', q.householdId);
      return (await s.orderBy('household_id').orderBy('period').execute()).map(toBill);
    },
    async overdueWithoutLadder(beforePeriod, limit) {
      const rows = await db
        .selectFrom('bills as b')
        .select(['b.household_id', 'b.community_id'])
        .where('b.status', '=', 'unpaid')
        .where('b.period', '<', beforePeriod)
        .where('b.source', '=', 'monthly')
        .where((eb) => eb.not(eb.exists(eb.selectFrom('arrears_ladders as l').select('l.id').whereRef('l.open_household', '=', 'b.household_id'))))
        .groupBy(['b.household_id', 'b.community_id'])
        .orderBy('b.household_id')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ householdId: r.household_id, communityId: r.community_id }));
    },
    async laddersSettled(beforePeriod, limit) {
      const rows = await laddersSettledQuery(db, beforePeriod).limit(limit).execute();
      return rows.map(toLadder);
    },
    async laddersDue(now, limit) {
      const rows = await laddersDueQuery(db, now).limit(limit).execute();
      return rows.map(toLadder);
    },
    async openLadder(householdId, opts) {
      let q = db.selectFrom('arrears_ladders').selectAll().where('open_household', '=', householdId);
      if (opts?.lock && locking) q = q.forUpdate();
      const r = await q.executeTakeFirst();
      return r && toLadder(r);
    },
    async openLaddersOfCommunity(communityId) {
      return (await db.selectFrom('arrears_ladders').selectAll().where('community_id', '=', communityId).where('closed_at', 'is', null).execute()).map(toLadder);
    },
    async insertLadder(l) {
      const q = dialect.insertIgnore === 'or ignore' ? db.insertInto('arrears_ladders').orIgnore() : db.insertInto('arrears_ladders').ignore();
      const r = await q
        .values({
          id: l.id,
          community_id: l.communityId,
          household_id: l.householdId,
          open_household: l.closedAt === null ? l.householdId : null,
          opened_at: l.openedAt,
          closed_at: l.closedAt,
          next_step: l.nextStep,
          next_due_at: l.nextDueAt,
          notified_step: l.notifiedStep,
          reminded_at: l.remindedAt,
          letter_at: l.letterAt,
          legal_at: l.legalAt,
        })
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    async updateLadder(id, patch) {
      const set: Partial<DB['arrears_ladders']> = {};
      if (patch.closedAt !== undefined) {
        set.closed_at = patch.closedAt;
        if (patch.closedAt !== null) set.open_household = null;
      }
      if (patch.nextStep !== undefined) set.next_step = patch.nextStep;
      if (patch.nextDueAt !== undefined) set.next_due_at = patch.nextDueAt;
      if (patch.remindedAt !== undefined) set.reminded_at = patch.remindedAt;
      if (patch.letterAt !== undefined) set.letter_at = patch.letterAt;
      if (patch.legalAt !== undefined) set.legal_at = patch.legalAt;
      if (!Object.keys(set).length) return true;
      const r = await db.updateTable('arrears_ladders').set(set).where('id', '=', id).where('closed_at', 'is', null).executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
    async markLadderNotified(id, s) {
      const r = await db
        .updateTable('arrears_ladders')
        .set({ notified_step: s })
        .where('id', '=', id)
        .where('closed_at', 'is', null)
        .where((eb) => eb.or([eb('notified_step', 'is', null), eb('notified_step', '!=', s)]))
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
    async insertArrearsStep(s) {
      await db
        .insertInto('arrears_steps')
        .values({
          id: s.id,
          ladder_id: s.ladderId,
          community_id: s.communityId,
          household_id: s.householdId,
          step: s.step,
          at: s.at,
          by_user_id: s.byUserId,
          owed_fen: s.owedFen,
          periods_json: JSON.stringify(s.periods),
          deadline: s.deadline,
          next_step: s.nextStep,
          next_due_at: s.nextDueAt,
        })
        .execute();
    },
    async arrearsStepsOfLadders(ids) {
      if (!ids.length) return [];
      return (await db.selectFrom('arrears_steps').selectAll().where('ladder_id', 'in', ids).orderBy('at').orderBy('id').execute()).map(toStep);
    },

    async voidReceipt(number, v) {
      const r = await db
        .updateTable('receipts')
        .set({ status: 'voided', void_reason: v.reason, voided_by: v.by, voided_at: v.at })
        .where('number', '=', number)
        .where('status', '=', 'issued')
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
    async receiptsVoidedBetween(communityId, from, to) {
      const rows = await db.selectFrom('receipts').selectAll().where('community_id', '=', communityId).where('voided_at', '>=', from).where('voided_at', '<', to).orderBy('voided_at').execute();
      return rows.map(toReceipt);
    },
    async lastReceiptSeqBefore(communityId, year, before) {
      const r = await db
        .selectFrom('receipts')
        .select((eb) => eb.fn.max('seq').as('seq'))
        .where('community_id', '=', communityId)
        .where('year', '=', year)
        .where('paid_at', '<', before)
        .executeTakeFirst();
      return Number(r?.seq ?? 0);
    },
    async receiptsBySeq(communityId, year, fromSeq, toSeq) {
      if (toSeq < fromSeq) return [];
      const rows = await db.selectFrom('receipts').selectAll().where('community_id', '=', communityId).where('year', '=', year).where('seq', '>=', fromSeq).where('seq', '<=', toSeq).orderBy('seq').execute();
      return rows.map(toReceipt);
    },
    async receiptsOfOrders(outTradeNos) {
      if (!outTradeNos.length) return [];
      return (await db.selectFrom('receipts').selectAll().where('out_trade_no', 'in', outTradeNos).execute()).map(toReceipt);
    },
    async receiptsOfCommunity(communityId, limit) {
      return (await db.selectFrom('receipts').selectAll().where('community_id', '=', communityId).orderBy('paid_at', 'desc').orderBy('seq', 'desc').limit(limit).execute()).map(toReceipt);
    },
  };
}
