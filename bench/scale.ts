import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { openSqliteStore } from '../adapters/store/sqlite';
import { randomIds } from '../adapters/platform/system';
import type { CaseFilter } from '../core/ports/store';
import { sweep, type SweepResult } from '../core/usecases/sla/sweep';
import { buildCaseStore, COMMUNITY, NOW, type BuiltStore } from './cases';
import { percentile } from './load';

/**
 * The store at scale: the workbench queue on a 1 M-case store (adapter vs. the same SQL as raw
 * better-sqlite3 statements), and the SLA sweep on a 100 k and a 1 M store holding the same due
 * cases. Both stores are built once (bench/cases.ts) in `dir`, which the caller removes.
 */

type SqliteStore = Awaited<ReturnType<typeof openSqliteStore>>;

export interface ScaleOptions {
  dir: string;
  /** A slow query variant stops after this much measured time per side (at least 20 runs). */
  queueBudgetMs: number;
  /** Cases in the big store (the small one has a tenth); 95 % closed, 5 % open, `due` of those due at NOW. */
  cases: number;
  due: number;
  queueRuns: number;
  sweepReps: number;
  log: (s: string) => void;
}

export interface QueueFigure {
  name: string;
  filter: Partial<CaseFilter>;
  adapter: number[];
  baseline: number[];
  /** The statements the adapter ran (what the baseline replays), with their query plans. */
  statements: { sql: string; plan: string }[];
  items: number;
  /** The same ids, in the same order, as the pre-0003 `ORDER BY CASE WHEN next_due_at IS NULL …` shape; its one timing. */
  sameAsOldShape: boolean;
  oldShapeMs: number;
}

export interface SweepFigure {
  label: string;
  cases: number;
  times: number[];
  results: SweepResult[];
  /** Cases still due at NOW after each sweep (0 when the sweep handled them all). */
  dueAfter: number[];
}

export interface ScaleResult {
  big: BuiltStore;
  small: BuiltStore;
  queue: QueueFigure[];
  sweeps: [SweepFigure, SweepFigure];
}

const shape = (n: number, due: number) => {
  const closed = Math.round(n * 0.95);
  return { closed, open: n - closed - due, due };
};

/** Runs `fn` once and records the SELECTs it runs on `raw` with their parameters (the wrapper is removed after). */
async function captureSelects(raw: Database.Database, fn: () => Promise<unknown>) {
  const seen: { sql: string; params: unknown[] }[] = [];
  const proto = Object.getPrototypeOf(raw.prepare('select 1')) as { all: (...a: unknown[]) => unknown };
  const all = proto.all;
  proto.all = function (this: Database.Statement, ...a: unknown[]) {
    if (this.database === raw && /^\s*select/i.test(this.source)) seen.push({ sql: this.source, params: Array.isArray(a[0]) ? (a[0] as unknown[]) : a });
    return all.apply(this, a);
  };
  try {
    await fn();
  } finally {
    proto.all = all;
  }
  return seen;
}

const QUEUE: { name: string; filter: Partial<CaseFilter>; old: string }[] = [
  { name: 'urgent, all open', filter: {}, old: '' },
  { name: "status 'dispatched'", filter: { status: ['dispatched'] }, old: "and status in ('dispatched')" },
  { name: "technician 'tech-3'", filter: { technician: 'tech-3' }, old: "and technician = 'tech-3'" },
  { name: "status 'closed' (past all open)", filter: { status: ['closed'] }, old: "and status in ('closed')" },
];

async function measureQueue(store: SqliteStore, runs: number, maxMs: number, log: (s: string) => void): Promise<QueueFigure[]> {
  const out: QueueFigure[] = [];
  for (const v of QUEUE) {
    const filter: CaseFilter = { communityIds: [COMMUNITY], order: 'urgent', limit: 50, ...v.filter };
    const viaAdapter = () => store.transaction((tx) => tx.cases(filter));
    const captured = await captureSelects(store.raw, viaAdapter);
    const stmts = captured.map((c) => ({ stmt: store.raw.prepare(c.sql), params: c.params, sql: c.sql }));
    const viaRaw = () => {
      const items: unknown[] = [];
      for (const s of stmts) for (const r of s.stmt.all(s.params) as { state_json: string }[]) items.push(JSON.parse(r.state_json));
      return items;
    };
    const first = await viaAdapter();
    const ids = first.items.map((s) => s.id);
    const rawIds = (viaRaw() as { id: string }[]).slice(0, 50).map((s) => s.id);
    if (JSON.stringify(rawIds) !== JSON.stringify(ids)) throw new Error(`queue ${v.name}: the raw statements answer other cases than the adapter`);

    // The pre-0003 query shape, once: same rows? (and what it cost)
    const oldSql = `select state_json from cases where community_id in (?) ${v.old} order by case when urgent_at is null then 1 else 0 end, urgent_at, created_at desc, id limit 51 offset 0`;
    const t0 = performance.now();
    const oldRows = store.raw.prepare(oldSql).all(COMMUNITY) as { state_json: string }[];
    const oldShapeMs = performance.now() - t0;
    const oldIds = oldRows.slice(0, 50).map((r) => (JSON.parse(r.state_json) as { id: string }).id);

    // Warm up both, then interleave so both see the same cache and CPU.
    const warm = performance.now() + 1000;
    for (let i = 0; i < 20 && (i < 2 || performance.now() < warm); i++) {
      await viaAdapter();
      viaRaw();
    }
    const adapter: number[] = [];
    const baseline: number[] = [];
    const budget = performance.now() + 2 * maxMs;
    for (let i = 0; i < runs && (i < 20 || performance.now() < budget); i++) {
      let t = performance.now();
      await viaAdapter();
      adapter.push(performance.now() - t);
      t = performance.now();
      viaRaw();
      baseline.push(performance.now() - t);
    }
    adapter.sort((a, b) => a - b);
    baseline.sort((a, b) => a - b);
    const statements = captured.map((c) => ({
      sql: c.sql.replace(/\s+/g, ' '),
      plan: (store.raw.prepare(`explain query plan ${c.sql}`).all(c.params) as { detail: string }[]).map((r) => r.detail).join('; '),
    }));
    out.push({ name: v.name, filter: v.filter, adapter, baseline, statements, items: ids.length, sameAsOldShape: JSON.stringify(oldIds) === JSON.stringify(ids) && oldRows.length > 50 === (first.next !== null), oldShapeMs });
    log(`queue ${v.name}: adapter p50 ${percentile(adapter, 50).toFixed(2)} ms, raw p50 ${percentile(baseline, 50).toFixed(2)} ms`);
  }
  return out;
}

