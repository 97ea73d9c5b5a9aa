import { openSqliteStore } from '../../adapters/store/sqlite';
import type { Deps } from '../ports/runtime';
import type { Store } from '../ports/store';
import { dispatch } from './dispatch';
import { uniqueViolation } from './storeErrors';

/** Errors shaped as the drivers raise them. */
const sqliteUnique = (what: string) => Object.assign(new Error(`UNIQUE constraint failed: ${what}`), { code: 'SQLITE_CONSTRAINT_PRIMARYKEY' });
const mysqlDuplicate = (value: string, key: string) => Object.assign(new Error(`Duplicate entry '${value}' for key '${key}'`), { code: 'ER_DUP_ENTRY', errno: 1062 });

async function setup(failures: Error[]) {
  const real = await openSqliteStore(':memory:');
  let attempts = 0;
  // The first attempts fail as scripted; later ones reach the real store.
  const store: Store = {
    transaction: (fn) => (attempts++ < failures.length ? Promise.reject(failures[attempts - 1]) : real.transaction(fn)),
    dueWork: (probe) => real.dueWork(probe),
    close: () => real.close(),
  };
  const logs: { level: string; obj: Record<string, unknown>; msg?: string }[] = [];
  const log = {
    info: (obj: object, msg?: string) => logs.push({ level: 'info', obj: obj as Record<string, unknown>, msg }),
    warn: (obj: object, msg?: string) => logs.push({ level: 'warn', obj: obj as Record<string, unknown>, msg }),
    error: (obj: object, msg?: string) => logs.push({ level: 'error', obj: obj as Record<string, unknown>, msg }),
  };
  let n = 0;
  const deps: Deps = { store, clock: { now: () => Date.parse('2026-11-24T10:00:00+08:00') }, ids: { next: (p) => `${p}_${++n}` }, hash: (t) => t, log };
  return { deps, logs, attempts: () => attempts, close: () => real.close() };
}

describe('item 3: a unique violation is classified, never a silent INTERNAL', () => {
  it('item 3: a violation that a fresh attempt does not repeat was a lost race: retried once and answered', async () => {
    const s = await setup([sqliteUnique('users.openid')]);
    const out = await dispatch(s.deps, 'account', { action: 'me' }, { openid: 'o_new_user' });
    expect([out.ok, s.attempts()]).toEqual([true, 2]);
    expect(s.logs.map((l) => [l.level, l.obj.kind, l.obj.constraint])).toEqual([['warn', 'unique_violation', 'users.openid']]);
    await s.close();
  });

  it('item 3: the same violation on the fresh attempt is input the use case let through: INTERNAL, logged as unique_violation with its constraint', async () => {
    const s = await setup([sqliteUnique('case_files.file_id, case_files.case_id'), sqliteUnique('case_files.file_id, case_files.case_id')]);
    // Not a creating action: before, only creating actions were retried and the rest logged as a generic failure.
    const out = await dispatch(s.deps, 'message', { action: 'read', ids: 'all' }, { openid: 'o_new_user' });
    expect(out).toEqual({ ok: false, error: { code: 'INTERNAL', message: '很抱歉，系统繁忙，请稍后再试' } });
    expect(s.attempts()).toBe(2);
    expect(s.logs.map((l) => [l.level, l.obj.kind, l.obj.constraint])).toEqual([
      ['warn', 'unique_violation', 'case_files.file_id, case_files.case_id'],
      ['error', 'unique_violation', 'case_files.file_id, case_files.case_id'],
    ]);
    await s.close();
  });

  it('item 3: a MySQL duplicate is classified by its key, and the duplicate value (a phone here) never reaches the log', async () => {
    const dup = mysqlDuplicate('13800001101', 'bindings.PRIMARY');
    const s = await setup([dup, dup]);
    const out = await dispatch(s.deps, 'message', { action: 'read', ids: 'all' }, { openid: 'o_new_user' });
    expect(out.ok ? 'ok' : out.error.code).toBe('INTERNAL');
    expect(s.logs.map((l) => l.obj.constraint)).toEqual(['bindings.PRIMARY', 'bindings.PRIMARY']);
    expect(JSON.stringify(s.logs)).not.toContain('13800001101');
    await s.close();
  });

  it('item 3: other failures are not retried', async () => {
    const s = await setup([new Error('disk I/O error')]);
    const out = await dispatch(s.deps, 'message', { action: 'read', ids: 'all' }, { openid: 'o_new_user' });
    expect([out.ok ? 'ok' : out.error.code, s.attempts()]).toEqual(['INTERNAL', 1]);
    expect(s.logs.map((l) => [l.level, l.msg])).toEqual([['error', 'function failed']]);
    await s.close();
  });

  it('item 3: uniqueViolation tells the drivers\' duplicate errors from everything else', () => {
    expect(uniqueViolation(sqliteUnique('idempotency.key'))).toEqual({ constraint: 'idempotency.key' });
    expect(uniqueViolation(Object.assign(new Error('UNIQUE constraint failed: idempotency.key'), {}))).toEqual({ constraint: 'idempotency.key' });
    expect(uniqueViolation(mysqlDuplicate('x', 'PRIMARY'))).toEqual({ constraint: 'PRIMARY' });
    expect(uniqueViolation(Object.assign(new Error('dup'), { code: 'ER_DUP_ENTRY' }))).toEqual({ constraint: 'ER_DUP_ENTRY' });
    expect(uniqueViolation(new Error('NOT NULL constraint failed: cases.owner'))).toBeNull();
    expect(uniqueViolation(new Error('the primary key of my heart'))).toBeNull();
    expect(uniqueViolation('UNIQUE constraint failed: x')).toBeNull();
    // better-sqlite3's SqliteError is a function constructor chained to Error.prototype of the realm that
    // loaded the driver first: in another realm it is no `instanceof Error`, and still a duplicate.
    const { runInNewContext } = require('node:vm') as typeof import('node:vm');
    const foreign = runInNewContext(`(() => { function SqliteError(m, c) { this.message = m; this.code = c; } SqliteError.prototype = Object.create(Error.prototype); return new SqliteError('UNIQUE constraint failed: receipts.seq', 'SQLITE_CONSTRAINT_UNIQUE'); })()`);
    expect(foreign instanceof Error).toBe(false);
    expect(uniqueViolation(foreign)).toEqual({ constraint: 'receipts.seq' });
  });
});
