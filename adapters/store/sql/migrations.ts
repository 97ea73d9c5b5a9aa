import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import { isCurrent } from './migrationCheck';
import { addColumn, createIndex, createTable, dropIndex, isMysql, longText } from './portable';
import { rebuildCases } from './rebuild';
import { feesMigration, refundsMigration, renovationsMigration } from './migrationFees';
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
      await createTable(db, 'communities', (t) =>
        t
        .addColumn('id', id(), (c) => c.primaryKey())
        .addColumn('name', id(100), (c) => c.notNull())
        .addColumn('time_zone', id(40), (c) => c.notNull())
        .addColumn('config_json', longText(db), (c) => c.notNull())
      );
      await createTable(db, 'households', (t) =>
        t
        .addColumn('id', id(), (c) => c.primaryKey())
        .addColumn('community_id', id(), (c) => c.notNull())
        .addColumn('building', id(16), (c) => c.notNull())
        .addColumn('unit', id(16), (c) => c.notNull())
        .addColumn('room', id(16), (c) => c.notNull())
        .addColumn('area_m2x100', 'integer', (c) => c.notNull())
        .addColumn('owner_name', id(40), (c) => c.notNull())
        .addColumn('owner_phone', id(20), (c) => c.notNull())
      );
      await createTable(db, 'users', (t) =>
        t
        .addColumn('id', id(), (c) => c.primaryKey())
        .addColumn('openid', id(128), (c) => c.notNull().unique())
        .addColumn('name', id(40), (c) => c.notNull())
        .addColumn('phone', id(20))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
      );
      await createTable(db, 'staff', (t) =>
        t
        .addColumn('user_id', id(), (c) => c.notNull())
        .addColumn('community_id', id(), (c) => c.notNull())
        .addColumn('role', id(32), (c) => c.notNull())
        .addColumn('on_duty', 'integer', (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('staff_pk', ['user_id', 'community_id', 'role'])
      );
      await createIndex(db, 'staff_community', 'staff', ['community_id', 'role']);
      await createTable(db, 'bindings', (t) =>
        t
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
      );
      await createIndex(db, 'bindings_user', 'bindings', ['user_id']);
      await createIndex(db, 'bindings_review', 'bindings', ['community_id', 'status']);
      await createTable(db, 'cases', (t) =>
        t
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
        .addColumn('state_json', longText(db), (c) => c.notNull())
      );
      await createIndex(db, 'cases_queue', 'cases', ['community_id', 'next_due_at']);
      await createIndex(db, 'cases_household', 'cases', ['household_id', 'created_at']);
      await createIndex(db, 'cases_owner', 'cases', ['owner', 'next_due_at']);
      await createTable(db, 'case_events', (t) =>
        t
        .addColumn('case_id', id(), (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('type', id(32), (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('by_user', id(), (c) => c.notNull())
        .addColumn('data_json', longText(db), (c) => c.notNull())
        .addPrimaryKeyConstraint('case_events_pk', ['case_id', 'seq'])
      );
      await createTable(db, 'case_files', (t) =>
        t
        .addColumn('file_id', id(), (c) => c.notNull())
        .addColumn('case_id', id(), (c) => c.notNull())
        .addColumn('household_id', id(), (c) => c.notNull())
        .addPrimaryKeyConstraint('case_files_pk', ['file_id', 'case_id'])
      );
      await createTable(db, 'outbox', (t) =>
        t
        .addColumn('id', id(), (c) => c.primaryKey())
        .addColumn('channel', id(16), (c) => c.notNull())
        .addColumn('to_user', id(), (c) => c.notNull())
        .addColumn('template', id(40), (c) => c.notNull())
        .addColumn('data_json', longText(db), (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('status', id(16), (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
        .addColumn('delivered_at', 'bigint')
        .addColumn('last_error', id(500))
      );
      await createIndex(db, 'outbox_due', 'outbox', ['status', 'next_attempt_at']);
      await createTable(db, 'messages', (t) =>
        t
        .addColumn('id', id(), (c) => c.primaryKey())
        .addColumn('user_id', id(), (c) => c.notNull())
        .addColumn('title', id(200), (c) => c.notNull())
        .addColumn('body', longText(db), (c) => c.notNull())
        .addColumn('case_id', id())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('read_at', 'bigint')
        .addColumn('source_id', id(), (c) => c.notNull().unique())
      );
      await createIndex(db, 'messages_user', 'messages', ['user_id', 'created_at']);
      await createTable(db, 'files', (t) =>
        t
        .addColumn('id', id(), (c) => c.primaryKey())
        .addColumn('owner_id', id(), (c) => c.notNull())
        .addColumn('mime', id(40), (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
      );
      await createTable(db, 'idempotency', (t) =>
        t
        .addColumn('key', id(255), (c) => c.primaryKey())
        .addColumn('body_hash', id(64), (c) => c.notNull())
        .addColumn('result_json', longText(db), (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
      );
    },
  },
  '0002_work_orders': {
    async up(db: Kysely<any>) {
      await addColumn(db, 'cases', 'technician', 'varchar(64)');
      await addColumn(db, 'cases', 'breached', 'integer', (c) => c.notNull().defaultTo(0));
      await createIndex(db, 'cases_due', 'cases', ['next_due_at']);
      await createIndex(db, 'cases_technician', 'cases', ['technician', 'next_due_at']);
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
      await createIndex(db, 'cases_urgent', 'cases', ['community_id', 'next_due_at', 'created_at']);
      await dropIndex(db, 'cases', 'cases_queue');
    },
  },
  '0004_queue_by_nearest_deadline': {
    /**
     * The queue's order is the nearest unmet promise (urgent_at: a missed one is in the past, so it
     * comes first), not next_due_at, which is when the sweep next looks (after a breach, days away).
     */
    async up(db: Kysely<any>) {
      await addColumn(db, 'cases', 'urgent_at', 'bigint');
      await db.updateTable('cases').set((eb: any) => ({ urgent_at: eb.ref('next_due_at') })).execute();
      await createIndex(db, 'cases_urgency', 'cases', ['community_id', 'urgent_at', 'created_at']);
      await dropIndex(db, 'cases', 'cases_urgent');
    },
  },
  '0005_sweep_quarantine': {
    /**
     * A case the SLA sweep cannot handle is set aside (next_due_at moved an hour on) with the reason,
     * so one bad case never holds up the others; the next write of the case clears it.
     */
    async up(db: Kysely<any>) {
      await addColumn(db, 'cases', 'sweep_error', 'varchar(300)');
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
      await addColumn(db, 'cases', 'category', 'varchar(32)');
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
      await createIndex(db, 'cases_reach', 'cases', ['community_id', 'urgent_at', 'created_at', 'category', 'owner', 'technician']);
      await dropIndex(db, 'cases', 'cases_urgency');
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
      await createIndex(db, 'idempotency_created', 'idempotency', ['created_at']);
    },
  },
  '0009_binding_phone_check': {
    /**
     * How a binding request's phone was checked (R-ACC-1): `verified` through WeChat's phone-number
     * API, else why not. Requests made before verification existed were never verified. The household
     * index serves the owner-binding limit, counted on every request.
     */
    async up(db: Kysely<any>) {
      await addColumn(db, 'bindings', 'phone_check', 'varchar(16)', (c) => c.notNull().defaultTo('not_provided'));
      await createIndex(db, 'bindings_household', 'bindings', ['household_id', 'status']);
    },
  },
  '0010_case_events_by_user': {
    /** Cases a caller opened in the last hour (the creation limit, core/limits.ts): a short range scan. */
    async up(db: Kysely<any>) {
      await createIndex(db, 'case_events_by_user', 'case_events', ['by_user', 'at']);
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
      await createTable(db, 'case_numbers', (t) =>
        t
        .addColumn('community_id', 'varchar(64)', (c) => c.notNull())
        .addColumn('prefix', 'varchar(8)', (c) => c.notNull())
        .addColumn('day', 'varchar(8)', (c) => c.notNull())
        .addColumn('last', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('case_numbers_pk', ['community_id', 'prefix', 'day'])
      );
      await addColumn(db, 'cases', 'number', 'varchar(32)');
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
      await createIndex(db, 'cases_number', 'cases', ['community_id', 'number'], { unique: true });
    },
  },
  '0012_notification_pushes': {
    /**
     * Pushes outside the store (WeChat subscribe messages, the 企业微信 robot), fanned out from the outbox,
     * and the residents' subscribe accepts: one row per accept, bound to the push that used it.
     */
    async up(db: Kysely<any>) {
      const id = (n = 64) => `varchar(${n})` as const;
      await createTable(db, 'pushes', (t) =>
        t
          .addColumn('id', id(80), (c) => c.primaryKey())
          .addColumn('outbox_id', id(), (c) => c.notNull())
          .addColumn('channel', id(16), (c) => c.notNull())
          .addColumn('target', id(), (c) => c.notNull())
          .addColumn('template', id(), (c) => c.notNull())
          .addColumn('data_json', longText(db), (c) => c.notNull())
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addColumn('status', id(16), (c) => c.notNull())
          .addColumn('attempts', 'integer', (c) => c.notNull())
          .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
          .addColumn('send_key', id(80))
          .addColumn('claimed_at', 'bigint')
          .addColumn('sent_at', 'bigint')
          .addColumn('last_error', id(500)),
      );
      await createIndex(db, 'pushes_due', 'pushes', ['status', 'next_attempt_at']);
      await createIndex(db, 'pushes_by_key', 'pushes', ['send_key']);
      await createIndex(db, 'pushes_rate', 'pushes', ['channel', 'target', 'claimed_at']);
      await createTable(db, 'subscribe_grants', (t) =>
        t
          .addColumn('id', id(), (c) => c.primaryKey())
          .addColumn('user_id', id(), (c) => c.notNull())
          .addColumn('template_key', id(32), (c) => c.notNull())
          .addColumn('request_id', id(), (c) => c.notNull())
          .addColumn('granted_at', 'bigint', (c) => c.notNull())
          .addColumn('push_id', id(80)),
      );
      await createIndex(db, 'subscribe_grants_once', 'subscribe_grants', ['user_id', 'template_key', 'request_id'], { unique: true });
      await createIndex(db, 'subscribe_grants_left', 'subscribe_grants', ['user_id', 'template_key', 'push_id']);
    },
  },
  '0013_cloud_files': {
    /**
     * Photos the mini-program uploads to CloudBase storage itself and then registers (file.register):
     * the row keeps the `cloud://` id (≤ 255, core/schemas/file.ts), one row per cloud file.
     */
    async up(db: Kysely<any>) {
      // On MySQL the column takes the table's utf8mb4_bin: cloud ids compare byte for byte.
      await addColumn(db, 'files', 'cloud_id', 'varchar(255)');
      await createIndex(db, 'files_cloud_id', 'files', ['cloud_id'], { unique: true });
    },
  },
  '0015_household_rooms': {
    /**
     * The household register (setup.importHouseholds): one household per room of a community, so a
     * re-import updates by room and two imports at once cannot both create the same room. Files may now
     * be .xlsx workbooks, whose MIME type is 65 characters (SQLite does not hold a varchar to its length).
     */
    async up(db: Kysely<any>) {
      if (isMysql(db)) await db.schema.alterTable('files').modifyColumn('mime', 'varchar(100)', (c) => c.notNull()).execute();
      await createIndex(db, 'households_room', 'households', ['community_id', 'building', 'unit', 'room'], { unique: true });
    },
  },
  '0016_community_setup': {
    /**
     * Community setup: staff invitations (by phone) and former staff (deactivated: access gone, history
     * kept), the technicians' duty rota (day + shift, Asia/Shanghai), versions of the service settings
     * (effective from an instant; applied to `communities.config_json` when their time comes) and fee
     * standards (effective from a day; never edited, each save a new row).
     */
    async up(db: Kysely<any>) {
      const id = (n = 64) => `varchar(${n})` as const;
      await createTable(db, 'staff_invites', (t) =>
        t
          .addColumn('id', id(), (c) => c.primaryKey())
          .addColumn('phone', id(20), (c) => c.notNull())
          .addColumn('name', id(40), (c) => c.notNull())
          .addColumn('roles_json', id(400), (c) => c.notNull())
          .addColumn('community_ids_json', longText(db), (c) => c.notNull())
          .addColumn('status', id(16), (c) => c.notNull())
          .addColumn('created_by', id(), (c) => c.notNull())
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addColumn('expires_at', 'bigint', (c) => c.notNull())
          .addColumn('accepted_by', id())
          .addColumn('decided_at', 'bigint'),
      );
      await createIndex(db, 'staff_invites_phone', 'staff_invites', ['phone', 'status']);
      await createIndex(db, 'staff_invites_created', 'staff_invites', ['created_at']);
      await createTable(db, 'staff_former', (t) =>
        t
          .addColumn('id', id(), (c) => c.primaryKey())
          .addColumn('user_id', id(), (c) => c.notNull())
          .addColumn('community_id', id(), (c) => c.notNull())
          .addColumn('roles_json', id(400), (c) => c.notNull())
          .addColumn('deactivated_at', 'bigint', (c) => c.notNull())
          .addColumn('deactivated_by', id(), (c) => c.notNull()),
      );
      await createIndex(db, 'staff_former_community', 'staff_former', ['community_id', 'deactivated_at']);
      await createTable(db, 'duty_rota', (t) =>
        t
          .addColumn('community_id', id(), (c) => c.notNull())
          .addColumn('day', id(10), (c) => c.notNull())
          .addColumn('shift', id(8), (c) => c.notNull())
          .addColumn('user_id', id(), (c) => c.notNull())
          .addPrimaryKeyConstraint('duty_rota_pk', ['community_id', 'day', 'shift']),
      );
      await createTable(db, 'setting_versions', (t) =>
        t
          .addColumn('id', id(), (c) => c.primaryKey())
          .addColumn('community_id', id(), (c) => c.notNull())
          .addColumn('effective_at', 'bigint', (c) => c.notNull())
          .addColumn('settings_json', longText(db), (c) => c.notNull())
          .addColumn('saved_by', id(), (c) => c.notNull())
          .addColumn('saved_at', 'bigint', (c) => c.notNull())
          .addColumn('applied', 'integer', (c) => c.notNull().defaultTo(0)),
      );
      await createIndex(db, 'setting_versions_community', 'setting_versions', ['community_id', 'effective_at']);
      await createIndex(db, 'setting_versions_due', 'setting_versions', ['applied', 'effective_at']);
      await createTable(db, 'fee_standards', (t) =>
        t
          .addColumn('id', id(), (c) => c.primaryKey())
          .addColumn('community_id', id(), (c) => c.notNull())
          .addColumn('item', id(32), (c) => c.notNull())
          .addColumn('basis', id(32), (c) => c.notNull())
          .addColumn('price_fen', 'integer', (c) => c.notNull())
          .addColumn('effective_from', id(10), (c) => c.notNull())
          .addColumn('saved_by', id(), (c) => c.notNull())
          .addColumn('saved_at', 'bigint', (c) => c.notNull()),
      );
      await createIndex(db, 'fee_standards_community', 'fee_standards', ['community_id', 'item', 'effective_from']);
    },
  },
  '0017_case_events_opened_index': {
    /**
     * The creation limit's count (Tx.casesOpenedBy, core/limits.ts: `submitted` events by the caller
     * since an hour ago) read from the index alone: (by_user, type, at) holds every column the count
     * tests, so it is one range of index entries, with no row read for `type` (0010's (by_user, at)
     * index read each entry's row). Replaces 0010's index, which it covers.
     */
    async up(db: Kysely<any>) {
      await createIndex(db, 'case_events_opened', 'case_events', ['by_user', 'type', 'at']);
      await dropIndex(db, 'case_events', 'case_events_by_user');
    },
  },
  '0018_fees': feesMigration,
  '0020_complaints': {
    /**
     * Complaints (R-CMP-1..5): the state carries `complaint` (the resident's record and the steps), so
     * every row is rebuilt from its events (R-INT-4: no snapshot of the older shape is read with
     * fallbacks); `about_staff`, the staff member a complaint is about, as a column: their own queue
     * leaves it out in the query, so pages stay whole.
     */
    async up(db: Kysely<any>) {
      await addColumn(db, 'cases', 'about_staff', 'varchar(64)');
      await db.transaction().execute(async (trx) => {
        await rebuildCases(trx as unknown as Kysely<DB>, { write: true });
      });
    },
  },
  '0021_case_events_by_type': {
    /**
     * The monthly satisfaction report (report.monthly, R-SAT-3) reads the month's ratings and callbacks
     * by type and time (Tx.caseEventsBetween): one range of (type, at) per type instead of every event.
     */
    async up(db: Kysely<any>) {
      await createIndex(db, 'case_events_by_type', 'case_events', ['type', 'at']);
    },
  },
  '0022_refunds': refundsMigration,
  '0024_renovations': renovationsMigration,
};

/** The last migration: a store whose latest applied record is this one (and holds them all) is current. */
export const LATEST_MIGRATION = Object.keys(migrations).sort().at(-1)!;
export const MIGRATION_COUNT = Object.keys(migrations).length;

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Applies the migrations not yet applied (up to `upTo`, for tests of a migration; all by default). */
export async function migrate(db: Kysely<any>, upTo?: string): Promise<void> {
  // Each cold function instance opens the store: one query tells a current store (the usual case) from
  // one that needs the migrator, whose own check costs several statements (information_schema lookups,
  // the migration lock, the list of applied migrations). Kysely refuses out-of-order migrations, so the
  // latest name and the count together mean every migration is applied.
  if (!upTo && (await isCurrent(db, { latest: LATEST_MIGRATION, count: MIGRATION_COUNT }))) return;
  const migrator = new Migrator({ db, provider });
  const { error, results } = await (upTo ? migrator.migrateTo(upTo) : migrator.migrateToLatest());
  if (error) throw error instanceof Error ? error : new Error(String(error));
  for (const r of results ?? []) if (r.status === 'Error') throw new Error(`migration ${r.migrationName} failed`);
}

