import type { Kysely } from 'kysely';
import type { BillRow, FeeTx, PaymentRow, PayOrderRow, ReceiptRow, RefundRow } from '../../../core/ports/feeStore';
import type { DB } from './schema';
import { pendingOrdersQuery, refundsDueQuery } from './dueQueries';

const num = (v: number | string | null) => (v === null ? null : Number(v));

export const toBill = (r: DB['bills']): BillRow => ({
  id: r.id,
  communityId: r.community_id,
  householdId: r.household_id,
  period: r.period,
  source: r.source,
  lines: JSON.parse(r.lines_json),
  totalFen: Number(r.total_fen),
  status: r.status as BillRow['status'],
  orderNo: r.order_no,
  receiptNumber: r.receipt_number,
  createdAt: Number(r.created_at),
  paidAt: num(r.paid_at),
});
const billRow = (b: BillRow): DB['bills'] => ({
  id: b.id,
  community_id: b.communityId,
  household_id: b.householdId,
  period: b.period,
  source: b.source,
  lines_json: JSON.stringify(b.lines),
  total_fen: b.totalFen,
  status: b.status,
  order_no: b.orderNo,
  receipt_number: b.receiptNumber,
  created_at: b.createdAt,
  paid_at: b.paidAt,
});
const toOrder = (r: DB['pay_orders']): PayOrderRow => ({
  outTradeNo: r.out_trade_no,
  communityId: r.community_id,
  householdId: r.household_id,
  payerUserId: r.payer_user_id,
  payerOpenid: r.payer_openid,
  billIds: JSON.parse(r.bill_ids_json),
  totalFen: Number(r.total_fen),
  description: r.description,
  status: r.status as PayOrderRow['status'],
  createdAt: Number(r.created_at),
  expiresAt: Number(r.expires_at),
  paidAt: num(r.paid_at),
  transactionId: r.transaction_id,
  receiptNumber: r.receipt_number,
  checkedAt: num(r.checked_at),
});
const toPayment = (r: DB['payments']): PaymentRow => ({
  transactionId: r.transaction_id,
  outTradeNo: r.out_trade_no,
  communityId: r.community_id,
  totalFen: Number(r.total_fen),
  paidAt: Number(r.paid_at),
  via: r.via as PaymentRow['via'],
  recordedAt: Number(r.recorded_at),
});
export const toReceipt = (r: DB['receipts']): ReceiptRow => ({
  number: r.number,
  communityId: r.community_id,
  year: Number(r.year),
  seq: Number(r.seq),
  householdId: r.household_id,
  outTradeNo: r.out_trade_no,
  items: JSON.parse(r.items_json),
  totalFen: Number(r.total_fen),
  paidAt: Number(r.paid_at),
  payerUserId: r.payer_user_id,
  payerName: r.payer_name,
  code: r.code,
  status: r.status as ReceiptRow['status'],
  voidReason: r.void_reason,
  voidedBy: r.voided_by,
  voidedAt: num(r.voided_at),
  createdAt: Number(r.created_at),
});
const toRefund = (r: DB['refunds']): RefundRow => ({
  outRefundNo: r.out_refund_no,
  communityId: r.community_id,
  householdId: r.household_id,
  outTradeNo: r.out_trade_no,
  source: r.source,
  sourceId: r.source_id,
  amountFen: Number(r.amount_fen),
  reason: r.reason,
  status: r.status as RefundRow['status'],
  requestedBy: r.requested_by,
  createdAt: Number(r.created_at),
  refundId: r.refund_id,
  succeededAt: num(r.succeeded_at),
  checkedAt: num(r.checked_at),
});

const CHUNK = 300;

/**
 * Fees, orders, payments and receipts (migration 0018_fees). `locking` (MySQL/MariaDB): reads that
 * decide a write take row locks (FOR UPDATE); SQLite's write transactions run alone and need none.
 */
