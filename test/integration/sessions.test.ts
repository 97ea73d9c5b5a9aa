/**
 * Issue 7, item 7: sessions of the local platform expire, end on logout and are bounded per user; the
 * development endpoints exist only when asked for; sign-in and case creation are rate-limited per
 * caller with limits a real resident never meets (429 RATE.LIMITED). The platform here runs with its
 * own defaults (`realLimits`), not the lifted limits of the workflow suites.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startPlatform, type Platform } from '../../local/platform';
import { dispatch } from '../../core/api/dispatch';
import { CREATION_LIMITS } from '../../core/limits';
import { configureRuntime } from '../../cloudfunctions/_runtime/deps';
import { startHarness, rid, type Harness } from '../support/harness';
import * as O from '../support/objects';
import { DAY, HOUR, MINUTE, advance } from '../support/clock';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ realLimits: true });
});
afterAll(() => h.close());

const signIn = async (url: string, user: string) => {
  const res = await fetch(`${url}/local/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user }) });
  const body = (await res.json()) as any;
  return { status: res.status, token: body.token as string | undefined, code: body.error?.code as string | undefined, retryAfter: res.headers.get('retry-after'), cookie: res.headers.get('set-cookie') };
};
/**
 * Another platform for one check. The cloud functions' runtime is one per process (as in CloudBase), so
 * `h` takes it back when the other one closes.
 */
async function withOther<T>(start: () => Promise<{ close(): Promise<void> }>, check: (other: any) => Promise<T>): Promise<T> {
  const other = await start();
  try {
    return await check(other);
  } finally {
    await other.close();
    configureRuntime(h.platform.deps);
  }
}
const me = async (token: string) => (await h.call(token, 'account', { action: 'me' })).status;

describe('item 7: sessions', () => {
  it('[R-ACC-2] item 7: a session expires 7 days after sign-in, on the platform clock', async () => {
    const { token } = await signIn(h.url, 'resident-b');
    expect(await me(token!)).toBe(200);
    await advance(h, 7 * DAY - MINUTE);
    expect(await me(token!)).toBe(200);
    await advance(h, 2 * MINUTE);
    const r = await h.call(token!, 'account', { action: 'me' });
    expect([r.status, r.body.error.code]).toEqual([401, 'AUTH.UNAUTHENTICATED']);
    // Signing in again works, and the expired token stays dead.
    const again = await signIn(h.url, 'resident-b');
    expect(await me(again.token!)).toBe(200);
    expect(await me(token!)).toBe(401);
  });

  it('item 7: the session length is configurable (SESSION_TTL_HOURS) and the cookie says so', async () => {
    await withOther(
      () => startHarness({ realLimits: true, env: { SESSION_TTL_HOURS: 2 } }),
      async (short: Harness) => {
        const s = await signIn(short.url, 'resident-a');
        expect(s.cookie).toMatch(/Max-Age=7200\b/);
        expect((await short.call(s.token!, 'account', { action: 'me' })).status).toBe(200);
        await advance(short, 2 * HOUR);
        expect((await short.call(s.token!, 'account', { action: 'me' })).status).toBe(401);
      },
    );
  });

  it('[R-ACC-2] item 7: POST /local/logout ends the session (bearer or cookie) and clears the cookie; other sessions live on', async () => {
    const one = await signIn(h.url, 'tech-2');
    const two = await signIn(h.url, 'tech-2');
    const out = await fetch(`${h.url}/local/logout`, { method: 'POST', headers: { authorization: `Bearer ${one.token}` } });
    expect(out.status).toBe(200);
    expect(((await out.json()) as any).data).toEqual({ ended: true });
    expect(out.headers.get('set-cookie')).toMatch(/wuye_token=;.*Max-Age=0/);
    expect(await me(one.token!)).toBe(401);
    expect(await me(two.token!)).toBe(200);
    // By cookie, as the H5 app's requests carry it.
    const byCookie = await fetch(`${h.url}/local/logout`, { method: 'POST', headers: { cookie: `wuye_token=${encodeURIComponent(two.token!)}` } });
    expect(((await byCookie.json()) as any).data).toEqual({ ended: true });
    expect(await me(two.token!)).toBe(401);
    // Logging out twice, or without a session, is harmless.
    const again = await fetch(`${h.url}/local/logout`, { method: 'POST', headers: { authorization: `Bearer ${one.token}` } });
    expect([again.status, ((await again.json()) as any).data]).toEqual([200, { ended: false }]);
  });

  it('item 7: one user holds at most 10 sessions; the 11th sign-in ends the oldest', async () => {
    const tokens: string[] = [];
    for (let i = 0; i < 11; i++) tokens.push((await signIn(h.url, 'reno-officer')).token!);
    const alive = [];
    for (const t of tokens) alive.push(await me(t));
    expect(alive).toEqual([401, ...Array(10).fill(200)]);
  });
});

