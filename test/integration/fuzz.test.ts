/**
 * Fuzz: 10,000 generated invalid payloads across every function and action of `handlers`, as different
 * callers. Most go through the dispatcher in-process (the same `dispatch` every cloud function runs);
 * a few hundred, plus raw invalid JSON text and odd paths, go through the real HTTP gateway.
 *
 * For every answer: never ok, never INTERNAL / HTTP 500, a stable upper-case code whose class fits the
 * kind of garbage sent, the contract's HTTP status for that code, a Chinese message, no stack, a small
 * body. After the run: every table of the store is byte-for-byte unchanged, Object.prototype untouched.
 *
 * The field knowledge below (valid bodies, required fields, formatted fields) is written from the
 * contract (§1, §3), not read from core/schemas: a payload the contract calls invalid must be refused.
 */
import fc from 'fast-check';
import { dispatch } from '../../core/api/dispatch';
import { handlers } from '../../core/api/handlers';
import { startHarness, type Harness } from '../support/harness';
import * as O from '../support/objects';

const TOTAL = 29_000; // every action at least 50 times (33 actions: 10 000 left account.me with 41; 60 need ~26 000; 65 ~29 000: account.subscribeTemplates, with no field to vary, is drawn least)
const HTTP_SAMPLED = 300;
const SEED = Number(process.env.FUZZ_SEED ?? 20261124);

// ------------------------------------------------------------------ what a valid body looks like

interface Base {
  /** A valid body (without `action`). */
  body: Record<string, unknown>;
  /** Fields the contract requires. */
  required: string[];
  /** Every field the action knows (an extra key outside this list must be refused). */
  known: string[];
  /** Fields with an ASCII-only format or a closed set of values (ids, room codes, phones, enums). */
  formatted: string[];
}

