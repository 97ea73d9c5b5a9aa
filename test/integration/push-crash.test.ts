/**
 * The outbox survives a crash between commit and send: a delivery process is killed with SIGKILL while
 * a push request is in flight (the fake server has acted, the answer has not arrived), a new process
 * starts after the claim's lease, and every message is delivered exactly once — to the message center,
 * and (deduplicated by the idempotency key, which the retry carries unchanged) to the fake WeChat and
 * robot servers. At the HTTP boundary it is at least once: the in-flight request IS sent twice, with
 * one key (core/usecases/outbox/deliverPushes.ts explains the choice).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { build } from 'esbuild';
import { openSqliteStore } from '../../adapters/store/sqlite';
import { LEASE_MS } from '../../core/usecases/outbox/deliverPushes';
import { startFakePushServers, type FakePushServers } from '../support/fakePushServers';

const NOW = Date.parse('2026-12-02T10:00:00+08:00');
const TMPL = 'TMPL_caseProgress_0001';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wuye-push-'));
const file = path.join(dir, 'wuye.sqlite');
const childJs = path.join(dir, 'pushChild.js');
let fake: FakePushServers;

beforeAll(async () => {
  await build({ entryPoints: ['test/support/pushChild.ts'], outfile: childJs, bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['better-sqlite3'], logLevel: 'warning' });
  fake = await startFakePushServers();
});
afterAll(async () => {
  await fake.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function startChild(now: number) {
  const child = spawn(process.execPath, [childJs], {
    env: {
      ...process.env,
      NODE_PATH: path.resolve('node_modules'),
      PUSH_DB: file,
      PUSH_NOW: String(now),
      WECHAT_APPID: fake.appid,
      WECHAT_APPSECRET: fake.secret,
      WECHAT_API_BASE: fake.url,
      WECHAT_TMPL_CASE_PROGRESS: TMPL,
      WECOM_ROBOT_WEBHOOK: `${fake.url}/cgi-bin/webhook/send?key=${fake.robotKey}`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string }>((r) => child.on('exit', (code, signal) => r({ code, signal, out, err })));
  return { child, exited };
}

const until = async (cond: () => boolean, ms = 20_000) => {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 5));
  }
};

it('SIGKILL mid-delivery, restart: every message delivered exactly once (message center, WeChat, robot)', async () => {
  const store = await openSqliteStore(file);
  const residents = Array.from({ length: 6 }, (_, i) => `resident-${i}`);
  await store.transaction(async (tx) => {
    for (const id of [...residents, 'frontdesk']) await tx.insertUser({ id, openid: `o_${id}`, name: id, phone: null, createdAt: NOW });
    // Each resident accepted once; WeChat agrees.
    await tx.insertGrants(residents.map((userId, i) => ({ id: `sg_${i}`, userId, templateKey: 'caseProgress', requestId: `req-0000000${i}`, grantedAt: NOW, pushId: null })));
    const messages = [
      ...residents.map((to, i) => ({ id: `ob_r${i}`, to, template: 'case.received' as const, data: { caseId: `c_${i}`, number: `BX20261202-000${i}`, kind: '报修' } })),
      ...Array.from({ length: 10 }, (_, i) => ({ id: `ob_s${i}`, to: 'frontdesk', template: 'case.new' as const, data: { caseId: `c_s${i}`, number: `TS20261202-00${10 + i}`, kind: '投诉', householdId: `1-1-${i}` } })),
    ];
    await tx.enqueue(messages.map((m) => ({ ...m, channel: 'inbox' as const, createdAt: NOW })));
  });
  for (const r of residents) fake.consent.set(`o_${r}|${TMPL}`, 5);
  await store.close();

  // First process: killed while its 4th robot post is in flight (the server has taken it; the answer waits).
  fake.delayMs = 300;
  const first = startChild(NOW);
  await until(() => fake.robotRequests.length >= 4);
  first.child.kill('SIGKILL');
  const killed = await first.exited;
  expect(killed.signal).toBe('SIGKILL');
  expect(killed.out).not.toContain('DONE');
  const before = fake.robotRequests.length + fake.wechatRequests.length;

  // Second process, after the lease: finishes the rest and re-sends the in-flight post with its key.
  fake.delayMs = 0;
  const second = startChild(NOW + LEASE_MS + 60_000); // the first process ran for a few seconds of its own clock
  const done = await second.exited;
  expect([done.code, done.err]).toEqual([0, '']);
  expect(done.out).toMatch(/^DONE /);

  const check = await openSqliteStore(file);
  const pushes = await check.transaction((tx) => tx.pushesAll());
  const outbox = await check.transaction((tx) => tx.outboxAll());
  // Message center: every outbox message delivered, each exactly once.
  expect(outbox.every((m) => m.status === 'delivered')).toBe(true);
  const inbox = await check.db.selectFrom('messages').select(['source_id']).execute();
  expect(inbox.map((m) => m.source_id).sort()).toEqual(outbox.map((m) => m.id).sort());
  // Pushes: 6 subscribe messages + 10 robot posts, all sent.
  expect(pushes.map((p) => p.status)).toEqual(Array(16).fill('sent'));
  // Exactly once at the fake servers, by key; and the key of each push is the one it was delivered under.
  expect(fake.wechatDelivered.size).toBe(6);
  expect(fake.robotDelivered.size).toBe(10);
  expect(new Set(pushes.map((p) => p.sendKey))).toEqual(new Set([...fake.wechatDelivered.keys(), ...fake.robotDelivered.keys()]));
  // At least once at the HTTP boundary: the request in flight at the kill went out twice, same key.
  const keys = [...fake.robotRequests, ...fake.wechatRequests].map((r) => r.key);
  const twice = keys.filter((k, i) => keys.indexOf(k) !== i);
  expect(twice.length).toBeGreaterThanOrEqual(1);
  expect(keys.length).toBe(16 + twice.length);
  expect(before).toBeGreaterThanOrEqual(4);
  // WeChat's own consent count: each resident used exactly one accept.
  for (const r of residents) expect(fake.consent.get(`o_${r}|${TMPL}`)).toBe(4);
  await check.close();
}, 60_000);
