import type { Deps } from '../../core/ports/runtime';

let configured: Deps | null = null;

/** The platform wires the adapters once at start (the local platform, or the CloudBase bootstrap). */
export function configureRuntime(deps: Deps) {
  configured = deps;
}

export function runtimeDeps(): Deps {
  if (!configured) throw new Error('runtime not configured: the platform must call configureRuntime() at start');
  return configured;
}
