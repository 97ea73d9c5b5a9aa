/**
 * Issue 7 item 6, input hygiene, through the real platform: free text is cleaned before its length
 * rules apply (zero-width and control characters removed, bidi controls and invalid UTF-16 refused,
 * code points counted) in every free-text field of every action, and every date is bounded against the
 * request time. A refusal is INPUT.INVALID naming the field, and changes nothing.
 */
import { z } from 'zod';
import { handlers } from '../../core/api/handlers';
import { startHarness, rid, type Harness } from '../support/harness';
import * as O from '../support/objects';
import { DAY, HOUR, advance, platformNow, shanghai } from '../support/clock';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const call = async (user: string, fn: string, body: Record<string, unknown>) => h.call(await h.login(user), fn, body);
const refusal = (r: { status: number; body: any }) => [r.status, r.body.error?.code, r.body.error?.fields];
const intake = (over: Record<string, unknown>) => ({
  action: 'intake',
  requestId: rid('hy'),
  householdId: '1-1-101',
  channel: 'phone',
  contactName: '李明',
  contactPhone: '13800001101',
  kind: 'repair',
  category: 'plumbing',
  location: 'in_home',
  content: '厨房水龙头一直滴水',
  ...over,
});

/** Runs `fn` and asserts the store is byte-for-byte unchanged afterwards. */
async function changesNothing(fn: () => Promise<void>) {
  const db = O.dbOf(h);
  const before = await O.fingerprint(db);
  await fn();
  await O.settle(h);
  expect(O.changedTables(before, await O.fingerprint(db))).toEqual([]);
}