const caseOptional = ['category', 'location', 'photos', 'preferredTime', 'emergency', 'level', 'occurredAt', 'place', 'subject', 'asks', 'wantedBy', 'harmOngoing'];
const BASES: Record<string, Base> = {
  'account.me': { body: {}, required: [], known: [], formatted: [] },
  'account.bind': {
    body: { requestId: 'fuzz-req-0001', householdId: '1-2-201', name: '测试住户', phone: '13711112222', relation: 'tenant' },
    required: ['householdId', 'name', 'phone', 'relation'],
    known: ['requestId', 'householdId', 'name', 'phone', 'relation'],
    formatted: ['requestId', 'householdId', 'phone', 'relation'],
  },
  'account.bindings': { body: { status: 'pending' }, required: [], known: ['status', 'cursor'], formatted: ['status'] },
  'account.subscribe': { body: { requestId: 'fuzz-req-0003', accepted: ['caseProgress'] }, required: ['requestId', 'accepted'], known: ['requestId', 'accepted'], formatted: ['requestId', 'accepted'] },
  'account.subscribeTemplates': { body: {}, required: [], known: [], formatted: [] },
  'account.approveBinding': { body: { id: 'b_fuzz_base' }, required: ['id'], known: ['id'], formatted: [] },
  'account.rejectBinding': { body: { id: 'b_fuzz_base', reason: '信息不符' }, required: ['id', 'reason'], known: ['id', 'reason'], formatted: [] },
  'case.submit': {
    // A repair records what is broken and where (R-REP-1): for this kind, category and location are required.
    body: { requestId: 'fuzz-req-0002', householdId: '1-1-101', kind: 'repair', category: 'plumbing', content: '厨房水龙头一直滴水', location: 'in_home', emergency: false, photos: [] },
    required: ['requestId', 'householdId', 'kind', 'content', 'category', 'location'],
    known: ['requestId', 'householdId', 'kind', 'content', ...caseOptional],
    formatted: ['requestId', 'householdId', 'kind', 'category', 'location'],
  },
  'case.list': { body: { status: 'submitted', kind: 'repair' }, required: [], known: ['status', 'kind', 'cursor'], formatted: ['status', 'kind'] },
  'case.get': { body: { id: 'c_fuzz_base' }, required: ['id'], known: ['id'], formatted: [] },
  'case.cancel': { body: { id: 'c_fuzz_base', reason: '不需要了' }, required: ['id'], known: ['id', 'reason'], formatted: [] },
  'case.urge': { body: { id: 'c_fuzz_base' }, required: ['id'], known: ['id'], formatted: [] },
  'case.acceptQuote': { body: { id: 'c_fuzz_base', note: '同意报价' }, required: ['id'], known: ['id', 'note'], formatted: [] },
  'case.declineQuote': { body: { id: 'c_fuzz_base', note: '费用太高' }, required: ['id'], known: ['id', 'note'], formatted: [] },
  'case.confirm': { body: { id: 'c_fuzz_base', ok: false, note: '还是漏水' }, required: ['id', 'ok'], known: ['id', 'ok', 'note'], formatted: [] },
  'case.rate': { body: { id: 'c_fuzz_base', stars: 5, comment: '师傅很专业' }, required: ['id', 'stars'], known: ['id', 'stars', 'comment'], formatted: [] },
  'workbench.queue': {
    body: { status: 'submitted', kind: 'repair', department: 'maintenance', mine: true, householdId: '1-1-101', limit: 10 },
    required: [],
    known: ['status', 'kind', 'department', 'mine', 'householdId', 'cursor', 'limit'],
    formatted: ['status', 'kind', 'department', 'householdId'],
  },
  'workbench.get': { body: { id: 'c_fuzz_base' }, required: ['id'], known: ['id'], formatted: [] },
  'workbench.assignees': { body: { id: 'c_fuzz_base' }, required: ['id'], known: ['id'], formatted: [] },
  'workbench.intake': {
    body: { requestId: 'fuzz-req-0003', householdId: '1-1-101', channel: 'phone', contactName: '李明', contactPhone: '13800001101', kind: 'complaint', content: '楼上装修噪音太大', level: 'minor' },
    required: ['requestId', 'householdId', 'channel', 'contactName', 'contactPhone', 'kind', 'content'],
    known: ['requestId', 'householdId', 'channel', 'contactName', 'contactPhone', 'kind', 'content', ...caseOptional],
    formatted: ['requestId', 'householdId', 'channel', 'contactPhone', 'kind', 'level'],
  },
  'workbench.assign': {
    body: { id: 'c_fuzz_base', to: 'tech-1', department: 'maintenance', note: '请尽快' },
    required: ['id', 'to'],
    known: ['id', 'to', 'department', 'note'],
    formatted: ['department'],
  },
  'workbench.reply': { body: { id: 'c_fuzz_base', note: '快递柜在东门' }, required: ['id', 'note'], known: ['id', 'note'], formatted: [] },
  'workbench.staff': { body: {}, required: [], known: ['role'], formatted: [] },
  'workbench.dispatch': { body: { id: 'c_fuzz_base', technicianId: 'tech-1', note: '请尽快上门' }, required: ['id', 'technicianId'], known: ['id', 'technicianId', 'note'], formatted: [] },
  'workbench.arrive': { body: { id: 'c_fuzz_base' }, required: ['id'], known: ['id'], formatted: [] },
  'workbench.quote': { body: { id: 'c_fuzz_base', feeFen: 8000, note: '更换阀芯，含材料' }, required: ['id', 'feeFen', 'note'], known: ['id', 'feeFen', 'note'], formatted: [] },
  'workbench.complete': {
    body: { id: 'c_fuzz_base', result: '已更换阀芯', materials: ['阀芯'], feeFen: 8000 },
    required: ['id', 'result'],
    known: ['id', 'result', 'materials', 'feeFen'],
    formatted: [],
  },
  'workbench.callback': {
    body: { id: 'c_fuzz_base', outcome: 'satisfied', method: 'phone', note: '住户满意' },
    required: ['id', 'outcome', 'method'],
    known: ['id', 'outcome', 'method', 'note'],
    formatted: ['outcome', 'method'],
  },
  'workbench.pause': { body: { id: 'c_fuzz_base', reason: '住户不在家' }, required: ['id', 'reason'], known: ['id', 'reason'], formatted: [] },
  'workbench.resume': { body: { id: 'c_fuzz_base' }, required: ['id'], known: ['id'], formatted: [] },
  'workbench.closeUnresolvable': { body: { id: 'c_fuzz_base', reason: '住户拒绝入户维修，多次沟通无果' }, required: ['id', 'reason'], known: ['id', 'reason'], formatted: [] },
  'workbench.classify': { body: { id: 'c_fuzz_base', level: 'serious', aboutStaff: 'tech-1', note: '服务态度' }, required: ['id', 'level'], known: ['id', 'level', 'aboutStaff', 'note'], formatted: ['level'] },
  'workbench.contact': { body: { id: 'c_fuzz_base', note: '电话联系住户' }, required: ['id', 'note'], known: ['id', 'note'], formatted: [] },
  'workbench.markInvalid': { body: { id: 'c_fuzz_base', reason: '不属物业管理范围' }, required: ['id', 'reason'], known: ['id', 'reason'], formatted: [] },
  'workbench.close': { body: { id: 'c_fuzz_base', note: '已归档' }, required: ['id'], known: ['id', 'note'], formatted: [] },
  'report.monthly': { body: { month: '2026-11' }, required: ['month'], known: ['month'], formatted: ['month'] },
  'report.export': { body: { month: '2026-11' }, required: ['month'], known: ['month'], formatted: ['month'] },
  'message.list': { body: {}, required: [], known: ['cursor'], formatted: [] },
  'message.read': { body: { ids: ['m_fuzz_base'] }, required: ['ids'], known: ['ids'], formatted: [] },
  'file.uploadPath': { body: { ext: 'png' }, required: [], known: ['ext'], formatted: ['ext'] },
  'file.register': {
    body: { requestId: 'fuzz-req-0004', fileId: 'cloud://local-env.6c6f-local-env-1300000000/uploads/o_demo_resident-a/fuzzbase.png' },
    required: ['requestId', 'fileId'],
    known: ['requestId', 'fileId'],
    formatted: ['requestId', 'fileId'],
  },
  'file.url': { body: { fileId: 'f_fuzz_base' }, required: ['fileId'], known: ['fileId'], formatted: ['fileId'] },
  'setup.importHouseholds': { body: { fileId: 'f_fuzz_base', commit: false, communityId: 'demo' }, required: ['fileId', 'commit'], known: ['fileId', 'commit', 'communityId'], formatted: ['fileId'] },
  'setup.exportHouseholds': { body: { communityId: 'demo' }, required: [], known: ['communityId'], formatted: [] },
  // Community setup (README「小区设置」): staff accounts, duty rota, settings and fee standards.
  'setup.staff': { body: { communityId: 'demo' }, required: [], known: ['communityId'], formatted: [] },
  'setup.inviteStaff': {
    body: { requestId: 'fuzz-req-0005', phone: '13711113333', name: '新同事', roles: ['technician'], communityIds: ['demo'] },
    required: ['requestId', 'phone', 'name', 'roles'],
    known: ['requestId', 'phone', 'name', 'roles', 'communityIds'],
    formatted: ['requestId', 'phone', 'roles'],
  },
  'setup.revokeInvite': { body: { id: 'inv_fuzz_base' }, required: ['id'], known: ['id'], formatted: [] },
  'setup.acceptInvite': { body: { requestId: 'fuzz-req-0006', phoneCode: 'abc123' }, required: ['requestId', 'phoneCode'], known: ['requestId', 'phoneCode'], formatted: ['requestId', 'phoneCode'] },
  'setup.setStaffRoles': { body: { userId: 'tech-2', communityId: 'demo', roles: ['technician'] }, required: ['userId', 'roles'], known: ['userId', 'communityId', 'roles'], formatted: ['roles'] },
  'setup.deactivateStaff': { body: { userId: 'u_fuzz_base', communityId: 'demo' }, required: ['userId'], known: ['userId', 'communityId'], formatted: [] },
  'setup.rota': { body: { communityId: 'demo', from: '2026-12-01', days: 7 }, required: [], known: ['communityId', 'from', 'days'], formatted: ['from'] },
  'setup.setRota': {
    body: { communityId: 'demo', entries: [{ day: '2030-01-01', shift: 'day', technicianId: 'tech-1' }] },
    required: ['entries'],
    known: ['communityId', 'entries'],
    formatted: ['entries'],
  },
  'setup.settings': { body: { communityId: 'demo' }, required: [], known: ['communityId'], formatted: [] },
  'setup.saveSettings': {
    body: { requestId: 'fuzz-req-0007', communityId: 'demo', effectiveFrom: '2030-01-01', settings: { responsible: { customer_service: 'frontdesk' } } },
    required: ['requestId', 'effectiveFrom', 'settings'],
    known: ['requestId', 'communityId', 'effectiveFrom', 'settings'],
    formatted: ['requestId', 'effectiveFrom'],
  },
  'setup.feeStandards': { body: { communityId: 'demo', day: '2026-12-01' }, required: [], known: ['communityId', 'day'], formatted: ['day'] },
  'setup.saveFeeStandard': {
    body: { requestId: 'fuzz-req-0008', communityId: 'demo', item: 'property_fee', basis: 'per_m2_month', priceFen: 250, effectiveFrom: '2030-01-01' },
    required: ['requestId', 'item', 'basis', 'priceFen', 'effectiveFrom'],
    known: ['requestId', 'communityId', 'item', 'basis', 'priceFen', 'effectiveFrom'],
    formatted: ['requestId', 'item', 'basis', 'effectiveFrom'],
  },
  'fee.standards': { body: { householdId: '1-1-101' }, required: [], known: ['householdId'], formatted: ['householdId'] },
  'fee.bills': { body: { householdId: '1-1-101', status: 'unpaid' }, required: ['householdId'], known: ['householdId', 'status'], formatted: ['householdId', 'status'] },
  'fee.preview': { body: { billIds: ['bill_fuzz_base'] }, required: ['billIds'], known: ['billIds'], formatted: ['billIds'] },
  'fee.pay': { body: { requestId: 'fuzz-req-0009', billIds: ['bill_fuzz_base'] }, required: ['requestId', 'billIds'], known: ['requestId', 'billIds'], formatted: ['requestId', 'billIds'] },
  'fee.order': { body: { outTradeNo: 'wx_fuzz_base' }, required: ['outTradeNo'], known: ['outTradeNo'], formatted: ['outTradeNo'] },
  'fee.receipts': { body: { householdId: '1-1-101' }, required: [], known: ['householdId'], formatted: ['householdId'] },
  'fee.receipt': { body: { number: 'demo-2026-000001' }, required: ['number'], known: ['number'], formatted: ['number'] },
  'fee.verifyReceipt': { body: { number: 'demo-2026-000001', code: 'ABCD1234' }, required: ['number', 'code'], known: ['number', 'code'], formatted: ['number', 'code'] },
  'cashier.issueBills': { body: { period: '2026-12', communityId: 'demo' }, required: ['period'], known: ['period', 'communityId'], formatted: ['period'] },
  'renovation.rules': { body: {}, required: [], known: [], formatted: [] },
  'renovation.quote': {
    body: { householdId: '1-1-101', areaM2: 89.5, workers: 2 },
    required: ['householdId', 'areaM2'],
    known: ['householdId', 'areaM2', 'demolitionM2', 'secondRenovation', 'premises', 'workers'],
    formatted: ['householdId', 'premises'],
  },
  'renovation.apply': {
    body: { requestId: 'fuzz-req-0020', householdId: '1-1-101', applicant: 'owner', plan: '厨卫翻新', structuralChange: false, areaM2: 89.5, startDate: '2026-12-10', endDate: '2027-01-10', documents: {}, rulesAccepted: true },
    required: ['requestId', 'householdId', 'applicant', 'plan', 'structuralChange', 'areaM2', 'startDate', 'endDate', 'documents', 'rulesAccepted'],
    known: ['requestId', 'householdId', 'applicant', 'plan', 'structuralChange', 'areaM2', 'demolitionM2', 'secondRenovation', 'premises', 'startDate', 'endDate', 'documents', 'rulesAccepted'],
    formatted: ['requestId', 'householdId', 'applicant', 'premises', 'startDate', 'endDate'],
  },
  'renovation.resubmit': { body: { id: 'reno_fuzz_base', documents: {} }, required: ['id', 'documents'], known: ['id', 'documents', 'plan', 'rulesAccepted'], formatted: [] },
  'renovation.list': { body: { householdId: '1-1-101' }, required: [], known: ['householdId', 'status'], formatted: ['householdId', 'status'] },
  'renovation.get': { body: { id: 'reno_fuzz_base' }, required: ['id'], known: ['id'], formatted: [] },
  'renovation.review': { body: { id: 'reno_fuzz_base', decision: 'approve' }, required: ['id', 'decision'], known: ['id', 'decision', 'missing', 'note', 'internalNote'], formatted: ['decision', 'missing'] },
  'renovation.closureTest': {
    body: { id: 'reno_fuzz_base', passed: true, note: '闭水 24 小时无渗漏' },
    required: ['id', 'passed', 'note'],
    known: ['id', 'passed', 'note', 'startedAt', 'ownerPresent', 'photos'],
    formatted: ['startedAt', 'photos'],
  },
  'renovation.inspect': { body: { id: 'reno_fuzz_base', passed: true, findings: '按申报项目施工' }, required: ['id', 'passed', 'findings'], known: ['id', 'passed', 'findings', 'checklist', 'photos', 'internalNote'], formatted: ['photos'] },
  'renovation.violation': {
    body: { id: 'reno_fuzz_base', description: '私接公共用电', deadline: '2027-01-01T10:00:00+08:00' },
    required: ['id', 'description', 'deadline'],
    known: ['id', 'description', 'deadline', 'proofs', 'stopOrder'],
    formatted: ['deadline', 'proofs'],
  },
  'renovation.resolveViolation': {
    body: { id: 'reno_fuzz_base', violationId: 'rv_fuzz_base', outcome: 'rectified', note: '已整改' },
    required: ['id', 'violationId', 'outcome', 'note'],
    known: ['id', 'violationId', 'outcome', 'note', 'proofs'],
    formatted: ['outcome', 'proofs'],
  },
  'renovation.accept': { body: { id: 'reno_fuzz_base' }, required: ['id'], known: ['id', 'deductions', 'note'], formatted: [] },
};

