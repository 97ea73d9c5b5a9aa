import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { type Kysely, sql } from 'kysely';
import type { DB } from './sql/schema';
import { StatementLog } from './sql/statementLog';
import { openSqliteStore } from './sqlite';
import { groupCommit, type GroupCommitOptions } from './sqliteGroupCommit';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** A store file with a table of notes (and a deferred foreign key, to make a COMMIT fail), logged. */
async function setup(opts?: GroupCommitOptions) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wuye-group-'));
  dirs.push(dir);
  const file = path.join(dir, 'g.sqlite');
  const log = new StatementLog();
  const events: string[] = [];
  const store = await openSqliteStore(file, {
    onStatement: (e) => {
      log.hook(e);
      if (/^\s*commit/i.test(e.query.sql)) events.push('COMMIT');
    },
  });
  store.raw.exec(`create table parents (id text primary key);
    create table notes (id text primary key, parent text references parents(id) deferrable initially deferred)`);
  const write = groupCommit(store.db, store.raw, opts);
  log.clear(); // the migrations' own transactions
  events.length = 0;
  const insert = (conn: Kysely<DB>, id: string, parent: string | null = null) => sql`insert into notes (id, parent) values (${id}, ${parent})`.execute(conn);
  /** What is on disk, read by another connection: only what was committed. */
  const onDisk = () => {
    const other = new Database(file, { readonly: true });
    try {
      return (other.prepare('select id from notes order by id').all() as { id: string }[]).map((r) => r.id);
    } finally {
      other.close();
    }
  };
  return { store, write, insert, onDisk, log, events, close: () => store.close() };
}

describe('SQLite group commit', () => {
  it('[R-INT-7] transactions asked for at once share one durable COMMIT, and each caller hears only after it', async () => {
    const g = await setup();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        g
          .write(async (conn) => {
            await g.insert(conn, `n${String(i).padStart(2, '0')}`);
            return i * 10;
          })
          .then((v) => {
            g.events.push(`answer ${v}`);
            return v;
          }),
      ),
    );
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i * 10));
    // One transaction: BEGIN, the first unit without a savepoint, 19 units each in their own, COMMIT.
    expect(g.log.transactions).toHaveLength(1);
    expect(g.events[0]).toBe('COMMIT');
    expect(g.events.filter((e) => e.startsWith('answer'))).toHaveLength(20);
    expect(g.onDisk()).toHaveLength(20);
    await g.close();
  });

  it('a lone transaction sends what it always sent: BEGIN, its statements, COMMIT (no savepoint)', async () => {
    const g = await setup();
    await g.write((conn) => g.insert(conn, 'alone'));
    expect(g.log.transactions).toEqual([[expect.stringMatching(/^begin immediate$/i), expect.stringMatching(/^insert into notes/), expect.stringMatching(/^commit$/i)]]);
    await g.close();
  });

  it('a unit that throws has its own writes undone and its own error; the others in the batch commit', async () => {
    const g = await setup();
    const outcomes = await Promise.allSettled([
      g.write((conn) => g.insert(conn, 'a')),
      g.write(async (conn) => {
        await g.insert(conn, 'b');
        throw new Error('b refused');
      }),
      g.write((conn) => g.insert(conn, 'c')),
      g.write(async (conn) => {
        await g.insert(conn, 'a'); // a unique violation against the first unit's row
        return 'never';
      }),
      g.write((conn) => g.insert(conn, 'd')),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled']);
    expect(String((outcomes[1] as PromiseRejectedResult).reason)).toContain('b refused');
    expect(String((outcomes[3] as PromiseRejectedResult).reason)).toMatch(/UNIQUE/);
    expect(g.onDisk()).toEqual(['a', 'c', 'd']);
    expect(g.log.transactions).toHaveLength(1);
    await g.close();
  });

  it('when the first unit throws, the batch is rolled back (it held nothing else) and the rest commit in the next', async () => {
    const g = await setup();
    const outcomes = await Promise.allSettled([
      g.write(async (conn) => {
        await g.insert(conn, 'first');
        throw new Error('first refused');
      }),
      g.write((conn) => g.insert(conn, 'second')),
      g.write((conn) => g.insert(conn, 'third')),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    expect(g.onDisk()).toEqual(['second', 'third']);
    expect(g.log.transactions.map((t) => t[t.length - 1].toLowerCase())).toEqual(['rollback', 'commit']);
    await g.close();
  });

  it('when the COMMIT fails, every unit of the batch gets the error and nothing of theirs is on disk', async () => {
    const g = await setup();
    const outcomes = await Promise.allSettled([
      g.write((conn) => g.insert(conn, 'good')),
      // The deferred foreign key is checked at COMMIT only: the statement passes, the COMMIT fails.
      g.write((conn) => g.insert(conn, 'orphan', 'no-such-parent')),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    expect(String((outcomes[0] as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/);
    expect(g.onDisk()).toEqual([]);
    expect(g.store.raw.inTransaction).toBe(false);
    // The store goes on: the next transaction commits.
    await g.write((conn) => g.insert(conn, 'after'));
    expect(g.onDisk()).toEqual(['after']);
    await g.close();
  });

  it('when SQLite abandons the whole transaction, the units that had succeeded in it run again, once each', async () => {
    const g = await setup();
    const runs: Record<string, number> = { a: 0, c: 0 };
    const outcomes = await Promise.allSettled([
      g.write(async (conn) => {
        runs.a++;
        await g.insert(conn, 'a');
        return 'a done';
      }),
      g.write(async (conn) => {
        // What an I/O error or a full disk does: SQLite rolls the whole transaction back.
        await sql`rollback`.execute(conn);
        throw new Error('disk gave up');
      }),
      g.write(async (conn) => {
        runs.c++;
        await g.insert(conn, 'c');
        return 'c done';
      }),
    ]);
    expect(outcomes).toEqual([
      { status: 'fulfilled', value: 'a done' },
      { status: 'rejected', reason: expect.objectContaining({ message: 'disk gave up' }) },
      { status: 'fulfilled', value: 'c done' },
    ]);
    expect(runs).toEqual({ a: 2, c: 1 });
    expect(g.onDisk()).toEqual(['a', 'c']);
    await g.close();
  });

  it('a batch takes at most maxBatch units; the rest follow in the next commits', async () => {
    const g = await setup({ maxBatch: 4 });
    await Promise.all(Array.from({ length: 10 }, (_, i) => g.write((conn) => g.insert(conn, `m${i}`))));
    expect(g.log.transactions.map((t) => t.filter((s) => /^insert/i.test(s)).length)).toEqual([4, 4, 2]);
    expect(g.onDisk()).toHaveLength(10);
    await g.close();
  });

  it('work asked for while a batch runs (a unit asking for the next) is not lost: it runs after that commit', async () => {
    const g = await setup();
    const order: string[] = [];
    let inner: Promise<unknown> | undefined;
    await g.write(async (conn) => {
      await g.insert(conn, 'outer');
      // Not awaited inside (that would wait for its own commit): asked for, then the outer one returns.
      inner = g.write((c) => g.insert(c, 'inner')).then(() => order.push('inner'));
      return null;
    });
    order.push('outer');
    await inner;
    expect(order).toEqual(['outer', 'inner']);
    expect(g.onDisk()).toEqual(['inner', 'outer']);
    await g.close();
  });
});
