import { type Compilable, type Kysely, type RawBuilder, sql } from 'kysely';
import type { CaseOpeningRow, IdentityRow } from '../../../core/ports/store';
import { toBinding, toCommunity, toFile, toHousehold, toReply, toStaff, toUser } from './rows';
import type { DB } from './schema';
import { prepared } from './prepared';

/**
 * Reads that gather what one call needs in ONE statement: over a network each statement is a round
 * trip, and a submission used to cost ten reads. Related rows come back as JSON arrays built by a
 * correlated scalar subquery (`json_group_array` on SQLite, `json_arrayagg` on MySQL/MariaDB; no derived
 * table, which MariaDB cannot correlate). SQL promises no order inside the aggregate: rows are sorted here.
 */

export type Aggregate = 'json_group_array' | 'json_arrayagg';
export const jsonAggregateOf = (insertIgnore: 'or ignore' | 'ignore'): Aggregate => (insertIgnore === 'or ignore' ? 'json_group_array' : 'json_arrayagg');

/** `coalesce(<agg>(json_object('c1', t.c1, …)), '[]')` over the rows of table alias `t` (a column `x.c` is taken from alias `x`). */
function jsonRows(agg: Aggregate, t: string, columns: readonly string[]): RawBuilder<string> {
  const args = sql.join(columns.flatMap((c) => (c.includes('.') ? [sql.lit(c.split('.')[1]), sql.ref(c)] : [sql.lit(c), sql.ref(`${t}.${c}`)])));
  return sql<string>`coalesce(${sql.raw(agg)}(json_object(${args})), '[]')`;
}

/** A JSON array column: text on SQLite and MariaDB, already parsed on MySQL (its JSON type). */
function parsed<T>(v: unknown): T[] {
  if (v === null || v === undefined) return [];
  return (typeof v === 'string' ? JSON.parse(v) : v) as T[];
}

const STAFF = ['user_id', 'community_id', 'role', 'on_duty'] as const;
const BINDING = ['id', 'user_id', 'household_id', 'community_id', 'name', 'phone', 'relation', 'status', 'phone_check', 'created_at', 'decided_at', 'decided_by', 'reason'] as const;
const FILE = ['id', 'owner_id', 'mime', 'size', 'created_at', 'cloud_id'] as const;

const newestFirst = (a: { createdAt: number }, b: { createdAt: number }) => b.createdAt - a.createdAt;
const byUser = (a: { userId: string }, b: { userId: string }) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0);

type IdentityDbRow = DB['users'] & { staff_json: string; bindings_json: string; reply_key?: string | null; reply_hash?: string | null; reply_json?: string | null; reply_at?: number | null };

/**
 * The user by OPENID with their staff roles and binding requests, and (given a key suffix) the stored
 * reply keyed `<user id><suffix>`. Compiled once per dialect and shape (prepared.ts).
 */
export const identityQuery = prepared((db: Kysely<DB>, v: { openid: string; replyKeySuffix: string | undefined; lock: boolean }, agg: Aggregate): Compilable<IdentityDbRow> => {
  const staff = sql<string>`(select ${jsonRows(agg, 's', STAFF)} from staff s where s.user_id = users.id)`;
  const bindings = sql<string>`(select ${jsonRows(agg, 'b', BINDING)} from bindings b where b.user_id = users.id)`;
  // `lock` (MySQL/MariaDB): FOR UPDATE holds the user row (and the joined reply row, if any) to the end.
  const base = db
    .selectFrom('users')
    .select(['users.id', 'users.openid', 'users.name', 'users.phone', 'users.created_at', staff.as('staff_json'), bindings.as('bindings_json')])
    .where('users.openid', '=', v.openid);
  const q = v.lock ? base.forUpdate() : base;
  if (v.replyKeySuffix === undefined) return q;
  // Keyed `<user id><suffix>`: concat() is spelled alike on SQLite (≥ 3.44) and MySQL/MariaDB; the key is the primary key.
  const key = sql<string>`concat(users.id, ${v.replyKeySuffix})`;
  return q
    .leftJoin('idempotency', (j) => j.on('idempotency.key', '=', key))
    .select(['idempotency.key as reply_key', 'idempotency.body_hash as reply_hash', 'idempotency.result_json as reply_json', 'idempotency.created_at as reply_at']);
});