/** Valid-shaped calls that must find nothing: [fn.action, body with a fresh random id or unknown room]. */
const LOOKUPS: Record<string, (id: string, room: string) => Record<string, unknown>> = {
  'account.approveBinding': (id) => ({ id }),
  'account.rejectBinding': (id) => ({ id, reason: '信息不符' }),
  'case.get': (id) => ({ id }),
  'case.cancel': (id) => ({ id }),
  'workbench.get': (id) => ({ id }),
  'workbench.assignees': (id) => ({ id }),
  'workbench.assign': (id) => ({ id, to: 'tech-1' }),
  'workbench.reply': (id) => ({ id, note: '已答复' }),
  'case.urge': (id) => ({ id }),
  'case.acceptQuote': (id) => ({ id }),
  'case.declineQuote': (id) => ({ id }),
  'case.confirm': (id) => ({ id, ok: true }),
  'case.rate': (id) => ({ id, stars: 5 }),
  'workbench.dispatch': (id) => ({ id, technicianId: 'tech-1' }),
  'workbench.arrive': (id) => ({ id }),
  'workbench.quote': (id) => ({ id, feeFen: 8000, note: '更换阀芯' }),
  'workbench.complete': (id) => ({ id, result: '已修好' }),
  'workbench.callback': (id) => ({ id, outcome: 'problem', method: 'visit' }),
  'workbench.pause': (id) => ({ id, reason: '住户不在家' }),
  'workbench.resume': (id) => ({ id }),
  'workbench.closeUnresolvable': (id) => ({ id, reason: '住户拒绝入户维修，多次沟通无果' }),
  'workbench.classify': (id) => ({ id, level: 'minor' }),
  'workbench.contact': (id) => ({ id, note: '电话联系住户' }),
  'workbench.markInvalid': (id) => ({ id, reason: '不属物业管理范围' }),
  'workbench.close': (id) => ({ id }),
  'case.submit': (_id, room) => ({ requestId: 'fuzz-lookup-01', householdId: room, kind: 'repair', category: 'plumbing', location: 'in_home', content: '厨房水龙头一直滴水' }),
  'workbench.intake': (_id, room) => ({ requestId: 'fuzz-lookup-02', householdId: room, channel: 'visit', contactName: '李明', contactPhone: '13800001101', kind: 'help', content: '门禁卡丢失需要补办' }),
  'account.bind': (_id, room) => ({ householdId: room, name: '测试', phone: '13711112222', relation: 'family' }),
};

const ACTIONS = Object.entries(handlers).flatMap(([fn, actions]) => Object.keys(actions).map((a) => `${fn}.${a}`));
const FNS = Object.keys(handlers);
const USERS = [null, 'resident-a', 'resident-b', 'resident-new', 'frontdesk', 'tech-1', 'manager', 'cashier', 'reno-officer'] as const;

