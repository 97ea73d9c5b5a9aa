/**
 * Authorization matrix: every function × action of `handlers` against every kind of caller, through
 * the real gateway (HTTP). The table below is the SPECIFICATION, written from contract §1/§3 and
 * service-standards §1 — it deliberately does not read core/access/policy.ts. An action added to
 * `handlers` without a row here fails this suite.
 *
 * Columns: anonymous, unbound, resident on own / other household's objects, each staff role of the demo
 * community (A) on A's objects, staff of community B on A's objects, and a technician of A who holds every
 * role in B (roles are per community, R-ACC-3: on A's objects they must count exactly as a technician).
 *
 * Which cases each caller reaches is the spec's `READS` below (R-ACC-5, staff see what their role needs):
 * the case desk (front desk, supervisor, manager) every case of its community; a technician the work
 * orders he holds and cases handed to him; the renovation officer 装修相关 cases, the cashier 物业费用
 * cases, each also those handed to them. A case out of reach is 404 like a missing one, for reads and
 * actions alike. Which FIELDS of a case each caller sees is the second table, `FIELDS`, further down.
 *
 * Cell values:
 *   R    allowed, and the call changes nothing in the store (reads)
 *   W    allowed, and the call changes the store (writes)
 *   401/403/404 codes: denied with exactly that code and HTTP status, and the store is unchanged.
 */
import { handlers } from '../../core/api/handlers';
import { toIso } from '../../core/time';
import { dayOf } from '../../core/shanghai';
import { startHarness, rid, type Harness } from '../support/harness';
import * as O from '../support/objects';
import { cloudPhotoAs, cloudUploadAs, uploadPhotoAs } from '../support/calls';
import { readXlsx, registerXlsx, uploadFile } from '../support/register';
import { testPayments } from '../support/testPayments';
import { handleNotification } from '../../core/usecases/fee/notify';
import { seedRenovation } from '../support/renovationLog';

// ------------------------------------------------------------------ callers (columns)

const COLS = ['anon', 'unbound', 'resOwn', 'resOther', 'frontdesk', 'tech', 'supervisor', 'manager', 'reno', 'cashier', 'staffB', 'mixed'] as const;
type Col = (typeof COLS)[number];

/** Households of the demo community (A), of community B, and resident-a's own. */
const A = ['1-1-101', '1-1-102', '1-2-201'];
const B: string[] = [O.COMMUNITY_B.household];
const OWN = ['1-1-101'];
/**
 * Who calls, on which household's objects (contract §2 demo data), and which households each list may
 * show them: `cases` (queue / case.list), `review` (binding requests), `assign` (the assignee picker).
 * staff-b holds every role in community B only; mixed-ab is a technician in A and holds every role in B
 * (R-ACC-3: roles are per community — roles in B must change nothing in A).
 */
const CALLER: Record<Col, { user: string | null; household: string; staff: boolean; label: string; cases: string[]; review: string[]; assign: string[] }> = {
  anon: { user: null, household: '1-1-101', staff: false, label: 'anonymous', cases: [], review: [], assign: [] },
  unbound: { user: 'resident-new', household: '1-1-101', staff: false, label: 'unbound resident', cases: [], review: [], assign: [] },
  resOwn: { user: 'resident-a', household: '1-1-101', staff: false, label: 'resident, own household', cases: OWN, review: [], assign: [] },
  resOther: { user: 'resident-a', household: '1-1-102', staff: false, label: "resident, other household's objects", cases: OWN, review: [], assign: [] },
  frontdesk: { user: 'frontdesk', household: '1-1-101', staff: true, label: 'front desk', cases: A, review: A, assign: A },
  tech: { user: 'tech-1', household: '1-1-101', staff: true, label: 'technician', cases: A, review: [], assign: [] },
  supervisor: { user: 'supervisor', household: '1-1-101', staff: true, label: 'supervisor', cases: A, review: A, assign: A },
  manager: { user: 'manager', household: '1-1-101', staff: true, label: 'manager', cases: A, review: A, assign: A },
  reno: { user: 'reno-officer', household: '1-1-101', staff: true, label: 'renovation officer', cases: A, review: [], assign: [] },
  cashier: { user: 'cashier', household: '1-1-101', staff: true, label: 'cashier', cases: A, review: [], assign: [] },
  staffB: { user: O.COMMUNITY_B.staff, household: '1-1-101', staff: true, label: 'staff (every role) of community B, on A', cases: B, review: B, assign: B },
  mixed: { user: O.MIXED_AB, household: '1-1-101', staff: true, label: 'technician of A holding every role in B, on A', cases: [...A, ...B], review: B, assign: B },
};

// ------------------------------------------------------------------ expected outcomes

const R = 'read';
const W = 'write';
const U401 = 'AUTH.UNAUTHENTICATED';
const NB = 'HOUSEHOLD.NOT_BOUND';
const FB = 'AUTH.FORBIDDEN';
const CNF = 'CASE.NOT_FOUND';
const RNF = 'RENOVATION.NOT_FOUND';
const HNF = 'HOUSEHOLD.NOT_FOUND';
const BNF = 'BINDING.NOT_FOUND';
type Expect = typeof R | typeof W | typeof U401 | typeof NB | typeof FB | `${string}.NOT_FOUND`;

/** HTTP status of each denial (contract §1), independent of core/errors.ts. */
const statusOf = (code: string) => (code === U401 ? 401 : code === FB || code === NB ? 403 : code.endsWith('.NOT_FOUND') ? 404 : NaN);

interface Fx {
  caseId: string;
  bindingId: string;
  messageId: string;
  /** A photo (registered from cloud storage) shown by fx.caseId, a repair of the household on tech-1's work order. */
  photoId: string;
  /** A `cloud://` upload, not yet registered: the caller's own; resident-b's for resOther; resident-a's for anon. */
  cloudId: string;
  /** A pending staff invitation the demo community's manager made. */
  inviteId: string;
  /** A fresh cashier of the demo community (A). */
  staffId: string;
  /** A one-time code for the caller's own phone (/local/phone-code), as WeChat's getPhoneNumber gives. */
  phoneCode: string;
  /** A renovation application of the household (stage: Row.reno), and its open violation notice (stage `violation`). */
  renoId: string;
  violationId: string;
  /** Renovation documents uploaded by the caller (resident-a's for anon and unbound). */
  renoDocs: Record<string, any>;
}
type Need = keyof Fx;

interface Row {
  /** One cell per column, in COLS order. */
  cells: readonly Expect[];
  needs?: Need[];
  /**
   * The case (fx.caseId) is a repair of the caller's household in this stage of R-REP-5, on tech-1's work
   * order: each action is tried on a case in the state it needs, so a denial is about access alone.
   */
  stage?: O.RepairStage;
  /** Instead of a repair: fx.caseId is a complaint of the caller's household at this step (R-CMP-3). */
  complaint?: 'submitted' | 'classified' | 'invalid';
  /** fx.renoId: a renovation application of the household at this stage (issue 14). */
  reno?: 'submitted' | 'returned' | 'approved' | 'violation' | 'acceptable';
  /** A valid input: denial must be about access alone. */
  body: (fx: Fx, col: Col) => Record<string, unknown>;
  /** Extra checks on an allowed answer (what the caller may see, what was done). Returns problems. */
  check?: (data: any, col: Col, fx: Fx) => Promise<string[]> | string[];
}

let h: Harness;

/** Communities whose monthly report each allowed caller reads: where they are 客服主管 or 经理. */
const REPORTS: Partial<Record<Col, string[]>> = { supervisor: ['demo'], manager: ['demo'], staffB: [O.COMMUNITY_B.id], mixed: [O.COMMUNITY_B.id] };

/** The platform's current month in Asia/Shanghai (YYYY-MM) and its bounds in ms. */
const thisMonth = () => toIso(h.platform.clock.now()).slice(0, 7);
const monthBounds = (month: string) => {
  const from = Date.parse(`${month}-01T00:00:00+08:00`);
  const [y, m] = month.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return [from, Date.parse(`${next}-01T00:00:00+08:00`)];
};

/** A case as stored: what decides who may read it. */
interface CaseDoc {
  id: string;
  communityId: string;
  householdId: string;
  category: string | null;
  owner: string;
  work: { technician: string | null };
}
const inA = (c: CaseDoc) => c.communityId === 'demo';
const inB = (c: CaseDoc) => c.communityId === O.COMMUNITY_B.id;
const handledBy = (user: string) => (c: CaseDoc) => c.owner === user || c.work.technician === user;

/** Which cases each caller may read (queue, workbench.get, photos): service-standards §1, not policy.ts. */
const READS: Record<Col, (c: CaseDoc) => boolean> = {
  anon: () => false,
  unbound: () => false,
  resOwn: (c) => c.householdId === '1-1-101',
  resOther: (c) => c.householdId === '1-1-101',
  frontdesk: inA,
  tech: (c) => inA(c) && handledBy('tech-1')(c),
  supervisor: inA,
  manager: inA,
  reno: (c) => inA(c) && (c.category === 'renovation' || handledBy('reno-officer')(c)),
  cashier: (c) => inA(c) && (c.category === 'fee' || handledBy('cashier')(c)),
  staffB: inB,
  mixed: (c) => inB(c) || (inA(c) && handledBy(O.MIXED_AB)(c)),
};

async function caseDocs(ids: string[]): Promise<CaseDoc[]> {
  if (!ids.length) return [];
  const rows = await O.dbOf(h).selectFrom('cases').select('state_json').where('id', 'in', ids).execute();
  return rows.map((r) => JSON.parse(r.state_json) as CaseDoc);
}
const outOfReach = async (items: { id: string }[], col: Col) =>
  (await caseDocs(items.map((i) => i.id))).filter((c) => !READS[col](c)).map((c) => `sees ${c.id} (${c.householdId}, ${c.category ?? 'no category'}, owner ${c.owner}): out of reach`);

const outside = (items: { householdId: string }[], allowed: string[]) =>
  items.filter((i) => !allowed.includes(i.householdId)).map((i) => `sees ${i.householdId} (not theirs)`);
