import type Database from 'better-sqlite3';
import { CompiledQuery, type Kysely } from 'kysely';

export interface GroupCommitOptions {
  /** The most transactions one commit carries. */
  maxBatch?: number;
  /**
   * A batch takes no further transaction once it has been open this long (ms): one slow unit of work
   * does not keep the answers of those before it waiting.
   */
  maxOpenMs?: number;
}

// Written out once: building even a raw query costs more than SQLite takes to run these.
const BEGIN = CompiledQuery.raw('begin immediate');
const COMMIT = CompiledQuery.raw('commit');
const ROLLBACK = CompiledQuery.raw('rollback');
const SAVEPOINT = CompiledQuery.raw('savepoint grp');
const RELEASE = CompiledQuery.raw('release savepoint grp');
const ROLLBACK_TO = CompiledQuery.raw('rollback to savepoint grp');

interface Job {
  run: (conn: Kysely<never>) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

/**
 * Group commit for the embedded store. Under WAL with synchronous=FULL every COMMIT is an fsync, and
 * better-sqlite3 waits for it on the one thread: when many requests write at once, they would queue
 * behind one fsync each. Here the transactions that are waiting when the connection comes free run
 * one after another inside ONE write transaction (BEGIN IMMEDIATE … COMMIT), each in its own savepoint,
 * and share that COMMIT's fsync.
 *
 * What each caller sees is what a transaction of its own would give:
 * - its promise settles only after the COMMIT that made its work durable (nothing is answered before
 *   it is on disk; a crash before the COMMIT loses only unanswered work, which a retry with the same
 *   requestId redoes once);
 * - when its work throws, its savepoint is rolled back and released: what it wrote is undone, the
 *   others' work stays, and it gets its own error;
 * - the units run in the order they asked, one at a time, each seeing the ones before it (serial order);
 * - if SQLite abandons the whole transaction (an I/O error, a full disk), the units that had succeeded
 *   in it run again in the next batch (a transaction's work is re-runnable: MySQL's deadlock retry
 *   relies on that too); if the COMMIT itself fails, all of them get that error.
 *
 * A batch is formed by waiting one turn of the event loop (setImmediate) before taking the connection:
 * the requests whose bytes arrived in the same poll phase have all reached their transaction by then.
 * With one waiting transaction nothing is added: BEGIN, its statements, COMMIT, no savepoint (a lone
 * transaction sends what it always sent). The first unit of a batch runs without a savepoint for the
 * same reason; when it throws, the batch is rolled back (it held nothing else) and the next one begins.
 */
export function groupCommit<DB>(db: Kysely<DB>, raw: Database.Database, opts: GroupCommitOptions = {}) {
  const maxBatch = Math.max(1, opts.maxBatch ?? 64);
  const maxOpenMs = Math.max(0, opts.maxOpenMs ?? 25);
  const queue: Job[] = [];
  let draining = false;

  async function batch(conn: Kysely<DB>) {
    const started = performance.now();
    const done: { job: Job; value: unknown }[] = [];
    try {
      await conn.executeQuery(BEGIN);
    } catch (e) {
      // The write lock stayed with another process past busy_timeout: this one fails as it would alone.
      queue.shift()!.reject(e);
      return;
    }
    while (queue.length && done.length < maxBatch && (done.length === 0 || performance.now() - started < maxOpenMs)) {
      const job = queue.shift()!;
      const first = done.length === 0;
      try {
        if (!first) await conn.executeQuery(SAVEPOINT);
        const value = await job.run(conn as unknown as Kysely<never>);
        if (!first) await conn.executeQuery(RELEASE);
        done.push({ job, value });
      } catch (e) {
        if (first) {
          await conn.executeQuery(ROLLBACK).catch(() => undefined);
          job.reject(e);
          return;
        }
        if (raw.inTransaction) {
          await conn.executeQuery(ROLLBACK_TO).catch(() => undefined);
          await conn.executeQuery(RELEASE).catch(() => undefined);
        }
        job.reject(e);
        if (!raw.inTransaction) {
          // SQLite gave the whole transaction up: the work of the units before this one is gone too.
          queue.unshift(...done.map((d) => d.job));
          return;
        }
      }
    }
    try {
      await conn.executeQuery(COMMIT);
    } catch (e) {
      if (raw.inTransaction) await conn.executeQuery(ROLLBACK).catch(() => undefined);
      for (const d of done) d.job.reject(e);
      return;
    }
    for (const d of done) d.job.resolve(d.value);
  }

  async function drain() {
    try {
      while (queue.length) await db.connection().execute(batch);
    } catch (e) {
      // The connection itself failed (closed store): nothing queued can run.
      for (const job of queue.splice(0)) job.reject(e);
    } finally {
      draining = false;
    }
  }

  return function transaction<T>(fn: (conn: Kysely<DB>) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      queue.push({ run: fn as unknown as Job['run'], resolve: resolve as Job['resolve'], reject });
      if (!draining) {
        draining = true;
        setImmediate(() => void drain());
      }
    });
  };
}
