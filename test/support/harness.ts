import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startPlatform, type Platform, type PlatformHooks, type PlatformInput } from '../../local/platform';
import { freshMysqlDatabase } from './mariadb';
import { expectReplayMatches } from './replay';

/**
 * Which store the integration suites run on: SQLite in the data folder (default) or the run's MariaDB
 * (`WUYE_TEST_STORE=mariadb`; test/integration/mariadb/* run chosen suites again this way).
 */
export type TestStore = 'sqlite' | 'mariadb';
export const testStore = (): TestStore => (process.env.WUYE_TEST_STORE === 'mariadb' ? 'mariadb' : 'sqlite');

/** The platform's DB_URL for a new test platform: a fresh database on the run's MariaDB, or none (SQLite). */
export async function testDbUrl(store: TestStore = testStore()): Promise<Partial<PlatformInput>> {
  return store === 'mariadb' ? { DB_URL: await freshMysqlDatabase('h') } : {};
}

/**
 * What the workflow suites run on: the test clock and the development endpoints (/local/clock,
 * /local/outbox) on, and — because they move the clock by weeks with the same signed-in users and open
 * hundreds of cases as one resident — sessions that outlive the run and creation limits lifted. Suites
 * about sessions and limits start with `{ realLimits: true }`: the platform's own defaults.
 */
export function testPlatformEnv(dataDir: string, opts: { seed?: 'demo' | 'none'; realLimits?: boolean } = {}): PlatformInput {
  const lifted = { SESSION_TTL_HOURS: 24 * 366 * 10, LOGIN_LIMIT_PER_MINUTE: 1_000_000, SUBMIT_LIMIT_PER_HOUR: 1_000_000, INTAKE_LIMIT_PER_HOUR: 1_000_000 };
  // WALL_TIMER '0': jobs run when a suite moves the clock, never because the wall clock reached a time of day.
  return { PORT: 0, HOST: '127.0.0.1', DATA_DIR: dataDir, SEED: opts.seed ?? 'demo', TEST_CLOCK: '1', WALL_TIMER: '0', H5_DIR: 'dist/h5', ...(opts.realLimits ? {} : lifted) };
}

export interface Harness {
  platform: Platform;
  url: string;
  dataDir: string;
  /** Signs a demo user in (`/local/login`) and returns the bearer token. */
  login(user: string): Promise<string>;
  /** POST /fn/<name> with the body; returns HTTP status and the parsed envelope. */
  call(token: string | null, fn: string, body: unknown): Promise<{ status: number; body: any }>;
  /** Checks that every case's events replay to its stored row (expectReplayMatches), then stops. */
  close(): Promise<void>;
}

/**
 * A fresh local platform on a free port with its own data folder, seeded with the demo data and the test clock (see testPlatformEnv),
 * on SQLite or, with `store: 'mariadb'` (or WUYE_TEST_STORE=mariadb), on a fresh database of the run's MariaDB.
 */
export async function startHarness(
  opts: { seed?: 'demo' | 'none'; realLimits?: boolean; env?: Partial<PlatformInput>; store?: TestStore; hooks?: PlatformHooks } = {},
): Promise<Harness> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wuye-test-'));
  const platform = await startPlatform({ ...testPlatformEnv(dataDir, opts), ...(await testDbUrl(opts.store)), ...opts.env }, [], opts.hooks);
  const url = platform.url;
  const tokens = new Map<string, string>();
  return {
    platform,
    url,
    dataDir,
    async login(user) {
      const cached = tokens.get(user);
      if (cached) return cached;
      const res = await fetch(`${url}/local/login`, { method: 'POST', body: JSON.stringify({ user }) });
      if (res.status !== 200) throw new Error(`login ${user} failed: ${res.status}`);
      const token = ((await res.json()) as { token: string }).token;
      tokens.set(user, token);
      return token;
    },
    async call(token, fn, body) {
      const res = await fetch(`${url}/fn/${fn}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      return { status: res.status, body: await res.json() };
    },
    async close() {
      try {
        await expectReplayMatches({ platform });
      } finally {
        await platform.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}

let seq = 0;
/** A request id unique within the test run. */
export const rid = (tag = 'req') => `${tag}-${process.pid}-${Date.now().toString(36)}-${(seq++).toString(36)}`;