const nonEmpty = (items: unknown[], what: string) => (items.length ? [] : [`${what}: empty list, check is vacuous`]);

async function ownBindingsOnly(items: { id: string }[], col: Col) {
  if (!items.length) return [];
  const rows = await O.dbOf(h).selectFrom('bindings').select(['id', 'user_id']).where('id', 'in', items.map((i) => i.id)).execute();
  return rows.filter((r) => r.user_id !== CALLER[col].user).map((r) => `sees binding ${r.id} of ${r.user_id}`);
}

// Columns:                  anon  unbound resOwn resOther frontdesk tech supervisor manager reno cashier staffB mixed
const SPEC: Record<string, Row> = {
  'account.me': {
    cells: [U401, R, R, R, R, R, R, R, R, R, R, R],
    body: () => ({}),
    check: (d, col) => (d.id === CALLER[col].user ? [] : [`me.id ${d.id} is not the caller`]),
  },
  'account.bind': {
    // Anyone signed in may ask to bind (R-ACC-1); a second request for one's own household would be a
    // conflict, so the target is a household the caller is not bound to (1-1-102 for resOther).
    cells: [U401, W, W, W, W, W, W, W, W, W, W, W],
    body: (_fx, col) => ({ requestId: rid('bind'), householdId: col === 'resOther' ? '1-1-102' : '1-2-201', name: '测试住户', phone: '13711112222', relation: 'tenant' }),
    check: (d) => (d.status === 'pending' ? [] : [`bind status ${d.status}, expected pending`]),
  },
  'account.bindings': {
    // Staff who review bindings (front desk, supervisor, manager) see their communities' requests;
    // a resident sees only their own requests; other roles have no business with them.
    cells: [U401, R, R, R, R, FB, R, R, FB, FB, R, R],
    body: () => ({}),
    check: async (d, col) =>
      CALLER[col].staff ? [...outside(d.items, CALLER[col].review), ...nonEmpty(d.items, 'bindings')] : ownBindingsOnly(d.items, col),
  },
  'account.approveBinding': {
    cells: [U401, FB, FB, FB, W, FB, W, W, FB, FB, BNF, FB],
    needs: ['bindingId'],
    body: (fx) => ({ id: fx.bindingId }),
    check: (d, _c, fx) => (d.id === fx.bindingId && d.status === 'approved' ? [] : [`approve answered ${d.id}/${d.status}`]),
  },
  'account.rejectBinding': {
    cells: [U401, FB, FB, FB, W, FB, W, W, FB, FB, BNF, FB],
    needs: ['bindingId'],
    body: (fx) => ({ id: fx.bindingId, reason: '房号与登记信息不符' }),
    check: (d, _c, fx) => (d.id === fx.bindingId && d.status === 'rejected' ? [] : [`reject answered ${d.id}/${d.status}`]),
  },
  'account.subscribe': {
    // Anyone signed in records their own subscribe accepts (the binding results reach the not-yet-bound).
    cells: [U401, W, W, W, W, W, W, W, W, W, W, W],
    body: () => ({ requestId: rid('sub'), accepted: ['caseProgress'] }),
    check: (d) => (Array.isArray(d.templates) && typeof d.left === 'object' ? [] : ['subscribe answered no view']),
  },
  'account.subscribeTemplates': {
    cells: [U401, R, R, R, R, R, R, R, R, R, R, R],
    body: () => ({}),
    check: (d) => (Array.isArray(d.templates) ? [] : ['no templates list']),
  },
  'case.submit': {
    // Only a bound resident, only for their own household; another household is 404, never 403 (R-ACC-4).
    cells: [U401, NB, W, HNF, NB, NB, NB, NB, NB, NB, NB, NB],
    body: (_fx, col) => ({ requestId: rid('mx'), householdId: CALLER[col].household, kind: 'repair', category: 'plumbing', location: 'in_home', content: '厨房水龙头一直滴水，麻烦师傅看看' }),
    check: (d) => (d.householdId === '1-1-101' && d.status === 'submitted' ? [] : [`submitted ${d.householdId}/${d.status}`]),
  },
  'case.list': {
    cells: [U401, NB, R, R, NB, NB, NB, NB, NB, NB, NB, NB],
    body: () => ({}),
    check: (d, col) => [...outside(d.items, CALLER[col].cases), ...nonEmpty(d.items, 'case.list')],
  },
  'case.get': {
    cells: [U401, NB, R, CNF, NB, NB, NB, NB, NB, NB, NB, NB],
    needs: ['caseId'],
    body: (fx) => ({ id: fx.caseId }),
    check: (d, _c, fx) => (d.id === fx.caseId ? [] : [`got ${d.id}`]),
  },
  'case.cancel': {
    cells: [U401, NB, W, CNF, NB, NB, NB, NB, NB, NB, NB, NB],
    needs: ['caseId'],
    body: (fx) => ({ id: fx.caseId, reason: '问题已自行解决' }),
    check: (d, _c, fx) => (d.id === fx.caseId && d.status === 'cancelled' ? [] : [`cancel answered ${d.id}/${d.status}`]),
  },
  // The resident's own actions on a repair (contract §3: bound residents, own household only). Another
  // household's case is 404 exactly like a missing one (R-ACC-4); staff are not residents (NOT_BOUND).
  'case.urge': {
    cells: [U401, NB, W, CNF, NB, NB, NB, NB, NB, NB, NB, NB],
    stage: 'dispatched',
    body: (fx) => ({ id: fx.caseId }),
    check: (d, _c, fx) => (d.id === fx.caseId && d.lastUrgedAt ? [] : [`urge answered ${d.id}/${d.lastUrgedAt}`]),
  },
  'case.acceptQuote': {
    cells: [U401, NB, W, CNF, NB, NB, NB, NB, NB, NB, NB, NB],
    stage: 'quoted',
    body: (fx) => ({ id: fx.caseId }),
    check: (d) => (d.status === 'on_site' && d.work?.quote?.decision === 'accepted' ? [] : [`acceptQuote answered ${d.status}/${d.work?.quote?.decision}`]),
  },
  'case.declineQuote': {
    cells: [U401, NB, W, CNF, NB, NB, NB, NB, NB, NB, NB, NB],
    stage: 'quoted',
    body: (fx) => ({ id: fx.caseId, note: '费用太高，自己找人修' }),
    check: (d) => (d.status === 'closed' && d.work?.quote?.decision === 'declined' ? [] : [`declineQuote answered ${d.status}/${d.work?.quote?.decision}`]),
  },
  'case.confirm': {
    cells: [U401, NB, W, CNF, NB, NB, NB, NB, NB, NB, NB, NB],
    stage: 'completed',
    body: (fx) => ({ id: fx.caseId, ok: true }),
    check: (d) => (d.status === 'awaiting_callback' && d.work?.confirmedAt ? [] : [`confirm answered ${d.status}`]),
  },
  'case.rate': {
    cells: [U401, NB, W, CNF, NB, NB, NB, NB, NB, NB, NB, NB],
    stage: 'confirmed', // R-SAT-1: rated once the work is confirmed
    body: (fx) => ({ id: fx.caseId, stars: 4, comment: '师傅很专业' }),
    check: (d) => (d.rating?.stars === 4 ? [] : [`rate answered ${JSON.stringify(d.rating)}`]),
  },
  'workbench.queue': {
    // Every staff role opens a queue, listing the cases within its reach (READS): R-ACC-3, R-ACC-5.
    cells: [U401, FB, FB, FB, R, R, R, R, R, R, R, R],
    body: () => ({ limit: 100 }),
    check: async (d, col) => [...outside(d.items, CALLER[col].cases), ...(await outOfReach(d.items, col)), ...nonEmpty(d.items, 'queue')],
  },
  'workbench.get': {
    // A repair on tech-1's work order: the desk and tech-1 read it; the renovation officer, the cashier
    // and another technician (mixed) have no business with it: 404, as for another community (R-ACC-5).
    cells: [U401, FB, FB, FB, R, R, R, R, CNF, CNF, CNF, CNF],
    stage: 'dispatched',
    body: (fx) => ({ id: fx.caseId }),
    check: (d, _c, fx) => (d.id === fx.caseId ? [] : [`got ${d.id}`]),
  },
  'workbench.assignees': {
    // Whom the case can go to (转交 / 派单): read like the case itself; the lists only for those who may
    // assign and dispatch it — the desk gets colleagues of the case's community, tech-1 (on the work order) none.
    cells: [U401, FB, FB, FB, R, R, R, R, CNF, CNF, CNF, CNF],
    stage: 'dispatched',
    body: (fx) => ({ id: fx.caseId }),
    check: async (d, col) => {
      const desk = col === 'frontdesk' || col === 'supervisor' || col === 'manager';
      const mates = (await O.dbOf(h).selectFrom('staff').select('user_id').where('community_id', '=', 'demo').execute()).map((r) => r.user_id);
      const all = [...d.assign, ...d.dispatch] as { id: string }[];
      return [
        ...all.filter((i) => !mates.includes(i.id)).map((i) => `offers ${i.id}, not staff of the case's community`),
        ...(desk && (!d.assign.length || !d.dispatch.length) ? ['the desk is offered nobody'] : []),
        ...(!desk && all.length ? [`${col} may neither assign nor dispatch, yet is offered ${all.length}`] : []),
      ];
    },
  },
  'workbench.intake': {
    // Recording a call/visit/letter (R-INT-3) is the case desk's: front desk, supervisor, manager.
    cells: [U401, FB, FB, FB, W, FB, W, W, FB, FB, HNF, FB],
    body: (_fx, col) => ({
      requestId: rid('in'),
      householdId: CALLER[col].household,
      channel: 'phone',
      contactName: '李明',
      contactPhone: '13800001101',
      kind: 'consultation',
      content: '来电咨询停车位办理流程',
    }),
    check: (d) => (d.householdId === '1-1-101' && d.channel === 'phone' ? [] : [`intake answered ${d.householdId}/${d.channel}`]),
  },
  'workbench.assign': {
    cells: [U401, FB, FB, FB, W, FB, W, W, FB, FB, CNF, FB],
    needs: ['caseId'],
    // To a colleague whose role can handle the case (core/access/assignees.ts; a technician cannot answer it).
    body: (fx) => ({ id: fx.caseId, to: 'supervisor', note: '请主管跟进' }),
    check: (d, _c, fx) => (d.id === fx.caseId && d.owner === 'supervisor' ? [] : [`assign answered ${d.id}/${d.owner}`]),
  },
  'workbench.reply': {
    cells: [U401, FB, FB, FB, W, FB, W, W, FB, FB, CNF, FB],
    needs: ['caseId'],
    body: (fx) => ({ id: fx.caseId, note: '快递柜在 2 号楼东侧' }),
    check: (d, _c, fx) => (d.id === fx.caseId && d.status === 'resolved' ? [] : [`reply answered ${d.id}/${d.status}`]),
  },
  'workbench.staff': {
    // The assignee picker: for those who assign.
    cells: [U401, FB, FB, FB, R, FB, R, R, FB, FB, R, R],
    body: () => ({}),
    check: async (d, col) => {
      const communities = [...new Set(CALLER[col].assign.map((x) => (B.includes(x) ? O.COMMUNITY_B.id : 'demo')))];
      const mates = (await O.dbOf(h).selectFrom('staff').select('user_id').where('community_id', 'in', communities).execute()).map((r) => r.user_id);
      return [...d.items.filter((i: { id: string }) => !mates.includes(i.id)).map((i: { id: string }) => `lists ${i.id}, staff of a community where the caller may not assign`), ...nonEmpty(d.items, 'staff')];
    },
  },
  // Repairs (R-REP-5): the desk (front desk, supervisor, manager) dispatches; only THE technician on the
  // work order (tech-1) records arrival, quote and completion — the desk roles are 403, another technician
  // of A (mixed) does not even see the case (404, R-ACC-5); the callback is the desk's, never the
  // technician's who did the work (R-REP-6).
  'workbench.dispatch': {
    cells: [U401, FB, FB, FB, W, FB, W, W, FB, FB, CNF, FB],
    stage: 'submitted',
    body: (fx) => ({ id: fx.caseId, technicianId: 'tech-2', note: '请今天上门' }),
    check: (d) => (d.status === 'dispatched' && d.work?.technician === 'tech-2' && d.owner === 'tech-2' ? [] : [`dispatch answered ${d.status}/${d.work?.technician}`]),
  },
  'workbench.arrive': {
    cells: [U401, FB, FB, FB, FB, W, FB, FB, FB, FB, CNF, CNF],
    stage: 'dispatched',
    body: (fx) => ({ id: fx.caseId }),
    check: (d) => (d.status === 'on_site' && d.work?.arrivedAt ? [] : [`arrive answered ${d.status}`]),
  },
  'workbench.quote': {
    cells: [U401, FB, FB, FB, FB, W, FB, FB, FB, FB, CNF, CNF],
    stage: 'on_site',
    body: (fx) => ({ id: fx.caseId, feeFen: 8000, note: '更换水龙头阀芯，含材料' }),
    check: (d) => (d.status === 'quoted' && d.work?.quote?.feeFen === 8000 ? [] : [`quote answered ${d.status}`]),
  },
  'workbench.complete': {
    cells: [U401, FB, FB, FB, FB, W, FB, FB, FB, FB, CNF, CNF],
    stage: 'on_site',
    body: (fx) => ({ id: fx.caseId, result: '已更换阀芯，不再滴水', materials: ['阀芯'] }),
    check: (d) => (d.status === 'completed' && d.work?.result === '已更换阀芯，不再滴水' ? [] : [`complete answered ${d.status}`]),
  },
  'workbench.callback': {
    cells: [U401, FB, FB, FB, W, FB, W, W, FB, FB, CNF, FB],
    stage: 'completed',
    body: (fx) => ({ id: fx.caseId, outcome: 'satisfied', method: 'phone', note: '住户表示满意' }),
    check: (d) => (d.status === 'closed' && d.work?.callback?.outcome === 'satisfied' ? [] : [`callback answered ${d.status}`]),
  },
  'workbench.pause': {
    // The desk, or the technician on the work order (not any technician: mixed does not see it, 404).
    cells: [U401, FB, FB, FB, W, W, W, W, FB, FB, CNF, CNF],
    stage: 'dispatched',
    body: (fx) => ({ id: fx.caseId, reason: '住户不在家，改约时间' }),
    check: (d) => (d.paused === '住户不在家，改约时间' ? [] : [`pause answered ${d.paused}`]),
  },
  'workbench.resume': {
    cells: [U401, FB, FB, FB, W, W, W, W, FB, FB, CNF, CNF],
    stage: 'paused',
    body: (fx) => ({ id: fx.caseId }),
    check: (d) => (d.paused === null ? [] : [`resume answered ${d.paused}`]),
  },
  'workbench.closeUnresolvable': {
    // R-ESC-4: the manager alone.
    cells: [U401, FB, FB, FB, FB, FB, FB, W, FB, FB, CNF, FB],
    stage: 'dispatched',
    body: (fx) => ({ id: fx.caseId, reason: '住户拒绝入户维修，多次沟通无果' }),
    check: (d) => (d.status === 'closed' && d.resolution === '住户拒绝入户维修，多次沟通无果' ? [] : [`closeUnresolvable answered ${d.status}`]),
  },
  // Complaints (R-CMP-2, R-CMP-3, R-CMP-5): the case desk classifies, contacts, answers as invalid, closes.
  'workbench.classify': {
    cells: [U401, FB, FB, FB, W, FB, W, W, FB, FB, CNF, FB],
    complaint: 'submitted',
    body: (fx) => ({ id: fx.caseId, level: 'serious' }),
    check: (d) => (d.level === 'serious' && d.status === 'processing' ? [] : [`classify answered ${d.level}/${d.status}`]),
  },
  'workbench.contact': {
    cells: [U401, FB, FB, FB, W, FB, W, W, FB, FB, CNF, FB],
    complaint: 'classified',
    body: (fx) => ({ id: fx.caseId, note: '电话联系住户，已了解情况' }),
    check: (d) => (d.complaint?.contactedAt ? [] : ['contact not recorded']),
  },
  'workbench.markInvalid': {
    cells: [U401, FB, FB, FB, W, FB, W, W, FB, FB, CNF, FB],
    complaint: 'submitted',
    body: (fx) => ({ id: fx.caseId, reason: '经核实不属物业管理范围，已告知住户' }),
    check: (d) => (d.status === 'resolved' && d.complaint?.invalidReason ? [] : [`markInvalid answered ${d.status}`]),
  },
  'workbench.close': {
    cells: [U401, FB, FB, FB, W, FB, W, W, FB, FB, CNF, FB],
    complaint: 'invalid',
    body: (fx) => ({ id: fx.caseId }),
    check: (d) => (d.status === 'closed' ? [] : [`close answered ${d.status}`]),
  },
  'report.monthly': {
    // 客服主管 / 经理 only (contract §3), over their own communities: staff-b and mixed-ab hold both roles
    // in B, so they read B's report — which must not count A's repairs.
    cells: [U401, FB, FB, FB, FB, FB, R, R, FB, FB, R, R],
    body: () => ({ month: thisMonth() }),
    check: async (d, col) => {
      const communities = REPORTS[col] ?? [];
      const rows = await O.dbOf(h).selectFrom('cases').select(['id', 'created_at']).where('community_id', 'in', communities).where('kind', 'in', ['repair', 'service']).execute();
      const [from, to] = monthBounds(thisMonth());
      const n = rows.filter((r) => Number(r.created_at) >= from && Number(r.created_at) < to).length;
      const complaints = await O.dbOf(h).selectFrom('cases').select(['id', 'created_at']).where('community_id', 'in', communities).where('kind', '=', 'complaint').execute();
      const c = complaints.filter((r) => Number(r.created_at) >= from && Number(r.created_at) < to).length;
      return [
        ...(d.repairs.total === n ? [] : [`report counts ${d.repairs.total} repairs, the caller's communities have ${n}`]),
        ...(n ? [] : ['report: no repairs, check is vacuous']),
        ...(d.complaints.total === c ? [] : [`report counts ${d.complaints.total} complaints, the caller's communities have ${c}`]),
      ];
    },
  },
  'report.export': {
    // The same readers as report.monthly; the workbook is theirs to download (read back in report-export.test.ts).
    cells: [U401, FB, FB, FB, FB, FB, W, W, FB, FB, W, W],
    body: () => ({ month: thisMonth() }),
    check: (d) => (typeof d.fileId === 'string' && /^月度报表-\d{4}-\d{2}\.xlsx$/.test(d.name) ? [] : [`report.export answered ${JSON.stringify(d)}`]),
  },
  'file.uploadPath': {
    // Anyone who may upload photos at all (as POST /local/upload); the path is under the caller's own OPENID.
    cells: [U401, NB, R, R, R, R, R, R, R, R, R, R],
    body: () => ({ ext: 'png' }),
    check: async (d, col) => (String(d.cloudPath).startsWith(`uploads/${await openidOf(CALLER[col].user!)}/`) ? [] : [`path ${d.cloudPath} is not under the caller's prefix`]),
  },
  'file.register': {
    // Only one's own upload (by its OPENID prefix); another's is 404 like a missing one (R-ACC-2, R-ACC-4).
    cells: [U401, NB, W, 'FILE.NOT_FOUND', W, W, W, W, W, W, W, W],
    needs: ['cloudId'],
    body: (fx) => ({ requestId: rid('reg'), fileId: fx.cloudId }),
    check: async (d, col, fx) => {
      const row = await h.platform.deps.store.transaction((tx) => tx.fileByCloudId(fx.cloudId));
      return row && row.id === d.fileId && row.ownerId === CALLER[col].user ? [] : [`registered as ${JSON.stringify(row)}`];
    },
  },
  'file.url': {
    // A photo of a repair on tech-1's work order: whoever reads the case reads its photo (READS), nobody else.
    cells: [U401, 'FILE.NOT_FOUND', R, 'FILE.NOT_FOUND', R, R, R, R, 'FILE.NOT_FOUND', 'FILE.NOT_FOUND', 'FILE.NOT_FOUND', 'FILE.NOT_FOUND'],
    needs: ['photoId'],
    body: (fx) => ({ fileId: fx.photoId }),
    check: async (d) => ((await fetch(`${h.url}${d.url}`)).status === 200 ? [] : [`${d.url} does not serve the photo`]),
  },
  'setup.importHouseholds': {
    // 经理 only, of the community (contract §3). A preview of the demo manager's own upload: staff of B
    // holding 经理 there work on B, and another's upload is 404 to them like a missing one.
    cells: [U401, FB, FB, FB, FB, FB, FB, R, FB, FB, 'FILE.NOT_FOUND', 'FILE.NOT_FOUND'],
    body: () => ({ fileId: registerFileId, commit: false }),
    check: (d) => (d.rows === 1 && d.created === 1 && d.committed === false ? [] : [`preview answered ${JSON.stringify(d)}`]),
  },
  'setup.exportHouseholds': {
    // Writes the export's file row; the workbook holds the caller's own community's households only.
    cells: [U401, FB, FB, FB, FB, FB, FB, W, FB, FB, W, W],
    body: () => ({}),
    check: async (d, col) => {
      const res = await fetch(`${h.url}/local/file/${d.fileId}`, { headers: { authorization: `Bearer ${await h.login(CALLER[col].user!)}` } });
      const rows = (await readXlsx(await res.arrayBuffer())).slice(1).map((r) => r.slice(0, 3).join('-'));
      const community = col === 'manager' ? 'demo' : O.COMMUNITY_B.id;
      const stored = await O.dbOf(h).selectFrom('households').select(['building', 'unit', 'room']).where('community_id', '=', community).execute();
      const want = stored.map((x) => `${x.building}-${x.unit}-${x.room}`).sort();
      return JSON.stringify(rows.sort()) === JSON.stringify(want) && want.length > 0 ? [] : [`export of ${community} holds ${rows.join(',')}, the store ${want.join(',')}`];
    },
  },
  'message.list': {
    cells: [U401, R, R, R, R, R, R, R, R, R, R, R],
    body: () => ({}),
    check: async (d, col) => {
      if (!d.items.length) return [];
      const rows = await O.dbOf(h).selectFrom('messages').select(['id', 'user_id']).where('id', 'in', d.items.map((i: { id: string }) => i.id)).execute();
      return rows.filter((r) => r.user_id !== CALLER[col].user).map((r) => `sees message of ${r.user_id}`);
    },
  },
  'message.read': {
    // Marks the caller's own messages; another user's message id is ignored (so: a read, not a write).
    cells: [U401, R, W, R, R, R, R, R, R, R, R, R],
    needs: ['messageId'],
    body: (fx) => ({ ids: [fx.messageId] }),
    check: async (_d, col, fx) => {
      const m = await O.dbOf(h).selectFrom('messages').select(['user_id', 'read_at']).where('id', '=', fx.messageId).executeTakeFirstOrThrow();
      return m.user_id === CALLER[col].user && m.read_at === null ? ['own message still unread'] : [];
    },
  },

  // Community setup (issue 11): staff accounts and settings are the manager's (经理), of their own
  // communities; the rota also the supervisor's. staff-b and mixed-ab manage community B only, so what
  // they read or write is B's; A's objects are 404 to them (another community) or 403 (mixed-ab stands in
  // A as a technician). Anyone signed in may accept an invitation to their own verified phone — there is
  // none for these callers' phones.
  'setup.staff': {
    cells: [U401, FB, FB, FB, FB, FB, FB, R, FB, FB, R, R],
    body: () => ({}),
    check: async (d, col) => {
      const community = col === 'manager' ? 'demo' : O.COMMUNITY_B.id;
      const mates = (await O.dbOf(h).selectFrom('staff').select('user_id').where('community_id', '=', community).execute()).map((r) => r.user_id);
      return [...(d.communityId === community ? [] : [`lists community ${d.communityId}`]), ...d.members.filter((m: { id: string }) => !mates.includes(m.id)).map((m: { id: string }) => `lists ${m.id}, not staff of ${community}`), ...nonEmpty(d.members, 'staff')];
    },
  },
  'setup.inviteStaff': {
    cells: [U401, FB, FB, FB, FB, FB, FB, W, FB, FB, W, W],
    body: () => ({ requestId: rid('inv'), phone: freshPhone(), name: '新同事', roles: ['cashier'] }),
    check: (d, col) => (JSON.stringify(d.communityIds) === JSON.stringify([col === 'manager' ? 'demo' : O.COMMUNITY_B.id]) && d.status === 'pending' ? [] : [`invited into ${d.communityIds} (${d.status})`]),
  },
  'setup.revokeInvite': {
    cells: [U401, FB, FB, FB, FB, FB, FB, W, FB, FB, 'INVITE.NOT_FOUND', FB],
    needs: ['inviteId'],
    body: (fx) => ({ id: fx.inviteId }),
    check: (d, _c, fx) => (d.id === fx.inviteId && d.status === 'revoked' ? [] : [`revoke answered ${d.id}/${d.status}`]),
  },
  'setup.acceptInvite': {
    cells: [U401, 'INVITE.NOT_FOUND', 'INVITE.NOT_FOUND', 'INVITE.NOT_FOUND', 'INVITE.NOT_FOUND', 'INVITE.NOT_FOUND', 'INVITE.NOT_FOUND', 'INVITE.NOT_FOUND', 'INVITE.NOT_FOUND', 'INVITE.NOT_FOUND', 'INVITE.NOT_FOUND', 'INVITE.NOT_FOUND'],
    needs: ['phoneCode'],
    body: (fx) => ({ requestId: rid('acc'), phoneCode: fx.phoneCode }),
  },
  'setup.setStaffRoles': {
    cells: [U401, FB, FB, FB, FB, FB, FB, W, FB, FB, 'STAFF.NOT_FOUND', 'STAFF.NOT_FOUND'],
    needs: ['staffId'],
    body: (fx) => ({ userId: fx.staffId, roles: ['cashier', 'frontdesk'] }),
    check: (d, _c, fx) => (d.userId === fx.staffId && d.communityId === 'demo' && d.roles.length === 2 ? [] : [`roles answered ${JSON.stringify(d)}`]),
  },
  'setup.deactivateStaff': {
    cells: [U401, FB, FB, FB, FB, FB, FB, W, FB, FB, 'STAFF.NOT_FOUND', 'STAFF.NOT_FOUND'],
    needs: ['staffId'],
    body: (fx) => ({ userId: fx.staffId }),
    check: async (d, _c, fx) => {
      const left = await O.dbOf(h).selectFrom('staff').select('role').where('user_id', '=', fx.staffId).execute();
      return d.userId === fx.staffId && !left.length ? [] : [`deactivate left ${left.length} roles`];
    },
  },
  'setup.rota': {
    cells: [U401, FB, FB, FB, FB, FB, R, R, FB, FB, R, R],
    body: () => ({}),
    check: (d, col) => (d.communityId === (col === 'staffB' || col === 'mixed' ? O.COMMUNITY_B.id : 'demo') ? [] : [`rota of ${d.communityId}`]),
  },
  'setup.setRota': {
    cells: [U401, FB, FB, FB, FB, FB, W, W, FB, FB, W, W],
    body: (_fx, col) => ({ entries: [{ day: freshDay(), shift: 'day', technicianId: col === 'staffB' || col === 'mixed' ? O.COMMUNITY_B.staff : 'tech-2' }] }),
    check: (d, col) => (d.communityId === (col === 'staffB' || col === 'mixed' ? O.COMMUNITY_B.id : 'demo') && d.days[0].shifts[0].technicianId ? [] : [`setRota answered ${d.communityId}`]),
  },
  'setup.settings': {
    cells: [U401, FB, FB, FB, FB, FB, FB, R, FB, FB, R, R],
    body: () => ({}),
    check: (d, col) => (d.communityId === (col === 'manager' ? 'demo' : O.COMMUNITY_B.id) ? [] : [`settings of ${d.communityId}`]),
  },
  'setup.saveSettings': {
    cells: [U401, FB, FB, FB, FB, FB, FB, W, FB, FB, W, W],
    body: (_fx, col) => ({
      requestId: rid('st'),
      effectiveFrom: dayOf(h.platform.clock.now()),
      settings: { responsible: col === 'manager' ? { customer_service: 'frontdesk', maintenance: 'frontdesk', developer_liaison: 'frontdesk' } : { customer_service: O.COMMUNITY_B.staff } },
    }),
    check: (d, col) => (d.communityId === (col === 'manager' ? 'demo' : O.COMMUNITY_B.id) && d.versions.length >= 2 ? [] : [`saved settings of ${d.communityId}`]),
  },
  'setup.feeStandards': {
    cells: [U401, FB, FB, FB, FB, FB, FB, R, FB, FB, R, R],
    body: () => ({}),
    check: (d, col) => (d.communityId === (col === 'manager' ? 'demo' : O.COMMUNITY_B.id) ? [] : [`standards of ${d.communityId}`]),
  },
  'setup.saveFeeStandard': {
    cells: [U401, FB, FB, FB, FB, FB, FB, W, FB, FB, W, W],
    body: () => ({ requestId: rid('fs'), item: 'parking', basis: 'per_space_month', priceFen: 20_000, effectiveFrom: freshDay() }),
    check: (d, col) => (d.communityId === (col === 'manager' ? 'demo' : O.COMMUNITY_B.id) && d.history.some((r: { item: string }) => r.item === 'parking') ? [] : [`saved a standard of ${d.communityId}`]),
  },

  // Fees (issue 12): residents, their own household only (another's bill, order or receipt is 404 like a
  // missing one); staff are not residents (403 NOT_BOUND); anyone verifies a receipt with its code;
  // 收费员/经理 issue bills for their own community (B has no standards: staff-b's bills are none, a read).
  'fee.standards': {
    cells: [U401, NB, R, HNF, NB, NB, NB, NB, NB, NB, NB, NB],
    body: (_fx, col) => ({ householdId: CALLER[col].household }),
    check: (d) => (d.communityId === 'demo' && d.items.some((i: { item: string }) => i.item === 'property_fee') ? [] : [`standards of ${d.communityId}`]),
  },
  'fee.bills': {
    cells: [U401, NB, R, HNF, NB, NB, NB, NB, NB, NB, NB, NB],
    body: (_fx, col) => ({ householdId: CALLER[col].household }),
    check: (d) => [...outside(d.items, OWN), ...nonEmpty(d.items, 'fee.bills')],
  },
  'fee.preview': {
    cells: [U401, NB, R, 'BILL.NOT_FOUND', NB, NB, NB, NB, NB, NB, NB, NB],
    body: (_fx, col) => ({ billIds: [FEES[CALLER[col].household].current] }),
    check: (d) => (d.household.id === '1-1-101' && d.totalFen === 25_375 ? [] : [`preview of ${d.household.id}: ${d.totalFen}`]),
  },
  'fee.pay': {
    cells: [U401, NB, W, 'BILL.NOT_FOUND', NB, NB, NB, NB, NB, NB, NB, NB],
    body: (_fx, col) => ({ requestId: rid('pay'), billIds: [FEES[CALLER[col].household].current] }),
    check: (d) => (d.totalFen === 25_375 && /^prepay_id=/.test(d.payment.package) ? [] : [`pay answered ${JSON.stringify(d)}`]),
  },
  'fee.order': {
    cells: [U401, NB, R, 'ORDER.NOT_FOUND', NB, NB, NB, NB, NB, NB, NB, NB],
    body: (_fx, col) => ({ outTradeNo: FEES[CALLER[col].household].order }),
    check: (d) => (d.status === 'paid' && d.outTradeNo === FEES['1-1-101'].order ? [] : [`order ${d.outTradeNo} ${d.status}`]),
  },
  'fee.receipts': {
    cells: [U401, NB, R, R, NB, NB, NB, NB, NB, NB, NB, NB],
    body: () => ({}),
    check: (d) => [...d.items.filter((i: { number: string }) => i.number !== FEES['1-1-101'].receipt).map((i: { number: string }) => `sees receipt ${i.number}`), ...nonEmpty(d.items, 'fee.receipts')],
  },
  'fee.receipt': {
    cells: [U401, NB, R, 'RECEIPT.NOT_FOUND', NB, NB, NB, NB, NB, NB, NB, NB],
    body: (_fx, col) => ({ number: FEES[CALLER[col].household].receipt }),
    check: (d) => (d.number === FEES['1-1-101'].receipt ? [] : [`receipt ${d.number}`]),
  },
  'fee.verifyReceipt': {
    cells: [R, R, R, R, R, R, R, R, R, R, R, R],
    body: (_fx, col) => ({ number: FEES[CALLER[col].household].receipt, code: FEES[CALLER[col].household].code }),
    check: (d, col) => (d.number === FEES[CALLER[col].household].receipt && d.verified === true ? [] : [`verified ${d.number}`]),
  },
  'cashier.issueBills': {
    cells: [U401, FB, FB, FB, FB, FB, FB, W, FB, W, R, R],
    body: () => ({ period: freshPeriod() }),
    check: (d, col) => {
      const want = col === 'manager' || col === 'cashier' ? ['demo', 3] : [O.COMMUNITY_B.id, 0];
      return JSON.stringify([d.communityId, d.created]) === JSON.stringify(want) ? [] : [`issued ${d.created} in ${d.communityId}`];
    },
  },

  // Renovation (issue 14, R-REN-1..11): the owner (or a delegate bound to the household) applies and
  // resubmits; the household's residents and the staff who read renovations (装修管理员, front desk,
  // supervisor, manager) read it; 装修管理员 and 经理 act on it. Another household's or another community's
  // application is 404 like a missing one; the role is checked first: a caller who holds no role that acts
  // on applications is 403 (residents reviewing, staff of its community without the role), staff acting
  // as residents (apply, resubmit) are NOT_BOUND.
  'renovation.rules': {
    cells: [R, R, R, R, R, R, R, R, R, R, R, R],
    body: () => ({}),
    check: (d) => (d.rules.length === 3 ? [] : [`rules ${JSON.stringify(d).slice(0, 80)}`]),
  },
  'renovation.quote': {
    cells: [U401, NB, R, HNF, NB, NB, NB, NB, NB, NB, NB, NB],
    body: (_fx, col) => ({ householdId: CALLER[col].household, areaM2: 89.5, workers: 2 }),
    check: (d) => (d.totalFen === 100_000 + 44_750 + 5_000 + 4_000 ? [] : [`quote ${d.totalFen}`]),
  },
  'renovation.apply': {
    cells: [U401, NB, W, HNF, NB, NB, NB, NB, NB, NB, NB, NB],
    needs: ['renoDocs'],
    body: (fx, col) => ({
      requestId: rid('rn'),
      householdId: CALLER[col].household,
      applicant: 'owner',
      plan: '厨卫翻新',
      structuralChange: false,
      areaM2: 89.5,
      startDate: freshDay(),
      endDate: '2099-12-31',
      documents: fx.renoDocs,
      rulesAccepted: true,
    }),
    check: (d) => (d.status === 'submitted' && d.missing.length === 0 ? [] : [`applied ${JSON.stringify(d).slice(0, 80)}`]),
  },
  'renovation.list': {
    cells: [U401, NB, R, HNF, R, FB, R, R, R, FB, HNF, FB],
    needs: ['renoId'],
    reno: 'submitted',
    body: (_fx, col) => ({ householdId: CALLER[col].household }),
    check: (d, col) => [
      ...d.items.filter((i: { householdId: string }) => i.householdId !== CALLER[col].household).map((i: { householdId: string }) => `lists ${i.householdId}`),
      ...nonEmpty(d.items, 'renovation.list'),
      ...(JSON.stringify(d).includes('110101199001011234') ? ['an ID number in full'] : []),
    ],
  },
  'renovation.get': {
    cells: [U401, NB, R, RNF, R, FB, R, R, R, FB, RNF, FB],
    needs: ['renoId'],
    reno: 'approved',
    body: (fx) => ({ id: fx.renoId }),
    check: (d, col) => [
      ...(d.documents.workers[0].idNumber === '110***********1234' ? [] : [`ID number shown as ${d.documents.workers[0].idNumber}`]),
      ...((col === 'resOwn') === (d.internalNotes === null) ? [] : [`internal notes ${col === 'resOwn' ? 'shown to a resident' : 'hidden from staff'}`]),
    ],
  },
  'renovation.resubmit': {
    cells: [U401, NB, W, RNF, NB, NB, NB, NB, NB, NB, NB, NB],
    needs: ['renoId', 'renoDocs'],
    reno: 'returned',
    body: (fx) => ({ id: fx.renoId, documents: { licence: fx.renoDocs.licence } }),
    check: (d) => (d.status === 'submitted' ? [] : [`resubmitted: ${d.status}`]),
  },
  'renovation.review': {
    cells: [U401, FB, FB, FB, FB, FB, FB, W, W, FB, RNF, FB],
    needs: ['renoId'],
    reno: 'submitted',
    body: (fx) => ({ id: fx.renoId, decision: 'approve' }),
    check: (d) => (d.status === 'approved' && d.billId ? [] : [`reviewed: ${d.status}`]),
  },
  'renovation.closureTest': {
    cells: [U401, FB, FB, FB, FB, FB, FB, W, W, FB, RNF, FB],
    needs: ['renoId'],
    reno: 'approved',
    body: (fx) => ({ id: fx.renoId, passed: true, note: '闭水 24 小时无渗漏' }),
  },
  'renovation.inspect': {
    cells: [U401, FB, FB, FB, FB, FB, FB, W, W, FB, RNF, FB],
    needs: ['renoId'],
    reno: 'approved',
    body: (fx) => ({ id: fx.renoId, passed: true, findings: '按申报项目施工' }),
  },
  'renovation.violation': {
    cells: [U401, FB, FB, FB, FB, FB, FB, W, W, FB, RNF, FB],
    needs: ['renoId'],
    reno: 'approved',
    body: (fx) => ({ id: fx.renoId, description: '私自改动外立面', deadline: toIso(h.platform.clock.now() + 86_400_000) }),
  },
  'renovation.resolveViolation': {
    cells: [U401, FB, FB, FB, FB, FB, FB, W, W, FB, RNF, FB],
    needs: ['renoId'],
    reno: 'violation',
    body: (fx) => ({ id: fx.renoId, violationId: fx.violationId, outcome: 'rectified', note: '已恢复原状' }),
  },
  'renovation.accept': {
    cells: [U401, FB, FB, FB, FB, FB, FB, W, W, FB, RNF, FB],
    needs: ['renoId'],
    reno: 'acceptable',
    body: (fx) => ({ id: fx.renoId }),
    check: (d) => (d.status === 'accepted' && d.refundFen === 100_000 + 5_000 + 2_000 ? [] : [`accepted ${JSON.stringify(d)}`]),
  },
};

