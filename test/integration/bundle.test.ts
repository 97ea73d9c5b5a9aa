import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleFunctions } from '../../scripts/bundle-functions';
import { FUNCTION_NAMES } from '../../core/api/handlers';

/**
 * The cloud-function bundles, built by `npm run build:functions` (esbuild), are loaded in a plain Node
 * process — no jest module system, no TypeScript, no repository around them — and their `main(event,
 * context)` is called as CloudBase calls it, with the environment variables CloudBase would set
 * (cloudfunctions/_runtime/env.ts). Without a usable configuration a malformed call is still refused
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
    let answer;
    try { answer = { resolved: await main(c.event, c.context) }; } catch (e) { answer = { rejected: String(e && e.message) }; }
    out.push({ ...answer, log: logged.join('\\n') });
  }
  process.stdout.write(JSON.stringify(out));
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

describe('cloud-function bundles', () => {
  let out = '';
  let sizes: Record<string, number>;
  beforeAll(async () => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'wuye-fn-'));
    sizes = await bundleFunctions(out);
  }, 60_000);
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  it('every cloud function bundles into one self-contained file with its config, without the local-only modules', () => {
    expect(Object.keys(sizes).sort()).toEqual([...FUNCTION_NAMES, 'sla'].sort());
    for (const name of [...FUNCTION_NAMES, 'sla']) {
      const js = fs.readFileSync(path.join(out, name, 'index.js'), 'utf8');
      expect(js).not.toMatch(/better-sqlite3|busboy|require\("kysely"\)|require\("zod"\)|require\("dayjs"\)|require\("pino"\)/);
      // Only Node's own modules may be required at run time: the cloud installs nothing.
      const required = [...js.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1].replace(/^node:/, ''));
      expect(required.filter((r) => !require('node:module').builtinModules.includes(r))).toEqual([]);
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
  });

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
});
