import { StatementLog } from '../../adapters/store/sql/statementLog';
import { startHarness, rid, type Harness } from '../support/harness';
import { uploadPhotoAs } from '../support/calls';
import { freshMysqlDatabase } from '../support/mariadb';

/**
 * Statements per call, counted as the store's driver executes them (Kysely's log hook, per transaction):
 * over a network store each one is a round trip (issue 10 item 8). The budgets are the statements
 * between BEGIN and COMMIT; each test prints what ran when it fails.
 */
const SUBMIT_BUDGET = 8;

const log = new StatementLog();
let h: Harness;

/**
 * The one transaction that inserted a case while `fn` ran (the call's own), its statements inside
 * BEGIN … COMMIT. The log reads transactions one after another: on MariaDB's pool the outbox pass a
 * previous call started after its commit could interleave, so it is let finish first.
 */
async function statementsOf(fn: () => Promise<void>, pattern = /^insert into ["`]cases["`]/): Promise<string[]> {
  await h.platform.flushOutbox();
  log.clear();
  await fn();
  const txs = log.inside(pattern);
  expect(txs).toHaveLength(1);
  return txs[0];
}
const listed = (s: string[]) => s.map((q, i) => `${i + 1}. ${q.slice(0, 110)}`).join('\n');

describe.each(['SQLite', 'MariaDB'])('round trips per call on %s', (store) => {
  beforeAll(async () => {
    const env = store === 'MariaDB' ? { DB_URL: await freshMysqlDatabase('trips') } : {};
    h = await startHarness({ env, hooks: { onStatement: log.hook } });
  }, 60_000);
  afterAll(() => h.close());

  it(`case.submit runs at most ${SUBMIT_BUDGET} statements in its one transaction; a replay runs one`, async () => {
    const a = await h.login('resident-a');
    const body = { action: 'submit', requestId: rid(), householdId: '1-1-101', kind: 'consultation', content: '您好，请问物业费可以按年缴吗？' };
    const s = await statementsOf(async () => {
      const r = await h.call(a, 'case', body);
      expect(r.status).toBe(200);
      expect(r.body.data.timeline).toHaveLength(1);
    });
    if (s.length > SUBMIT_BUDGET) throw new Error(`case.submit ran ${s.length} statements (budget ${SUBMIT_BUDGET}):\n${listed(s)}`);
    // One transaction, one commit: nothing was delivered in a second one (the message center's rows came with it).
    expect(s.filter((q) => /^insert (or ignore |ignore )?into ["`]messages["`]/.test(q))).toHaveLength(1);
    expect(s.filter((q) => /^insert into ["`]outbox["`]/.test(q))).toHaveLength(1);

    // The same request again: the caller and the stored reply come in one read, nothing is written.
    await h.platform.flushOutbox();
    log.clear();
    const again = await h.call(a, 'case', body);
    expect(again.status).toBe(200);
    const replay = log.transactions.filter((t) => t.some((q) => /["`]idempotency["`]/.test(q))).map((t) => t.slice(1, -1));
    expect(replay).toEqual([[expect.stringMatching(/^select .* from ["`]users["`] left join ["`]idempotency["`]/)]]);
  });

  it('a write whose messages all reached the message center is followed by no outbox pass (no second transaction)', async () => {
    const a = await h.login('resident-a');
    await h.platform.flushOutbox();
    log.clear();
    const r = await h.call(a, 'case', { action: 'submit', requestId: rid(), householdId: '1-1-101', kind: 'consultation', content: '您好，请问小区的快递柜在哪里？' });
    expect(r.status).toBe(200);
    // A pass would have started before the answer (the dispatcher calls it after the commit); give it time to show.
    await new Promise((ok) => setTimeout(ok, 300));
    const outboxReads = log.transactions.filter((t) => t.some((q) => /^select .* from ["`]outbox["`]/.test(q)));
    expect(outboxReads).toEqual([]);
    expect(log.inside(/^insert into ["`]cases["`]/)).toHaveLength(1);
  });

  it('an emergency repair (the on-duty technician paged) and the front desk intake keep the same budget', async () => {
    const a = await h.login('resident-a');
    const burst = await statementsOf(async () => {
      const r = await h.call(a, 'case', {
        action: 'submit',
        requestId: rid(),
        householdId: '1-1-101',
        kind: 'repair',
        category: 'burst_pipe',
        location: 'in_home',
        content: '厨房水管爆裂，水一直在流',
      });
      expect(r.status).toBe(200);
      expect(r.body.data.emergency).toBe(true);
    });
    if (burst.length > SUBMIT_BUDGET) throw new Error(`emergency submit ran ${burst.length} statements:\n${listed(burst)}`);

    const fd = await h.login('frontdesk');
    const intake = await statementsOf(async () => {
      const r = await h.call(fd, 'workbench', {
        action: 'intake',
        requestId: rid(),
        householdId: '1-1-101',
        channel: 'phone',
        contactName: '李明',
        contactPhone: '13800001101',
        kind: 'help',
        category: 'cleaning',
        content: '楼道里有大件垃圾，请安排清理',
      });
      expect(r.status).toBe(200);
    });
    if (intake.length > SUBMIT_BUDGET) throw new Error(`workbench.intake ran ${intake.length} statements:\n${listed(intake)}`);
  });

  it('photos cost their one link insert, however many (checked in the same read as the household)', async () => {
    const a = await h.login('resident-a');
    const photos = [await uploadPhotoAs(h, 'resident-a'), await uploadPhotoAs(h, 'resident-a')];
    const s = await statementsOf(async () => {
      const r = await h.call(a, 'case', { action: 'submit', requestId: rid(), householdId: '1-1-101', kind: 'repair', category: 'door_window', location: 'in_home', content: '卧室窗户关不严', photos });
      expect(r.status).toBe(200);
    });
    if (s.length > SUBMIT_BUDGET + 1) throw new Error(`submit with photos ran ${s.length} statements:\n${listed(s)}`);
    expect(s.filter((q) => /\bfiles\b/.test(q) && /^select/.test(q))).toHaveLength(1);
  });
});
