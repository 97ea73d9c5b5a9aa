import type { z } from 'zod';
import type { Outcome } from '../errors';
import type { UseCaseContext } from '../usecases/context';

/** One action of a cloud function: its input schema, its use case, and whether it creates something. */
export interface ActionDef<S extends z.ZodType, T> {
  input: S;
  run: (ctx: UseCaseContext, input: z.output<S>) => Promise<Outcome<T>>;
  /** Creating actions replay the first result for the same caller + action + requestId (R-INT-7). */
  idempotent: boolean;
  /** Read-only actions may run without a write lock. */
  readOnly: boolean;
}

export const action = <S extends z.ZodType, T>(
  input: S,
  run: (ctx: UseCaseContext, input: z.output<S>) => Promise<Outcome<T>>,
  opts: { idempotent?: boolean; readOnly?: boolean } = {},
): ActionDef<S, T> => ({ input, run, idempotent: opts.idempotent ?? false, readOnly: opts.readOnly ?? false });

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyAction = ActionDef<z.ZodType, any>;
export type ActionMap = Record<string, AnyAction>;

/** Input the client sends / data it gets back, derived from the same definitions the functions run. */
export type InputOf<A> = A extends ActionDef<infer S, unknown> ? z.input<S> : never;
export type OutputOf<A> = A extends ActionDef<z.ZodType, infer T> ? T : never;
