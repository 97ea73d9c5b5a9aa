import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { LogEvent } from 'kysely';
import { z } from 'zod';
import { openStore } from '../adapters/store/open';
import { diskFileStore } from '../adapters/files/disk';
import { excelSpreadsheets } from '../adapters/spreadsheets/exceljs';
import { localCloudStorage } from './cloudStorage';
import { inboxNotifier } from '../adapters/notify/inbox';
import { createLogger } from '../adapters/platform/logger';
import { MovableClock, randomIds, sha256, systemClock } from '../adapters/platform/system';
import { configureRuntime } from '../cloudfunctions/_runtime/deps';
import { httpStatusOf, type Outcome } from '../core/errors';
import type { Deps } from '../core/ports/runtime';
import { loadCaller } from '../core/usecases/loadCaller';
import { deliverDue } from '../core/usecases/outbox/deliverDue';
import { deliverPushes } from '../core/usecases/outbox/deliverPushes';
import { pushSendersFromEnv } from '../adapters/notify/config';
import { uploadImage } from '../core/usecases/file/upload';
import { readImage } from '../core/usecases/file/read';
import { HOUR, MINUTE, toIso } from '../core/time';
import { HTTP_ROUTES, routeHttpFunction, type HttpFunction } from './httpFunctions';
import { wechatPayStandIn } from './wechatPay/standIn';
import { devRoute } from './devRoutes';
import { FUNCTIONS, httpFunction } from './functions';
import { main as slaMain } from '../cloudfunctions/sla/index';
import { pathOf, readJson, sendError, sendJson } from './http';
import { WindowLimiter } from './rateLimit';
import { Scheduler, type Job } from './scheduler';
import { DEMO_USERS, demoOpenid, seedDemo } from './seed';
import { Sessions, tokenOf } from './sessions';
import { serveStatic } from './static';
import { LocalPhoneCodes } from './phoneCodes';
import { phoneCodeRoute } from './phoneCodeRoute';
import { handleUpload } from './upload';

const flag = z.enum(['0', '1', '']).default('');
const perWindow = z.coerce.number().int().min(1).max(1_000_000_000);

export const platformEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('.data'),
  /** `mysql://user:password@host:port/database`: the store on MySQL/MariaDB; unset, SQLite in DATA_DIR. */
  DB_URL: z
    .string()
    .regex(/^mysql:\/\/[^/]+\/[A-Za-z0-9_$-]+(\?.*)?$/, 'DB_URL: mysql://user:password@host:port/database')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  SEED: z.enum(['demo', 'none', '']).default('none'),
  /** Moves the platform clock on request (POST /local/clock); implies DEV_ENDPOINTS. Tests only. */
  TEST_CLOCK: flag,
  /**
   * '0': the scheduler is not ticked by wall time (every 15 s), only when the test clock is moved
   * (POST /local/clock). The integration harness sets it: a suite that checks the store is left unchanged
   * must not meet a job of the real time of day (the cashier's 09:00 arrears digest). Default: ticked.
   */
  WALL_TIMER: flag,
  /** GET /local/outbox and GET /local/clock, for development (`npm start`, `npm run api`); never in a deployment. */
  DEV_ENDPOINTS: flag,
  H5_DIR: z.string().default('dist/h5'),
  /** How long a sign-in lasts, on the platform clock (default 7 days). */
  SESSION_TTL_HOURS: z.coerce.number().positive().max(24 * 366 * 10).default(24 * 7),
  /** Sign-ins per minute per client address and user (default 20); a person never meets it. */
  LOGIN_LIMIT_PER_MINUTE: perWindow.default(20),
  /** Creation limits per caller and hour (defaults in core/limits.ts: 30 submits, 200 intakes). */
  SUBMIT_LIMIT_PER_HOUR: perWindow.optional(),
  INTAKE_LIMIT_PER_HOUR: perWindow.optional(),
  /** '0': each SQLite transaction commits (and fsyncs) on its own; default: those asked for at once share one commit (adapters/store/sqliteGroupCommit.ts). */
  SQLITE_GROUP_COMMIT: flag,
});
export type PlatformOptions = z.infer<typeof platformEnv>;
/** What startPlatform takes: the environment's names, unparsed (defaults filled in as for the environment). */
export type PlatformInput = z.input<typeof platformEnv>;
/** Sessions one user may hold at once; signing in again past it ends the oldest. */
export const SESSIONS_PER_USER = 10;
/** Sign-ins per minute from one client address, whatever the user (bounds guessing user names). */
export const LOGINS_PER_ADDRESS_PER_MINUTE = 120;