export function feeTx(db: Kysely<DB>, dialect: { insertIgnore: 'or ignore' | 'ignore' }): FeeTx {
  const locking = dialect.insertIgnore === 'ignore';
  return {
    async insertBills(rows) {
      let created = 0;
      for (let i = 0; i < rows.length; i += CHUNK) {
        const part = rows.slice(i, i + CHUNK).map(billRow);
        const q = dialect.insertIgnore === 'or ignore' ? db.insertInto('bills').orIgnore() : db.insertInto('bills').ignore();
        const r = await q.values(part).executeTakeFirst();
        created += Number(r.numInsertedOrUpdatedRows ?? 0);
      }
      return created;
    },
    async billsOfHousehold(householdId) {
      return (await db.selectFrom('bills').selectAll().where('household_id', '=', householdId).orderBy('period').orderBy('id').execute()).map(toBill);
    },
    async billsByIds(ids, opts) {
      if (!ids.length) return [];
      let q = db.selectFrom('bills').selectAll().where('id', 'in', ids).orderBy('id');
      if (opts?.lock && locking) q = q.forUpdate();
      return (await q.execute()).map(toBill);
    },
    async holdBills(ids, expect, orderNo) {
      if (!ids.length) return 0;
      let q = db.updateTable('bills').set({ order_no: orderNo }).where('id', 'in', ids).where('status', '=', 'unpaid');
      q = expect === null ? q.where('order_no', 'is', null) : q.where('order_no', '=', expect);
      const r = await q.executeTakeFirst();
      return Number(r.numUpdatedRows);
    },
    async payBills(ids, orderNo, receiptNumber, paidAt) {
      if (!ids.length) return 0;
      const r = await db
        .updateTable('bills')
        .set({ status: 'paid', receipt_number: receiptNumber, paid_at: paidAt })
        .where('id', 'in', ids)
        .where('status', '=', 'unpaid')
        .where('order_no', '=', orderNo)
        .executeTakeFirst();
      return Number(r.numUpdatedRows);
    },

    async insertOrder(o) {
      await db
        .insertInto('pay_orders')
        .values({
          out_trade_no: o.outTradeNo,
          community_id: o.communityId,
          household_id: o.householdId,
          payer_user_id: o.payerUserId,
          payer_openid: o.payerOpenid,
          bill_ids_json: JSON.stringify(o.billIds),
          total_fen: o.totalFen,
          description: o.description,
          status: o.status,
          created_at: o.createdAt,
          expires_at: o.expiresAt,
          paid_at: o.paidAt,
          transaction_id: o.transactionId,
          receipt_number: o.receiptNumber,
          checked_at: o.checkedAt,
        })
        .execute();
    },
    async order(outTradeNo, opts) {
      let q = db.selectFrom('pay_orders').selectAll().where('out_trade_no', '=', outTradeNo);
      if (opts?.lock && locking) q = q.forUpdate();
      const r = await q.executeTakeFirst();
      return r && toOrder(r);
    },
    async updateOrder(outTradeNo, expect, patch) {
      const set: Partial<DB['pay_orders']> = {};
      if (patch.status !== undefined) set.status = patch.status;
      if (patch.paidAt !== undefined) set.paid_at = patch.paidAt;
      if (patch.transactionId !== undefined) set.transaction_id = patch.transactionId;
      if (patch.receiptNumber !== undefined) set.receipt_number = patch.receiptNumber;
      if (patch.checkedAt !== undefined) set.checked_at = patch.checkedAt;
      const r = await db.updateTable('pay_orders').set(set).where('out_trade_no', '=', outTradeNo).where('status', '=', expect).executeTakeFirst();
      return Number(r.numUpdatedRows) > 0 || (Object.keys(set).length === 1 && set.checked_at !== undefined);
    },
    async pendingOrders(createdBefore, checkedBefore, limit) {
      const rows = await pendingOrdersQuery(db, createdBefore, checkedBefore).limit(limit).execute();
      return rows.map(toOrder);
    },

    async insertPayment(p) {
      await db
        .insertInto('payments')
        .values({ transaction_id: p.transactionId, out_trade_no: p.outTradeNo, community_id: p.communityId, total_fen: p.totalFen, paid_at: p.paidAt, via: p.via, recorded_at: p.recordedAt })
        .execute();
    },
    async paymentOf(outTradeNo) {
      const r = await db.selectFrom('payments').selectAll().where('out_trade_no', '=', outTradeNo).executeTakeFirst();
      return r && toPayment(r);
    },
    async paymentsBetween(communityId, from, to) {
      const rows = await db.selectFrom('payments').selectAll().where('community_id', '=', communityId).where('paid_at', '>=', from).where('paid_at', '<', to).orderBy('paid_at').execute();
      return rows.map(toPayment);
    },

    async nextReceiptSeq(communityId, year) {
      // The counter row of (community, year), locked and moved on inside the paying transaction: numbers
      // are taken one at a time, and a rollback gives its number back. Locked first (FOR UPDATE), created
      // only when missing (the year's first receipt): an INSERT IGNORE over an existing row would take a
      // shared lock that two payments then both try to raise (a deadlock on MySQL/MariaDB).
      const read = () => {
        const q = db.selectFrom('receipt_counters').select('last').where('community_id', '=', communityId).where('year', '=', year);
        return (locking ? q.forUpdate() : q).executeTakeFirst();
      };
      let cur = await read();
      if (!cur) {
        const first = { community_id: communityId, year, last: 0 };
        await (dialect.insertIgnore === 'or ignore' ? db.insertInto('receipt_counters').orIgnore() : db.insertInto('receipt_counters').ignore()).values(first).execute();
        cur = await read();
        if (!cur) throw new Error(`receipt counter of ${communityId}/${year} missing after insert`);
      }
      const next = Number(cur.last) + 1;
      const r = await db.updateTable('receipt_counters').set({ last: next }).where('community_id', '=', communityId).where('year', '=', year).where('last', '=', Number(cur.last)).executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw new Error(`receipt counter of ${communityId}/${year} moved under its lock`);
      return next;
    },
    async insertReceipt(r) {
      await db
        .insertInto('receipts')
        .values({
          number: r.number,
          community_id: r.communityId,
          year: r.year,
          seq: r.seq,
          household_id: r.householdId,
          out_trade_no: r.outTradeNo,
          items_json: JSON.stringify(r.items),
          total_fen: r.totalFen,
          paid_at: r.paidAt,
          payer_user_id: r.payerUserId,
          payer_name: r.payerName,
          code: r.code,
          status: r.status,
          void_reason: r.voidReason,
          voided_by: r.voidedBy,
          voided_at: r.voidedAt,
          created_at: r.createdAt,
        })
        .execute();
    },
    async receipt(number) {
      const r = await db.selectFrom('receipts').selectAll().where('number', '=', number).executeTakeFirst();
      return r && toReceipt(r);
    },
    async receiptsOfHouseholds(householdIds) {
      if (!householdIds.length) return [];
      return (await db.selectFrom('receipts').selectAll().where('household_id', 'in', householdIds).orderBy('paid_at', 'desc').limit(500).execute()).map(toReceipt);
    },
    async receiptsBetween(communityId, from, to) {
      const rows = await db.selectFrom('receipts').selectAll().where('community_id', '=', communityId).where('paid_at', '>=', from).where('paid_at', '<', to).orderBy('seq').execute();
      return rows.map(toReceipt);
    },

    async insertRefund(f) {
      const q = dialect.insertIgnore === 'or ignore' ? db.insertInto('refunds').orIgnore() : db.insertInto('refunds').ignore();
      const r = await q
        .values({
          out_refund_no: f.outRefundNo,
          community_id: f.communityId,
          household_id: f.householdId,
          out_trade_no: f.outTradeNo,
          source: f.source,
          source_id: f.sourceId,
          amount_fen: f.amountFen,
          reason: f.reason,
          status: f.status,
          requested_by: f.requestedBy,
          created_at: f.createdAt,
          refund_id: f.refundId,
          succeeded_at: f.succeededAt,
          checked_at: f.checkedAt,
        })
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    async refund(outRefundNo, opts) {
      let q = db.selectFrom('refunds').selectAll().where('out_refund_no', '=', outRefundNo);
      if (opts?.lock && locking) q = q.forUpdate();
      const r = await q.executeTakeFirst();
      return r && toRefund(r);
    },
    async refundOf(source, sourceId) {
      const r = await db.selectFrom('refunds').selectAll().where('source', '=', source).where('source_id', '=', sourceId).executeTakeFirst();
      return r && toRefund(r);
    },
    async updateRefund(outRefundNo, expect, patch) {
      const set: Partial<DB['refunds']> = {};
      if (patch.status !== undefined) set.status = patch.status;
      if (patch.refundId !== undefined) set.refund_id = patch.refundId;
      if (patch.succeededAt !== undefined) set.succeeded_at = patch.succeededAt;
      if (patch.checkedAt !== undefined) set.checked_at = patch.checkedAt;
      if (!Object.keys(set).length) return true;
      const r = await db.updateTable('refunds').set(set).where('out_refund_no', '=', outRefundNo).where('status', '=', expect).executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
    async refundsDue(checkedBefore, limit) {
      const rows = await refundsDueQuery(db, checkedBefore).limit(limit).execute();
      return rows.map(toRefund);
    },
    async refundsBetween(communityId, from, to) {
      const rows = await db.selectFrom('refunds').selectAll().where('community_id', '=', communityId).where('succeeded_at', '>=', from).where('succeeded_at', '<', to).orderBy('succeeded_at').execute();
      return rows.map(toRefund);
    },
    async refundsOfHousehold(householdId) {
      return (await db.selectFrom('refunds').selectAll().where('household_id', '=', householdId).orderBy('created_at', 'desc').limit(200).execute()).map(toRefund);
    },
  };
}