describe('item 6: free text', () => {
  it('item 6: six zero-width spaces are not 5 characters', async () => {
    await changesNothing(async () => {
      const content = '\u200B'.repeat(6);
      const expected = [400, 'INPUT.INVALID', { content: '请至少填写 5 个字，便于我们了解情况' }];
      expect(refusal(await call('resident-a', 'case', O.repair('1-1-101', { content })))).toEqual(expected);
      expect(refusal(await call('frontdesk', 'workbench', intake({ content })))).toEqual(expected);
      // Nor are two letters padded with joiners, BOMs, word joiners and control characters.
      expect(refusal(await call('resident-a', 'case', O.repair('1-1-101', { content: '漏\u200D\uFEFF\u2060\u0000\u0007水\u200C' })))).toEqual(expected);
      // A name of invisible characters is no name.
      const bind = await call('resident-new', 'account', { action: 'bind', householdId: '1-2-201', name: '\u200B\u3164\u200E', phone: '13711112222', relation: 'tenant' });
      expect(refusal(bind)).toEqual([400, 'INPUT.INVALID', { name: '请填写姓名' }]);
    });
  });

  it('item 6: what is stored and shown is the cleaned text, counted in code points (an emoji is one character)', async () => {
    const raw = '  厨房\u200B水龙头\u0000漏水\r\n\r\n\r\n\r\n\t请尽快\u00AD来 \u202F ☕️\u200E  ';
    const c = (await call('resident-a', 'case', O.repair('1-1-101', { content: raw }))).body.data;
    expect(c.content).toBe('厨房水龙头漏水\n\n请尽快来 ☕️');
    const got = (await call('frontdesk', 'workbench', { action: 'get', id: c.id })).body.data;
    expect(got.content).toBe('厨房水龙头漏水\n\n请尽快来 ☕️');
    // Five emoji are five characters (UTF-16 would say ten; zero-width would have said six).
    const emoji = await call('resident-a', 'case', O.repair('1-1-101', { content: '🚿💧💧🔧🙏' }));
    expect([emoji.status, emoji.body.data?.content]).toEqual([200, '🚿💧💧🔧🙏']);
    // A name typed with a line break and padding is one line.
    const bind = await call('resident-new', 'account', { action: 'bind', householdId: '1-2-201', name: ' 王\n小　明\u200B ', phone: '13711112222', relation: 'tenant' });
    expect(bind.status).toBe(200);
    const row = await O.dbOf(h).selectFrom('bindings').select('name').where('id', '=', bind.body.data.id).executeTakeFirstOrThrow();
    expect(row.name).toBe('王 小 明');
  });

  const renoApply = (over: Record<string, unknown>) => ({
    action: 'apply',
    requestId: rid('h'),
    householdId: '1-1-101',
    applicant: 'owner',
    plan: '厨卫翻新',
    structuralChange: false,
    areaM2: 89.5,
    startDate: '2026-12-10',
    endDate: '2027-01-10',
    documents: {},
    rulesAccepted: true,
    ...over,
  });
  /** Every free-text field of every action: [fn.action, field, a body that is valid but for that field]. */
  const TEXT_FIELDS: [string, string, (text: string) => Record<string, unknown>][] = [
    ['account.bind', 'name', (t) => ({ action: 'bind', householdId: '1-2-201', name: t, phone: '13711112222', relation: 'tenant' })],
    ['setup.inviteStaff', 'name', (t) => ({ action: 'inviteStaff', requestId: rid('h'), phone: '13711118888', name: t, roles: ['cashier'] })],
    ['account.rejectBinding', 'reason', (t) => ({ action: 'rejectBinding', id: 'b_none', reason: t })],
    ['case.submit', 'content', (t) => O.repair('1-1-101', { content: t })],
    ['case.cancel', 'reason', (t) => ({ action: 'cancel', id: 'c_none', reason: t })],
    ['case.acceptQuote', 'note', (t) => ({ action: 'acceptQuote', id: 'c_none', note: t })],
    ['case.declineQuote', 'note', (t) => ({ action: 'declineQuote', id: 'c_none', note: t })],
    ['case.confirm', 'note', (t) => ({ action: 'confirm', id: 'c_none', ok: false, note: t })],
    ['case.rate', 'comment', (t) => ({ action: 'rate', id: 'c_none', stars: 4, comment: t })],
    ['workbench.intake', 'contactName', (t) => intake({ contactName: t })],
    ['workbench.intake', 'content', (t) => intake({ content: t })],
    ['workbench.assign', 'note', (t) => ({ action: 'assign', id: 'c_none', to: 'tech-1', note: t })],
    ['workbench.reply', 'note', (t) => ({ action: 'reply', id: 'c_none', note: t })],
    ['workbench.dispatch', 'note', (t) => ({ action: 'dispatch', id: 'c_none', technicianId: 'tech-1', note: t })],
    ['workbench.quote', 'note', (t) => ({ action: 'quote', id: 'c_none', feeFen: 8000, note: t })],
    ['workbench.complete', 'result', (t) => ({ action: 'complete', id: 'c_none', result: t })],
    ['workbench.complete', 'materials.0', (t) => ({ action: 'complete', id: 'c_none', result: '已修好', materials: [t] })],
    ['workbench.callback', 'note', (t) => ({ action: 'callback', id: 'c_none', outcome: 'problem', method: 'phone', note: t })],
    ['workbench.pause', 'reason', (t) => ({ action: 'pause', id: 'c_none', reason: t })],
    ['workbench.closeUnresolvable', 'reason', (t) => ({ action: 'closeUnresolvable', id: 'c_none', reason: t })],
    ...(['place', 'subject', 'asks'] as const).flatMap((f): [string, string, (text: string) => Record<string, unknown>][] => [
      ['case.submit', f, (t) => ({ action: 'submit', requestId: rid('h'), householdId: '1-1-101', kind: 'complaint', content: '楼道堆放杂物无人清理', [f]: t })],
      ['workbench.intake', f, (t) => intake({ kind: 'complaint', content: '楼道堆放杂物无人清理', [f]: t })],
    ]),
    ['workbench.classify', 'note', (t) => ({ action: 'classify', id: 'c_none', level: 'minor', note: t })],
    ['workbench.contact', 'note', (t) => ({ action: 'contact', id: 'c_none', note: t })],
    ['workbench.markInvalid', 'reason', (t) => ({ action: 'markInvalid', id: 'c_none', reason: t })],
    ['workbench.close', 'note', (t) => ({ action: 'close', id: 'c_none', note: t })],
    ['renovation.apply', 'plan', (t) => renoApply({ plan: t })],
    ['renovation.apply', 'documents.workers.0.name', (t) => renoApply({ documents: { workers: [{ name: t }] } })],
    ['renovation.resubmit', 'plan', (t) => ({ action: 'resubmit', id: 'r_none', documents: {}, plan: t })],
    ['renovation.resubmit', 'documents.workers.0.name', (t) => ({ action: 'resubmit', id: 'r_none', documents: { workers: [{ name: t }] } })],
    ['renovation.review', 'note', (t) => ({ action: 'review', id: 'r_none', decision: 'return', missing: ['licence'], note: t })],
    ['renovation.review', 'internalNote', (t) => ({ action: 'review', id: 'r_none', decision: 'approve', internalNote: t })],
    ['renovation.closureTest', 'note', (t) => ({ action: 'closureTest', id: 'r_none', passed: true, note: t })],
    ['renovation.inspect', 'findings', (t) => ({ action: 'inspect', id: 'r_none', passed: true, findings: t })],
    ['renovation.inspect', 'internalNote', (t) => ({ action: 'inspect', id: 'r_none', passed: true, findings: '正常', internalNote: t })],
    ['renovation.violation', 'description', (t) => ({ action: 'violation', id: 'r_none', description: t, deadline: '2027-01-01T10:00:00+08:00' })],
    ['renovation.resolveViolation', 'note', (t) => ({ action: 'resolveViolation', id: 'r_none', violationId: 'rv_none', outcome: 'rectified', note: t })],
    ['renovation.accept', 'deductions.0.reason', (t) => ({ action: 'accept', id: 'r_none', deductions: [{ reason: t, amountFen: 100 }] })],
    ['renovation.accept', 'note', (t) => ({ action: 'accept', id: 'r_none', note: t })],
  ];
  const WHO: Record<string, string> = { account: 'resident-new', case: 'resident-a', workbench: 'manager', setup: 'manager', renovation: 'reno-officer' };
  const WORDS = '住户反映仍有滴水，请再看看';

  it('item 6: every free-text field refuses bidi overrides and lone surrogates (invalid UTF-16) over HTTP, naming the field, storing nothing', async () => {
    await changesNothing(async () => {
      const answers: unknown[] = [];
      const expected: unknown[] = [];
      for (const [key, field, body] of TEXT_FIELDS) {
        const fn = key.split('.')[0];
        for (const [kind, text, message] of [
          ['RLO', `报价\u202E001${WORDS}`, '内容含有改变文字方向的隐藏字符，请删除后再试'],
          ['isolate', `\u2067${WORDS}\u2069`, '内容含有改变文字方向的隐藏字符，请删除后再试'],
          ['lone high surrogate', `${WORDS}\uD83D`, '内容含有无法识别的字符，请删除后再试'],
          ['lone low surrogate', `\uDE00${WORDS}`, '内容含有无法识别的字符，请删除后再试'],
        ]) {
          const r = await call(WHO[fn], fn, body(text));
          answers.push([key, field, kind, r.status, r.body.error?.code, r.body.error?.fields?.[field]]);
          expected.push([key, field, kind, 400, 'INPUT.INVALID', message]);
        }
      }
      expect(answers).toEqual(expected);
    });
  });

  it('item 6: every free-text field of every schema goes through core/schemas/text.ts (and the list above names them all)', () => {
    const ids = new Set(['id', 'to', 'technicianId', 'technician', 'cursor', 'ids', 'requestId', 'communityId', 'communityIds', 'userId', 'aboutStaff', 'violationId']);
    const plain: string[] = [];
    const seen: string[] = [];
    const walk = (key: string, path: string, s: any) => {
      if (!s || typeof s !== 'object') return;
      if (s.type === 'string' && !s.pattern && !s.enum && !s.format && s.const === undefined && !ids.has(path.split('.')[0]) && !ids.has(path.split('.').filter((p) => !/^\d+$/.test(p)).at(-1) ?? '')) {
        if (String(s.description ?? '').includes('按码位计长度')) seen.push(`${key} ${path}`);
        else plain.push(`${key} ${path}`);
      }
      for (const [k, v] of Object.entries(s.properties ?? {})) walk(key, path ? `${path}.${k}` : k, v);
      if (s.items) walk(key, `${path}.0`, s.items);
      for (const alt of [...(s.anyOf ?? []), ...(s.oneOf ?? [])]) walk(key, path, alt);
    };
    for (const [fn, actions] of Object.entries(handlers))
      for (const [action, def] of Object.entries(actions as Record<string, { input: z.ZodType }>)) walk(`${fn}.${action}`, '', z.toJSONSchema(def.input, { io: 'input', unrepresentable: 'any' }));
    expect(plain).toEqual([]);
    expect(seen.sort()).toEqual(TEXT_FIELDS.map(([k, f]) => `${k} ${f}`).sort());
  });
});