// ------------------------------------------------------------------ running a cell

let fresh = 0;
/** A phone nobody has, and a day (tomorrow onwards) no earlier cell used. */
const freshPhone = () => `1370100${String(fresh++).padStart(4, '0')}`;
const freshDay = () => dayOf(h.platform.clock.now() + (1 + fresh++) * 86_400_000);
/** A month no earlier cell billed (2040-01 onwards). */
const freshPeriod = () => `${2040 + Math.floor(fresh / 12)}-${String((fresh++ % 12) + 1).padStart(2, '0')}`;

/** Per demo household: its current month's bill (unpaid), and the order and receipt that paid last month's. */
const FEES: Record<string, { current: string; order: string; receipt: string; code: string }> = {};
async function payLastMonth(user: string, household: string) {
  const token = await h.login(user);
  const bills = (await h.call(token, 'fee', { action: 'bills', householdId: household })).body.data.items as { id: string; period: string }[];
  const [last, current] = bills.sort((x, y) => x.period.localeCompare(y.period));
  const order = (await h.call(token, 'fee', { action: 'pay', requestId: rid('fx'), billIds: [last.id] })).body.data.outTradeNo as string;
  const answer = await handleNotification(h.platform.deps, payments.notification(payments.pay(order, h.platform.clock.now()), h.platform.clock.now()));
  if (answer.statusCode !== 204) throw new Error(`fixture payment answered ${answer.statusCode}`);
  const o = (await h.call(token, 'fee', { action: 'order', outTradeNo: order })).body.data;
  const r = (await h.call(token, 'fee', { action: 'receipt', number: o.receiptNumber })).body.data;
  FEES[household] = { current: current.id, order, receipt: r.number, code: r.code };
}
const payments = testPayments();

