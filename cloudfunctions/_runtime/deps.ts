import type { Deps, Logger } from '../../core/ports/runtime';
import type { Store } from '../../core/ports/store';

let configured: Deps | null = null;

/** The platform wires the adapters once at start (the local platform, or the CloudBase bootstrap). */
export function configureRuntime(deps: Deps) {
  configured = deps;
}

const NOT_CONFIGURED = 'runtime not configured: the platform must call configureRuntime() at start';

/** One JSON line per entry on stderr, which CloudBase keeps as the function's log. */
const stderrLog: Logger = {
  info: (obj, msg) => console.error(JSON.stringify({ level: 'info', ...obj, msg })),
  warn: (obj, msg) => console.error(JSON.stringify({ level: 'warn', ...obj, msg })),
  error: (obj, msg) => console.error(JSON.stringify({ level: 'error', ...obj, msg })),
};

const refuse = (): never => {
  throw new Error(NOT_CONFIGURED);
};

/** A store that is not there: every transaction fails (the dispatcher answers INTERNAL and logs why). */
const noStore: Store = { transaction: async () => refuse(), close: async () => undefined };

/**
 * Until a store is configured (the CloudBase MySQL adapter is not finished, README §部署), a function
 * still parses each call and refuses a malformed one with its own code; anything that needs the store
 * answers INTERNAL (contract §1) instead of crashing the invocation.
 */
const unconfigured: Deps = { store: noStore, clock: { now: refuse }, ids: { next: refuse }, hash: refuse, log: stderrLog };

export function runtimeDeps(): Deps {
  return configured ?? unconfigured;
}
