import type { Logger } from '../../core/ports/runtime';
import type { Store } from '../../core/ports/store';
import type { FunctionEnv } from './env';

/**
 * The deployed store: MySQL over the private-network direct connection (adapters/store/mysql.ts),
 * `DB_POOL_SIZE` connections, migrated on first connection. Loaded on the first transaction only, so
 * requiring a bundle does not evaluate Kysely and mysql2 (cold start), and a refused call never does.
 */
export async function openCloudStore(env: FunctionEnv, log: Logger): Promise<Store> {
  const { openMysqlStore } = await import('../../adapters/store/mysql');
  const store = await openMysqlStore(env.DB_URL, { connections: env.DB_POOL_SIZE });
  log.info({ connections: env.DB_POOL_SIZE }, 'store opened');
  return store;
}