// ------------------------------------------------------------------ generators

/** What the answer's code may be, by kind of garbage. */
type Expect = 'input' | 'action' | 'function' | 'lookup';
interface Payload {
  cls: string;
  fn: string;
  /** fn.action aimed at, when there is one. */
  target: string;
  user: (typeof USERS)[number];
  event: unknown;
  expect: Expect;
}

/** An object with exactly these own keys, `__proto__` included as a plain key (as JSON.parse makes it). */
const objectOf = (entries: [string, unknown][]) => Object.fromEntries(entries);

const jsonPrimitive = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), fc.string({ maxLength: 20 }));
const junk = fc.jsonValue({ maxDepth: 6 });
const nested = fc.oneof(fc.array(junk, { minLength: 1, maxLength: 5 }), fc.dictionary(fc.string({ maxLength: 10 }), junk, { minKeys: 1, maxKeys: 5 }));
const notAString = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), fc.array(jsonPrimitive, { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), jsonPrimitive, { maxKeys: 3 }));

/**
 * Numbers the contract refuses, per field: money is integer fen (R-FEE-4) and never negative, stars are
 * 1–5 (R-SAT-1), a page holds at most 100. (0 and 101 are valid fees, so the general list would not do.)
 */
const BAD_NUMBERS: Record<string, number[]> = {
  feeFen: [-1, -100, 1.5, 0.01],
  stars: [0, -1, 6, 2.5, 101],
};

/** A value of the wrong type for a field whose valid value is `v`. */
function wrongTypeFor(v: unknown, field: string): fc.Arbitrary<unknown> {
  if (typeof v === 'string') return notAString;
  if (typeof v === 'boolean') return fc.oneof(fc.integer(), fc.constantFrom('true', 'false', '1', ''), fc.constant(null), fc.array(fc.boolean(), { maxLength: 2 }), fc.dictionary(fc.string({ maxLength: 3 }), fc.boolean(), { maxKeys: 2 }));
  if (typeof v === 'number') return fc.oneof(fc.string({ maxLength: 5 }), fc.boolean(), fc.constant(null), fc.constantFrom(...(BAD_NUMBERS[field] ?? [0, -1, 101, 1.5, 1e12])), fc.array(fc.integer(), { maxLength: 2 }));
  if (Array.isArray(v))
    return fc.oneof(
      fc.string({ maxLength: 10 }).filter((s) => !(field === 'ids' && s === 'all')),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.dictionary(fc.string({ maxLength: 5 }), jsonPrimitive, { maxKeys: 3 }),
      fc.array(fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), nested), { minLength: 1, maxLength: 4 }),
    );
  return notAString;
}

const hugeString = fc
  .tuple(fc.string({ unit: 'grapheme', maxLength: 50 }), fc.integer({ min: 1_001, max: 30_000 }), fc.constantFrom('界', 'x', '😀', 'é'))
  .map(([s, n, ch]) => `${s}${ch.repeat(n)}${s}`);
/** Contains a non-ASCII, non-space character: never a room code, phone, request id or enum value. */
const unicodeJunk = fc
  .tuple(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.constantFrom('房', '😀', 'é', '\u0301x', 'Ⅰ', '１', 'ﬁ', '\u202e'), fc.string({ unit: 'binary', maxLength: 30 }))
  .map(([a, c, b]) => `${a}${c}${b}`);
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];
// `userInfo` is left out: WeChat's cloud call adds it to every event, so the function entry drops it
// (never trusting it); the authorization matrix's [R-ACC-2] test shows it changes nobody's identity.
const IDENTITY_KEYS = ['userId', 'openid', 'openId', 'OPENID', 'WX_OPENID', 'environment', 'caller', 'uid', 'role', 'roles', 'staff'];
const extraKey = (known: string[]) =>
  fc.oneof(fc.constantFrom(...PROTO_KEYS, ...IDENTITY_KEYS), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 })).filter((k) => !known.includes(k) && k !== 'action');
const pollution = fc.oneof(
  fc.constant({ polluted: true, isAdmin: true }),
  fc.constant({ staff: [{ communityId: 'demo', role: 'manager' }], households: [{ householdId: '1-1-102', communityId: 'demo', relation: 'owner' }] }),
  fc.constant({ prototype: { polluted: true } }),
  junk,
);

/**
 * Free-text fields (people's words) per action, from the contract, and whether words are required there
 * (`case.confirm`'s base says the work is NOT ok, so it must say what is wrong). Issue 7 item 6.
 */
const TEXT_FIELDS: Record<string, [field: string, needsWords: boolean][]> = {
  'account.bind': [['name', true]],
  'account.rejectBinding': [['reason', true]],
  'case.submit': [['content', true]],
  'case.cancel': [['reason', false]],
  'case.acceptQuote': [['note', false]],
  'case.declineQuote': [['note', false]],
  'case.confirm': [['note', true]],
  'case.rate': [['comment', false]],
  'workbench.intake': [['contactName', true], ['content', true]],
  'workbench.assign': [['note', false]],
  'workbench.reply': [['note', true]],
  'workbench.dispatch': [['note', false]],
  'workbench.quote': [['note', true]],
  'workbench.complete': [['result', true], ['materials', true]],
  'workbench.callback': [['note', false]],
  'workbench.pause': [['reason', true]],
  'workbench.closeUnresolvable': [['reason', true]],
  'workbench.classify': [['note', false]],
  'workbench.contact': [['note', true]],
  'workbench.markInvalid': [['reason', true]],
  'workbench.close': [['note', false]],
  'setup.inviteStaff': [['name', true]],
};
const textTargets = (needsWords: boolean) => Object.entries(TEXT_FIELDS).flatMap(([k, fields]) => fields.filter(([, w]) => w || !needsWords).map(([f]) => [k, f] as const));
/** Puts a text where the field wants it (materials is a list of texts). */
const textBody = (k: string, f: string, text: string) => ({ action: split(k)[1], ...BASES[k].body, [f]: Array.isArray(BASES[k].body[f]) ? [text] : text });
/** Words valid in every free-text field (10–20 code points), so only what is slipped into them matters. */
const WORDS = fc.constantFrom('住户拒绝入户维修，多次沟通无果', '厨房水龙头一直滴水，麻烦看看', '更换阀芯并试水正常了');
const insertAt = (w: string, c: string, i: number) => `${w.slice(0, i % (w.length + 1))}${c}${w.slice(i % (w.length + 1))}`;
const INVISIBLES = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u200E', '\u200F', '\u3164', '\u{E0041}'];
const CONTROLS = ['\u0000', '\u0001', '\u0007', '\u0008', '\u000B', '\u000C', '\u001B', '\u001F', '\u007F', '\u0080', '\u0085', '\u009B', '\u009F', '\t', '\r', '\n', ' ', '\u3000'];
const BIDI = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];
const invisibleOnly = fc.array(fc.constantFrom(...INVISIBLES), { minLength: 1, maxLength: 40 }).map((a) => a.join(''));
const controlOnly = fc.array(fc.constantFrom(...CONTROLS, ...INVISIBLES), { minLength: 1, maxLength: 40 }).map((a) => a.join(''));
const withBidi = fc.tuple(WORDS, fc.constantFrom(...BIDI), fc.nat()).map(([w, c, i]) => insertAt(w, c, i));
const withLoneSurrogate = fc.tuple(WORDS, fc.integer({ min: 0xd800, max: 0xdfff }), fc.nat()).map(([w, c, i]) => insertAt(w, String.fromCharCode(c), i));

