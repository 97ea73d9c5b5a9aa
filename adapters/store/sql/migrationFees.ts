import type { Kysely, Migration } from 'kysely';
import { createIndex, createTable, longText } from './portable';

const id = (n = 64) => `varchar(${n})` as const;

/**
 * 0018_fees (R-FEE-1, R-FEE-5, R-FEE-6): bills (one per household, period and source), payment orders,
 * payments received (one per order, one per provider transaction), receipts numbered per community and
 * year from a counter row (gap-free: taken inside the paying transaction; unique number and sequence).
 */
export const feesMigration: Migration = {
  async up(db: Kysely<any>) {
    await createTable(db, 'bills', (t) =>
      t
        .addColumn('id', id(), (c) => c.primaryKey())
        .addColumn('community_id', id(), (c) => c.notNull())
        .addColumn('household_id', id(), (c) => c.notNull())
        .addColumn('period', id(7), (c) => c.notNull())
        .addColumn('source', id(40), (c) => c.notNull())
        .addColumn('lines_json', longText(db), (c) => c.notNull())
        .addColumn('total_fen', 'bigint', (c) => c.notNull())
        .addColumn('status', id(8), (c) => c.notNull())
        .addColumn('order_no', id(32))
        .addColumn('receipt_number', id(64))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('paid_at', 'bigint'),
    );
    await createIndex(db, 'bills_household_period', 'bills', ['household_id', 'period', 'source'], { unique: true });
    await createIndex(db, 'bills_community_status', 'bills', ['community_id', 'status', 'period']);
    await createTable(db, 'pay_orders', (t) =>
      t
        .addColumn('out_trade_no', id(32), (c) => c.primaryKey())
        .addColumn('community_id', id(), (c) => c.notNull())
        .addColumn('household_id', id(), (c) => c.notNull())
        .addColumn('payer_user_id', id(), (c) => c.notNull())
        .addColumn('payer_openid', id(128), (c) => c.notNull())
        .addColumn('bill_ids_json', longText(db), (c) => c.notNull())
        .addColumn('total_fen', 'bigint', (c) => c.notNull())
        .addColumn('description', id(200), (c) => c.notNull())
        .addColumn('status', id(8), (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('paid_at', 'bigint')
        .addColumn('transaction_id', id(64))
        .addColumn('receipt_number', id(64))
        .addColumn('checked_at', 'bigint'),
    );
    await createIndex(db, 'pay_orders_pending', 'pay_orders', ['status', 'created_at']);
    await createTable(db, 'payments', (t) =>
      t
        .addColumn('transaction_id', id(), (c) => c.primaryKey())
        .addColumn('out_trade_no', id(32), (c) => c.notNull())
        .addColumn('community_id', id(), (c) => c.notNull())
        .addColumn('total_fen', 'bigint', (c) => c.notNull())
        .addColumn('paid_at', 'bigint', (c) => c.notNull())
        .addColumn('via', id(8), (c) => c.notNull())
        .addColumn('recorded_at', 'bigint', (c) => c.notNull()),
    );
    await createIndex(db, 'payments_order', 'payments', ['out_trade_no'], { unique: true });
    await createIndex(db, 'payments_community_paid', 'payments', ['community_id', 'paid_at']);
    await createTable(db, 'receipt_counters', (t) =>
      t
        .addColumn('community_id', id(), (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('last', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('receipt_counters_pk', ['community_id', 'year']),
    );
    await createTable(db, 'receipts', (t) =>
      t
        .addColumn('number', id(), (c) => c.primaryKey())
        .addColumn('community_id', id(), (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('household_id', id(), (c) => c.notNull())
        .addColumn('out_trade_no', id(32), (c) => c.notNull())
        .addColumn('items_json', longText(db), (c) => c.notNull())
        .addColumn('total_fen', 'bigint', (c) => c.notNull())
        .addColumn('paid_at', 'bigint', (c) => c.notNull())
        .addColumn('payer_user_id', id(), (c) => c.notNull())
        .addColumn('payer_name', id(100), (c) => c.notNull())
        .addColumn('code', id(16), (c) => c.notNull())
        .addColumn('status', id(8), (c) => c.notNull())
        .addColumn('void_reason', id(400))
        .addColumn('voided_by', id())
        .addColumn('voided_at', 'bigint')
        .addColumn('created_at', 'bigint', (c) => c.notNull()),
    );
    await createIndex(db, 'receipts_sequence', 'receipts', ['community_id', 'year', 'seq'], { unique: true });
    await createIndex(db, 'receipts_order', 'receipts', ['out_trade_no'], { unique: true });
    await createIndex(db, 'receipts_household', 'receipts', ['household_id', 'paid_at']);
    await createIndex(db, 'receipts_community_paid', 'receipts', ['community_id', 'paid_at']);
  },
};

/**
 * 0022_refunds (R-REN-10, R-FEE-8): money going back to a payer, one row per decision (unique
 * (source, source_id)), written where it is decided and asked of the provider by a job afterwards;
 * the day book reads the ones that succeeded on a day.
 */
export const refundsMigration: Migration = {
  async up(db: Kysely<any>) {
    await createTable(db, 'refunds', (t) =>
      t
        .addColumn('out_refund_no', id(), (c) => c.primaryKey())
        .addColumn('community_id', id(), (c) => c.notNull())
        .addColumn('household_id', id(), (c) => c.notNull())
        .addColumn('out_trade_no', id(32), (c) => c.notNull())
        .addColumn('source', id(40), (c) => c.notNull())
        .addColumn('source_id', id(), (c) => c.notNull())
        .addColumn('amount_fen', 'bigint', (c) => c.notNull())
        .addColumn('reason', id(200), (c) => c.notNull())
        .addColumn('status', id(12), (c) => c.notNull())
        .addColumn('requested_by', id(), (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('refund_id', id())
        .addColumn('succeeded_at', 'bigint')
        .addColumn('checked_at', 'bigint'),
    );
    await createIndex(db, 'refunds_source', 'refunds', ['source', 'source_id'], { unique: true });
    await createIndex(db, 'refunds_status', 'refunds', ['status', 'created_at']);
    await createIndex(db, 'refunds_community_succeeded', 'refunds', ['community_id', 'succeeded_at']);
    await createIndex(db, 'refunds_household', 'refunds', ['household_id']);
  },
};

/**
 * 0024_renovations (R-REN-1..11): applications as an event log with a projection, as cases are kept.
 * `renovations` holds the folded state (JSON) with the columns lists and the sweep read (household,
 * community + status, next_due_at); `renovation_events` the log, one row per (application, seq).
 */
export const renovationsMigration: Migration = {
  async up(db: Kysely<any>) {
    await createTable(db, 'renovations', (t) =>
      t
        .addColumn('id', id(), (c) => c.primaryKey())
        .addColumn('community_id', id(), (c) => c.notNull())
        .addColumn('household_id', id(), (c) => c.notNull())
        .addColumn('status', id(16), (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('next_due_at', 'bigint')
        .addColumn('state_json', longText(db), (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull()),
    );
    await createIndex(db, 'renovations_household', 'renovations', ['household_id', 'created_at']);
    await createIndex(db, 'renovations_community', 'renovations', ['community_id', 'status', 'created_at']);
    await createIndex(db, 'renovations_due', 'renovations', ['next_due_at']);
    await createTable(db, 'renovation_events', (t) =>
      t
        .addColumn('renovation_id', id(), (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('type', id(32), (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('by_user', id(), (c) => c.notNull())
        .addColumn('data_json', longText(db), (c) => c.notNull())
        .addPrimaryKeyConstraint('renovation_events_pk', ['renovation_id', 'seq']),
    );
    // Which application shows an uploaded file (documents, photos, proofs): who may read the file.
    await createTable(db, 'renovation_files', (t) =>
      t
        .addColumn('file_id', id(), (c) => c.notNull())
        .addColumn('renovation_id', id(), (c) => c.notNull())
        .addPrimaryKeyConstraint('renovation_files_pk', ['file_id', 'renovation_id']),
    );
  },
};
