/**
 * `npm run crash -- --rounds 1000 [--store mariadb] [--seed N]`: the payment crash test
 * (test/integration/pay-crash.test.ts) with as many SIGKILL rounds as asked (npm test runs 50).
 */
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const rounds = opt('rounds') ?? '1000';
if (!/^\d+$/.test(rounds)) throw new Error(`--rounds must be a whole number: ${rounds}`);
const file = opt('store') === 'mariadb' ? 'test/integration/mariadb/pay-crash.test.ts' : 'test/integration/pay-crash.test.ts';
const env = { ...process.env, CRASH_ROUNDS: rounds, ...(opt('seed') ? { CRASH_SEED: opt('seed') } : {}) };
const r = spawnSync('npx', ['jest', file, '--selectProjects', 'unit', '--ci'], { stdio: 'inherit', env });
process.exit(r.status ?? 1);