const openidOf = async (user: string) => (await O.dbOf(h).selectFrom('users').select('openid').where('id', '=', user).executeTakeFirstOrThrow()).openid as string;

async function fixture(needs: Need[], col: Col, stage?: O.RepairStage, complaint?: Row['complaint'], reno?: Row['reno']): Promise<Fx> {
  const household = CALLER[col].household;
  const owner = household === '1-1-102' ? 'resident-b' : 'resident-a';
  const fx: Fx = { caseId: '', bindingId: '', messageId: '', photoId: '', cloudId: '', inviteId: '', staffId: '', phoneCode: 'no-user', renoId: '', violationId: '', renoDocs: {} };
  if (needs.includes('renoId')) {
    const made = await seedRenovation(h.platform.deps.store, { id: `reno-fx-${fresh++}`, communityId: 'demo', householdId: household, by: owner, byName: owner === 'resident-a' ? '李明' : '陈静', stage: reno ?? 'submitted', now: h.platform.clock.now() });
    fx.renoId = made.id;
    fx.violationId = made.violationId;
  }
  if (needs.includes('renoDocs')) {
    // Callers who may not upload at all (anonymous, unbound) are refused before any file is looked at.
    const up = () => uploadPhotoAs(h, col === 'anon' || col === 'unbound' ? 'resident-a' : CALLER[col].user!);
    fx.renoDocs = { form: await up(), drawings: [await up()], workers: [{ name: '张师傅', idNumber: '110101199001011234', photo: await up() }], licence: await up(), qualification: await up() };
  }
  if (needs.includes('inviteId')) fx.inviteId = (await O.must(h, O.demoOpenid('manager'), 'setup', { action: 'inviteStaff', requestId: rid('fxi'), phone: freshPhone(), name: '待邀请', roles: ['cashier'] })).id;
  if (needs.includes('staffId')) {
    fx.staffId = (await O.createUser(h, { name: '临时收费员', phone: freshPhone() })).id;
    await O.addStaff(h, fx.staffId, 'demo', ['cashier']);
  }
  if (needs.includes('phoneCode') && CALLER[col].user) {
    const res = await fetch(`${h.url}/local/phone-code`, { method: 'POST', headers: { authorization: `Bearer ${await h.login(CALLER[col].user!)}` } });
    fx.phoneCode = ((await res.json()) as { code: string }).code;
  }
  if (needs.includes('photoId')) {
    fx.photoId = await cloudPhotoAs(h, owner);
    fx.caseId = (await O.repairAt(h, owner, household, 'dispatched', { over: { category: 'drainage', content: '卫生间下水很慢，麻烦师傅看看', photos: [fx.photoId] } })).id;
  } else if (complaint) {
    fx.caseId = (await O.submitCase(h, owner, household, { kind: 'complaint', category: 'noise', content: '楼下夜间装卸货噪音很大' })).id;
    const desk = O.demoOpenid('frontdesk');
    if (complaint === 'classified') await O.must(h, desk, 'workbench', { action: 'classify', id: fx.caseId, level: 'minor' });
    if (complaint === 'invalid') await O.must(h, desk, 'workbench', { action: 'markInvalid', id: fx.caseId, reason: '经核实不属物业管理范围，已告知住户' });
  } else if (stage) fx.caseId = (await O.repairAt(h, owner, household, stage)).id;
  else if (needs.includes('caseId')) fx.caseId = (await O.submitCase(h, owner, household)).id;
  if (needs.includes('cloudId')) {
    const uploader = col === 'anon' ? 'resident-a' : col === 'resOther' ? 'resident-b' : CALLER[col].user!;
    fx.cloudId = await cloudUploadAs(h, uploader, `uploads/${await openidOf(uploader)}/m${fx.caseId || Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.png`);
  }
  if (needs.includes('bindingId')) fx.bindingId = (await O.createPendingBinding(h, household)).id;
  if (needs.includes('messageId')) {
    // resOwn reads its own message; every other caller tries resident-b's.
    const target = col === 'resOwn' ? 'resident-a' : 'resident-b';
    await O.submitCase(h, target, target === 'resident-a' ? '1-1-101' : '1-1-102');
    fx.messageId = await O.latestUnreadMessage(h, target);
  }
  await O.settle(h);
  return fx;
}

