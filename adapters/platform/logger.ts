import pino from 'pino';
import type { Logger } from '../../core/ports/runtime';

/** Structured logs; phone numbers and tokens are redacted wherever they appear as fields. */
export function createLogger(level = process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'warn' : 'info')): Logger {
  return pino({
    level,
    redact: { paths: ['*.phone', '*.contactPhone', '*.token', '*.authorization', 'req.headers.authorization'], censor: '[已隐藏]' },
    base: undefined,
  });
}
