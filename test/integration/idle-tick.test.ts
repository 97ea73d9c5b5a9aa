import { StatementLog } from '../../adapters/store/sql/statementLog';
import { MINUTE } from '../../core/time';
import { isArrearsDigestTick } from '../../core/usecases/sla/arrearsSweep';
import { isPurgeTick } from '../../core/usecases/sla/purgeReplies';
import { startHarness, type Harness } from '../support/harness';
import { freshMysqlDatabase } from '../support/mariadb';

/**
 * The minute timer when nothing is due (the demo seed, nothing pending): what one tick of the local
 * platform's scheduler (the `sla` function and its delivery pass) sends to the store, counted as the
 * driver executes it. On CloudBase MySQL each statement is a round trip, every minute.
 */
const log = new StatementLog();
let h: Harness;
let start: number;

/**
 * The next minute at 5 past an hour after `from`: the three minutes after it are neither the top of an
 * hour (the purge) nor 09:00 Shanghai (arrears ladders open), whatever the host's time (Shanghai's
 * offset is whole hours).
 */
function fivePastAfter(from: number): number {
  let t = Math.floor(from / MINUTE) * MINUTE + MINUTE;
  while (Math.floor(t / MINUTE) % 60 !== 5) t += MINUTE;
  for (let i = 1; i <= 3; i++) if (isPurgeTick(t + i * MINUTE) || isArrearsDigestTick(t + i * MINUTE)) throw new Error('not a quiet minute');
  return t;
}

describe.each(['SQLite', 'MariaDB'])('an idle tick of the minute timer on %s', (store) => {
  beforeAll(async () => {
    const env = store === 'MariaDB' ? { DB_URL: await freshMysqlDatabase('idle') } : {};
    h = await startHarness({ env, hooks: { onStatement: log.hook } });
    // Whatever the seed left due is handled first.
    start = fivePastAfter(h.platform.clock.now());
    h.platform.clock.set(start);
    await h.platform.scheduler.catchUp();
    await h.platform.flushOutbox();
  }, 60_000);
  afterAll(() => h.close());

  it('runs exactly one statement: the read that finds nothing due (no transaction, no write lock)', async () => {
    for (let i = 1; i <= 3; i++) {
      log.clear();
      // Exactly one tick: the next minute.
      h.platform.clock.set(start + i * MINUTE);
      await h.platform.scheduler.catchUp();
      const sent = [...log.transactions.flat(), ...log.single];
      if (sent.length !== 1) throw new Error(`an idle tick ran ${sent.length} statements in ${log.transactions.length} transactions:\n${sent.map((q, n) => `${n + 1}. ${q.slice(0, 110)}`).join('\n')}`);
      expect(log.transactions).toEqual([]);
      expect(log.single).toEqual([expect.stringMatching(/^select exists/)]);
    }
  });
});
