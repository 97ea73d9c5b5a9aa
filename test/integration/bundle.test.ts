import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleFunctions, lazyModules } from '../../scripts/bundle-functions';
import { FUNCTION_NAMES } from '../../core/api/handlers';
import { monthOf } from '../../core/shanghai';
import { openMysqlStore } from '../../adapters/store/mysql';
import { seedDemo } from '../../local/seed';
import { emptyMysqlDatabase } from '../support/mariadb';

/**
 * The cloud-function bundles, built by `npm run build:functions` (esbuild), are loaded in a plain Node
 * process — no jest module system, no TypeScript, no repository around them — and their `main(event,
 * context)` is called as CloudBase calls it, with the environment variables CloudBase would set
 * (cloudfunctions/_runtime/env.ts). With a real MariaDB each bundle migrates, serves and refuses as the local
 * platform does. Without a usable configuration a malformed call is still refused
 * with its own code and a Chinese message, a well-formed one answers INTERNAL and the log names the
 * variable (never its value), and `sla` refuses a caller with a user's identity and anything that is
 * not its timer.
 */
const WELL_FORMED: Record<string, Record<string, unknown>> = {
  account: { action: 'me' },
  case: { action: 'list' },
  workbench: { action: 'staff' },
  report: { action: 'monthly', month: '2026-11' },
  message: { action: 'list' },
  file: { action: 'uploadPath' },
  setup: { action: 'exportHouseholds' },
  fee: { action: 'receipts' },
  cashier: { action: 'issueBills', period: '2026-11' },
  renovation: { action: 'rules' },
};
const USER = { environment: JSON.stringify({ WX_OPENID: 'o-bundle-user' }) };

/** Runs in the child: calls each bundle's main with each event, records the answer (or the rejection) and what it logged. */
const CHILD = `
const calls = JSON.parse(process.argv[1]);
const out = [];
const logged = [];
console.error = (...a) => logged.push(a.join(' '));
(async () => {
  for (const c of calls) {
    logged.length = 0;
    const { main } = require(c.file);
    // "$<i>.id" in an event stands for the id answered by call <i> of this run.
    const event = JSON.parse(JSON.stringify(c.event ?? null).replace(/"\\$(\\d+)\\.id"/g, (_, i) => JSON.stringify(out[i].resolved.data.id)));
    let answer;
    try { answer = { resolved: await main(event, c.context) }; } catch (e) { answer = { rejected: String(e && e.message) }; }
    out.push({ ...answer, log: logged.join('\\n') });
  }
  process.stdout.write(JSON.stringify(out) + '\\n');
  // A function instance keeps its pool between invocations: HOLD=1 keeps this one alive until told.
  if (process.env.HOLD === '1') process.stdin.on('data', () => undefined).on('end', () => process.exit(0));
  else process.exit(0);
})();
`;

interface Answer {
  resolved?: { ok: boolean; data?: unknown; error?: { code: string; message: string; fields?: Record<string, string> } };
  rejected?: string;
  log: string;
}

function callInPlainNode(calls: { file: string; event: unknown; context: unknown }[], env: Record<string, string> = {}): Promise<Answer[]> {
  return new Promise((resolve, reject) =>
    execFile(process.execPath, ['-e', CHILD, JSON.stringify(calls)], { cwd: os.tmpdir(), env: { PATH: process.env.PATH ?? '', ...env } }, (err, stdout, stderr) =>
      err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(JSON.parse(stdout) as Answer[]),
    ),
  );
}

/** Like callInPlainNode, but the process stays alive (its pool open) until `release()`. */
function holdInPlainNode(calls: { file: string; event: unknown; context: unknown }[], env: Record<string, string>) {
  const child = spawn(process.execPath, ['-e', CHILD, JSON.stringify(calls)], { cwd: os.tmpdir(), env: { PATH: process.env.PATH ?? '', HOLD: '1', ...env } });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const answers = new Promise<Answer[]>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (stdout.includes('\n')) resolve(JSON.parse(stdout.slice(0, stdout.indexOf('\n'))) as Answer[]);
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    void exited.then((code) => reject(new Error(`child exited (${code}) before answering: ${stderr}`)));
  });
  return { answers, release: () => (child.stdin.end(), exited) };
}

