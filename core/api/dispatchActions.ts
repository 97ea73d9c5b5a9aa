import type { z } from 'zod';
import { type Failure, FailureSignal, VersionConflict, fail, type Outcome } from '../errors';
import type { Deps } from '../ports/runtime';
import { identify } from '../usecases/loadCaller';
import { deliveringInStore } from '../usecases/outbox/deliverDue';
import type { AnyAction, OutsideIO } from './action';
import { canonicalJson } from './canonical';
import { ConstraintViolation, uniqueViolation } from './storeErrors';
import { envelope } from './envelope';

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
 * Runs one call of one cloud function (`fn`, whose actions are `actions`: core/api/actions/<fn>.ts;
 * `dispatch` in core/api/dispatch.ts finds them by name in the whole handler map): envelope and input parsed with zod, caller from the platform
 * identity (never the payload: R-ACC-2), the use case in one transaction, creating actions made
 * idempotent per caller + action + requestId (R-INT-7). Expected failures roll the transaction back.
 */
export async function dispatchActions(deps: Deps, fn: string, actions: Record<string, AnyAction>, event: unknown, identity: Identity): Promise<Envelope> {
  if (event === null || typeof event !== 'object' || Array.isArray(event)) return fail('INPUT.INVALID', { _: '请求内容应为对象' });
  const env = envelope().safeParse({ action: (event as { action?: unknown }).action });
  if (!env.success) return inputFailure(env.error);
  const name = env.data.action;
  // Own keys only, copied as plain entries: a `__proto__` key stays a key the strict schema refuses.
  const body = Object.fromEntries(Object.entries(event).filter(([k]) => k !== 'action'));
  if (!Object.prototype.hasOwnProperty.call(actions, name)) return fail('INPUT.UNKNOWN_ACTION');
  const def = actions[name];
  const parsed = def.input.safeParse(body);
  if (!parsed.success) return inputFailure(parsed.error);
  const input = parsed.data as Record<string, unknown>;

  let prepared: unknown;
  // Whether the committed attempt left outbox messages pending (set by the delivering transaction).
  let pending = false;
  const io = (): OutsideIO => ({ cloud: deps.cloud, files: deps.files, payments: deps.payments, openid: identity.openid, now: deps.clock.now() });
  const run = () =>
    deps.store.transaction(async (raw) => {
      const now = deps.clock.now();
      const requestId = def.idempotent && typeof input.requestId === 'string' ? input.requestId : null;
      // The reply key is `<user id>|<fn>.<action>|<requestId>`: read with the caller, in one statement.
      const suffix = requestId ? `|${fn}.${name}|${requestId}` : undefined;
      const { caller, reply } = await identify(raw, identity.openid, now, deps.ids, suffix, { writing: !def.readOnly });
      pending = false;
      const tx = deps.inStoreNotifiers ? deliveringInStore(raw, now, deps.inStoreNotifiers, () => (pending = true)) : raw;
      const ctx = { tx, now, ids: deps.ids, caller, openid: identity.openid, phone: deps.phone, limits: deps.limits, sheets: deps.sheets, prepared, subscribeTemplates: deps.pushes?.wechat?.templates };
      const key = caller && suffix ? `${caller.userId}${suffix}` : null;
      const bodyHash = key ? deps.hash(canonicalJson(body)) : '';
      if (key && reply) {
        if (reply.bodyHash !== bodyHash) throw new FailureSignal(fail('REQUEST.REPLAY_MISMATCH').error);
        if (!def.replay) return reply.result;
        const again = await def.replay(ctx, input, reply.result);
        if (!again.ok) throw new FailureSignal(again.error);
        return again.data;
      }
      const out = await def.run(ctx, input);
      if (!out.ok) throw new FailureSignal(out.error);
      if (key) await tx.saveIdempotency({ key, bodyHash, result: out.data, createdAt: now });
      return out.data;
    });

  try {
    // Network work (cloud storage) happens outside the transaction, never while it holds the store.
    if (def.before) {
      const pre = await def.before(io(), input);
      if (!pre.ok) return pre;
      prepared = pre.data;
    }
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
    // With in-store channels the message center already has what this write sent: a delivery pass is
    // owed only when something is left pending (a push channel), else the timer's pass covers retries.
    if (!def.readOnly && (pending || !deps.inStoreNotifiers)) deps.afterCommit?.();
    if (def.after) return await def.after(io(), data);
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
