import { systemClock, randomIds, sha256 } from '../../adapters/platform/system';
import { phoneVerifierFromEnv } from '../../adapters/wechat/config';
import { inboxNotifier } from '../../adapters/notify/inbox';
import { deliverDue } from '../../core/usecases/outbox/deliverDue';
import { deliverPushes } from '../../core/usecases/outbox/deliverPushes';
import { pushSendersFromEnv } from '../../adapters/notify/config';
import type { Payments } from '../../core/ports/payments';
import type { PushSender } from '../../core/ports/notifier';
import type { Deps, Logger } from '../../core/ports/runtime';
import type { Store } from '../../core/ports/store';
import type { PhoneVerifier } from '../../core/ports/phoneVerifier';
import type { CloudStorage } from '../../core/ports/files';
import { describeEnvProblems, parseFunctionEnv, type FunctionEnv } from './env';
import { jsonLineLog } from './log';

/** Opens the store a deployed function talks to (the MySQL adapter, loaded on first use). */
export type StoreOpener = (env: FunctionEnv, log: Logger) => Promise<Store>;

/** Opens the storage photos are uploaded to, for one CloudBase environment (`adapters/files/cloudbase.ts`). */
export type CloudStorageOpener = (envId: string) => CloudStorage;

/** WeChat Pay from the WXPAY_* variables (`adapters/payments/wechatpay/config.ts`): null when none is set; throws when half set. */
export type PaymentsOpener = (raw: Record<string, string | undefined>, clock: typeof systemClock) => Payments | null;

/** Thrown by every transaction of a function whose configuration is missing or invalid. */
export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
  constructor(message: string) {
    super(message);
    // Nothing to trace: the log line names the variables, and a stack would only add noise.
    this.stack = `${this.name}: ${message}`;
  }
}

/**
 * A store opened on its first transaction, once per function instance: the pool lives at module
 * scope and is reused by every later invocation. A failed open (the database unreachable, paused, a
 * migration refused) is not remembered: the next call tries again.
 */
export function lazyStore(open: () => Promise<Store>): Store {
  let opening: Promise<Store> | null = null;
  const opened = () =>
    (opening ??= open().catch((e: unknown) => {
      opening = null;
      throw e;
    }));
  return {
    transaction: async (fn) => (await opened()).transaction(fn),
    dueWork: async (probe) => (await opened()).dueWork(probe),
    async close() {
      const was = opening;
      opening = null;
      const store = was ? await was.catch(() => null) : null;
      await store?.close();
    },
  };
}

/** Every transaction refused with one reason: calls are still parsed (bad ones keep their codes), the rest answer INTERNAL. */
function refusingStore(reason: string): Store {
  return {
    transaction: async () => {
      throw new ConfigurationError(reason);
    },
    dueWork: async () => {
      throw new ConfigurationError(reason);
    },
    close: async () => undefined,
  };
}

/**
 * The CloudBase bootstrap: a deployed function's adapters, wired from its environment variables
 * (`./env.ts`). Missing or invalid configuration is logged once, naming the variables (never their
 * values), and every call that needs the store answers INTERNAL without a stack. The caller's identity
 * is not configuration: it comes with each call's context (`./identity.ts`).
 */
export function cloudDepsFromEnv(raw: Record<string, string | undefined>, openStore: StoreOpener, log: Logger = jsonLineLog, storage?: CloudStorageOpener, paymentsFromEnv?: PaymentsOpener): Deps {
  const clock = systemClock;
  const base = { clock, ids: randomIds(clock), hash: sha256, log };
  const parsed = parseFunctionEnv(raw);
  let phone: PhoneVerifier | null = null;
  let pushes: { wechat?: PushSender; wecom?: PushSender } = {};
  let payments: Payments | null = null;
  let problem = parsed.ok ? null : describeEnvProblems(parsed);
  if (parsed.ok) {
    try {
      phone = phoneVerifierFromEnv(raw, clock, log);
      pushes = pushSendersFromEnv(Object.fromEntries(Object.entries(raw).filter(([, v]) => v)), clock); // "" counts as unset, as in env.ts
      // Only the functions that pay or settle (fee, payNotify, sla) bring WeChat Pay along.
      payments = paymentsFromEnv ? paymentsFromEnv(raw, clock) : null;
    } catch (e) {
      problem = e instanceof Error ? e.message : 'WeChat configuration invalid';
      payments = null;
    }
  }
  if (!parsed.ok || problem) {
    const names = parsed.ok ? {} : { missing: parsed.missing, invalid: parsed.invalid };
    log.error({ ...names }, `function configuration ${problem}: set it in the CloudBase console (README §部署)`);
    return { ...base, store: refusingStore(`function configuration ${problem}`) };
  }
  const env = parsed.env;
  // Photos and exports (the functions that ask for storage): this environment's storage; the function's own environment
  // when CLOUDBASE_ENV_ID is unset (CloudBase injects TCB_ENV / SCF_NAMESPACE into every function).
  const storageEnv = env.CLOUDBASE_ENV_ID ?? raw.TCB_ENV ?? raw.SCF_NAMESPACE;
  const cloud = storage && storageEnv ? storage(storageEnv) : undefined;
  if (storage && !storageEnv) log.error({ missing: ['CLOUDBASE_ENV_ID'] }, 'cloud storage not configured: set CLOUDBASE_ENV_ID (README §部署)');
  const notifiers = { inbox: inboxNotifier, ...pushes };
  const store = lazyStore(() => openStore(env, log));
  return {
    ...base,
    ...(cloud ? { cloud } : {}),
    store,
    ...(phone ? { phone } : {}),
    ...(payments ? { payments } : {}),
    pushes,
    // The message center is written in the same transaction; other channels are delivered by the
    // `sla` timer (runSweep awaits `deliver`), never by work left running after a function has answered.
    // What the message center gets fans out to the push channels in the same transaction (fanOut.ts).
    inStoreNotifiers: notifiers,
    deliver: async (deadline) => {
      await deliverDue({ store, clock, log }, notifiers);
      return deliverPushes({ store, clock, log }, pushes, { deadline });
    },
  };
}