describe('cloud-function bundles', () => {
  let out = '';
  let sizes: Record<string, number>;
  beforeAll(async () => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'wuye-fn-'));
    sizes = await bundleFunctions(out);
  }, 60_000);
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  it('every cloud function bundles into one index.js (and the files it loads on first use, beside it) with its config, without the local-only modules', () => {
    expect(Object.keys(sizes).sort()).toEqual([...FUNCTION_NAMES, 'sla', 'payNotify'].sort());
    for (const name of [...FUNCTION_NAMES, 'sla', 'payNotify']) {
      const js = fs.readFileSync(path.join(out, name, 'index.js'), 'utf8');
      expect(js).not.toMatch(/better-sqlite3|busboy|require\("kysely"\)|require\("zod"\)|require\("dayjs"\)|require\("pino"\)/);
      // Only Node's own modules may be required at run time (the cloud installs nothing), and the
      // function's own files beside index.js (what it loads on first use: lazyModules), which are there.
      const required = [...js.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1].replace(/^node:/, ''));
      const own = required.filter((r) => r.startsWith('./'));
      expect(own.sort()).toEqual(lazyModules(name).map((l) => `./${l.file}`).sort());
      for (const f of own) expect(fs.existsSync(path.join(out, name, f))).toBe(true);
      expect(required.filter((r) => !r.startsWith('./') && !require('node:module').builtinModules.includes(r))).toEqual([]);
      expect(JSON.parse(fs.readFileSync(path.join(out, name, 'config.json'), 'utf8')).timeout).toBeLessThanOrEqual(60);
    }
  });

  it('without DB_URL each bundle’s main still answers in a plain Node process: bad calls get their codes, a good one INTERNAL, the log names DB_URL', async () => {
    const calls = FUNCTION_NAMES.flatMap((name) => {
      const file = path.join(out, name, 'index.js');
      return [
        { file, event: null, context: USER },
        { file, event: { action: 'noSuchAction' }, context: USER },
        { file, event: { ...WELL_FORMED[name], unexpected: 1 }, context: USER },
        { file, event: { ...WELL_FORMED[name], userInfo: { openId: 'o-spoofed' } }, context: USER },
      ];
    });
    const answers = await callInPlainNode(calls);
    expect(Object.keys(WELL_FORMED).sort()).toEqual([...FUNCTION_NAMES].sort());
    FUNCTION_NAMES.forEach((name, i) => {
      const [notObject, unknownAction, extraField, wellFormed] = answers.slice(4 * i, 4 * i + 4);
      const codes = [notObject, unknownAction, extraField, wellFormed].map((a) => a.resolved?.error?.code ?? a.rejected);
      expect([name, ...codes]).toEqual([name, 'INPUT.INVALID', 'INPUT.UNKNOWN_ACTION', 'INPUT.INVALID', 'INTERNAL']);
      expect(notObject.resolved).toEqual({ ok: false, error: { code: 'INPUT.INVALID', message: expect.stringMatching(/^您好/), fields: { _: '请求内容应为对象' } } });
      expect(extraField.resolved!.error!.fields).toHaveProperty('_');
      expect(wellFormed.resolved).toEqual({ ok: false, error: { code: 'INTERNAL', message: '很抱歉，系统繁忙，请稍后再试' } });
      // Why is in the function's log — once when the instance reads its configuration, then with the
      // function and action of each call that needed the store — and no caller identity.
      expect(notObject.log).toMatch(/^\{"level":"error","missing":\["DB_URL"\],"invalid":\[\],"msg":"function configuration missing DB_URL: set it in the CloudBase console/);
      expect(wellFormed.log).toMatch(/"level":"error","fn":"[a-z]+","action":"[a-zA-Z]+".*function configuration missing DB_URL/);
      expect(wellFormed.log).toContain(`"fn":"${name}"`);
      expect(wellFormed.log).not.toMatch(/o-bundle-user|o-spoofed/);
      expect(unknownAction.log).toBe('');
    });
  }, 30_000); // one child Node process loads every bundle: seconds under a loaded CI machine

  it('an invalid configuration is named variable by variable in the log, never with its value, and answers INTERNAL', async () => {
    const file = path.join(out, 'case', 'index.js');
    const [answer] = await callInPlainNode([{ file, event: { action: 'list' }, context: USER }], {
      DB_URL: 'postgres://admin:S3cretPassw0rd@db.internal/wuye',
      DB_POOL_SIZE: '16',
      WECHAT_APPID: 'wx0123456789abcdef',
    });
    expect(answer.resolved).toEqual({ ok: false, error: { code: 'INTERNAL', message: '很抱歉，系统繁忙，请稍后再试' } });
    expect(answer.log).toContain('"missing":["WECHAT_APPSECRET"],"invalid":["DB_URL","DB_POOL_SIZE"]');
    expect(answer.log).toContain('function configuration missing WECHAT_APPSECRET; invalid DB_URL, DB_POOL_SIZE');
    expect(answer.log).not.toMatch(/S3cretPassw0rd|postgres:|db\.internal|wx0123456789abcdef/);
  });

  it('a database that cannot be reached answers INTERNAL; the log names the connection error, never the password', async () => {
    const file = path.join(out, 'case', 'index.js');
    const answers = await callInPlainNode(
      [
        { file, event: { action: 'list' }, context: USER },
        { file, event: { action: 'list' }, context: USER },
      ],
      { DB_URL: 'mysql://wuye:S3cretPassw0rd@127.0.0.1:1/wuye' },
    );
    for (const a of answers) {
      expect(a.resolved).toEqual({ ok: false, error: { code: 'INTERNAL', message: '很抱歉，系统繁忙，请稍后再试' } });
      expect(a.log).toMatch(/"level":"error","fn":"case","action":"list".*ECONNREFUSED/);
      expect(a.log).not.toContain('S3cretPassw0rd');
    }
  });

  it('the sla bundle refuses a user’s identity and anything but its timer; its timer answers INTERNAL without a store', async () => {
    const file = path.join(out, 'sla', 'index.js');
    const timer = { Type: 'Timer', TriggerName: 'sweep', Time: '2026-11-24T02:31:00Z', Message: '' };
    const [user, notTimer, tick] = await callInPlainNode([
      { file, event: timer, context: USER },
      { file, event: { action: 'sweep' }, context: { environment: '{}' } },
      { file, event: timer, context: { environment: '{}' } },
    ]);
    expect(user.resolved).toEqual({ ok: false, error: { code: 'AUTH.FORBIDDEN', message: expect.stringMatching(/[\u4e00-\u9fa5]/) } });
    expect(notTimer.resolved?.error?.code).toBe('AUTH.FORBIDDEN');
    expect(tick.resolved).toEqual({ ok: false, error: { code: 'INTERNAL', message: '很抱歉，系统繁忙，请稍后再试' } });
    expect(tick.log).toMatch(/"fn":"sla".*function configuration missing DB_URL/);
  });

  it('the payNotify bundle answers CloudBase\'s HTTP access events: 405 for anything but POST, 5xx (WeChat retries) when it cannot check or book', async () => {
    const file = path.join(out, 'payNotify', 'index.js');
    const [get, post] = await callInPlainNode([
      { file, event: { path: '/pay/notify', httpMethod: 'GET', headers: {}, body: '', isBase64Encoded: false }, context: { environment: '{}' } },
      { file, event: { path: '/pay/notify', httpMethod: 'POST', headers: { 'Wechatpay-Serial': 'PUB_KEY_ID_X' }, body: Buffer.from('{}').toString('base64'), isBase64Encoded: true }, context: { environment: '{}' } },
    ]);
    expect((get.resolved as { statusCode?: number })?.statusCode).toBe(405);
    expect((post.resolved as { statusCode?: number })?.statusCode).toBeGreaterThanOrEqual(500);
    expect(post.log).toMatch(/"fn":"payNotify"/);
  });

  describe('on a real MariaDB: DB_URL as CloudBase passes it, no local platform, no CloudBase mock', () => {
    let url = '';
    const as = (key: string) => ({ environment: JSON.stringify({ WX_OPENID: `o_demo_${key}`, WX_APPID: 'wx0123456789abcdef' }) });
    const env = () => ({ DB_URL: url, DB_POOL_SIZE: '2' });
    const fn = (name: string) => path.join(out, name, 'index.js');
    const data = (a: Answer) => {
      if (!a.resolved?.ok) throw new Error(`call failed: ${JSON.stringify(a)}`);
      return a.resolved.data as Record<string, unknown>;
    };
    const tables = async () => {
      const { createConnection } = await import('mysql2/promise');
      const conn = await createConnection(url);
      try {
        const [rows] = await conn.query('SHOW TABLES');
        return (rows as unknown[]).length;
      } finally {
        await conn.end();
      }
    };
    const connectionsToDb = async () => {
      const { createConnection } = await import('mysql2/promise');
      const conn = await createConnection(url);
      try {
        const [rows] = await conn.query('SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE DB = DATABASE() AND ID <> CONNECTION_ID()');
        return Number((rows as { n: number }[])[0].n);
      } finally {
        await conn.end();
      }
    };
    let caseId = '';

    beforeAll(async () => {
      url = await emptyMysqlDatabase('bundle');
    }, 60_000);

    it('a bundle on an empty database migrates it at its first connection and answers its first caller', async () => {
      expect(await tables()).toBe(0);
      const [first] = await callInPlainNode([{ file: fn('account'), event: { action: 'me' }, context: { environment: JSON.stringify({ WX_OPENID: 'o_bundle_first_caller' }) } }], env());
      expect(data(first)).toMatchObject({ roles: [], households: [] });
      expect(first.log).toMatch(/"level":"info","connections":2,"msg":"store opened"/);
      expect(await tables()).toBeGreaterThan(5);
      // The demo data, loaded by the local platform's seed code into the same database (migrations already there).
      const store = await openMysqlStore(url, { connections: 1 });
      try {
        expect(await seedDemo(store.db, Date.now())).toBe(true);
      } finally {
        await store.close();
      }
    }, 60_000);

    it('the case bundle: a resident submits a repair, a retry replays it, she reads it back; another household is refused (404); one pool of ≤ 2 connections serves every call', async () => {
      const requestId = `bundle-smoke-${Date.now().toString(36)}`;
      const submit = { action: 'submit', requestId, householdId: '1-1-101', kind: 'repair', category: 'plumbing', location: 'in_home', content: '厨房水龙头一直滴水，麻烦师傅看看' };
      const run = holdInPlainNode(
        [
          { file: fn('case'), event: submit, context: as('resident-a') },
          { file: fn('case'), event: submit, context: as('resident-a') },
          { file: fn('case'), event: { action: 'get', id: '$0.id' }, context: as('resident-a') },
          { file: fn('case'), event: { action: 'get', id: '$0.id' }, context: as('resident-b') },
          { file: fn('case'), event: { action: 'list' }, context: as('resident-b') },
          { file: fn('case'), event: { action: 'list' }, context: as('resident-a') },
          { file: fn('case'), event: { action: 'submit', requestId: `${requestId}-b`, householdId: '1-1-101', kind: 'consultation', content: '您好，请问快递柜几点开放？' }, context: as('resident-b') },
        ],
        env(),
      );
      let answers: Answer[];
      let held: number;
      try {
        answers = await run.answers;
        held = await connectionsToDb();
      } finally {
        await run.release();
      }
      const [submitted, retried, readBack, otherHousehold, otherList, ownList, notHers] = answers;
      caseId = String(data(submitted).id);
      expect(data(submitted)).toMatchObject({ householdId: '1-1-101', kind: 'repair', status: expect.any(String) });
      expect(data(retried).id).toBe(caseId);
      expect(data(readBack)).toMatchObject({ id: caseId, householdId: '1-1-101', kind: 'repair' });
      expect(otherHousehold.resolved).toEqual({ ok: false, error: { code: 'CASE.NOT_FOUND', message: expect.stringMatching(/^很抱歉/) } });
      expect((data(otherList).items as { id: string }[]).map((c) => c.id)).not.toContain(caseId);
      expect((data(ownList).items as { id: string }[]).map((c) => c.id)).toContain(caseId);
      expect(notHers.resolved?.ok).toBe(false);
      // The pool was opened once for the instance and is still there, with its connections, after seven calls.
      expect(answers.map((a) => a.log).join('\n').match(/store opened/g)).toHaveLength(1);
      expect(held).toBeGreaterThanOrEqual(1);
      expect(held).toBeLessThanOrEqual(2);
    }, 90_000);

    it('every other bundle, each in a fresh process, handles a real event on the same database; the case reads back from a new instance', async () => {
      expect(caseId).not.toBe('');
      const month = monthOf(Date.now());
      const runs = await Promise.all([
        callInPlainNode([{ file: fn('workbench'), event: { action: 'queue' }, context: as('frontdesk') }], env()),
        callInPlainNode([{ file: fn('message'), event: { action: 'list' }, context: as('resident-a') }], env()),
        callInPlainNode([{ file: fn('report'), event: { action: 'monthly', month }, context: as('manager') }], env()),
        callInPlainNode([{ file: fn('account'), event: { action: 'me' }, context: as('resident-a') }], env()),
        callInPlainNode([{ file: fn('sla'), event: { Type: 'Timer', TriggerName: 'sweep', Time: new Date().toISOString(), Message: '' }, context: { environment: '{}' } }], env()),
        callInPlainNode([{ file: fn('case'), event: { action: 'get', id: caseId }, context: as('resident-a') }], env()),
      ]);
      const [[queue], [messages], [report], [me], [tick], [again]] = runs;
      expect((data(queue).items as { id: string }[]).map((c) => c.id)).toContain(caseId);
      expect((data(messages).items as { caseId: string | null }[]).some((m) => m.caseId === caseId)).toBe(true);
      expect(data(report)).toMatchObject({ month, repairs: { total: 1 } });
      expect(data(me)).toMatchObject({ households: [{ id: '1-1-101', relation: 'owner', communityId: 'demo' }] });
      expect(tick.resolved?.ok).toBe(true);
      expect(data(again)).toMatchObject({ id: caseId, householdId: '1-1-101' });
      for (const [a] of runs) expect(a.log).not.toMatch(/"level":"error"/);
    }, 90_000);
  });
});
