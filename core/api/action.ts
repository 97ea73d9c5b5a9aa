import type { z } from 'zod';
import type { Outcome } from '../errors';
import type { CloudStorage, FileStore } from '../ports/files';
import type { Payments } from '../ports/payments';
import type { UseCaseContext } from '../usecases/context';

/**
 * What an action may use outside its transaction: network work (cloud storage) never runs while the
 * transaction holds the store (on SQLite every transaction holds the one write lock).
 */
export interface OutsideIO {
  cloud?: CloudStorage;
  /** Bytes the platform stores itself (uploads, exports). */
  files?: FileStore;
  /** WeChat Pay API v3 (absent: paying answers PAYMENT.UNAVAILABLE). */
  payments?: Payments;
  /** The platform's identity of the caller (never the payload). */
  openid: string | null;
  /** Platform time when the call arrived (ms). */
  now: number;
}

/** One action of a cloud function: its input schema, its use case, and whether it creates something. */
export interface ActionDef<S extends z.ZodType, T> {
  /** Built on first read (see `action`). */
  readonly input: S;
  run: (ctx: UseCaseContext, input: z.output<S>) => Promise<Outcome<T>>;
  /** Creating actions replay the first result for the same caller + action + requestId (R-INT-7). */
  idempotent: boolean;
  /** Read-only actions may run without a write lock. */
  readOnly: boolean;
  /** Before the transaction: may refuse the call; its data reaches `run` as `ctx.prepared`. */
  before?: (io: OutsideIO, input: z.output<S>) => Promise<Outcome<unknown>>;
  /** After the commit: turns `run`'s data into what the caller gets (e.g. a short-lived URL). */
  after?: (io: OutsideIO, data: T) => Promise<Outcome<unknown>>;
  /**
   * A replayed idempotent call (same caller + action + requestId): decides, in the transaction, what
   * the first result means now (e.g. a payment's order paid meanwhile). Absent: the first result as is.
   */
  replay?: (ctx: UseCaseContext, input: z.output<S>, first: T) => Promise<Outcome<T>>;
}

/**
 * What `action()` takes as input: a schema builder (core/schemas/lazy.ts), built on the action's first
 * call, so a cold function instance builds no schema and its first call only its own action's.
 */
export type SchemaSource<S extends z.ZodType> = S | (() => S);

/** `def.input`, built from its source when first read and kept. */
function withInput<S extends z.ZodType, D extends object>(source: SchemaSource<S>, def: D): D & { readonly input: S } {
  let built: S | undefined = typeof source === 'function' ? undefined : source;
  return Object.defineProperty(def, 'input', { enumerable: true, get: () => (built ??= (source as () => S)()) }) as D & { readonly input: S };
}

export const action = <S extends z.ZodType, T>(
  input: SchemaSource<S>,
  run: (ctx: UseCaseContext, input: z.output<S>) => Promise<Outcome<T>>,
  opts: { idempotent?: boolean; readOnly?: boolean } = {},
): ActionDef<S, T> => withInput(input, { run, idempotent: opts.idempotent ?? false, readOnly: opts.readOnly ?? false });

/** An action with network work around its transaction (see OutsideIO); `U` is what the caller gets. */
export const outsideAction = <S extends z.ZodType, P, T, U = T>(
  input: SchemaSource<S>,
  steps: {
    before?: (io: OutsideIO, input: z.output<S>) => Promise<Outcome<P>>;
    run: (ctx: UseCaseContext & { prepared: P }, input: z.output<S>) => Promise<Outcome<T>>;
    after?: (io: OutsideIO, data: T) => Promise<Outcome<U>>;
    replay?: (ctx: UseCaseContext, input: z.output<S>, first: T) => Promise<Outcome<T>>;
  },
  opts: { idempotent?: boolean; readOnly?: boolean } = {},
): ActionDef<S, T> & { after: (io: OutsideIO, data: T) => Promise<Outcome<U>> } => {
  const def: Omit<ActionDef<S, T>, 'input'> & { after: (io: OutsideIO, data: T) => Promise<Outcome<U>> } = {
    run: (ctx, i) => steps.run(ctx as UseCaseContext & { prepared: P }, i),
    idempotent: opts.idempotent ?? false,
    readOnly: opts.readOnly ?? false,
    ...(steps.before ? { before: steps.before } : {}),
    ...(steps.replay ? { replay: steps.replay } : {}),
    after: steps.after ?? (async (_io, data) => ({ ok: true, data: data as unknown as U })),
  };
  return withInput(input, def);
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyAction = ActionDef<z.ZodType, any>;
export type ActionMap = Record<string, AnyAction>;

/** Input the client sends / data it gets back, derived from the same definitions the functions run. */
export type InputOf<A> = A extends { input: infer S extends z.ZodType } ? z.input<S> : never;
export type OutputOf<A> = A extends { after: (io: OutsideIO, data: never) => Promise<Outcome<infer U>> }
  ? U
  : A extends { run: (ctx: never, input: never) => Promise<Outcome<infer T>> }
    ? T
    : never;