describe('item 6: dates', () => {
  it('item 6: [R-REP-4] an appointment in 9999 is refused, by the resident\'s form and at the desk, and stores nothing', async () => {
    await changesNothing(async () => {
      const preferredTime = { from: '9999-12-31T14:00:00+08:00', to: '9999-12-31T18:00:00+08:00' };
      const expected = [400, 'INPUT.INVALID', { 'preferredTime.to': '请选择 30 天以内的时间' }];
      expect(refusal(await call('resident-a', 'case', O.repair('1-1-101', { preferredTime })))).toEqual(expected);
      expect(refusal(await call('frontdesk', 'workbench', intake({ preferredTime })))).toEqual(expected);
    });
  });

  it('item 6: [R-REP-1] [R-REP-4] windows in the past, beyond 30 days, backwards or longer than 12 hours are refused; a window tomorrow is the arrival deadline', async () => {
    const now = await platformNow(h);
    const iso = (ms: number) => new Date(ms).toISOString();
    await changesNothing(async () => {
      for (const [from, to, field, message] of [
        [now + 31 * DAY, now + 31 * DAY + 3 * HOUR, 'preferredTime.to', '请选择 30 天以内的时间'],
        [now - 3 * DAY, now - 3 * DAY + 3 * HOUR, 'preferredTime.to', '该时间段已经过去，请重新选择'],
        [now - 5 * HOUR, now + HOUR, 'preferredTime.from', '方便的时间不能早于现在，请重新选择'],
        [now + 5 * HOUR, now + 2 * HOUR, 'preferredTime', '方便的时间段应先开始后结束'],
        [now + HOUR, now + 2 * DAY, 'preferredTime', '方便的时间段请不要超过 12 小时'],
      ] as const) {
        const r = await call('resident-a', 'case', O.repair('1-1-101', { preferredTime: { from: iso(from), to: iso(to) } }));
        expect(refusal(r)).toEqual([400, 'INPUT.INVALID', { [field]: message }]);
      }
    });
    const t = new Date(now + 8 * HOUR + DAY);
    const to = shanghai(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate(), 18);
    const body = O.repair('1-1-101', { preferredTime: { from: shanghai(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate(), 14), to } });
    const c = (await call('resident-a', 'case', body)).body.data;
    expect(c.deadlines.find((d: { name: string }) => d.name === 'arrival').dueAt).toBe(to);
    // Retried days later (its window now past), the accepted submission answers the same case (R-INT-7):
    // the bounds judge a submission once, when it is new.
    await advance(h, 3 * DAY);
    const again = await call('resident-a', 'case', body);
    expect([again.status, again.body.data?.id]).toEqual([200, c.id]);
  });

  it('item 6: a report month lies between 2000-01 and the current month', async () => {
    const now = await platformNow(h);
    const current = new Date(now + 8 * HOUR).toISOString().slice(0, 7);
    const next = new Date(now + 8 * HOUR + 32 * DAY).toISOString().slice(0, 7);
    const ask = async (month: string) => refusal(await call('manager', 'report', { action: 'monthly', month }));
    expect(await ask('9999-12')).toEqual([400, 'INPUT.INVALID', { month: '还没有该月的数据，请选择本月或以前的月份' }]);
    expect(await ask(next)).toEqual([400, 'INPUT.INVALID', { month: '还没有该月的数据，请选择本月或以前的月份' }]);
    expect(await ask('0000-01')).toEqual([400, 'INPUT.INVALID', { month: '请选择 2000 年 1 月以后的月份' }]);
    expect((await call('manager', 'report', { action: 'monthly', month: current })).status).toBe(200);
    // The export asks for the same month, bounded the same way, and writes nothing for a refused one.
    expect(refusal(await call('manager', 'report', { action: 'export', month: next }))).toEqual([400, 'INPUT.INVALID', { month: '还没有该月的数据，请选择本月或以前的月份' }]);
    expect(refusal(await call('manager', 'report', { action: 'export', month: '0000-01' }))).toEqual([400, 'INPUT.INVALID', { month: '请选择 2000 年 1 月以后的月份' }]);
  });
});
