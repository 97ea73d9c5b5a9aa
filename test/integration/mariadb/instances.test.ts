/** test/integration/instances.test.ts again on the run's MariaDB (READ COMMITTED): 4 Node processes, one database. */
process.env.WUYE_TEST_STORE = 'mariadb';
afterAll(() => {
  delete process.env.WUYE_TEST_STORE; // a worker's next suite runs on its own store
});
require('../instances.test');
