import {
  DummyDriver,
  Kysely,
  MysqlAdapter,
  MysqlIntrospector,
  MysqlQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type CompiledQuery,
} from 'kysely';
import { replay } from '../../../core/domain/case/replay';
import { submittedEvent } from '../../../test/support/factories';
import type { Prepared } from './prepared';
import { caseOpeningQuery, identityQuery, jsonAggregateOf, type OpeningValues } from './reads';
import { insertCaseEventRows, insertCaseFileRows, insertCaseRow, insertMessageRows, insertOutboxRows, insertReplyRow, nextCaseNumberMysql, nextCaseNumberSqlite } from './hotWrites';
import { caseRow } from './sqlTx';
import type { DB } from './schema';

/**
 * The submit path's prepared statements send exactly what Kysely's builder sends for the same values, on
 * both dialects the store runs on: the first call of a shape (built with placeholders) and later ones
 * (the cached text with other values), through `compiled` and through `run` (the executor, as the log
 * hook sees it). No database: the dialects' own compilers over a driver that answers nothing.
 */
const dialects = {
  SQLite: { adapter: () => new SqliteAdapter(), compiler: () => new SqliteQueryCompiler(), introspector: (db: Kysely<any>) => new SqliteIntrospector(db), ignore: 'or ignore' as const },
  MySQL: { adapter: () => new MysqlAdapter(), compiler: () => new MysqlQueryCompiler(), introspector: (db: Kysely<any>) => new MysqlIntrospector(db), ignore: 'ignore' as const },
};

const plain = (q: CompiledQuery) => ({ sql: q.sql, parameters: [...q.parameters] });

const state = (id: string, content: string, photos: string[] = []) => replay([submittedEvent({ id, content, photos })])!;
const event = (caseId: string, seq: number, by: string) => ({ case_id: caseId, seq, type: 'submitted', at: 1_700_000_000_000 + seq, by_user: by, data_json: `{"seq":${seq}}` });
const outbox = (id: string, delivered: boolean) => ({
  id,
  channel: 'inbox',
  to_user: `u-${id}`,
  template: 'case.submitted',
  data_json: `{"id":"${id}"}`,
  created_at: 1_700_000_000_000,
  status: delivered ? 'delivered' : 'pending',
  attempts: delivered ? 1 : 0,
  next_attempt_at: 1_700_000_000_000,
  delivered_at: delivered ? 1_700_000_000_001 : null,
  last_error: null,
});
const message = (id: string, readAt: number | null) => ({ id, user_id: `u-${id}`, title: '工单已受理', body: `编号 ${id}`, case_id: 'c1', created_at: 1_700_000_000_000, read_at: readAt, source_id: `ob-${id}` });
const opening = (over: Partial<OpeningValues>): OpeningValues => ({ householdId: '1-1-101', openedBy: 'resident-a', since: 1_699_000_000_000, cap: 20, files: [], bindings: false, duty: undefined, ...over });

describe.each(Object.entries(dialects))('prepared submit statements on %s: the same SQL and parameters as the builder', (name, d) => {
  const log: CompiledQuery[] = [];
  const db = new Kysely<DB>({
    dialect: { createAdapter: d.adapter, createDriver: () => new DummyDriver(), createIntrospector: d.introspector, createQueryCompiler: d.compiler },
    log: (e) => void log.push(e.query),
  });
  const agg = jsonAggregateOf(d.ignore);

  /** Each list: calls of one query with the same shape but other values (each compared), then other shapes. */
  async function same<V, R, S>(q: Prepared<V, R, S>, calls: V[], shape?: S) {
    for (const v of calls) {
      const args = (shape === undefined ? [] : [shape]) as S extends undefined ? [] : [S];
      const expected = plain(q.built(db, v, ...args));
      expect(plain(q.compiled(db, v, ...args))).toEqual(expected);
      log.length = 0;
      await q.run(db, v, ...args);
      expect(log.map(plain)).toEqual([expected]);
    }
  }

  it('Tx.identity: the user with staff and bindings, with and without the stored reply, locked on MySQL', async () => {
    await same(identityQuery, [{ openid: 'o-1', replyKeySuffix: ':submit:r1', lock: false }, { openid: 'o-2', replyKeySuffix: ':submit:r2', lock: false }], agg);
    await same(identityQuery, [{ openid: 'o-1', replyKeySuffix: undefined, lock: false }, { openid: 'o-3', replyKeySuffix: undefined, lock: false }], agg);
    if (name === 'MySQL') await same(identityQuery, [{ openid: 'o-1', replyKeySuffix: ':x', lock: true }, { openid: 'o-4', replyKeySuffix: ':y', lock: true }], agg);
    expect(identityQuery.shapes(db)).toBe(name === 'MySQL' ? 3 : 2);
  });

  it('Tx.caseOpening: no photos, two photos, bindings, the duty shift', async () => {
    await same(caseOpeningQuery, [opening({}), opening({ householdId: '2-1-301', openedBy: 'resident-b', since: 5, cap: 1_000_000_000 })], agg);
    await same(caseOpeningQuery, [opening({ files: ['f1', 'f2'] }), opening({ files: ['f3', 'f4'], cap: 3 })], agg);
    await same(caseOpeningQuery, [opening({ bindings: true, duty: { day: '20261203', shift: 'day' } }), opening({ bindings: true, duty: { day: '20261204', shift: 'night' } })], agg);
  });

  it('Tx.insertCase: the case row, its events, its photos', async () => {
    const a = state('c-a', '厨房水管漏水');
    const b = state('c-b', '您好，请问物业费可以按年缴吗？', ['f1']);
    await same(insertCaseRow, [
      { id: a.id, ...caseRow(a, 1_700_000_360_000, null) },
      { id: b.id, ...caseRow(b, null, 1_700_000_720_000) },
    ]);
    await same(insertCaseEventRows, [[event('c-a', 1, 'resident-a')], [event('c-b', 1, 'frontdesk')]]);
    await same(insertCaseEventRows, [[event('c-a', 2, 'x'), event('c-a', 3, 'y')]]);
    await same(insertCaseFileRows, [[{ file_id: 'f1', case_id: 'c-b', household_id: '1-1-101' }], [{ file_id: 'f9', case_id: 'c-c', household_id: '2-1-301' }]]);
  });

  it('Tx.enqueue, Tx.insertMessages, Tx.saveIdempotency, Tx.nextCaseSequence', async () => {
    await same(insertOutboxRows, [[outbox('o1', false)], [outbox('o2', false)]]);
    await same(insertOutboxRows, [[outbox('o3', true), outbox('o4', true)]]);
    await same(insertMessageRows, [[message('m1', null), message('m2', null)], [message('m3', null), message('m4', 1)]], d.ignore);
    await same(insertReplyRow, [
      { key: 'u1:submit:r1', body_hash: 'h1', result_json: '{"ok":true}', created_at: 1 },
      { key: 'u2:submit:r2', body_hash: 'h2', result_json: '{"ok":false}', created_at: 2 },
    ]);
    if (name === 'SQLite') {
      await same(nextCaseNumberSqlite, [
        { community_id: 'c1', prefix: 'BX', day: '20261203', last: 1 },
        { community_id: 'c2', prefix: 'ZX', day: '20261204', last: 1 },
      ]);
    } else {
      await same(nextCaseNumberMysql, [
        { community_id: 'c1', prefix: 'BX', day: '20261203' },
        { community_id: 'c2', prefix: 'ZX', day: '20261204' },
      ]);
    }
  });
});