export interface Platform {
  url: string;
  port: number;
  deps: Deps;
  clock: MovableClock;
  scheduler: Scheduler;
  /** Delivers whatever the outbox holds now (also runs after every write, and from the minute timer when messages are due). */
  flushOutbox(): Promise<void>;
  close(): Promise<void>;
}

/** The local platform: plays CloudBase's part on one machine (contract §2). */
/** What a test or the bench may observe of a running platform. */
export interface PlatformHooks {
  /** Each statement the store executes (adapters/store/sql/statementLog.ts counts them per transaction). */
  onStatement?: (event: LogEvent) => void;
  /** HTTP functions standing in for the deployed ones by name (a test's capture of `payNotify`). */
  httpFunctions?: Record<string, HttpFunction>;
}

export async function startPlatform(options: PlatformInput, extraJobs: Job[] = [], hooks: PlatformHooks = {}): Promise<Platform> {
  const opts = platformEnv.parse(options);
  const log = createLogger();
  const clock = new MovableClock(systemClock);
  const store = await openStore({ dbUrl: opts.DB_URL, dataDir: opts.DATA_DIR, connections: 8, onStatement: hooks.onStatement, groupCommit: opts.SQLITE_GROUP_COMMIT !== '0' });
  const files = diskFileStore(path.join(opts.DATA_DIR, 'uploads'));
  // CloudBase storage, played on disk: where the mini-program's own uploads go (file.* actions).
  const cloud = localCloudStorage(path.join(opts.DATA_DIR, 'cloud'), () => clock.now());
  if (opts.SEED === 'demo' && (await seedDemo(store.db, clock.now()))) log.info({}, 'demo data seeded');
  // Every community's settings are parsed now: a bad one refuses the start (CommunitySettingsError
  // names the community and each bad setting), rather than failing calls or sweeps later.
  await store.transaction((tx) => tx.communities()).catch(async (e) => {
    await store.close();
    throw e;
  });

  // Pushes (WeChat subscribe messages, the 企业微信 robot) only when the environment points at real (or
  // fake) endpoints; locally the message center is the channel, and /local/outbox shows the pushes too.
  const pushes = pushSendersFromEnv(options as Record<string, string | undefined>, clock);
  const notifiers = { inbox: inboxNotifier, ...pushes };
  const phoneCodes = new LocalPhoneCodes(clock);
  // Delivery passes never overlap, and calls that arrive during a pass share ONE follow-up pass.
  let pass: Promise<void> | null = null;
  let followUp: Promise<void> | null = null;
  const runPass = (): Promise<void> =>
    (pass = deliverDue({ store, clock, log }, notifiers)
      .then(() => undefined)
      .catch((e) => log.error({ err: String(e) }, 'outbox'))
      .finally(() => {
        pass = null;
      }));
  const flushOutbox = (): Promise<void> => {
    if (followUp) return followUp;
    if (pass) {
      followUp = pass.then(() => {
        followUp = null;
        return runPass();
      });
      return followUp;
    }
    return runPass();
  };
  const wxpay = wechatPayStandIn(opts.DATA_DIR, clock);
  const deps: Deps = {
    store,
    clock,
    ids: randomIds(clock),
    hash: sha256,
    log,
    phone: phoneCodes,
    cloud,
    files,
    sheets: excelSpreadsheets(),
    pushes,
    limits: {
      ...(opts.SUBMIT_LIMIT_PER_HOUR ? { submit: { max: opts.SUBMIT_LIMIT_PER_HOUR, windowMs: HOUR } } : {}),
      ...(opts.INTAKE_LIMIT_PER_HOUR ? { intake: { max: opts.INTAKE_LIMIT_PER_HOUR, windowMs: HOUR } } : {}),
    },
    inStoreNotifiers: notifiers,
    afterCommit: () => void flushOutbox(),
    // The minute timer's delivery pass, as on CloudBase: the `sla` tick runs it when messages are due or
    // one of its jobs ran (runSweep), so an idle minute sends nothing but its one read.
    deliver: () => flushOutbox(),
  };
  configureRuntime(deps);

  // The `sla` function's timer trigger, played by the scheduler: the same main CloudBase runs.
  const slaJob: Job = {
    name: 'sla',
    run: async (at) => {
      const out = await slaMain({ Type: 'Timer', TriggerName: 'sweep', Time: toIso(at) }, { environment: '{}' });
      if (!out.ok) throw new Error(out.error.code);
    },
  };
  // Pushes go out from the timer only (as in CloudBase), never from work left running after a call.
  const pushJob: Job = { name: 'pushes', run: async () => void (await deliverPushes({ store, clock, log }, pushes)) };
  const jobs: Job[] = [slaJob, ...(pushes.wechat || pushes.wecom ? [pushJob] : []), ...extraJobs];
  const scheduler = new Scheduler(clock, jobs, (job, e) => log.error({ job, err: String(e) }, 'scheduled job failed'));
  const now = () => clock.now();
  const sessions = new Sessions(now, { ttlMs: opts.SESSION_TTL_HOURS * HOUR, maxPerUser: SESSIONS_PER_USER });
  const loginsPerUser = new WindowLimiter(opts.LOGIN_LIMIT_PER_MINUTE, MINUTE, now);
  const loginsPerAddress = new WindowLimiter(LOGINS_PER_ADDRESS_PER_MINUTE, MINUTE, now);
  const testClock = opts.TEST_CLOCK === '1';
  const devEndpoints = testClock || opts.DEV_ENDPOINTS === '1';
  const h5Root = path.resolve(opts.H5_DIR);

  const withCaller = <T>(req: IncomingMessage, fn: (ctx: Parameters<typeof uploadImage>[0]) => Promise<Outcome<T>>) =>
    store.transaction(async (tx) => {
      const now = clock.now();
      const caller = await loadCaller(tx, sessions.openidOf(tokenOf(req.headers)), now, deps.ids);
      return fn({ tx, now, ids: deps.ids, caller });
    });

  async function route(req: IncomingMessage, res: ServerResponse) {
    // Still percent-encoded: each route decides what its path segment may hold.
    const p = pathOf(req.url);
    if (p === null) return sendError(res, 'INPUT.INVALID', { _: '请求地址格式有误' });

    if (req.method === 'POST' && p.startsWith('/fn/')) {
      const name = p.slice(4);
      const fn = (FUNCTIONS as Record<string, (typeof FUNCTIONS)['account']>)[name];
      if (!fn || !Object.prototype.hasOwnProperty.call(FUNCTIONS, name)) return sendError(res, 'FUNCTION.NOT_FOUND');
      const body = await readJson(req);
      if (!body.ok) return sendError(res, 'INPUT.INVALID', body.fields);
      const openid = sessions.openidOf(tokenOf(req.headers));
      // Identity travels in the context, as CloudBase injects it — never in the event (R-ACC-2).
      const context = { environment: JSON.stringify(openid ? { WX_OPENID: openid, WX_APPID: 'local' } : {}), request_id: deps.ids.next('req') };
      const out = await fn(body.value, context);
      return sendJson(res, out.ok ? 200 : httpStatusOf(out.error.code), out);
    }

    if (req.method === 'POST' && p === '/local/login') return login(req, res);

    if (req.method === 'POST' && p === '/local/logout') {
      const ended = sessions.close(tokenOf(req.headers));
      res.setHeader('set-cookie', 'wuye_token=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0');
      return sendJson(res, 200, { ok: true, data: { ended } });
    }

    if (req.method === 'GET' && p === '/local/users') {
      return sendJson(res, 200, { ok: true, data: { items: DEMO_USERS.map((u) => ({ key: u.key, name: u.name, label: u.label })) } });
    }

    if (p.startsWith('/local/cloud/') && (await cloud.route(req, res, p, sessions.openidOf(tokenOf(req.headers)) !== null))) return;

    if (req.method === 'POST' && p === '/local/upload') {
      return handleUpload(
        {
          signedIn: (r) => sessions.openidOf(tokenOf(r.headers)) !== null,
          save: (r, bytes) => withCaller(r, (ctx) => uploadImage(ctx, files, bytes)),
        },
        req,
        res,
      );
    }
    if (req.method === 'POST' && p === '/local/phone-code') return phoneCodeRoute(req, res, { openidOf: (r) => sessions.openidOf(tokenOf(r.headers)), store, codes: phoneCodes });

    if (req.method === 'GET' && p.startsWith('/local/file/')) {
      const id = p.slice('/local/file/'.length);
      if (!/^f_[A-Za-z0-9_-]{4,60}$/.test(id)) return sendError(res, 'FILE.NOT_FOUND');
      const out = await withCaller(req, (ctx) => readImage(ctx, files, id));
      if (!out.ok) return sendJson(res, httpStatusOf(out.error.code), out);
      res.writeHead(200, { 'content-type': out.data.mime, 'cache-control': 'private, max-age=300', 'x-content-type-options': 'nosniff' });
      return res.end(Buffer.from(out.data.bytes));
    }

    // Development endpoints: absent unless DEV_ENDPOINTS=1 (npm start / npm run api) or TEST_CLOCK=1.
    if (devEndpoints && (await devRoute({ store, clock, scheduler, flushOutbox, testClock }, req, res, p))) return;

    // WeChat Pay: its local stand-in (/local/wxpay/v3/…, /local/pay/confirm) and the notify endpoint (CloudBase HTTP access).
    if (await wxpay.route(req, res, p)) return;
    if (req.method === 'POST' && HTTP_ROUTES[p]) return routeHttpFunction(req, res, p, httpFunction(HTTP_ROUTES[p], hooks.httpFunctions), deps.ids);

    if (req.method === 'GET' && p === '/health') return sendJson(res, 200, { ok: true, data: { status: 'up' } });

    // Anything else under the API prefixes is unknown here (not the H5 app's fallback page).
    if (p.startsWith('/fn/') || p.startsWith('/local/') || p === '/fn' || p === '/local') return sendError(res, 'FUNCTION.NOT_FOUND');
    if (req.method === 'GET' || req.method === 'HEAD') return serveStatic(h5Root, req, res);
    return sendError(res, 'FUNCTION.NOT_FOUND');
  }

  /** `POST /local/login`: the demo users' sign-in, limited per client address and user (contract §2). */
  async function login(req: IncomingMessage, res: ServerResponse) {
    const body = await readJson(req);
    const parsed = z.object({ user: z.string().min(1).max(64) }).safeParse(body.ok ? body.value : null);
    if (!parsed.success) return sendError(res, 'INPUT.INVALID', body.ok ? undefined : body.fields);
    const address = req.socket.remoteAddress ?? '?';
    const wait = loginsPerAddress.hit(address) || loginsPerUser.hit(`${address}|${parsed.data.user}`);
    if (wait) return sendError(res, 'RATE.LIMITED', undefined, { 'retry-after': String(Math.ceil(wait / 1000)) });
    const user = await store.transaction((tx) => tx.userById(parsed.data.user));
    if (!user) return sendError(res, 'USER.NOT_FOUND');
    const token = sessions.open(user.openid);
    res.setHeader('set-cookie', `wuye_token=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${Math.floor(opts.SESSION_TTL_HOURS * 3600)}`);
    return sendJson(res, 200, { ok: true, data: { token, user: { id: user.id, name: user.name } }, token });
  }

  const server = http.createServer((req, res) => {
    route(req, res).catch((e) => {
      log.error({ err: e instanceof Error ? e.message : String(e), path: req.url }, 'request failed');
      if (!res.headersSent) sendError(res, 'INTERNAL');
      else res.end();
    });
  });
  // Longer than any client's idle timeout (undici: 4 s), so an idle connection is closed by the client,
  // never by the server just as the client sends on it (ECONNRESET after a long synchronous pause).
  server.keepAliveTimeout = 30_000;
  // Not a proxy: CONNECT gets a plain refusal instead of a silently dropped connection.
  server.on('connect', (_req, socket) => socket.end('HTTP/1.1 405 Method Not Allowed\r\nConnection: close\r\nContent-Length: 0\r\n\r\n'));
  await new Promise<void>((resolve) => server.listen(opts.PORT, opts.HOST, resolve));
  const port = (server.address() as AddressInfo).port;
  // The real WeChat Pay adapter, pointed at the stand-in on this platform (its URL is known only now).
  deps.payments = wxpay.payments(`http://${opts.HOST}:${port}`);

  // Real time moves too: tick the scheduler every 15 s of wall time (unless the harness turned it off).
  const timer = opts.WALL_TIMER === '0' ? null : setInterval(() => void scheduler.catchUp(), 15_000);
  timer?.unref?.();

  return {
    url: `http://${opts.HOST}:${port}`,
    port,
    deps,
    clock,
    scheduler,
    flushOutbox,
    async close() {
      if (timer) clearInterval(timer);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections?.();
      await (followUp ?? pass);
      await store.close();
    },
  };
}