/** Tx.identity: the user with their staff roles, binding requests and (given a key suffix) stored reply. */
export async function identityRead(db: Kysely<DB>, agg: Aggregate, openid: string, replyKeySuffix?: string, lock = false): Promise<IdentityRow | undefined> {
  const r = (await identityQuery.run(db, { openid, replyKeySuffix, lock }, agg)).rows[0];
  if (!r) return undefined;
  const reply = r.reply_key ? toReply({ key: r.reply_key, body_hash: r.reply_hash!, result_json: r.reply_json!, created_at: r.reply_at! }) : undefined;
  return {
    user: toUser(r),
    staff: parsed<DB['staff']>(r.staff_json).map(toStaff).sort(byUser),
    bindings: parsed<DB['bindings']>(r.bindings_json).map(toBinding).sort(newestFirst),
    ...(reply ? { reply } : {}),
  };
}

export type OpeningValues = { householdId: string; openedBy: string; since: number; cap: number; files: string[]; bindings: boolean; duty: { day: string; shift: string } | undefined };

/** The household, its community and staff, the opener's recent count, the files and bindings asked for (compiled once per shape). */
export const caseOpeningQuery = prepared((db: Kysely<DB>, q: OpeningValues, agg: Aggregate) => {
  const staff = sql<string>`(select ${jsonRows(agg, 's', [...STAFF, 'u.name'])} from staff s left join users u on u.id = s.user_id where s.community_id = h.community_id)`;
  // The creation limit's count (Tx.casesOpenedBy): at most `cap` index entries read.
  const opened = sql<number>`(select count(*) from (select e.case_id from case_events e where e.by_user = ${q.openedBy} and e.at >= ${q.since} and e.type = 'submitted' limit ${q.cap}) o)`;
  const files = q.files.length
    ? sql<string>`(select ${jsonRows(agg, 'f', FILE)} from files f where f.id in (${sql.join(q.files)}))`
    : sql<string>`'[]'`;
  const bindings = q.bindings ? sql<string>`(select ${jsonRows(agg, 'b', BINDING)} from bindings b where b.household_id = h.id and b.status = 'approved')` : sql<string>`'[]'`;
  // The duty rota's technician for the shift (R-REP-3), only while still a technician of the community.
  const rota = q.duty
    ? sql<string | null>`(select r.user_id from duty_rota r where r.community_id = h.community_id and r.day = ${q.duty.day} and r.shift = ${q.duty.shift} and exists (select 1 from staff t where t.user_id = r.user_id and t.community_id = r.community_id and t.role = 'technician'))`
    : sql<string | null>`null`;
  return db
    .selectFrom('households as h')
    .leftJoin('communities as c', 'c.id', 'h.community_id')
    .selectAll('h')
    .select(['c.id as c_id', 'c.name as c_name', 'c.time_zone as c_time_zone', 'c.config_json as c_config_json'])
    .select([staff.as('staff_json'), opened.as('opened'), files.as('files_json'), bindings.as('bindings_json'), rota.as('rota_user')])
    .where('h.id', '=', q.householdId);
});

/** Tx.caseOpening: the household, its community and staff, the opener's recent count, the files and bindings asked for. */
export async function caseOpeningRead(
  db: Kysely<DB>,
  agg: Aggregate,
  householdId: string,
  q: { openedBy: string; since: number; cap: number; files: string[]; bindings: boolean; duty?: { day: string; shift: string } },
): Promise<CaseOpeningRow | undefined> {
  // Only the fields the query takes (prepared.ts: every value is a parameter).
  const values: OpeningValues = {
    householdId,
    openedBy: q.openedBy,
    since: q.since,
    cap: q.cap,
    files: q.files,
    bindings: q.bindings,
    duty: q.duty && { day: q.duty.day, shift: q.duty.shift },
  };
  const r = (await caseOpeningQuery.run(db, values, agg)).rows[0];
  if (!r) return undefined;
  const community = r.c_id === null ? undefined : { id: r.c_id, name: r.c_name!, time_zone: r.c_time_zone!, config_json: r.c_config_json! };
  return {
    household: toHousehold(r),
    // Parsed when asked: a community whose settings do not parse fails the call where reading it did before.
    community: () => community && toCommunity(community),
    staff: parsed<DB['staff'] & { name: string | null }>(r.staff_json)
      .map((s) => ({ ...toStaff(s), name: s.name }))
      .sort(byUser),
    opened: Number(r.opened),
    files: parsed<DB['files']>(r.files_json).map(toFile),
    bindings: parsed<DB['bindings']>(r.bindings_json).map(toBinding).sort(newestFirst),
    rotaTechnician: r.rota_user ?? null,
  };
}