/** Platform time when the payloads are drawn (set in beforeAll; the fuzz never moves the clock). */
let drawnAt = 0;
const pad = (n: number) => String(n).padStart(2, '0');
const wall = (ms: number) => new Date(ms).toISOString();
/** Convenient windows no appointment may have (R-REP-4): far future, beyond 30 days, long past. */
const badWindow = fc.oneof(
  fc.tuple(fc.integer({ min: 2100, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 20 })).map(([y, m, d, hh]) => ({
    from: `${y}-${pad(m)}-${pad(d)}T${pad(hh)}:00:00+08:00`,
    to: `${y}-${pad(m)}-${pad(d)}T${pad(hh + 3)}:00:00+08:00`,
  })),
  fc.integer({ min: 31, max: 3_000 }).map((days) => ({ from: wall(drawnAt + days * 86_400_000), to: wall(drawnAt + days * 86_400_000 + 3 * 3_600_000) })),
  fc.integer({ min: 1, max: 20_000 }).map((days) => ({ from: wall(drawnAt - days * 86_400_000), to: wall(drawnAt - days * 86_400_000 + 3 * 3_600_000) })),
);
const badMonth = fc.oneof(fc.integer({ min: 2100, max: 9999 }), fc.integer({ min: 0, max: 1999 })).chain((y) => fc.integer({ min: 1, max: 12 }).map((m) => `${String(y).padStart(4, '0')}-${pad(m)}`));

const user = fc.constantFrom(...USERS);
const actionOf = (fn: string) => fc.constantFrom(...Object.keys(handlers[fn as keyof typeof handlers]));
const fnArb = fc.constantFrom(...FNS);
const withBase = fc.constantFrom(...ACTIONS.filter((k) => BASES[k]));
const split = (key: string) => key.split('.') as [string, string];

const P = (cls: string, fn: string, target: string, u: Payload['user'], event: unknown, expect: Expect): Payload => ({ cls, fn, target, user: u, event, expect });

const classes: { weight: number; arbitrary: fc.Arbitrary<Payload> }[] = [
  {
    weight: 8,
    arbitrary: fc
      .tuple(fnArb, user, fc.oneof(fc.constant(null), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.array(junk, { maxLength: 5 })))
      .map(([fn, u, ev]) => P('non-object body', fn, `${fn}.?`, u, ev, 'input')),
  },
  {
    weight: 6,
    arbitrary: fc
      .tuple(fnArb, user, fc.oneof(fc.constantFrom(...PROTO_KEYS, 'Submit', ' submit', 'submit ', 'SUBMIT', 'queue', 'me ', '报修', 'list\u0000', 'pay', 'issueBills'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 })), fc.dictionary(fc.string({ maxLength: 8 }), junk, { maxKeys: 3 }))
      .filter(([fn, , a]) => !Object.prototype.hasOwnProperty.call(handlers[fn as keyof typeof handlers], a))
      .map(([fn, u, a, rest]) => P('unknown action', fn, `${fn}.?`, u, objectOf([...Object.entries(rest).filter(([k]) => k !== 'action'), ['action', a]]), 'action')),
  },
  {
    weight: 4,
    arbitrary: fc
      .tuple(fnArb, user, fc.oneof(notAString, fc.constant(''), fc.string({ minLength: 41, maxLength: 300 }), fc.constant(undefined)))
      .map(([fn, u, a]) => P('bad or missing action', fn, `${fn}.?`, u, a === undefined ? {} : { action: a }, 'input')),
  },
  {
    weight: 10,
    arbitrary: fc
      .tuple(withBase, user)
      .filter(([k]) => BASES[k].required.length > 0)
      .chain(([k, u]) => fc.constantFrom(...BASES[k].required).map((f) => ({ k, u, f })))
      .map(({ k, u, f }) => {
        const [fn, action] = split(k);
        const { [f]: _dropped, ...rest } = BASES[k].body;
        return P('missing field', fn, k, u, { action, ...rest }, 'input');
      }),
  },
  {
    weight: 16,
    arbitrary: fc
      .tuple(withBase, user)
      .filter(([k]) => Object.keys(BASES[k].body).length > 0)
      .chain(([k, u]) => fc.constantFrom(...Object.keys(BASES[k].body)).chain((f) => wrongTypeFor(BASES[k].body[f], f).map((v) => ({ k, u, f, v }))))
      .map(({ k, u, f, v }) => P('wrong type', split(k)[0], k, u, { action: split(k)[1], ...BASES[k].body, [f]: v }, 'input')),
  },
  {
    weight: 14,
    arbitrary: fc
      .tuple(withBase, user)
      .chain(([k, u]) => fc.tuple(extraKey(BASES[k].known), fc.oneof(jsonPrimitive, nested)).map(([key, v]) => ({ k, u, key, v })))
      .map(({ k, u, key, v }) => P('extra field', split(k)[0], k, u, objectOf([['action', split(k)[1]], ...Object.entries(BASES[k].body), [key, v]]), 'input')),
  },
  {
    weight: 8,
    arbitrary: fc
      .tuple(withBase, user)
      .filter(([k]) => Object.values(BASES[k].body).some((v) => typeof v === 'string'))
      .chain(([k, u]) =>
        fc.tuple(fc.constantFrom(...Object.keys(BASES[k].body).filter((f) => typeof BASES[k].body[f] === 'string')), hugeString).map(([f, s]) => ({ k, u, f, s })),
      )
      .map(({ k, u, f, s }) => P('huge string', split(k)[0], k, u, { action: split(k)[1], ...BASES[k].body, [f]: s }, 'input')),
  },
  {
    weight: 10,
    arbitrary: fc
      .tuple(withBase, user)
      .filter(([k]) => BASES[k].formatted.length > 0)
      .chain(([k, u]) => fc.tuple(fc.constantFrom(...BASES[k].formatted), unicodeJunk).map(([f, s]) => ({ k, u, f, s })))
      .map(({ k, u, f, s }) => P('unicode in a formatted field', split(k)[0], k, u, { action: split(k)[1], ...BASES[k].body, [f]: s }, 'input')),
  },
  {
    weight: 6,
    arbitrary: fc
      .tuple(withBase, user)
      .filter(([k]) => Object.keys(BASES[k].body).length > 0)
      .chain(([k, u]) => fc.tuple(fc.constantFrom(...Object.keys(BASES[k].body)), nested).map(([f, v]) => ({ k, u, f, v })))
      .filter(({ k, f, v }) => !(Array.isArray(BASES[k].body[f]) && Array.isArray(v) && v.every((x) => typeof x === 'string')))
      .map(({ k, u, f, v }) => P('nested junk', split(k)[0], k, u, { action: split(k)[1], ...BASES[k].body, [f]: v }, 'input')),
  },
  {
    // Prototype-pollution shapes on an otherwise VALID body: the key alone must get it refused.
    weight: 8,
    arbitrary: fc
      .tuple(withBase, user, fc.constantFrom('__proto__', 'constructor', 'prototype'), pollution)
      .map(([k, u, key, v]) => P('prototype key', split(k)[0], k, u, objectOf([[key, v], ['action', split(k)[1]], ...Object.entries(BASES[k].body)]), 'input')),
  },
  {
    weight: 6,
    arbitrary: fc
      .tuple(fc.constantFrom(...Object.keys(LOOKUPS).filter((k) => ACTIONS.includes(k))), user, fc.string({ unit: 'grapheme', maxLength: 50 }), fc.tuple(fc.integer({ min: 900, max: 999 }), fc.integer({ min: 90, max: 99 }), fc.integer({ min: 9000, max: 9999 })))
      .map(([k, u, s, [b, un, r]]) => P('valid shape, nothing found', split(k)[0], k, u, { action: split(k)[1], ...LOOKUPS[k](`x${s}`.trim().slice(0, 64), `${b}-${un}-${r}`) }, 'lookup')),
  },
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.oneof(fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'fee', 'cashier', 'payNotify', 'sla', 'report', 'renovation', 'Account', 'case '), fc.string({ unit: 'grapheme', maxLength: 20 })), user, fc.constantFrom('me', 'submit', 'list', 'queue'))
      .filter(([fn]) => !Object.prototype.hasOwnProperty.call(handlers, fn))
      .map(([fn, u, a]) => P('unknown function', fn, 'none', u, { action: a }, 'function')),
  },
];
// Issue 7 item 6: words that are not there, characters that hide or reorder, invalid UTF-16, dates no one means.
classes.push(
  {
    weight: 5,
    arbitrary: fc
      .tuple(fc.constantFrom(...textTargets(true)), user, invisibleOnly)
      .map(([[k, f], u, t]) => P('zero-width-only text', split(k)[0], k, u, textBody(k, f, t), 'input')),
  },
  {
    weight: 5,
    arbitrary: fc
      .tuple(fc.constantFrom(...textTargets(true)), user, controlOnly)
      .map(([[k, f], u, t]) => P('control characters only', split(k)[0], k, u, textBody(k, f, t), 'input')),
  },
  {
    weight: 5,
    arbitrary: fc.tuple(fc.constantFrom(...textTargets(false)), user, withBidi).map(([[k, f], u, t]) => P('bidi override in text', split(k)[0], k, u, textBody(k, f, t), 'input')),
  },
  {
    weight: 5,
    arbitrary: fc.tuple(fc.constantFrom(...textTargets(false)), user, withLoneSurrogate).map(([[k, f], u, t]) => P('lone surrogate in text', split(k)[0], k, u, textBody(k, f, t), 'input')),
  },
  {
    // Valid in shape, so the use case decides: resident-b is not of 1-1-101, where 404 is the answer (authz matrix).
    weight: 5,
    arbitrary: fc
      .tuple(fc.constantFrom<string>('case.submit', 'workbench.intake', 'report.monthly', 'report.export'), user)
      .filter(([k, u]) => !(k === 'case.submit' && u === 'resident-b'))
      .chain(([k, u]): fc.Arbitrary<{ k: string; u: Payload['user']; over: Record<string, unknown> }> =>
        k.startsWith('report.') ? badMonth.map((month) => ({ k, u, over: { month } })) : badWindow.map((preferredTime) => ({ k, u, over: { preferredTime } })),
      )
      .map(({ k, u, over }) => P('far-future or past date', split(k)[0], k, u, { action: split(k)[1], ...BASES[k].body, ...over }, 'input')),
  },
);
const payloadArb = fc.oneof(...classes);
const CLASS_NAMES = [
  'non-object body',
  'unknown action',
  'bad or missing action',
  'missing field',
  'wrong type',
  'extra field',
  'huge string',
  'unicode in a formatted field',
  'nested junk',
  'prototype key',
  'valid shape, nothing found',
  'unknown function',
  'zero-width-only text',
  'control characters only',
  'bidi override in text',
  'lone surrogate in text',
  'far-future or past date',
];

