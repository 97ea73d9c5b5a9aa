import type { MigrationMark } from './migrationCheck';
import { LATEST_MIGRATION, MIGRATION_COUNT } from './migrations';

/**
 * The last migration and the count, for the one-statement check at open. In a cloud-function bundle
 * this module is replaced by the two values themselves, taken from migrations.ts at build time
 * (scripts/bundle-plugins.ts), so the bundle does not hold the migrations: they are their own file,
 * loaded only when the store is behind (scripts/bundle-functions.ts, LAZY_MODULES).
 */
export const MIGRATION_MARK: MigrationMark = { latest: LATEST_MIGRATION, count: MIGRATION_COUNT };