interface CellResult {
  key: string;
  col: Col;
  expected: Expect;
  got: string;
  status: number;
  problems: string[];
}
const results: CellResult[] = [];

async function runCell(key: string, row: Row, col: Col, i: number): Promise<CellResult> {
  const expected = row.cells[i];
  const [fn, action] = key.split('.');
  const fx = await fixture(row.needs ?? [], col, row.stage, row.complaint, row.reno);
  const user = CALLER[col].user;
  const token = user ? await h.login(user) : null;
  const db = O.dbOf(h);
  const before = await O.fingerprint(db);
  const res = await h.call(token, fn, { action, ...row.body(fx, col) });
  await O.settle(h);
  const changed = O.changedTables(before, await O.fingerprint(db));

  const problems: string[] = [];
  const got: string = res.body?.ok === true ? 'ok' : String(res.body?.error?.code);
  if (expected === R || expected === W) {
    if (got !== 'ok') problems.push(`expected allow, got ${got} (${res.status})`);
    else {
      if (res.status !== 200) problems.push(`ok with HTTP ${res.status}`);
      if (expected === R && changed.length) problems.push(`a read changed ${changed.join(', ')}`);
      if (expected === W && !changed.length) problems.push('an allowed write changed nothing');
      if (row.check) problems.push(...(await row.check(res.body.data, col, fx)));
    }
  } else {
    if (got !== expected) problems.push(`expected ${expected}, got ${got}`);
    if (res.status !== statusOf(expected)) problems.push(`expected HTTP ${statusOf(expected)}, got ${res.status}`);
    if (got !== 'ok' && !/[\u4e00-\u9fff]/.test(String(res.body?.error?.message))) problems.push('denial message is not Chinese');
    if (changed.length) problems.push(`a denied call changed ${changed.join(', ')}`);
  }
  const r = { key, col, expected, got, status: res.status, problems };
  results.push(r);
  return r;
}