// ------------------------------------------------------------------ judging an answer

const ACCESS = ['AUTH.UNAUTHENTICATED', 'AUTH.FORBIDDEN', 'HOUSEHOLD.NOT_BOUND'];
const CODE = /^[A-Z]+(\.[A-Z_]+)?$/;
const CHINESE = /[\u4e00-\u9fff]/;

/** HTTP status by error class, from contract §1 (not from core/errors.ts). */
function contractStatus(code: string): number {
  if (code.startsWith('INPUT.')) return 400;
  if (code === 'AUTH.UNAUTHENTICATED') return 401;
  if (code === 'AUTH.FORBIDDEN' || code === 'HOUSEHOLD.NOT_BOUND') return 403;
  if (code.endsWith('.NOT_FOUND')) return 404;
  if (code.endsWith('.CONFLICT') || code.endsWith('.INVALID_TRANSITION') || code === 'REQUEST.REPLAY_MISMATCH') return 409;
  if (code === 'RATE.LIMITED') return 429;
  return 500;
}

function codeFits(expect: Expect, code: string): boolean {
  switch (expect) {
    case 'input':
      return code === 'INPUT.INVALID' || ACCESS.includes(code);
    case 'action':
      return code.startsWith('INPUT.') || ACCESS.includes(code);
    case 'function':
      return code === 'FUNCTION.NOT_FOUND';
    case 'lookup':
      return code.endsWith('.NOT_FOUND') || ACCESS.includes(code);
  }
}

/** Problems with one answer (empty when it is as the contract says). */
function judge(p: Pick<Payload, 'expect' | 'user'>, envelope: any, text: string, status?: number): string[] {
  const out: string[] = [];
  if (!envelope || typeof envelope !== 'object') return [`not an envelope: ${text.slice(0, 80)}`];
  if (envelope.ok !== false) return [`accepted (ok: ${String(envelope.ok)})`];
  const e = envelope.error ?? {};
  const code = String(e.code);
  if (code === 'INTERNAL' || status === 500) out.push('INTERNAL / 500');
  if (!CODE.test(code)) out.push(`code ${JSON.stringify(code).slice(0, 60)} is not AREA.REASON`);
  else if (!codeFits(p.expect, code)) out.push(`code ${code} does not fit ${p.expect}`);
  if (p.user === null && (code === 'AUTH.FORBIDDEN' || code === 'HOUSEHOLD.NOT_BOUND')) out.push(`${code} for an anonymous caller`);
  if (p.user !== null && code === 'AUTH.UNAUTHENTICATED') out.push('a signed-in caller told to sign in');
  if (typeof e.message !== 'string' || !CHINESE.test(e.message)) out.push('message is not Chinese');
  const extraKeys = Object.keys(e).filter((k) => !['code', 'message', 'fields'].includes(k));
  if (extraKeys.length) out.push(`error has ${extraKeys.join(',')}`);
  if (Object.keys(envelope).some((k) => !['ok', 'error'].includes(k))) out.push(`envelope has ${Object.keys(envelope).join(',')}`);
  if (/\bat .+:\d+:\d+|stack/i.test(text)) out.push('stack trace in the answer');
  if (text.length > 8_192) out.push(`answer is ${text.length} bytes`);
  if (status !== undefined && CODE.test(code) && status !== contractStatus(code)) out.push(`HTTP ${status} for ${code}, contract says ${contractStatus(code)}`);
  return out;
}

