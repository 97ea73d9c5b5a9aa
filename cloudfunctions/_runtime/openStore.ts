import type { Logger } from '../../core/ports/runtime';
import type { Store } from '../../core/ports/store';
import type { FunctionEnv } from './env';

/** The deployed store: MySQL (adapters/store/mysql.ts), loaded on the first transaction only. */
export async function openCloudStore(_env: FunctionEnv, _log: Logger): Promise<Store> {
  throw new Error('MySQL store adapter not available yet');
}