/** What a sweep changes in the store, and how to put it back (so each repetition sees the same 500 due cases). */
function snapshot(store: SqliteStore, dueIds: string[]) {
  const raw = store.raw;
  const marks = dueIds.map(() => '?').join(',');
  const rows = raw.prepare(`select * from cases where id in (${marks})`).all(...dueIds) as Record<string, unknown>[];
  if (rows.length !== dueIds.length) throw new Error(`expected ${dueIds.length} due cases, found ${rows.length}`);
  const maxOutbox = Number((raw.prepare('select coalesce(max(rowid), 0) n from outbox').get() as { n: number }).n);
  const cols = Object.keys(rows[0]).filter((c) => c !== 'id');
  const update = raw.prepare(`update cases set ${cols.map((c) => `${c} = @${c}`).join(', ')} where id = @id`);
  const dropEvents = raw.prepare(`delete from case_events where case_id in (${marks}) and seq > 1`);
  const dropOutbox = raw.prepare('delete from outbox where rowid > ?');
  const restore = raw.transaction(() => {
    for (const r of rows) update.run(r);
    dropEvents.run(...dueIds);
    dropOutbox.run(maxOutbox);
  });
  const dueNow = raw.prepare('select count(*) n from cases where next_due_at <= ?');
  return {
    restore: () => {
      restore();
      raw.pragma('wal_checkpoint(TRUNCATE)');
    },
    dueAt: () => Number((dueNow.get(NOW) as { n: number }).n),
  };
}

async function measureSweeps(stores: { label: string; store: SqliteStore; built: BuiltStore }[], reps: number, log: (s: string) => void) {
  const clock = { now: () => NOW };
  const deps = (store: SqliteStore) => ({ store, clock, ids: randomIds(clock) });
  const figs = stores.map((s) => ({ ...s, snap: snapshot(s.store, s.built.dueIds), fig: { label: s.label, cases: s.built.closed + s.built.open + s.built.due, times: [], results: [], dueAfter: [] } as SweepFigure }));
  for (const f of figs) {
    if (f.snap.dueAt() !== f.built.due) throw new Error(`${f.label}: ${f.snap.dueAt()} cases due at NOW before the sweep, expected ${f.built.due}`);
    // Warm-up (statements prepared, pages read), then back to the start.
    await sweep(deps(f.store), NOW);
    f.snap.restore();
  }
  for (let r = 0; r < reps; r++) {
    for (const f of r % 2 === 0 ? figs : [...figs].reverse()) {
      const t0 = performance.now();
      const res = await sweep(deps(f.store), NOW);
      f.fig.times.push(performance.now() - t0);
      f.fig.results.push(res);
      f.fig.dueAfter.push(f.snap.dueAt());
      f.snap.restore();
    }
    log(`sweep ${r + 1}/${reps}: ${figs.map((f) => `${f.label} ${f.fig.times[r].toFixed(0)} ms`).join(', ')}`);
  }
  return figs.map((f) => f.fig) as [SweepFigure, SweepFigure];
}

export async function runScale(o: ScaleOptions): Promise<ScaleResult> {
  fs.mkdirSync(o.dir, { recursive: true });
  const smallN = Math.round(o.cases / 10);
  o.log(`building a ${o.cases.toLocaleString('en-US')}-case store (${path.join(o.dir, 'big.sqlite')})…`);
  const big = await buildCaseStore(path.join(o.dir, 'big.sqlite'), shape(o.cases, o.due), 1);
  o.log(`built in ${(big.ms / 1000).toFixed(1)} s (${(big.bytes / 1e6).toFixed(0)} MB); building a ${smallN.toLocaleString('en-US')}-case store…`);
  const small = await buildCaseStore(path.join(o.dir, 'small.sqlite'), shape(smallN, o.due), 2);
  const bigStore = await openSqliteStore(big.file);
  const smallStore = await openSqliteStore(small.file);
  try {
    o.log(`workbench queue on ${o.cases.toLocaleString('en-US')} cases, ${o.queueRuns} runs per query…`);
    const queue = await measureQueue(bigStore, o.queueRuns, o.queueBudgetMs, o.log);
    o.log(`SLA sweep of ${o.due} due cases, ${o.sweepReps} alternating repetitions…`);
    const sweeps = await measureSweeps(
      [
        { label: `${Math.round(smallN / 1000)}k`, store: smallStore, built: small },
        { label: o.cases >= 1e6 ? `${o.cases / 1e6}M` : `${Math.round(o.cases / 1000)}k`, store: bigStore, built: big },
      ],
      o.sweepReps,
      o.log,
    );
    return { big, small, queue, sweeps };
  } finally {
    await Promise.all([bigStore.close(), smallStore.close()]);
  }
}
