import type { Logger } from '../../core/ports/runtime';

/** Field names whose values never reach a log, at any depth (as the local platform's pino redaction). */
const SECRET_KEYS = new Set(['phone', 'contactPhone', 'token', 'authorization', 'secret', 'password']);

const redact = (value: unknown, depth = 0): unknown => {
  if (value === null || typeof value !== 'object' || depth > 4) return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET_KEYS.has(k) ? '[已隐藏]' : redact(v, depth + 1)]));
};

const line = (level: string) => (obj: object, msg?: string) => console.error(JSON.stringify({ level, ...(redact(obj) as object), msg }));

/** One JSON line per entry on stderr, which CloudBase keeps as the function's log (no logger package in a bundle). */
export const jsonLineLog: Logger = { info: line('info'), warn: line('warn'), error: line('error') };