// ------------------------------------------------------------------ running

let h: Harness;
const tokens = new Map<string, string>();
beforeAll(async () => {
  h = await startHarness();
  for (const u of USERS) if (u) tokens.set(u, await h.login(u));
  drawnAt = h.platform.clock.now();
  // Some objects, so "nothing found" is not trivially true of an empty store.
  await O.submitCase(h, 'resident-a', '1-1-101');
  await O.createPendingBinding(h, '1-1-102');
  await O.settle(h);
}, 30_000);
afterAll(() => h?.close());

interface Violation {
  via: 'dispatch' | 'http';
  cls: string;
  target: string;
  user: string | null;
  problems: string[];
  sample: string;
}

const show = (v: unknown) => {
  const s = typeof v === 'string' ? `text:${v}` : JSON.stringify(v) ?? String(v);
  return s.length > 300 ? `${s.slice(0, 300)}…(${s.length} chars)` : s;
};

function summarize(violations: Violation[]) {
  const groups = new Map<string, Violation[]>();
  for (const v of violations) {
    const key = `${v.via} | ${v.cls} | ${v.problems.join('; ')}`;
    groups.set(key, [...(groups.get(key) ?? []), v]);
  }
  return [...groups.entries()].map(([key, vs]) => {
    const smallest = [...vs].sort((a, b) => a.sample.length - b.sample.length)[0];
    return `${vs.length}× ${key} — e.g. ${smallest.target} as ${smallest.user}: ${smallest.sample}`;
  });
}

async function post(path: string, token: string | null, text: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${h.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers }, body: text });
  const raw = await res.text();
  let env: unknown;
  try {
    env = JSON.parse(raw);
  } catch {
    env = undefined;
  }
  return { status: res.status, env, raw };
}

/** Raw bodies that are not JSON, or JSON the gateway must refuse, for the HTTP run. */
const RAW_TEXTS: string[] = [
  '{',
  '{"action":',
  '{"action":"me"',
  "{'action':'me'}",
  '{"action":"me",}',
  '{action:"me"}',
  '{"action":"me"} trailing',
  '{"action":"me"}{"action":"me"}',
  'NaN',
  'undefined',
  '[object Object]',
  '/* comment */ {"action":"me"}',
  '{"action":"me" /* c */}',
  '\u0000',
  '\uFEFF{"action":"me"}',
  '{"action":"\\ud800"}',
  '{"action":"me","x":"\\u0000"}',
  '{"action":"bind","action":"me","householdId":1}',
  '{"action":"list","__proto__":{"status":"closed"},"status":7}',
  '{"action":"me","constructor":{"prototype":{"polluted":true}}}',
  `{"action":"me","deep":${'['.repeat(5000)}${']'.repeat(5000)}}`,
  `${'['.repeat(20000)}${']'.repeat(20000)}`,
  `{"action":"me","big":"${'x'.repeat(300 * 1024)}"}`,
  Buffer.from([0xff, 0xfe, 0xfd, 0x00, 0x80]).toString('latin1'),
  '1e999',
  '-',
  '"',
  '{"action":me}',
];
const RAW_PATHS = ['/fn/__proto__', '/fn/constructor', '/fn/toString', '/fn/hasOwnProperty', '/fn/%E6%8A%A5%E4%BF%AE', '/fn/', '/fn/CASE', '/fn/case%00', '/fn/fees', '/fn/payNotify'];

describe('fuzz: invalid payloads never break the functions and never change the store', () => {
  const violations: Violation[] = [];
  const perAction = new Map<string, number>();
  const perClass = new Map<string, number>();
  const figures = { dispatch: 0, http: 0, ms: 0 };

  it(`${TOTAL.toLocaleString('en')} invalid payloads (in-process + HTTP): no INTERNAL/500, stable codes, Chinese messages, contract statuses, store unchanged`, async () => {
    const t0 = Date.now();
    const db = O.dbOf(h);
    const before = await O.fingerprint(db);
    const counts = await O.tableCounts(db);
    const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort();

    const rawCount = RAW_TEXTS.length + RAW_PATHS.length;
    const httpPayloads = fc.sample(payloadArb, { numRuns: HTTP_SAMPLED, seed: SEED + 1 });
    const inProcess = fc.sample(payloadArb, { numRuns: TOTAL - HTTP_SAMPLED - rawCount, seed: SEED });
    const count = (p: Payload) => {
      perAction.set(p.target, (perAction.get(p.target) ?? 0) + 1);
      perClass.set(p.cls, (perClass.get(p.cls) ?? 0) + 1);
    };

    // In-process: the dispatcher every cloud function runs, with the platform identity of each user.
    for (const p of inProcess) {
      count(p);
      const out = await dispatch(h.platform.deps, p.fn, p.event, { openid: p.user ? O.demoOpenid(p.user) : null });
      const text = JSON.stringify(out);
      const problems = judge(p, out, text);
      if (problems.length) violations.push({ via: 'dispatch', cls: p.cls, target: p.target, user: p.user, problems, sample: show(p.event) });
      figures.dispatch++;
    }

    // Over HTTP: generated payloads, then raw text and odd paths. The in-process run never yields to
    // timers (the SQLite driver answers in microtasks), so the server's keep-alive timeout may close the
    // client's idle sockets right as the first request goes out: let both sides see that first.
    await new Promise((r) => setTimeout(r, 100));
    for (const p of httpPayloads) {
      count(p);
      const r = await post(`/fn/${encodeURIComponent(p.fn)}`, p.user ? tokens.get(p.user)! : null, JSON.stringify(p.event) ?? 'null');
      const problems = judge(p, r.env, r.raw, r.status);
      if (problems.length) violations.push({ via: 'http', cls: p.cls, target: p.target, user: p.user, problems, sample: show(p.event) });
      figures.http++;
    }
    // Sent to functions without a `me` action, so that text which parses (a BOM before valid JSON) is
    // still a call of an action the function lacks — whichever functions the handler map holds.
    const rawFns = FNS.filter((f) => !Object.prototype.hasOwnProperty.call(handlers[f as keyof typeof handlers], 'me'));
    for (const [i, text] of RAW_TEXTS.entries()) {
      const u = USERS[i % USERS.length];
      const fn = rawFns[i % rawFns.length];
      count({ cls: 'raw text', target: `${fn}.?` } as Payload);
      const r = await post(`/fn/${fn}`, u ? tokens.get(u)! : null, text, i % 2 ? { 'content-type': 'text/plain' } : {});
      // Text that happens to parse may name an action this function lacks: any INPUT.* code fits.
      const problems = judge({ expect: 'action', user: u }, r.env, r.raw, r.status);
      if (problems.length) violations.push({ via: 'http', cls: 'raw text', target: fn, user: u, problems, sample: show(text) });
      figures.http++;
    }
    for (const [i, path] of RAW_PATHS.entries()) {
      const u = USERS[(i + 1) % USERS.length];
      count({ cls: 'odd path', target: 'none' } as Payload);
      const r = await post(path, u ? tokens.get(u)! : null, JSON.stringify({ action: 'me' }));
      const problems = judge({ expect: 'function', user: u }, r.env, r.raw, r.status);
      if (problems.length) violations.push({ via: 'http', cls: 'odd path', target: path, user: u, problems, sample: path });
      figures.http++;
    }

    await O.settle(h);
    const after = await O.fingerprint(db);
    figures.ms = Date.now() - t0;
    console.log(
      [
        `fuzz: ${figures.dispatch + figures.http} payloads (${figures.dispatch} in-process, ${figures.http} over HTTP) in ${(figures.ms / 1000).toFixed(1)} s, seed ${SEED}`,
        `  by class: ${[...perClass.entries()].map(([c, n]) => `${c} ${n}`).join(', ')}`,
        `  store before: ${Object.entries(counts).map(([t, n]) => `${t} ${n}`).join(', ')}`,
        `  violations: ${violations.length}`,
        ...summarize(violations).map((s) => `  ${s}`),
      ].join('\n'),
    );

    // One assertion over everything, so a failure shows every broken promise at once.
    const changed = O.changedTables(before, after);
    expect({
      payloads: figures.dispatch + figures.http,
      violations: summarize(violations),
      tablesChanged: changed.map((t) => `${t} (${counts[t]} rows before)`),
      objectPrototype: Object.getOwnPropertyNames(Object.prototype).sort(),
      polluted: [({} as Record<string, unknown>).polluted, ({} as Record<string, unknown>).isAdmin],
    }).toEqual({ payloads: TOTAL, violations: [], tablesChanged: [], objectPrototype: protoBefore, polluted: [undefined, undefined] });
  }, 120_000);

  it('covered every function and action of handlers, and every kind of garbage', () => {
    const thin = ACTIONS.filter((k) => (perAction.get(k) ?? 0) < 50).map((k) => `${k}: ${perAction.get(k) ?? 0}`);
    expect(thin).toEqual([]);
    expect(ACTIONS.filter((k) => !BASES[k])).toEqual([]); // a new action needs a valid body here to be fuzzed field by field
    const expected = [...CLASS_NAMES, 'raw text', 'odd path'];
    expect(expected.filter((c) => !(perClass.get(c) ?? 0))).toEqual([]);
  });
});

