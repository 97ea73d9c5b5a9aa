/** test/integration/race.test.ts again on the run's MariaDB: 4 Node processes, one database, real interleaved transactions. */
process.env.WUYE_TEST_STORE = 'mariadb';
afterAll(() => {
  delete process.env.WUYE_TEST_STORE; // a worker's next suite runs on its own store
});
require('../race.test');
