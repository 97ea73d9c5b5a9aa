/** test/integration/renovation.test.ts again, on the run's MariaDB (each harness a fresh database): same tests, same expectations. */
process.env.WUYE_TEST_STORE = 'mariadb';
afterAll(() => {
  delete process.env.WUYE_TEST_STORE; // a worker's next suite runs on its own store
});
require('../renovation.test');
