import { cloudDepsFromEnv } from './cloudbase';
import { openSqliteStore } from '../../adapters/store/sqlite';
import { runSweep } from '../../core/usecases/sla/run';
import { startFakePushServers, type FakePushServers } from '../../test/support/fakePushServers';

/**
 * The CloudBase bootstrap wires the push senders from the environment, and the `sla` timer delivers
 * them inside its invocation (runSweep awaits deps.deliver): no work is left running after it answers.
 */
const TMPL = 'TMPL_caseProgress_0001';
let fake: FakePushServers;
beforeEach(async () => {
  fake = await startFakePushServers();
});
afterEach(() => fake.close());

const envOf = (f: FakePushServers, extra: Record<string, string> = {}) => ({
  DB_URL: 'mysql://u:p@127.0.0.1:3306/wuye',
  WECHAT_APPID: f.appid,
  WECHAT_APPSECRET: f.secret,
  WECHAT_API_BASE: f.url,
  WECHAT_TMPL_CASE_PROGRESS: TMPL,
  WECHAT_TMPL_REPAIR_QUOTE: '',
  WECOM_ROBOT_WEBHOOK: `${f.url}/cgi-bin/webhook/send?key=${f.robotKey}`,
  ...extra,
});

it('the sla timer sends the due subscribe messages and robot posts before it answers', async () => {
  const store = await openSqliteStore(':memory:');
  const logs: string[] = [];
  const log = { info() {}, warn: (o: object) => void logs.push(JSON.stringify(o)), error: (o: object) => void logs.push(JSON.stringify(o)) };
  const deps = cloudDepsFromEnv(envOf(fake), async () => store, log);
  expect(deps.pushes?.wechat?.templates).toEqual({ caseProgress: TMPL });
  const now = deps.clock.now();
  await deps.store.transaction(async (tx) => {
    await tx.insertUser({ id: 'resident-a', openid: 'o_a', name: '王芳', phone: null, createdAt: now });
    await tx.insertGrants([{ id: 'sg_1', userId: 'resident-a', templateKey: 'caseProgress', requestId: 'req-00000001', grantedAt: now, pushId: null }]);
    await tx.enqueue([
      { id: 'ob_1', channel: 'inbox', to: 'resident-a', template: 'case.received', data: { caseId: 'c_1', number: 'BX1', kind: '报修' }, createdAt: now },
      { id: 'ob_2', channel: 'inbox', to: 'frontdesk', template: 'case.new', data: { caseId: 'c_1', number: 'BX1', kind: '报修', householdId: '1-1-101' }, createdAt: now },
    ]);
  });
  fake.consent.set(`o_a|${TMPL}`, 1);
  const out = await runSweep(deps, { Type: 'Timer', TriggerName: 'sweep' }, null);
  expect(out.ok).toBe(true);
  expect([fake.wechatDelivered.size, fake.robotDelivered.size]).toEqual([1, 1]);
  expect(logs).toEqual([]);
  await store.close();
});

it('template ids without the mini-program credentials refuse the configuration, naming variables only', () => {
  const logs: string[] = [];
  const log = { info() {}, warn() {}, error: (o: object, m?: string) => void logs.push(`${JSON.stringify(o)} ${m}`) };
  const deps = cloudDepsFromEnv(envOf(fake, { WECHAT_APPID: '', WECHAT_APPSECRET: '' }), async () => {
    throw new Error('not opened');
  }, log);
  expect(deps.pushes).toBeUndefined();
  expect(logs.join('\n')).toContain('WECHAT_APPID');
  expect(logs.join('\n')).not.toContain(fake.robotKey);
});