describe('fuzz: focused findings', () => {
  it('an own "__proto__" key is refused like any other unknown key (no silent strictness bypass)', async () => {
    const db = O.dbOf(h);
    const before = await O.fingerprint(db);
    const a = tokens.get('resident-a')!;
    const text = `{"__proto__":{"polluted":true},"action":"submit","requestId":"fuzz-proto-0001","householdId":"1-1-101","kind":"repair","category":"plumbing","location":"in_home","content":"厨房水龙头一直滴水"}`;
    const r = await post('/fn/case', a, text);
    await O.settle(h);
    expect([r.status, (r.env as any)?.error?.code]).toEqual([400, 'INPUT.INVALID']);
    expect(O.changedTables(before, await O.fingerprint(db))).toEqual([]);
  });

  it('case.submit refuses a malformed room code as INPUT.INVALID, as account.bind and workbench.intake do', async () => {
    const a = tokens.get('resident-a')!;
    const fd = tokens.get('frontdesk')!;
    for (const householdId of ['房101', '1-1-101😀', '1_1_101', 'x']) {
      const where = { kind: 'repair', category: 'plumbing', location: 'in_home', content: '厨房水龙头一直滴水' };
      const sub = await h.call(a, 'case', { action: 'submit', requestId: 'fuzz-room-0001', householdId, ...where });
      const bind = await h.call(a, 'account', { action: 'bind', householdId, name: '李明', phone: '13800001101', relation: 'owner' });
      const intake = await h.call(fd, 'workbench', { action: 'intake', requestId: 'fuzz-room-0002', householdId, channel: 'phone', contactName: '李明', contactPhone: '13800001101', ...where });
      expect({ householdId, submit: sub.body.error?.code, bind: bind.body.error?.code, intake: intake.body.error?.code }).toEqual({
        householdId,
        submit: 'INPUT.INVALID',
        bind: 'INPUT.INVALID',
        intake: 'INPUT.INVALID',
      });
    }
  });
});

describe('[R-INT-2] case kinds: the nine of the standard, and nothing else', () => {
  const KINDS = ['repair', 'complaint', 'consultation', 'suggestion', 'praise', 'help', 'warranty', 'service', 'other'];

  it('200 generated non-kinds are refused with INPUT.INVALID and create nothing', async () => {
    const a = tokens.get('resident-a')!;
    const db = O.dbOf(h);
    const before = await O.fingerprint(db);
    const notAKind = fc
      .oneof(
        fc.constantFrom('Repair', 'REPAIR', ' repair', 'repair ', '报修', '投诉', 'renovation', 'fee', 'complaints', 'praise\u0000', ''),
        fc.string({ unit: 'grapheme', maxLength: 20 }),
        fc.constantFrom(...KINDS).map((k) => `${k}s`),
      )
      .filter((k) => !KINDS.includes(k));
    await fc.assert(
      fc.asyncProperty(notAKind, async (kind) => {
        const r = await h.call(a, 'case', { action: 'submit', requestId: `kind-${Math.random().toString(36).slice(2, 12)}`, householdId: '1-1-101', kind, content: '测试一下工单类别' });
        return r.status === 400 && r.body.error?.code === 'INPUT.INVALID';
      }),
      { numRuns: 200, seed: SEED },
    );
    expect(O.changedTables(before, await O.fingerprint(db))).toEqual([]);
  }, 60_000);

  it('each of the nine kinds is accepted into the one shared case store', async () => {
    const a = tokens.get('resident-a')!;
    const fd = tokens.get('frontdesk')!;
    const ids: string[] = [];
    for (const kind of KINDS) {
      // Worked kinds say what is broken and where (R-REP-1).
      const work = kind === 'repair' || kind === 'service' ? { category: 'door_window', location: 'in_home' } : {};
      const r = await h.call(a, 'case', { action: 'submit', requestId: `kind-ok-${kind}`, householdId: '1-1-101', kind, content: '测试一下工单类别', ...work });
      expect([kind, r.status, r.body.data?.kind]).toEqual([kind, 200, kind]);
      ids.push(r.body.data.id);
    }
    const q = await h.call(fd, 'workbench', { action: 'queue', householdId: '1-1-101', limit: 100 });
    const seen = q.body.data.items.filter((c: { id: string }) => ids.includes(c.id)).map((c: { kind: string }) => c.kind);
    expect(seen.sort()).toEqual([...KINDS].sort());
  });
});
