/**
 * Group commit under a crash (adapters/store/sqliteGroupCommit.ts): the local platform (local/main.ts, a
 * process of its own on SQLite) gets 48 submissions at once from one resident, so their transactions
 * share commits; it is killed with SIGKILL as soon as a few answers have arrived, while the others are
 * still queued, running in a batch or waiting for its COMMIT. After a restart on the same data folder
 * every submission is sent again with its requestId: each answered one comes back as the same case,
 * and the store holds exactly one case per submission — nothing answered lost, nothing doubled.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { spawn, type ChildProcess } from 'node:child_process';
import Database from 'better-sqlite3';

const dirs: string[] = [];
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
});

async function startPlatform(dataDir: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('local/main.ts')], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, SEED: 'demo', WALL_TIMER: '0', H5_DIR: path.join(dataDir, 'no-h5'), SUBMIT_LIMIT_PER_HOUR: '100000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`platform not ready in 30 s: ${err}`)), 30_000);
    child.once('exit', (code) => reject(new Error(`platform exited (${code}): ${err}`)));
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = /^ready (http:\/\/\S+)/.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
  });
  const login = await fetch(`${url}/local/login`, { method: 'POST', body: JSON.stringify({ user: 'resident-a' }) });
  const token = ((await login.json()) as { token: string }).token;
  const submit = async (requestId: string) => {
    const res = await fetch(`${url}/fn/case`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ action: 'submit', requestId, householdId: '1-1-101', kind: 'consultation', content: `您好，请问快递柜几点开放？（${requestId}）` }),
    });
    return { status: res.status, body: (await res.json()) as { ok: boolean; data?: { id: string; number: string } } };
  };
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return { child, submit, kill: async () => (child.kill('SIGKILL'), exited) };
}

const N = 48;

it.each([1, 6, 20])('[R-INT-7] SIGKILL after %i answers of 48 concurrent submissions, restart, resend all: each answered case kept, one case per submission', async (killAfter) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wuye-gc-crash-'));
  dirs.push(dataDir);
  const first = await startPlatform(dataDir);
  const ids = Array.from({ length: N }, (_, i) => `gc-crash-${killAfter}-${i.toString().padStart(2, '0')}`);
  const answered = new Map<string, { id: string; number: string }>();
  const refused: string[] = [];
  let killing: Promise<void> | undefined;
  await Promise.allSettled(
    ids.map(async (rid) => {
      const r = await first.submit(rid);
      if (r.status !== 200) refused.push(`${rid} ${r.status} ${JSON.stringify(r.body)}`);
      if (r.status === 200 && r.body.ok && r.body.data && !killing) {
        answered.set(rid, { id: r.body.data.id, number: r.body.data.number });
        if (answered.size >= killAfter) killing = first.kill();
      }
    }),
  );
  await killing;
  // Before the kill every answer was a case; after it, only lost connections (fetch rejects).
  expect(refused).toEqual([]);
  // The race was met: the kill came while submissions were still unanswered.
  expect(answered.size).toBeGreaterThanOrEqual(killAfter);
  expect(answered.size).toBeLessThan(N);

  const second = await startPlatform(dataDir);
  const again = await Promise.all(ids.map((rid) => second.submit(rid)));
  expect(again.map((r) => r.status)).toEqual(ids.map(() => 200));
  for (const [i, rid] of ids.entries()) {
    const before = answered.get(rid);
    if (before) expect({ id: again[i].body.data!.id, number: again[i].body.data!.number }).toEqual(before);
  }
  expect(new Set(again.map((r) => r.body.data!.id)).size).toBe(N);
  expect(new Set(again.map((r) => r.body.data!.number)).size).toBe(N);
  await second.kill();

  const db = new Database(path.join(dataDir, 'wuye.sqlite'), { readonly: true });
  try {
    const rows = db.prepare("select count(*) n from case_events where type = 'submitted' and by_user = 'resident-a'").get() as { n: number };
    expect(rows.n).toBe(N);
  } finally {
    db.close();
  }
}, 90_000);