describe('item 7: development endpoints exist only when asked for', () => {
  /** The development endpoints' statuses on a fresh platform started with `env` (and nothing else). */
  const statuses = (env: Record<string, string>) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wuye-dev-'));
    return withOther(
      async () => {
        const p = await startPlatform({ PORT: 0, DATA_DIR: dir, SEED: 'demo', ...env });
        return { p, close: async () => (await p.close(), fs.rmSync(dir, { recursive: true, force: true })) };
      },
      async ({ p }: { p: Platform }) => ({
        outbox: (await fetch(`${p.url}/local/outbox`)).status,
        clockGet: (await fetch(`${p.url}/local/clock`)).status,
        clockPost: (await fetch(`${p.url}/local/clock`, { method: 'POST', body: JSON.stringify({ advanceMs: 60_000 }) })).status,
        code: ((await (await fetch(`${p.url}/local/outbox`)).json()) as any).error?.code ?? 'ok',
      }),
    );
  };

  it('item 7: by default (a deployment) /local/outbox and /local/clock are 404', async () => {
    expect(await statuses({})).toEqual({ outbox: 404, clockGet: 404, clockPost: 404, code: 'FUNCTION.NOT_FOUND' });
  });

  it('item 7: DEV_ENDPOINTS=1 (npm start, npm run api) reads them; only TEST_CLOCK=1 moves the clock', async () => {
    expect(await statuses({ DEV_ENDPOINTS: '1' })).toEqual({ outbox: 200, clockGet: 200, clockPost: 404, code: 'ok' });
    expect(await statuses({ TEST_CLOCK: '1' })).toEqual({ outbox: 200, clockGet: 200, clockPost: 200, code: 'ok' });
  });

  it('item 7: npm start and npm run api turn DEV_ENDPOINTS on; nothing else does', () => {
    const root = path.join(__dirname, '../..');
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.api).toMatch(/DEV_ENDPOINTS=\$\{DEV_ENDPOINTS:-1\}/);
    expect(fs.readFileSync(path.join(root, 'scripts/start.sh'), 'utf8')).toMatch(/DEV_ENDPOINTS="\$\{DEV_ENDPOINTS:-1\}"/);
    const others = Object.entries(pkg.scripts).filter(([k, v]) => k !== 'api' && /DEV_ENDPOINTS/.test(v));
    expect(others).toEqual([]);
  });
});

