import type { z } from 'zod';
import { type Failure, FailureSignal, VersionConflict, fail, type Outcome } from '../errors';
import type { Deps } from '../ports/runtime';
import { loadCaller } from '../usecases/loadCaller';
import type { AnyAction } from './action';
import { canonicalJson } from './canonical';
import { ConstraintViolation, uniqueViolation } from './storeErrors';
import { envelope, type FunctionName, handlers } from './handlers';

export type Envelope = Outcome<unknown>;

/** The platform's word on who is calling: WeChat OPENID in CloudBase, the session's user locally. */
export interface Identity {
  openid: string | null;
}

function inputFailure(error: z.ZodError): Envelope {
  const fields: Record<string, string> = {};
  for (const issue of error.issues.slice(0, 20)) {
    const key = issue.path.join('.') || '_';
    fields[key] ??= issue.message;
  }
  return fail('INPUT.INVALID', fields);
}

/** Runs of one call that keeps losing version races (each loss means another writer made progress). */
const MAX_ATTEMPTS = 3;

/**
 * Runs one call of one cloud function: envelope and input parsed with zod, caller from the platform
 * identity (never the payload: R-ACC-2), the use case in one transaction, creating actions made
 * idempotent per caller + action + requestId (R-INT-7). Expected failures roll the transaction back.
 */
export async function dispatch(deps: Deps, fn: string, event: unknown, identity: Identity): Promise<Envelope> {
  if (!Object.prototype.hasOwnProperty.call(handlers, fn)) return fail('FUNCTION.NOT_FOUND');
  const actions = handlers[fn as FunctionName] as Record<string, AnyAction>;
  if (event === null || typeof event !== 'object' || Array.isArray(event)) return fail('INPUT.INVALID', { _: '请求内容应为对象' });
  const env = envelope.safeParse({ action: (event as { action?: unknown }).action });
  if (!env.success) return inputFailure(env.error);
  const name = env.data.action;
  // Own keys only, copied as plain entries: a `__proto__` key stays a key the strict schema refuses.
  const body = Object.fromEntries(Object.entries(event).filter(([k]) => k !== 'action'));
  if (!Object.prototype.hasOwnProperty.call(actions, name)) return fail('INPUT.UNKNOWN_ACTION');
  const def = actions[name];
  const parsed = def.input.safeParse(body);
  if (!parsed.success) return inputFailure(parsed.error);
  const input = parsed.data as Record<string, unknown>;

  const run = () =>
    deps.store.transaction(async (tx) => {
      const now = deps.clock.now();
      const caller = await loadCaller(tx, identity.openid, now, deps.ids);
      const ctx = { tx, now, ids: deps.ids, caller, phone: deps.phone, limits: deps.limits, subscribeTemplates: deps.pushes?.wechat?.templates };
      const requestId = def.idempotent && caller && typeof input.requestId === 'string' ? input.requestId : null;
      const key = requestId ? `${caller!.userId}|${fn}.${name}|${requestId}` : null;
      const bodyHash = key ? deps.hash(canonicalJson(body)) : '';
      if (key) {
        const seen = await tx.idempotency(key);
        if (seen) {
          if (seen.bodyHash !== bodyHash) throw new FailureSignal(fail('REQUEST.REPLAY_MISMATCH').error);
          return seen.result;
        }
      }
      const out = await def.run(ctx, input);
      if (!out.ok) throw new FailureSignal(out.error);
      if (key) await tx.saveIdempotency({ key, bodyHash, result: out.data, createdAt: now });
      if (!def.readOnly && deps.deliverInTransaction) await deps.deliverInTransaction(tx, now);
      return out.data;
    });

  try {
    let data: unknown;
    let uniques = 0;
    for (let attempt = 1; ; attempt++) {
      try {
        data = await run();
        break;
      } catch (e) {
        // A write lost a race on a store without a global write lock; a fresh attempt sees the winner.
        // A case that moved on between its read and its write (version conflict): the call is decided
        // anew on the new state. Two first attempts of one requestId, two first calls of a new user
        // (unique violation): the loser replays the winner — once; the same violation again is a bug.
        if (e instanceof VersionConflict) {
          if (attempt >= MAX_ATTEMPTS) throw new FailureSignal(fail('CASE.INVALID_TRANSITION').error);
          deps.log.warn({ fn, action: name, kind: 'version_conflict' }, 'retrying after a concurrent write');
          continue;
        }
        const unique = e instanceof FailureSignal ? null : uniqueViolation(e);
        if (!unique) throw e;
        if (++uniques > 1) throw new ConstraintViolation(unique.constraint);
        deps.log.warn({ fn, action: name, kind: 'unique_violation', constraint: unique.constraint }, 'retrying after a concurrent write');
      }
    }
    if (!def.readOnly) deps.afterCommit?.();
    return { ok: true, data };
  } catch (e) {
    if (e instanceof FailureSignal) return { ok: false, error: e.failure };
    if (e instanceof ConstraintViolation) {
      deps.log.error({ fn, action: name, kind: 'unique_violation', constraint: e.constraint }, 'input reached a unique constraint: the use case must refuse it');
      return fail('INTERNAL') as { ok: false; error: Failure };
    }
    deps.log.error({ fn, action: name, err: e instanceof Error ? { message: e.message, stack: e.stack } : String(e) }, 'function failed');
    return fail('INTERNAL') as { ok: false; error: Failure };
  }
}
