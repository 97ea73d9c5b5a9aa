import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import { rebuildCases } from './rebuild';
import type { DB } from './schema';
import { caseNumberKey, formatCaseNumber } from '../../../core/domain/case/number';
import type { SubmittedEvent } from '../../../core/domain/case/types';
import type { CaseKind } from '../../../core/vocabulary';

/**
 * Schema migrations, applied at start. Types are portable between SQLite and MySQL/MariaDB:
 * varchar keys, bigint times (ms), text JSON.
 */
const migrations: Record<string, Migration> = {
  '0001_foundation': {
    async up(db: Kysely<any>) {
      const id = (n = 64) => `varchar(${n})` as const;
      await db.schema
        .createTable('communities')
        .addColumn('id', id(), (c) => c.primaryKey())
        .addColumn('name', id(100), (c) => c.notNull())
        .addColumn('time_zone', id(40), (c) => c.notNull())
        .addColumn('config_json', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('households')
        .addColumn('id', id(), (c) => c.primaryKey())
        .addColumn('community_id', id(), (c) => c.notNull())
        .addColumn('building', id(16), (c) => c.notNull())
        .addColumn('unit', id(16), (c) => c.notNull())
        .addColumn('room', id(16), (c) => c.notNull())
        .addColumn('area_m2x100', 'integer', (c) => c.notNull())
        .addColumn('owner_name', id(40), (c) => c.notNull())
        .addColumn('owner_phone', id(20), (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('users')
        .addColumn('id', id(), (c) => c.primaryKey())
        .addColumn('openid', id(128), (c) => c.notNull().unique())
        .addColumn('name', id(40), (c) => c.notNull())
        .addColumn('phone', id(20))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('staff')
        .addColumn('user_id', id(), (c) => c.notNull())
        .addColumn('community_id', id(), (c) => c.notNull())
        .addColumn('role', id(32), (c) => c.notNull())
        .addColumn('on_duty', 'integer', (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('staff_pk', ['user_id', 'community_id', 'role'])
        .execute();
      await db.schema.createIndex('staff_community').on('staff').columns(['community_id', 'role']).execute();
      await db.schema
        .createTable('bindings')
        .addColumn('id', id(), (c) => c.primaryKey())
        .addColumn('user_id', id(), (c) => c.notNull())
        .addColumn('household_id', id(), (c) => c.notNull())
        .addColumn('community_id', id(), (c) => c.notNull())
        .addColumn('name', id(40), (c) => c.notNull())
        .addColumn('phone', id(20), (c) => c.notNull())
        .addColumn('relation', id(16), (c) => c.notNull())
        .addColumn('status', id(16), (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('decided_at', 'bigint')
        .addColumn('decided_by', id())
        .addColumn('reason', id(200))
        .execute();
      await db.schema.createIndex('bindings_user').on('bindings').column('user_id').execute();
      await db.schema.createIndex('bindings_review').on('bindings').columns(['community_id', 'status']).execute();
      await db.schema
        .createTable('cases')
        .addColumn('id', id(), (c) => c.primaryKey())
        .addColumn('community_id', id(), (c) => c.notNull())
        .addColumn('household_id', id(), (c) => c.notNull())
        .addColumn('kind', id(20), (c) => c.notNull())
        .addColumn('status', id(20), (c) => c.notNull())
        .addColumn('department', id(32), (c) => c.notNull())
        .addColumn('owner', id(), (c) => c.notNull())
        .addColumn('emergency', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addColumn('next_due_at', 'bigint')
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('state_json', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('cases_queue').on('cases').columns(['community_id', 'next_due_at']).execute();
      await db.schema.createIndex('cases_household').on('cases').columns(['household_id', 'created_at']).execute();
      await db.schema.createIndex('cases_owner').on('cases').columns(['owner', 'next_due_at']).execute();
      await db.schema
        .createTable('case_events')
        .addColumn('case_id', id(), (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('type', id(32), (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('by_user', id(), (c) => c.notNull())
        .addColumn('data_json', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('case_events_pk', ['case_id', 'seq'])
        .execute();
      await db.schema
        .createTable('case_files')
        .addColumn('file_id', id(), (c) => c.notNull())
        .addColumn('case_id', id(), (c) => c.notNull())
        .addColumn('household_id', id(), (c) => c.notNull())
        .addPrimaryKeyConstraint('case_files_pk', ['file_id', 'case_id'])
        .execute();
      await db.schema
        .createTable('outbox')
        .addColumn('id', id(), (c) => c.primaryKey())
        .addColumn('channel', id(16), (c) => c.notNull())
        .addColumn('to_user', id(), (c) => c.notNull())
        .addColumn('template', id(40), (c) => c.notNull())
        .addColumn('data_json', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('status', id(16), (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
        .addColumn('delivered_at', 'bigint')
        .addColumn('last_error', id(500))
        .execute();
      await db.schema.createIndex('outbox_due').on('outbox').columns(['status', 'next_attempt_at']).execute();
      await db.schema
        .createTable('messages')
        .addColumn('id', id(), (c) => c.primaryKey())
        .addColumn('user_id', id(), (c) => c.notNull())
        .addColumn('title', id(200), (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('case_id', id())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('read_at', 'bigint')
        .addColumn('source_id', id(), (c) => c.notNull().unique())
        .execute();
      await db.schema.createIndex('messages_user').on('messages').columns(['user_id', 'created_at']).execute();
      await db.schema
        .createTable('files')
        .addColumn('id', id(), (c) => c.primaryKey())
        .addColumn('owner_id', id(), (c) => c.notNull())
        .addColumn('mime', id(40), (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('idempotency')
        .addColumn('key', id(255), (c) => c.primaryKey())
        .addColumn('body_hash', id(64), (c) => c.notNull())
        .addColumn('result_json', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
    },
  },
  '0002_work_orders': {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('cases').addColumn('technician', 'varchar(64)').execute();
      await db.schema.alterTable('cases').addColumn('breached', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.createIndex('cases_due').on('cases').column('next_due_at').execute();
      await db.schema.createIndex('cases_technician').on('cases').columns(['technician', 'next_due_at']).execute();
    },
  },
  '0003_queue_urgent_index': {
    /**
     * The workbench's "most urgent" queue reads a community's cases with a next SLA moment by
     * next_due_at, then the finished ones (next_due_at NULL) newest first. With created_at in the
     * index both parts are index-ordered range scans; (community_id, next_due_at) alone left the
     * finished part to a sort of every finished case (seconds at 1 M). It replaces cases_queue, of
     * which it is a superset, so a case write still maintains the same number of indexes.
     */
    async up(db: Kysely<any>) {
      await db.schema.createIndex('cases_urgent').on('cases').columns(['community_id', 'next_due_at', 'created_at']).execute();
      // SQLite names indexes per database (`drop index x`); MySQL/MariaDB per table (`drop index x on t`).
      await db.schema
        .dropIndex('cases_queue')
        .execute()
        .catch(() => db.schema.dropIndex('cases_queue').on('cases').execute());
    },
  },
  '0004_queue_by_nearest_deadline': {
    /**
     * The queue's order is the nearest unmet promise (urgent_at: a missed one is in the past, so it
     * comes first), not next_due_at, which is when the sweep next looks (after a breach, days away).
     */
    async up(db: Kysely<any>) {
      await db.schema.alterTable('cases').addColumn('urgent_at', 'bigint').execute();
      await db.updateTable('cases').set((eb: any) => ({ urgent_at: eb.ref('next_due_at') })).execute();
      await db.schema.createIndex('cases_urgency').on('cases').columns(['community_id', 'urgent_at', 'created_at']).execute();
      await db.schema
        .dropIndex('cases_urgent')
        .execute()
        .catch(() => db.schema.dropIndex('cases_urgent').on('cases').execute());
    },
  },
  '0005_sweep_quarantine': {
    /**
     * A case the SLA sweep cannot handle is set aside (next_due_at moved an hour on) with the reason,
     * so one bad case never holds up the others; the next write of the case clears it.
     */
    async up(db: Kysely<any>) {
      await db.schema.alterTable('cases').addColumn('sweep_error', 'varchar(300)').execute();
    },
  },
  '0006_case_category': {
    /**
     * A case's category as a column: the renovation officer and the cashier list only the cases routed to
     * them by category (装修相关, 物业费用: R-ACC-5). Existing cases are filled from their stored state.
     * The queue's index also carries what decides who may list a case (category, owner, technician): a
     * reader who sees only some cases scans the urgency order in the index alone, reading a table row only
     * for a case in reach (a renovation officer with none: ~0.1 s instead of ~1.1 s per 300 k cases). It
     * replaces cases_urgency, of which it is a superset, so a write maintains as many indexes as before.
     */
    async up(db: Kysely<any>) {
      await db.schema.alterTable('cases').addColumn('category', 'varchar(32)').execute();
      let after = '';
      for (;;) {
        const rows: { id: string; state_json: string }[] = await db.selectFrom('cases').select(['id', 'state_json']).where('id', '>', after).orderBy('id').limit(1000).execute();
        if (rows.length === 0) break;
        for (const r of rows) {
          const category = (JSON.parse(r.state_json) as { category?: string | null }).category ?? null;
          if (category) await db.updateTable('cases').set({ category }).where('id', '=', r.id).execute();
        }
        after = rows[rows.length - 1].id;
      }
      await db.schema.createIndex('cases_reach').on('cases').columns(['community_id', 'urgent_at', 'created_at', 'category', 'owner', 'technician']).execute();
      await db.schema
        .dropIndex('cases_urgency')
        .execute()
        .catch(() => db.schema.dropIndex('cases_urgency').on('cases').execute());
    },
  },
  '0007_rebuild_cases_from_events': {
    /**
     * The events are the source of truth (R-INT-4): snapshots stored before `sla.missed` and
     * `handedOverAt` were plain fields, and urgent_at copied from next_due_at by 0004, are rebuilt from
     * case_events (the same rebuild as `npm run rebuild`), never read with fallbacks. A later change of
     * the state's shape ships with a migration like this one. A log the rules refuse is left as it is
     * (`npm run rebuild -- --check` names it).
     */
    async up() {
      // The rebuild writes today's row shape, so it runs once, at the end of the latest migration that
      // changes the state's shape (0011_case_numbers); `migrate` always runs on to the latest.
    },
  },
  '0008_idempotency_expiry': {
    /** Stored replies expire after the replay window (core/api/replayWindow.ts): the purge finds the oldest by this index. */
    async up(db: Kysely<any>) {
      await db.schema.createIndex('idempotency_created').on('idempotency').column('created_at').execute();
    },
  },
  '0009_binding_phone_check': {
    /**
     * How a binding request's phone was checked (R-ACC-1): `verified` through WeChat's phone-number
     * API, else why not. Requests made before verification existed were never verified. The household
     * index serves the owner-binding limit, counted on every request.
     */
    async up(db: Kysely<any>) {
      await db.schema
        .alterTable('bindings')
        .addColumn('phone_check', 'varchar(16)', (c) => c.notNull().defaultTo('not_provided'))
        .execute();
      await db.schema.createIndex('bindings_household').on('bindings').columns(['household_id', 'status']).execute();
    },
  },
  '0010_case_events_by_user': {
    /** Cases a caller opened in the last hour (the creation limit, core/limits.ts): a short range scan. */
    async up(db: Kysely<any>) {
      await db.schema.createIndex('case_events_by_user').on('case_events').columns(['by_user', 'at']).execute();
    },
  },
  '0011_case_numbers': {
    /**
     * 工单编号 (core/domain/case/number.ts): a counter per community, prefix and Shanghai day, taken inside
     * the submitting transaction, and the number as a column unique per community. Cases submitted before
     * numbers existed get theirs here, in order of submission per community, kind and day: the number is
     * written into their `submitted` event (the source of truth, R-INT-4), the rows are rebuilt from the
     * events, and the counters continue after the last number given.
     */
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('case_numbers')
        .addColumn('community_id', 'varchar(64)', (c) => c.notNull())
        .addColumn('prefix', 'varchar(8)', (c) => c.notNull())
        .addColumn('day', 'varchar(8)', (c) => c.notNull())
        .addColumn('last', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('case_numbers_pk', ['community_id', 'prefix', 'day'])
        .execute();
      await db.schema.alterTable('cases').addColumn('number', 'varchar(32)').execute();
      await db.transaction().execute(async (trx) => {
        const counters = new Map<string, { community_id: string; prefix: string; day: string; last: number }>();
        for (let after: { at: number; id: string } | null = null; ; ) {
          let q = trx.selectFrom('cases').select(['id', 'community_id', 'kind', 'created_at']).orderBy('created_at').orderBy('id').limit(1000);
          if (after) {
            const a = after;
            q = q.where((eb: any) => eb.or([eb('created_at', '>', a.at), eb.and([eb('created_at', '=', a.at), eb('id', '>', a.id)])]));
          }
          const rows: { id: string; community_id: string; kind: CaseKind; created_at: number }[] = await q.execute();
          if (rows.length === 0) break;
          for (const r of rows) {
            const first = await trx.selectFrom('case_events').select('data_json').where('case_id', '=', r.id).where('seq', '=', 1).executeTakeFirst();
            if (!first) continue; // an orphan row: nothing to rebuild it from (the rebuild reports it)
            const event = JSON.parse(first.data_json) as SubmittedEvent;
            if (event.type !== 'submitted' || event.case.number) continue;
            const key = caseNumberKey(event.case.kind, event.case.createdAt);
            const k = `${r.community_id}\u0000${key.prefix}\u0000${key.day}`;
            const counter = counters.get(k) ?? { community_id: r.community_id, ...key, last: 0 };
            counter.last++;
            counters.set(k, counter);
            const numbered = { ...event, case: { ...event.case, number: formatCaseNumber(key, counter.last) } };
            await trx.updateTable('case_events').set({ data_json: JSON.stringify(numbered) }).where('case_id', '=', r.id).where('seq', '=', 1).execute();
          }
          const last = rows[rows.length - 1];
          after = { at: Number(last.created_at), id: last.id };
        }
        for (const c of counters.values()) await trx.insertInto('case_numbers').values(c).execute();
        await rebuildCases(trx as unknown as Kysely<DB>, { write: true });
      });
      await db.schema.createIndex('cases_number').on('cases').columns(['community_id', 'number']).unique().execute();
    },
  },
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Applies the migrations not yet applied (up to `upTo`, for tests of a migration; all by default). */
export async function migrate(db: Kysely<any>, upTo?: string): Promise<void> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await (upTo ? migrator.migrateTo(upTo) : migrator.migrateToLatest());
  if (error) throw error instanceof Error ? error : new Error(String(error));
  for (const r of results ?? []) if (r.status === 'Error') throw new Error(`migration ${r.migrationName} failed`);
}