describe('item 7: rate limits', () => {
  it('item 7: sign-in is limited to 20 a minute per client and user (429 RATE.LIMITED, Retry-After); others are unaffected', async () => {
    const answers = [];
    for (let i = 0; i < 21; i++) answers.push((await signIn(h.url, 'cashier')).status);
    expect(answers).toEqual([...Array(20).fill(200), 429]);
    const limited = await signIn(h.url, 'cashier');
    expect([limited.status, limited.code]).toEqual([429, 'RATE.LIMITED']);
    expect(Number(limited.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(limited.retryAfter)).toBeLessThanOrEqual(60);
    expect((await signIn(h.url, 'manager')).status).toBe(200);
    await advance(h, MINUTE);
    expect((await signIn(h.url, 'cashier')).status).toBe(200);
  });

  it('item 7: guessing user names is limited too (per client, whatever the name)', async () => {
    const codes = await withOther(
      () => startHarness({ realLimits: true }),
      async (other: Harness) => {
        const seen = new Map<string, number>();
        for (let i = 0; i < 125; i++) {
          const r = await signIn(other.url, `nobody-${i}`);
          seen.set(r.code ?? 'ok', (seen.get(r.code ?? 'ok') ?? 0) + 1);
        }
        return Object.fromEntries(seen);
      },
    );
    expect(codes).toEqual({ 'USER.NOT_FOUND': 120, 'RATE.LIMITED': 5 });
  });

  it(`item 7: case.submit is limited to ${CREATION_LIMITS.submit.max} an hour per resident (429 RATE.LIMITED, nothing stored); a retry is not limited; the next hour it works again`, async () => {
    const db = O.dbOf(h);
    const submit = (requestId: string) =>
      dispatch(h.platform.deps, 'case', { action: 'submit', requestId, householdId: '1-1-102', kind: 'consultation', content: '请问小区快递柜在哪里？' }, { openid: O.demoOpenid('resident-b') });
    const first = rid('limit');
    const outs = [];
    for (let i = 0; i < CREATION_LIMITS.submit.max; i++) outs.push((await submit(i === 0 ? first : rid('limit'))).ok);
    expect(outs.every(Boolean)).toBe(true);
    const before = await O.fingerprint(db);
    const b = await h.login('resident-b');
    const over = await h.call(b, 'case', { action: 'submit', requestId: rid('limit'), householdId: '1-1-102', kind: 'consultation', content: '请问小区快递柜在哪里？' });
    expect([over.status, over.body.error.code]).toEqual([429, 'RATE.LIMITED']);
    expect(over.body.error.message).toMatch(/请稍候再试/);
    await O.settle(h);
    expect(O.changedTables(before, await O.fingerprint(db))).toEqual([]);
    // The same request sent again (a retry after a lost answer) still gets its first result.
    const replay = await submit(first);
    expect(replay.ok).toBe(true);
    // Another household's resident is not limited by this one.
    expect((await h.call(await h.login('resident-a'), 'case', { action: 'submit', requestId: rid('limit'), householdId: '1-1-101', kind: 'consultation', content: '请问周末物业办公室开门吗？' })).status).toBe(200);
    await advance(h, HOUR);
    expect((await submit(rid('limit'))).ok).toBe(true);
  });

  it(`item 7: workbench.intake is limited to ${CREATION_LIMITS.intake.max} an hour per staff member`, async () => {
    const intake = (who: string) =>
      dispatch(
        h.platform.deps,
        'workbench',
        { action: 'intake', requestId: rid('intake'), householdId: '1-2-201', channel: 'phone', contactName: '赵先生', contactPhone: '13900002201', kind: 'consultation', content: '来电咨询停车位办理' },
        { openid: O.demoOpenid(who) },
      );
    for (let i = 0; i < CREATION_LIMITS.intake.max; i++) {
      const r = await intake('frontdesk');
      if (!r.ok) throw new Error(`intake ${i + 1}: ${r.error.code}`);
    }
    const over = await intake('frontdesk');
    expect(over.ok ? 'ok' : over.error.code).toBe('RATE.LIMITED');
    const sup = await intake('supervisor');
    expect(sup.ok ? 'ok' : sup.error.code).toBe('ok');
  }, 60_000);

  it('item 7: the creation limit is counted in the store, so it holds across instances (two platforms on one store)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wuye-two-'));
    const a = await startPlatform({ PORT: 0, DATA_DIR: dir, SEED: 'demo' });
    const b = await startPlatform({ PORT: 0, DATA_DIR: dir, SEED: 'demo' });
    try {
      // Each instance runs the same core through its own store connection.
      // One thread, two SQLite connections: each call waits for its instance's outbox delivery, so the
      // two never hold the write lock at once (real instances are separate processes).
      const submitVia = async (p: Platform) => {
        const out = await dispatch(p.deps, 'case', { action: 'submit', requestId: rid('two'), householdId: '1-1-101', kind: 'suggestion', content: '建议增加电动车充电桩' }, { openid: O.demoOpenid('resident-a') });
        await p.flushOutbox();
        return out;
      };
      const codes = [];
      for (let i = 0; i < CREATION_LIMITS.submit.max + 2; i++) {
        const r = await submitVia(i % 2 ? b : a);
        codes.push(r.ok ? 'ok' : r.error.code);
      }
      expect(codes).toEqual([...Array(CREATION_LIMITS.submit.max).fill('ok'), 'RATE.LIMITED', 'RATE.LIMITED']);
    } finally {
      await a.close();
      await b.close();
      fs.rmSync(dir, { recursive: true, force: true });
      configureRuntime(h.platform.deps);
    }
  });
});