// ------------------------------------------------------------------ suite

beforeAll(async () => {
  h = await startHarness();
  await O.createCommunityB(h);
  await O.createMixedStaff(h);
  // Community B has a case and a pending binding of its own, so staff-b's lists are not vacuously empty.
  await O.must(h, O.testOpenid(O.COMMUNITY_B.staff), 'workbench', {
    action: 'intake',
    requestId: rid('b'),
    householdId: O.COMMUNITY_B.household,
    channel: 'visit',
    contactName: '孙红',
    contactPhone: '13700002101',
    kind: 'help',
    content: '门禁卡丢失，需要补办',
  });
  await O.must(h, O.testOpenid(O.COMMUNITY_B.staff), 'workbench', {
    action: 'intake',
    requestId: rid('b'),
    householdId: O.COMMUNITY_B.household,
    channel: 'phone',
    contactName: '孙红',
    contactPhone: '13700002101',
    kind: 'repair',
    category: 'door_window',
    location: 'in_home',
    content: '入户门锁芯坏了，钥匙拧不动',
  });
  await O.createPendingBinding(h, O.COMMUNITY_B.household);
  // A pending binding in A, and cases of both demo households, for the lists: among them a work order of
  // tech-1, a 装修相关 and a 物业费用 case, so every role's queue has something to show.
  await O.createPendingBinding(h, '1-1-101');
  await O.submitCase(h, 'resident-a', '1-1-101');
  await O.submitCase(h, 'resident-b', '1-1-102');
  await O.repairAt(h, 'resident-b', '1-1-102', 'dispatched');
  await O.submitCase(h, 'resident-b', '1-1-102', { kind: 'complaint', category: 'renovation', content: '楼上装修每天早上七点就开始电钻' });
  await O.submitCase(h, 'resident-a', '1-1-101', { category: 'fee', content: '请问物业费可以按季度缴纳吗？' });
  await O.settle(h);
  const up = await uploadFile(h.url, await h.login('manager'), await registerXlsx([['60', '1', '101', 80, '吴一', '13500000001']]));
  registerFileId = up.body.fileId!;
  h.platform.deps.payments = payments;
  await payLastMonth('resident-a', '1-1-101');
  await payLastMonth('resident-b', '1-1-102');
  await O.settle(h);
}, 30_000);

/** An .xlsx register of one new room, uploaded by the demo manager (setup.importHouseholds). */
let registerFileId = '';

afterAll(async () => {
  await h?.close();
});

const ACTIONS = Object.entries(handlers).flatMap(([fn, actions]) => Object.keys(actions).map((a) => `${fn}.${a}`));

