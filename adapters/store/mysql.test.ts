import { sql } from 'kysely';
import { emptyMysqlDatabase, freshMysqlDatabase, resetMysqlDatabase } from '../../test/support/mariadb';
import { describeStoreContract } from './contract';
import { describePagingContract } from './contractPaging';
import { describePushContract } from './contractPushes';
import { describeReportContract } from './contractReports';
import { describeFeeContract } from './contractFees';
import { describeCashierContract } from './contractCashier';
import { describeRenovationContract } from './contractRenovations';
import { describeDueWorkContract } from './contractDueWork';
import { openMysqlStore } from './mysql';

// One database for the suite, emptied before each test.
let url: string;
beforeAll(async () => {
  url = await freshMysqlDatabase('contract');
}, 60_000);
const fresh = async () => {
  await resetMysqlDatabase(url);
  return openMysqlStore(url);
};

describeStoreContract('MariaDB (mysql2)', fresh);
describePagingContract('MariaDB (mysql2)', fresh);
describePushContract('MariaDB (mysql2)', fresh);
describeReportContract('MariaDB (mysql2)', fresh);
describeFeeContract('MariaDB (mysql2)', fresh);
describeCashierContract('MariaDB (mysql2)', fresh);
describeRenovationContract('MariaDB (mysql2)', fresh);
describeDueWorkContract('MariaDB (mysql2)', fresh);

it('MySQL: migrations are applied once; ids and OPENIDs compare byte for byte (utf8mb4_bin); state JSON is mediumtext (16 MB, not the 64 KB of text)', async () => {
  const url = await emptyMysqlDatabase('schema');
  // From an empty database: every migration runs here, on MariaDB.
  const store = await openMysqlStore(url);
  const applied = async (s: typeof store) => (await s.db.selectFrom('kysely_migration' as never).select('name' as never).orderBy('name' as never).execute()).map((r: any) => r.name as string);
  const first = await applied(store);
  expect(first.length).toBeGreaterThan(0);
  await store.close();
  const again = await openMysqlStore(url);
  expect(await applied(again)).toEqual(first);
  // Two users whose OPENIDs differ only in case are two users.
  await again.transaction(async (tx) => {
    await tx.insertUser({ id: 'u1', openid: 'oAbC', name: '甲', phone: null, createdAt: 1 });
    await tx.insertUser({ id: 'u2', openid: 'oabc', name: '乙', phone: null, createdAt: 1 });
  });
  expect((await again.transaction((tx) => tx.userByOpenid('oabc')))?.id).toBe('u2');
  const cols = await sql<{ c: string; t: string; coll: string | null }>`select column_name c, data_type t, collation_name coll from information_schema.columns where table_schema = database() and table_name = 'cases' and column_name in ('id', 'state_json')`.execute(again.db);
  expect(Object.fromEntries(cols.rows.map((r: any) => [r.c ?? r.C ?? r.COLUMN_NAME, [r.t ?? r.T, r.coll ?? r.COLL]]))).toEqual({ id: ['varchar', 'utf8mb4_bin'], state_json: ['mediumtext', 'utf8mb4_bin'] });
  await again.close();
}, 60_000);
