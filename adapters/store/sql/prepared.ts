import type { Compilable, CompiledQuery, DialectAdapter, Kysely, KyselyPlugin, QueryResult } from 'kysely';

/**
 * A query written with Kysely's builder, built and compiled ONCE per database (dialect and plugins) and
 * shape, then executed again and again as the same SQL text with fresh parameters. Building a query is
 * not free: Kysely makes a tree of frozen nodes, lets the plugins transform it and compiles it to text,
 * some 20–80 µs per statement, for every statement of every call. The text does not change from one call
 * to the next, only the values do.
 *
 * How: on the first call of a shape, `build` gets the values replaced by placeholders (`Slot`s); the
 * compiled parameters then say which position takes which value. Later calls look the shape up and put
 * their own values in those positions: exactly the SQL and parameters the builder gives for them (tests
 * compare the two), executed through the same executor (plugins' transformResult and the log hook included).
 *
 * The rules for `build`:
 * - strings, numbers and bigints among the values are parameters: build may place them, never look at
 *   them (a Slot refuses to turn into text or a number, so `sql.raw(v.x)` or `v.x + 1` throws);
 * - booleans, null and undefined are kept as they are and, with the arrays' lengths and the objects'
 *   keys (in order), make the values' shape: `v.lock ? q.forUpdate() : q` and a multi-row insert of
 *   `v.rows` (one entry per row count) are fine;
 * - anything else the SQL text depends on (a dialect's spelling, a function name) goes in `shape`,
 *   which must be plain JSON data: it is part of the cache key.
 * Each query keeps at most `max` shapes per database (the oldest one goes).
 *
 * Plugins: each set of plugins gets its own compiled text (their transformQuery runs when a shape is
 * built); transformResult runs on every call. A plugin that carries state from transformQuery to
 * transformResult by queryId sees the shape's one queryId on every call (the store uses no plugins).
 */
export function prepared<V, R, S = undefined>(build: (db: Kysely<any>, values: V, shape: S) => Compilable<R>, max = 32): Prepared<V, R, S> {
  const byDatabase = new WeakMap<DialectAdapter, Map<string, Plan>>();
  const plan = (db: Kysely<any>, values: V, shape: S): { plan: Plan; leaves: unknown[] } => {
    const executor = db.getExecutor();
    const leaves: unknown[] = [];
    const key = `${shape === undefined ? '' : JSON.stringify(shape)}|${shapeOf(values, leaves)}|${pluginKey(executor.plugins)}`;
    let plans = byDatabase.get(executor.adapter);
    if (!plans) byDatabase.set(executor.adapter, (plans = new Map()));
    let p = plans.get(key);
    if (!p) {
      p = planOf(build(db, withSlots(values, { n: 0 }) as V, shape).compile(), leaves.length);
      if (plans.size >= max) plans.delete(plans.keys().next().value as string);
      plans.set(key, p);
    }
    return { plan: p, leaves };
  };
  const compiled = (db: Kysely<any>, values: V, shape: S): CompiledQuery<R> => {
    const { plan: p, leaves } = plan(db, values, shape);
    const parameters = new Array<unknown>(p.from.length);
    for (let i = 0; i < p.from.length; i++) parameters[i] = p.from[i] >= 0 ? leaves[p.from[i]] : p.fixed[i];
    return { sql: p.query.sql, parameters, query: p.query.query, queryId: p.query.queryId };
  };
  return {
    compiled: (db, values, ...shape) => compiled(db, values, shape[0] as S),
    run: (db, values, ...shape) => db.getExecutor().executeQuery<R>(compiled(db, values, shape[0] as S)),
    built: (db, values, ...shape) => build(db, values, shape[0] as S).compile(),
    shapes: (db) => byDatabase.get(db.getExecutor().adapter)?.size ?? 0,
  };
}