describe('authorization matrix: every function × action × caller (spec table, not policy.ts)', () => {
  it('has one column per caller kind and one cell per column in every row', () => {
    for (const [key, row] of Object.entries(SPEC)) expect([key, row.cells.length]).toEqual([key, COLS.length]);
  });

  it('has no row for an action that handlers no longer has', () => {
    expect(Object.keys(SPEC).filter((k) => !ACTIONS.includes(k))).toEqual([]);
  });

  for (const key of ACTIONS) {
    it(`[R-ACC-1][R-ACC-3][R-ACC-4] ${key} × ${COLS.length} callers`, async () => {
      const row = SPEC[key];
      if (!row) throw new Error(`no expectation row for ${key}: add it to SPEC in test/integration/authz-matrix.test.ts`);
      const failures: string[] = [];
      for (const [i, col] of COLS.entries()) {
        const r = await runCell(key, row, col, i);
        if (r.problems.length) failures.push(`${key} as ${CALLER[col].label}: ${r.problems.join('; ')}`);
      }
      expect(failures).toEqual([]);
    }, 30_000); // 12 cells, each with its own fixture (a repair takes up to five actions)
  }

  it('summary: every cell ran, 0 unexpected allows', () => {
    const allows = results.filter((r) => r.got === 'ok');
    const unexpectedAllows = allows.filter((r) => r.expected !== R && r.expected !== W);
    const denials = results.filter((r) => r.got !== 'ok');
    const byCode: Record<string, number> = {};
    for (const d of denials) byCode[d.got] = (byCode[d.got] ?? 0) + 1;
    const mismatches = results.filter((r) => r.problems.length);
    console.log(
      [
        `authz matrix: ${ACTIONS.length} actions × ${COLS.length} callers = ${results.length} cells`,
        `  allows ${allows.length}, denials ${denials.length} (${Object.entries(byCode).map(([c, n]) => `${c} ${n}`).join(', ')})`,
        `  unexpected allows ${unexpectedAllows.length}, cells with problems ${mismatches.length}`,
      ].join('\n'),
    );
    expect(results.length).toBe(ACTIONS.length * COLS.length);
    expect(unexpectedAllows.map((r) => `${r.key}/${r.col}`)).toEqual([]);
  });
});

// ------------------------------------------------------------------ rules, one by one

describe('access rules', () => {
  it("[R-ACC-4] another household's case answers exactly like a case that does not exist (404, same body)", async () => {
    const a = await h.login('resident-a');
    const other = await O.submitCase(h, 'resident-b', '1-1-102');
    const theirRepair = await O.repairAt(h, 'resident-b', '1-1-102', 'quoted');
    const bodies: [string, string, Record<string, unknown>][] = [
      ['get', other.id, {}],
      ['cancel', other.id, {}],
      ['urge', theirRepair.id, {}],
      ['acceptQuote', theirRepair.id, {}],
      ['declineQuote', theirRepair.id, {}],
      ['confirm', theirRepair.id, { ok: true }],
      ['rate', theirRepair.id, { stars: 5 }],
    ];
    for (const [action, id, rest] of bodies) {
      const hidden = await h.call(a, 'case', { action, id, ...rest });
      const missing = await h.call(a, 'case', { action, id: 'c_does_not_exist', ...rest });
      expect([action, hidden.status, hidden.body]).toEqual([action, 404, missing.body]);
      expect(missing.body.error.code).toBe('CASE.NOT_FOUND');
    }
    // …and the list never shows it.
    const list = await h.call(a, 'case', { action: 'list' });
    expect(list.body.data.items.map((c: { id: string }) => c.id)).not.toContain(other.id);
    const neighbour = { kind: 'repair', category: 'plumbing', location: 'in_home', content: '帮邻居报修一下水管' };
    const sub = await h.call(a, 'case', { action: 'submit', requestId: rid(), householdId: '1-1-102', ...neighbour });
    const nowhere = await h.call(a, 'case', { action: 'submit', requestId: rid(), householdId: '9-9-999', ...neighbour });
    expect([sub.status, sub.body]).toEqual([404, nowhere.body]);
  });

  it('[R-ACC-3] staff of community B find nothing of community A: same 404 as an id that does not exist', async () => {
    const b = await h.login(O.COMMUNITY_B.staff);
    const c = await O.submitCase(h, 'resident-a', '1-1-101');
    const binding = await O.createPendingBinding(h, '1-1-101');
    const pairs: [string, Record<string, unknown>, Record<string, unknown>][] = [
      ['workbench', { action: 'get', id: c.id }, { action: 'get', id: 'c_nope' }],
      ['workbench', { action: 'assign', id: c.id, to: O.COMMUNITY_B.staff }, { action: 'assign', id: 'c_nope', to: O.COMMUNITY_B.staff }],
      ['workbench', { action: 'reply', id: c.id, note: '已答复' }, { action: 'reply', id: 'c_nope', note: '已答复' }],
      ['account', { action: 'approveBinding', id: binding.id }, { action: 'approveBinding', id: 'b_nope' }],
    ];
    for (const [fn, hidden, missing] of pairs) {
      const x = await h.call(b, fn, hidden);
      const y = await h.call(b, fn, missing);
      expect([fn, hidden.action, x.status, x.body]).toEqual([fn, hidden.action, 404, y.body]);
    }
    const q = await h.call(b, 'workbench', { action: 'queue', limit: 100 });
    expect(q.body.data.items.length).toBeGreaterThan(0);
    expect(q.body.data.items.filter((i: { householdId: string }) => !B.includes(i.householdId))).toEqual([]);
  });

  it('[R-ACC-2] identity is never taken from the payload: userId/openid fields are refused (INPUT.INVALID) by every action', async () => {
    const a = await h.login('resident-a');
    const db = O.dbOf(h);
    const smuggled = { userId: 'manager', openid: O.demoOpenid('manager') };
    const accepted: string[] = [];
    for (const key of ACTIONS) {
      const row = SPEC[key];
      if (!row) continue; // reported by the matrix
      const [fn, action] = key.split('.');
      const fx = await fixture(row.needs ?? [], 'resOwn', row.stage, row.complaint, row.reno);
      const before = await O.fingerprint(db);
      const res = await h.call(a, fn, { action, ...row.body(fx, 'resOwn'), ...smuggled });
      await O.settle(h);
      const changed = O.changedTables(before, await O.fingerprint(db));
      if (res.status !== 400 || res.body.error?.code !== 'INPUT.INVALID' || changed.length) accepted.push(`${key}: ${res.status} ${res.body.error?.code ?? 'ok'} changed [${changed}]`);
    }
    expect(accepted).toEqual([]);
  }, 120_000); // one fixture and one call per action (a repair on a work order for some: seconds each on a loaded machine)

  it('[R-ACC-2] without a platform identity nothing works, whatever the body or headers claim', async () => {
    const claims: [string, Record<string, unknown>, Record<string, string>][] = [
      ['account', { action: 'me', openid: O.demoOpenid('manager') }, {}],
      ['account', { action: 'me', userInfo: { openId: O.demoOpenid('manager'), appId: 'wx' } }, {}],
      ['account', { action: 'me', environment: JSON.stringify({ WX_OPENID: O.demoOpenid('manager') }) }, {}],
      ['account', { action: 'me' }, { 'x-wx-openid': O.demoOpenid('manager') }],
      ['account', { action: 'me' }, { authorization: `Bearer ${O.demoOpenid('manager')}` }],
      ['account', { action: 'me' }, { cookie: `wuye_token=${O.demoOpenid('manager')}` }],
      ['workbench', { action: 'queue' }, { 'x-wx-openid': O.demoOpenid('manager'), 'x-openid': O.demoOpenid('manager') }],
    ];
    for (const [fn, body, headers] of claims) {
      const res = await fetch(`${h.url}/fn/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
      const env = (await res.json()) as { ok: boolean; error?: { code: string } };
      expect([JSON.stringify(body), headers, env.ok]).toEqual([JSON.stringify(body), headers, false]);
      expect(['AUTH.UNAUTHENTICATED', 'INPUT.INVALID']).toContain(env.error?.code);
    }
    // A signed-in resident claiming the manager's identity in a header stays a resident.
    const a = await h.login('resident-a');
    const res = await fetch(`${h.url}/fn/workbench`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${a}`, 'x-wx-openid': O.demoOpenid('manager') },
      body: JSON.stringify({ action: 'queue' }),
    });
    expect(res.status).toBe(403);
  });

  it('[R-ACC-5] phones are masked in lists: workbench.queue contactPhone, account.bindings phone, case.list', async () => {
    const fd = await h.login('frontdesk');
    const MASKED = /^\d{3}\*{4}\d{4}$/;
    const FULL = /1[3-9]\d{9}/;
    const q = await h.call(fd, 'workbench', { action: 'queue', limit: 100 });
    expect(q.body.data.items.length).toBeGreaterThan(0);
    expect(q.body.data.items.filter((i: { contactPhone: string }) => !MASKED.test(i.contactPhone))).toEqual([]);
    expect(JSON.stringify(q.body.data)).not.toMatch(FULL);

    const b = await h.call(fd, 'account', { action: 'bindings' });
    expect(b.body.data.items.length).toBeGreaterThan(0);
    expect(b.body.data.items.filter((i: { phone: string }) => !MASKED.test(i.phone))).toEqual([]);
    expect(JSON.stringify(b.body.data)).not.toMatch(FULL);

    const own = await h.call(await h.login('resident-a'), 'case', { action: 'list' });
    expect(own.body.data.items.length).toBeGreaterThan(0);
    expect(own.body.data.items.filter((i: { contactPhone: string }) => !MASKED.test(i.contactPhone))).toEqual([]);
  });
});

// ------------------------------------------------------------------ fields of a case, per caller (R-ACC-5)

/**
 * The second table: which fields of a case each caller sees, written from service-standards §1 (R-ACC-5:
 * phones masked in lists, staff see what their role needs; R-ACC-3/R-ACC-4) — not from policy.ts.
 * Rows are cases of 1-1-101 submitted by resident-a (李明 · 13800001101), each with a photo; columns are
 * callers. Cell values:
 *   F  full contact (李明 · 13800001101), the content and the photo: the household, and the staff who
 *      handle the case (the case desk; the technician on its work order; whoever it was handed to)
 *   M  masked contact (李* · 138****1101) anywhere in the answer, the content and the photo: staff the
 *      case is routed to by its category, who do not handle it
 *   N  404 exactly like a missing case; never listed; its photo 404
 * In lists (queue, case.list) the phone is masked for everyone; the name follows the cell.
 */
