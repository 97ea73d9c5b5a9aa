import Database from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect, WithSchemaPlugin, sql, type CompiledQuery } from 'kysely';
import { prepared } from './prepared';

interface T {
  notes: { id: string; body: string | null; n: number; user_id: string | null };
}

let raw: Database.Database;
let db: Kysely<T>;
const sent: CompiledQuery[] = [];
beforeEach(async () => {
  raw = new Database(':memory:');
  sent.length = 0;
  db = new Kysely<T>({ dialect: new SqliteDialect({ database: raw }), log: (e) => void sent.push(e.query) });
  await sql`create table notes (id text primary key, body text, n integer not null, user_id text)`.execute(db);
  sent.length = 0;
});
afterEach(() => db.destroy());

const plain = (q: CompiledQuery) => ({ sql: q.sql, parameters: [...q.parameters] });

describe('prepared queries', () => {
  it('builds and compiles a shape once, then runs its SQL with each call’s own values (the same SQL and parameters as the builder)', async () => {
    let builds = 0;
    const build = (d: Kysely<T>, v: { rows: T['notes'][] }) => {
      builds++;
      return d.insertInto('notes').values(v.rows);
    };
    const insert = prepared(build);
    const a = { rows: [{ id: 'a', body: 'x', n: 1, user_id: null }] };
    const b = { rows: [{ id: 'b', body: '是', n: 2, user_id: null }] };
    await insert.run(db, a);
    await insert.run(db, b);
    expect(builds).toBe(1);
    // The builder given the real values (builds 2 and 3) sends exactly what the cached plan sent.
    expect(sent.map(plain)).toEqual([plain(build(db, a).compile()), plain(build(db, b).compile())]);
    expect(raw.prepare('select id, body, n from notes order by id').all()).toEqual([
      { id: 'a', body: 'x', n: 1 },
      { id: 'b', body: '是', n: 2 },
    ]);
  });

  it('keeps one entry per shape: row counts, keys, and null/undefined/booleans, which change the SQL text', async () => {
    const insert = prepared((d: Kysely<T>, rows: Partial<T['notes']>[]) => d.insertInto('notes').values(rows as T['notes'][]));
    await insert.run(db, [{ id: '1', n: 1 }]);
    await insert.run(db, [{ id: '2', n: 1 }]);
    await insert.run(db, [{ id: '3', n: 1 }, { id: '4', n: 2 }]);
    // An undefined value leaves its column out (Kysely's rule), a different text.
    await insert.run(db, [{ id: '5', body: undefined, n: 1 }]);
    await insert.run(db, [{ id: '6', body: 'b', n: 1 }]);
    expect(insert.shapes(db)).toBe(4);
    expect(sent.map((q) => q.sql)).toEqual([
      'insert into "notes" ("id", "n") values (?, ?)',
      'insert into "notes" ("id", "n") values (?, ?)',
      'insert into "notes" ("id", "n") values (?, ?), (?, ?)',
      'insert into "notes" ("id", "n") values (?, ?)',
      'insert into "notes" ("id", "body", "n") values (?, ?, ?)',
    ]);

    // `is null` is written into the text, `= ?` takes a parameter: null is part of the shape.
    const byUser = prepared((d: Kysely<T>, v: { user: string | null; lock: boolean }) => {
      const q = d.selectFrom('notes').select('id').where('user_id', v.user === null ? 'is' : '=', v.user);
      return v.lock ? q.limit(1) : q;
    });
    await byUser.run(db, { user: null, lock: false });
    await byUser.run(db, { user: 'u1', lock: false });
    await byUser.run(db, { user: 'u1', lock: true });
    expect(sent.slice(5).map(plain)).toEqual([
      { sql: 'select "id" from "notes" where "user_id" is null', parameters: [] },
      { sql: 'select "id" from "notes" where "user_id" = ?', parameters: ['u1'] },
      { sql: 'select "id" from "notes" where "user_id" = ? limit ?', parameters: ['u1', 1] },
    ]);
  });

  it('keeps at most `max` shapes per database, the oldest going first', async () => {
    const q = prepared((d: Kysely<T>, ids: string[]) => d.selectFrom('notes').select('id').where('id', 'in', ids), 2);
    await q.run(db, ['a']);
    await q.run(db, ['a', 'b']);
    await q.run(db, ['a', 'b', 'c']);
    expect(q.shapes(db)).toBe(2);
    // Evicted and built again: still right.
    expect((await q.run(db, ['x'])).rows).toEqual([]);
    expect(sent.at(-1)!.sql).toBe('select "id" from "notes" where "id" in (?)');
  });

  it('refuses a builder that reads a value instead of placing it (the cached text would be wrong for the next one)', async () => {
    const raw = prepared((d: Kysely<T>, v: { table: string }) => d.selectFrom(sql.raw(v.table).as('t') as never).selectAll());
    expect(() => raw.compiled(db, { table: 'notes' })).toThrow(/is a parameter/);
    const branch = prepared((d: Kysely<T>, v: { n: number }) => d.selectFrom('notes').select('id').limit(v.n > 3 ? 3 : 1));
    expect(() => branch.compiled(db, { n: 5 })).toThrow(/is a parameter/);
    const dropped = prepared((d: Kysely<T>, v: { id: string; kind: string }) => d.selectFrom('notes').select('id').where('id', '=', v.kind === 'x' ? 'x' : v.id));
    expect(() => dropped.compiled(db, { id: 'a', kind: 'x' })).toThrow(/not a parameter/);
    const expr = prepared((d: Kysely<T>, v: { n: unknown }) => d.selectFrom('notes').select('id').where('n', '=', v.n as number));
    expect(() => expr.compiled(db, { n: sql`1` })).toThrow(/expression among the values/);
    // The shape (plain data, part of the key) is where what changes the text goes.
    const ok = prepared((d: Kysely<T>, v: { id: string }, table: 'notes') => d.selectFrom(table).select('id').where('id', '=', v.id));
    expect(plain(ok.compiled(db, { id: 'a' }, 'notes'))).toEqual({ sql: 'select "id" from "notes" where "id" = ?', parameters: ['a'] });
  });

  it('applies the plugins of the database it runs on: their query transforms (cached per set of plugins) and result transforms', async () => {
    await sql`attach ':memory:' as s`.execute(db);
    await sql`create table s.notes (id text primary key, body text, n integer not null, user_id text)`.execute(db);
    await sql`insert into s.notes values ('k', 'in s', 7, 'u9')`.execute(db);
    await sql`insert into main.notes values ('k', 'in main', 1, 'u1')`.execute(db);
    sent.length = 0;
    const get = prepared((d: Kysely<any>, v: { id: string }) => d.selectFrom('notes').select(['body', 'user_id']).where('id', '=', v.id));
    // Same dialect adapter, three sets of plugins: each its own text.
    expect((await get.run(db, { id: 'k' })).rows).toEqual([{ body: 'in main', user_id: 'u1' }]);
    expect((await get.run(db.withPlugin(new WithSchemaPlugin('s')), { id: 'k' })).rows).toEqual([{ body: 'in s', user_id: 'u9' }]);
    expect((await get.run(db.withPlugin(new CamelCasePlugin()), { id: 'k' })).rows).toEqual([{ body: 'in main', userId: 'u1' }]);
    expect((await get.run(db, { id: 'k' })).rows).toEqual([{ body: 'in main', user_id: 'u1' }]);
    expect(sent.map((q) => q.sql)).toEqual([
      'select "body", "user_id" from "notes" where "id" = ?',
      'select "body", "user_id" from "s"."notes" where "id" = ?',
      'select "body", "user_id" from "notes" where "id" = ?',
      'select "body", "user_id" from "notes" where "id" = ?',
    ]);
    expect(get.shapes(db)).toBe(3);
  });
});