export interface Prepared<V, R, S> {
  /** Executes the query for these values (through `db`'s executor and connection): rows, or the counts of a write. */
  run(db: Kysely<any>, values: V, ...shape: S extends undefined ? [] : [S]): Promise<QueryResult<R>>;
  /** The SQL and parameters `run` sends, without executing them (tests compare them with the builder's). */
  compiled(db: Kysely<any>, values: V, ...shape: S extends undefined ? [] : [S]): CompiledQuery<R>;
  /** What the builder gives for these values, built anew: what `compiled` must equal (tests). */
  built(db: Kysely<any>, values: V, ...shape: S extends undefined ? [] : [S]): CompiledQuery<R>;
  /** How many shapes are cached for `db`'s database. */
  shapes(db: Kysely<any>): number;
}

/** A compiled query and, for each parameter position, the index of the value it takes (-1: fixed, see `fixed`). */
interface Plan {
  query: CompiledQuery;
  from: number[];
  fixed: unknown[];
}

/** Stands in for the value with this index while the query is built and compiled. */
class Slot {
  constructor(readonly index: number) {}
  toString(): string {
    throw new Error(`prepared query: value #${this.index} is a parameter; what changes the SQL text belongs in the shape`);
  }
  valueOf(): never {
    return this.toString() as never;
  }
  [Symbol.toPrimitive](): never {
    return this.toString() as never;
  }
  toJSON(): never {
    return this.toString() as never;
  }
}

const isPlain = (v: object) => {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/** The values' shape as a key, their parameter values (leaves) pushed in the order `withSlots` numbers them. */
function shapeOf(v: unknown, leaves: unknown[]): string {
  switch (typeof v) {
    case 'string':
    case 'number':
    case 'bigint':
      leaves.push(v);
      return '$';
    case 'boolean':
      return v ? 'T' : 'F';
    case 'undefined':
      return 'U';
    case 'object': {
      if (v === null) return 'N';
      if (Array.isArray(v)) {
        let k = '[';
        for (const e of v) k += shapeOf(e, leaves);
        return k + ']';
      }
      if (isPlain(v)) {
        let k = '{';
        for (const name in v) k += `${name.length}:${name}${shapeOf((v as Record<string, unknown>)[name], leaves)}`;
        return k + '}';
      }
      if (typeof (v as { toOperationNode?: unknown }).toOperationNode === 'function') throw new Error('prepared query: an expression among the values; build it in the query');
      leaves.push(v); // a Date, a Buffer: one parameter
      return '$';
    }
    default:
      throw new Error(`prepared query: a ${typeof v} among the values`);
  }
}

/** A copy of the values with each parameter value replaced by its Slot (numbered as `shapeOf` pushes them). */
function withSlots(v: unknown, next: { n: number }): unknown {
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint') return new Slot(next.n++);
  if (typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) return v.map((e) => withSlots(e, next));
  if (!isPlain(v)) return new Slot(next.n++);
  const out: Record<string, unknown> = {};
  for (const name in v) out[name] = withSlots((v as Record<string, unknown>)[name], next);
  return out;
}

function planOf(query: CompiledQuery, values: number): Plan {
  const from: number[] = [];
  const fixed: unknown[] = [];
  const used = new Set<number>();
  for (const p of query.parameters) {
    if (p instanceof Slot) {
      from.push(p.index);
      fixed.push(undefined);
      used.add(p.index);
    } else {
      if (holdsSlot(p)) throw new Error('prepared query: a parameter holds a value inside an object or array; pass it as one value');
      from.push(-1);
      fixed.push(p);
    }
  }
  // A value that is no parameter was looked at or dropped by the builder: the cached text could be wrong for the next one.
  for (let i = 0; i < values; i++) if (!used.has(i)) throw new Error(`prepared query: value #${i} is not a parameter of the query (${query.sql.slice(0, 80)}…)`);
  return { query, from, fixed };
}

function holdsSlot(v: unknown): boolean {
  if (v instanceof Slot) return true;
  if (typeof v !== 'object' || v === null) return false;
  return Object.values(v).some(holdsSlot);
}

/** Plugins transform the query before it is compiled: each set of plugins has its own cached text. */
const pluginIds = new WeakMap<KyselyPlugin, number>();
let nextPluginId = 0;
function pluginKey(plugins: readonly KyselyPlugin[]): string {
  let k = '';
  for (const p of plugins) {
    let id = pluginIds.get(p);
    if (id === undefined) pluginIds.set(p, (id = ++nextPluginId));
    k += `${id},`;
  }
  return k;
}