const FCOLS = ['owner', 'otherResident', 'frontdesk', 'tech1', 'tech2', 'supervisor', 'manager', 'reno', 'cashier', 'staffB', 'mixed'] as const;
type FCol = (typeof FCOLS)[number];
const FUSER: Record<FCol, string> = {
  owner: 'resident-a',
  otherResident: 'resident-b',
  frontdesk: 'frontdesk',
  tech1: 'tech-1',
  tech2: 'tech-2',
  supervisor: 'supervisor',
  manager: 'manager',
  reno: 'reno-officer',
  cashier: 'cashier',
  staffB: O.COMMUNITY_B.staff,
  mixed: O.MIXED_AB,
};
const RESIDENT_COLS: FCol[] = ['owner', 'otherResident'];
type Vis = 'F' | 'M' | 'N';
const [F, M, N]: Vis[] = ['F', 'M', 'N'];

interface FieldRow {
  /** Makes the case (with the photo) and returns its id. */
  make: (photo: string) => Promise<string>;
  content: string;
  cells: readonly Vis[];
}
const asResident = (over: Record<string, unknown>) => O.must(h, O.demoOpenid('resident-a'), 'case', { ...O.consultation('1-1-101'), ...over });

// Columns:                                   owner otherRes frontdesk tech1 tech2 supervisor manager reno cashier staffB mixed
const FIELDS: Record<string, FieldRow> = {
  "repair on tech-1's work order": {
    content: '卫生间下水很慢，麻烦师傅看看',
    make: async (photo) => (await O.repairAt(h, 'resident-a', '1-1-101', 'dispatched', { over: { category: 'drainage', content: '卫生间下水很慢，麻烦师傅看看', photos: [photo] } })).id,
    cells: [F, N, F, F, N, F, F, N, N, N, N],
  },
  '装修相关 complaint': {
    content: '隔壁装修把垃圾堆在楼道里',
    make: async (photo) => (await asResident({ kind: 'complaint', category: 'renovation', content: '隔壁装修把垃圾堆在楼道里', photos: [photo] })).id,
    cells: [F, N, F, N, N, F, F, M, N, N, N],
  },
  '物业费用 consultation': {
    content: '本月物业费账单金额好像不对',
    make: async (photo) => (await asResident({ category: 'fee', content: '本月物业费账单金额好像不对', photos: [photo] })).id,
    cells: [F, N, F, N, N, F, F, N, M, N, N],
  },
  'consultation without a category': {
    content: '请问小区游泳池什么时候开放',
    make: async (photo) => (await asResident({ content: '请问小区游泳池什么时候开放', photos: [photo] })).id,
    cells: [F, N, F, N, N, F, F, N, N, N, N],
  },
  // 装修相关: the renovation officer reads it by category (contact masked); handed to him, in full.
  'help request handed to the renovation officer': {
    content: '想了解封阳台需要办理什么手续',
    make: async (photo) => {
      const c = await asResident({ kind: 'help', category: 'renovation', content: '想了解封阳台需要办理什么手续', photos: [photo] });
      await O.must(h, O.demoOpenid('frontdesk'), 'workbench', { action: 'assign', id: c.id, to: 'reno-officer', note: '请装修管理员解答' });
      return c.id as string;
    },
    cells: [F, N, F, N, N, F, F, F, N, N, N],
  },
};

const uploadAs = (user: string) => uploadPhotoAs(h, user);
/** Photos registered from (stand-in) cloud storage: read through file.url only (no /local/file bytes). */
const inCloud = new Set<string>();
const cloudAs = async (user: string) => {
  const id = await cloudPhotoAs(h, user);
  inCloud.add(id);
  return id;
};
/**
 * What a caller gets for a photo: the status of reading it through the URL `file.url` hands out (or of
 * file.url's refusal); for a photo the platform stores itself, `GET /local/file` must answer the same.
 */
const photoStatus = async (user: string, fileId: string): Promise<number | string> => {
  const token = await h.login(user);
  const viaUrl = await h.call(token, 'file', { action: 'url', fileId });
  const byUrl = viaUrl.status === 200 ? (await fetch(`${h.url}${viaUrl.body.data.url}`, { headers: { authorization: `Bearer ${token}` } })).status : viaUrl.status;
  if (inCloud.has(fileId)) return byUrl;
  const direct = (await fetch(`${h.url}/local/file/${fileId}`, { headers: { authorization: `Bearer ${token}` } })).status;
  return direct === byUrl ? direct : `GET /local/file ${direct} but file.url ${byUrl}`;
};

/** Every item of a caller's list of 1-1-101 cases, page by page (queue for staff, case.list for residents). */
async function listed(col: FCol): Promise<Map<string, { contactName: string; contactPhone: string }>> {
  const token = await h.login(FUSER[col]);
  const out = new Map<string, { id: string; contactName: string; contactPhone: string }>();
  let cursor: string | undefined;
  for (let page = 0; page < 50; page++) {
    const body = RESIDENT_COLS.includes(col) ? { action: 'list', ...(cursor ? { cursor } : {}) } : { action: 'queue', householdId: '1-1-101', limit: 100, ...(cursor ? { cursor } : {}) };
    const res = await h.call(token, RESIDENT_COLS.includes(col) ? 'case' : 'workbench', body);
    if (res.status !== 200) throw new Error(`${col} list: ${res.status}`);
    for (const i of res.body.data.items) out.set(i.id, i);
    cursor = res.body.data.cursor ?? undefined;
    if (!cursor) break;
  }
  return out;
}

describe('case fields per caller (spec table FIELDS, not policy.ts)', () => {
  const made: Record<string, { id: string; photo: string }> = {};
  beforeAll(async () => {
    for (const [n, [row, spec]] of Object.entries(FIELDS).entries()) {
      // Every other row's photo comes through cloud storage (the mini-program's way).
      const photo = n % 2 ? await cloudAs('resident-a') : await uploadAs('resident-a');
      made[row] = { id: await spec.make(photo), photo };
    }
    await O.settle(h);
  }, 30_000);

  it('has one cell per caller in every row', () => {
    for (const [row, spec] of Object.entries(FIELDS)) expect([row, spec.cells.length]).toEqual([row, FCOLS.length]);
  });

  it('[R-ACC-5][R-ACC-3][R-ACC-4] one case: full or masked contact, content and photo, or 404, per caller and case', async () => {
    const problems: string[] = [];
    for (const [row, spec] of Object.entries(FIELDS)) {
      const { id, photo } = made[row];
      for (const [i, col] of FCOLS.entries()) {
        const want = spec.cells[i];
        const where = `${row} / ${col}`;
        const resident = RESIDENT_COLS.includes(col);
        const res = await h.call(await h.login(FUSER[col]), resident ? 'case' : 'workbench', { action: 'get', id });
        const photoAnswer = await photoStatus(FUSER[col], photo);
        if (want === N) {
          if (res.status !== 404 || res.body.error?.code !== 'CASE.NOT_FOUND') problems.push(`${where}: expected 404 CASE.NOT_FOUND, got ${res.status} ${res.body.error?.code ?? 'ok'}`);
          if (photoAnswer !== 404) problems.push(`${where}: photo answered ${photoAnswer}, expected 404`);
          continue;
        }
        if (res.status !== 200) {
          problems.push(`${where}: expected the case, got ${res.status} ${res.body.error?.code}`);
          continue;
        }
        const d = res.body.data;
        const [name, phone] = want === F ? ['李明', '13800001101'] : ['李*', '138****1101'];
        if (d.contactName !== name || d.contactPhone !== phone) problems.push(`${where}: contact ${d.contactName} ${d.contactPhone}, expected ${name} ${phone}`);
        if (want === M && /13800001101|李明/.test(JSON.stringify(d))) problems.push(`${where}: the full name or phone appears elsewhere in the answer`);
        if (d.content !== spec.content) problems.push(`${where}: content ${JSON.stringify(d.content)}`);
        if (JSON.stringify(d.photos) !== JSON.stringify([photo])) problems.push(`${where}: photos ${JSON.stringify(d.photos)}`);
        if (photoAnswer !== 200) problems.push(`${where}: photo answered ${photoAnswer}, expected 200`);
      }
    }
    expect(problems).toEqual([]);
  }, 60_000);

  it('[R-ACC-5][R-ACC-3] lists: each caller lists exactly the cases within reach, phones masked, names per the table', async () => {
    const problems: string[] = [];
    for (const [i, col] of FCOLS.entries()) {
      const items = await listed(col);
      for (const [row, spec] of Object.entries(FIELDS)) {
        const want = spec.cells[i];
        const item = items.get(made[row].id);
        const where = `${row} / ${col}`;
        if (want === N) {
          if (item) problems.push(`${where}: listed, expected hidden`);
          continue;
        }
        if (!item) {
          problems.push(`${where}: not listed`);
          continue;
        }
        const name = want === F ? '李明' : '李*';
        if (item.contactName !== name || item.contactPhone !== '138****1101') problems.push(`${where}: listed with ${item.contactName} ${item.contactPhone}, expected ${name} 138****1101`);
      }
    }
    expect(problems).toEqual([]);
  }, 60_000);

  it('[R-ACC-5][R-ACC-4] a photo no case shows is its uploader\'s alone: 404 to every other caller, staff included', async () => {
    for (const photo of [await uploadAs('resident-a'), await cloudAs('resident-a')]) {
      const answers = Object.fromEntries(await Promise.all(FCOLS.map(async (col) => [col, await photoStatus(FUSER[col], photo)] as const)));
      expect(answers).toEqual(Object.fromEntries(FCOLS.map((col) => [col, col === 'owner' ? 200 : 404])));
    }
  });

  it('[R-ACC-5] notifications (outbox and message center) never carry a phone number', async () => {
    const db = O.dbOf(h);
    const outbox = await db.selectFrom('outbox').select(['template', 'data_json']).execute();
    const messages = await db.selectFrom('messages').select(['title', 'body']).execute();
    expect(outbox.length).toBeGreaterThan(0);
    expect(messages.length).toBeGreaterThan(0);
    const PHONE = /1[3-9]\d{9}|\d{3}\*{4}\d{4}/;
    expect(outbox.filter((r) => PHONE.test(r.data_json)).map((r) => r.template)).toEqual([]);
    expect(messages.filter((r) => PHONE.test(r.title + r.body)).map((r) => r.title)).toEqual([]);
  });
});
