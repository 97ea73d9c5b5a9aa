/** test/integration/pay-crash.test.ts again, on the run's MariaDB (CHECK TABLE for integrity): same tests, same expectations. */
process.env.WUYE_TEST_STORE = 'mariadb';
afterAll(() => {
  delete process.env.WUYE_TEST_STORE; // a worker's next suite runs on its own store
});
require('../pay-crash.test');
