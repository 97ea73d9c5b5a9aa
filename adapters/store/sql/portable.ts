import { type CreateTableBuilder, type Kysely, MysqlAdapter, sql } from 'kysely';
import type { Dialect } from './sqlTx';

/**
 * Schema steps that run the same on SQLite and MySQL/MariaDB and may run again: a migration that
 * stopped half way (MySQL commits each DDL statement on its own, so a crash leaves some of it done)
 * finishes on the next start instead of failing on what already exists.
 */
/**
 * MySQL/MariaDB or SQLite, the two dialects the store runs on: they differ in RETURNING. Not an
 * `instanceof MysqlAdapter`: in a cloud-function bundle the migrations are their own file (loaded only
 * when the store is behind, scripts/bundle-functions.ts) with their own copy of Kysely's classes.
 */
export const isMysql = (db: Kysely<any>): boolean => db.getExecutor().adapter instanceof MysqlAdapter || db.getExecutor().adapter.supportsReturning === false;

/** How sqlTx spells dialect differences for this database. */
export const dialectOf = (db: Kysely<any>): Dialect => ({ insertIgnore: isMysql(db) ? 'ignore' : 'or ignore' });

/** JSON and long text: SQLite's `text` is unbounded, MySQL's holds 64 KB; `mediumtext` holds 16 MB. */
export const longText = (db: Kysely<any>) => (isMysql(db) ? sql`mediumtext` : ('text' as const));

/**
 * A table, unless it exists. On MySQL: InnoDB, utf8mb4 with the binary collation, so ids and OPENIDs
 * compare byte for byte (the default collation is case-insensitive: `oA` and `oa` would be one user).
 */
export async function createTable(db: Kysely<any>, name: string, build: (t: CreateTableBuilder<string, never>) => CreateTableBuilder<string, any>) {
  let t = build(db.schema.createTable(name).ifNotExists());
  if (isMysql(db)) t = t.modifyEnd(sql`engine=InnoDB default charset=utf8mb4 collate=utf8mb4_bin`);
  await t.execute();
}

export async function hasIndex(db: Kysely<any>, table: string, name: string): Promise<boolean> {
  const rows = isMysql(db)
    ? await sql`select 1 from information_schema.statistics where table_schema = database() and table_name = ${table} and index_name = ${name} limit 1`.execute(db)
    : await sql`select 1 from sqlite_master where type = 'index' and name = ${name} and tbl_name = ${table}`.execute(db);
  return rows.rows.length > 0;
}

export async function hasColumn(db: Kysely<any>, table: string, column: string): Promise<boolean> {
  const rows = isMysql(db)
    ? await sql`select 1 from information_schema.columns where table_schema = database() and table_name = ${table} and column_name = ${column} limit 1`.execute(db)
    : await sql`select 1 from pragma_table_info(${table}) where name = ${column}`.execute(db);
  return rows.rows.length > 0;
}

export async function createIndex(db: Kysely<any>, name: string, table: string, columns: string[], opts: { unique?: boolean } = {}) {
  if (await hasIndex(db, table, name)) return;
  let q = db.schema.createIndex(name).on(table).columns(columns);
  if (opts.unique) q = q.unique();
  await q.execute();
}

/** SQLite names indexes per database (`drop index x`); MySQL/MariaDB per table (`drop index x on t`). */
export async function dropIndex(db: Kysely<any>, table: string, name: string) {
  if (!(await hasIndex(db, table, name))) return;
  await (isMysql(db) ? db.schema.dropIndex(name).on(table) : db.schema.dropIndex(name)).execute();
}

export async function addColumn(db: Kysely<any>, table: string, column: string, type: Parameters<ReturnType<Kysely<any>['schema']['alterTable']>['addColumn']>[1], build?: Parameters<ReturnType<Kysely<any>['schema']['alterTable']>['addColumn']>[2]) {
  if (await hasColumn(db, table, column)) return;
  await db.schema.alterTable(table).addColumn(column, type, build).execute();
}
