import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DEFAULT_SLA, nextDueAt } from '../core/domain/case/deadlines';
import { transition } from '../core/domain/case/transition';
import { replay } from '../core/domain/case/replay';
import type { CaseEvent, CaseState, SubmittedEvent } from '../core/domain/case/types';
import { DAY, HOUR, MINUTE } from '../core/time';
import { openSqliteStore } from '../adapters/store/sqlite';
import { seedDemo } from '../local/seed';
import { eventOf, submittedEvent } from '../test/support/factories';

/**
 * Big case stores for the queue and sweep benchmarks. Every row's state_json is a real CaseState:
 * a few templates are built by replaying domain events (`transition`), stringified once, and cut at
 * the values that vary per row (id, household, technician, content, every time). A row is then those
 * pieces joined, so 1 M rows cost string concatenation, not 1 M replays. Rows are written with one
 * prepared better-sqlite3 INSERT in one transaction into a file that `openSqliteStore` created (its
 * migrations, so the real schema and indexes), then the file is handed back in WAL mode.
 */

/** The run's "now": the sweep runs as of this instant and the queue's open cases are due after it. */
export const NOW = Date.parse('2026-12-01T10:00:00+08:00');
const B = Date.parse('2026-01-05T09:00:00+08:00'); // templates' submission time (any fixed instant)
export const COMMUNITY = 'demo';
/** Technicians the repairs are spread over (tech-1 and tech-2 are demo users; the rest are only ids). */
export const TECHNICIANS = Array.from({ length: 10 }, (_, i) => `tech-${i + 1}`);

const MARK = { id: 'c_@@ID@@', household: '@@HH@@', tech: '@@TECH@@', content: '@@TXT@@' } as const;

const CONTENTS: Record<string, string[]> = {
  repair: [
    '卫生间洗手盆下面的水管接头漏水，地面一直有积水，麻烦尽快安排师傅上门看看。',
    '厨房下水堵了，水下不去，已经用疏通剂试过没有效果。',
    '客厅一排插座都没电了，空气开关推不上去，家里有老人，麻烦快点。',
    '入户门锁芯转不动，钥匙插进去拧不开，现在人在门外。',
    '主卧天花板靠窗的位置有水渍，楼上装修后开始出现，面积在慢慢变大。',
  ],
  service: ['想请师傅上门更换卫生间的花洒和软管，材料我自己买好了。', '阳台晾衣架的钢丝绳断了，想有偿更换一套。'],
  consultation: ['您好，请问小区快递柜的开放时间是几点到几点？周末是否正常开放？', '请问物业费可以按季度交吗？发票怎么开？', '请问装修垃圾应该放到哪里，需要另外交清运费吗？'],
  complaint: [
    '楼上每天晚上十一点以后还在拖动家具，噪音很大，已经沟通过没有改善，请物业协调处理。',
    '地下车库 B2 区有车长期占用消防通道，保安巡逻也没有处理。',
    '3 号楼门口的垃圾桶两天没有清运，气味很大。',
  ],
  suggestion: ['建议在儿童游乐区旁边增加几张休息座椅，并且晚上把路灯开得久一点。'],
  warranty: ['交房不到一年，卫生间墙面瓷砖空鼓开裂，请联系开发商保修。'],
};

type Piece = { s: string } | { t: number } | { v: 'id' | 'household' | 'tech' | 'content' };

interface Template {
  name: string;
  /** Share of its group (closed or open). */
  share: number;
  state: CaseState;
  pieces: Piece[];
  contents: string[];
  /** Open cases: next_due_at - created_at, as the domain computes it for this state. */
  dueAfter: number | null;
  /** Offset of the template's last event from its submission. */
  lastAt: number;
}

const te = (type: CaseEvent['type'], at: number, extra: Record<string, unknown> = {}) => eventOf(type, B + at, extra as Partial<CaseEvent>);
const tech = { to: MARK.tech, toName: '刘洋' };
const techBy = { by: MARK.tech, byName: '刘洋' };
const done = { callbackOwner: 'frontdesk', callbackOwnerName: '张敏', materials: ['接头', '密封圈'], feeFen: 0 };

function submitted(kind: CaseState['kind'], over: Partial<SubmittedEvent['case']> = {}, work?: { arrivalDue: number; onDuty?: { id: string; name: string } | null }): SubmittedEvent {
  const department = kind === 'repair' || kind === 'service' ? 'maintenance' : kind === 'warranty' ? 'developer_liaison' : 'customer_service';
  const e = submittedEvent({ id: MARK.id, householdId: MARK.household, kind, department, content: MARK.content, ...over }, B);
  return work ? { ...e, arrivalDue: B + work.arrivalDue, onDuty: work.onDuty ?? null } : e;
}

/** Domain-built states: each event list must replay (a refused transition throws). */
const CLOSED: [string, number, CaseEvent[]][] = [
  ['repair, closed after callback, rated', 0.22, [
    submitted('repair', { category: 'plumbing', location: 'in_home' }, { arrivalDue: DAY }),
    te('dispatched', 10 * MINUTE, tech), te('arrived', 2 * HOUR, techBy),
    te('completed', 3 * HOUR, { ...techBy, result: '更换水管接头和密封圈，试水无渗漏', ...done }),
    te('confirmed', 5 * HOUR, { by: 'resident-a', byName: '李明', ok: true, arrivalDue: 0 }),
    te('callback', 2 * DAY, { outcome: 'satisfied', method: 'phone', arrivalDue: 0 }),
    te('rated', 2 * DAY + HOUR, { by: 'resident-a', byName: '李明', stars: 5, supervisor: 'supervisor', note: '师傅很专业，处理得很干净' }),
  ]],
  ['repair, closed after callback', 0.13, [
    submitted('repair', { category: 'electrical', location: 'in_home' }, { arrivalDue: DAY }),
    te('dispatched', 20 * MINUTE, tech), te('arrived', 5 * HOUR, techBy),
    te('completed', 6 * HOUR, { ...techBy, result: '更换漏电保护开关，线路绝缘检测正常', ...done, materials: ['漏电保护开关'] }),
    te('confirmed', 8 * HOUR, { by: 'resident-a', byName: '李明', ok: true, arrivalDue: 0 }),
    te('callback', DAY, { outcome: 'satisfied', method: 'phone', arrivalDue: 0 }),
  ]],
  ['service, quote accepted, closed', 0.05, [
    submitted('service', { location: 'in_home' }, { arrivalDue: DAY }),
    te('dispatched', 30 * MINUTE, tech), te('arrived', 4 * HOUR, techBy),
    te('quoted', 4 * HOUR + 10 * MINUTE, { ...techBy, feeFen: 8000, note: '人工费 80 元' }),
    te('quoteAccepted', 5 * HOUR, { by: 'resident-a', byName: '李明' }),
    te('completed', 6 * HOUR, { ...techBy, result: '已更换', ...done, feeFen: 8000 }),
    te('confirmed', 7 * HOUR, { by: 'resident-a', byName: '李明', ok: true, arrivalDue: 0 }),
    te('callback', 2 * DAY, { outcome: 'satisfied', method: 'phone', arrivalDue: 0 }),
  ]],
  ['repair, quote declined', 0.05, [
    submitted('repair', { category: 'door_window', location: 'in_home' }, { arrivalDue: DAY }),
    te('dispatched', 15 * MINUTE, tech), te('arrived', 3 * HOUR, techBy),
    te('quoted', 3 * HOUR + 20 * MINUTE, { ...techBy, feeFen: 15000, note: '需更换锁芯' }),
    te('quoteDeclined', 6 * HOUR, { by: 'resident-a', byName: '李明', note: '自己买锁芯' }),
  ]],
  ['consultation, answered', 0.22, [submitted('consultation'), te('replied', 40 * MINUTE, { note: '快递柜 24 小时开放，位于 2 号楼东侧，大件可放物业前台代收。' })]],
  ['suggestion, answered', 0.15, [submitted('suggestion'), te('assigned', 30 * MINUTE), te('replied', DAY, { note: '感谢建议，已列入下季度公共设施改造计划。' })]],
  ['complaint, closed by the manager', 0.1, [
    submitted('complaint', { level: 'minor', category: 'noise' }),
    te('assigned', 20 * MINUTE, { to: 'supervisor', toName: '周丽', department: 'security' }),
    te('closedUnresolvable', 2 * DAY, { by: 'manager', byName: '吴军', note: '已多次上门协调，双方达成谅解' }),
  ]],
  ['repair, cancelled', 0.05, [submitted('repair', { category: 'drainage' }, { arrivalDue: DAY }), te('cancelled', 25 * MINUTE, { by: 'resident-a', byName: '李明', note: '已自行疏通' })]],
  ['warranty, handed over, closed', 0.03, [
    submitted('warranty'),
    te('assigned', HOUR, { to: 'frontdesk', toName: '张敏', department: 'developer_liaison' }),
    te('closedUnresolvable', 5 * DAY, { by: 'manager', byName: '吴军', note: '开发商已完成保修' }),
  ]],
];

const OPEN: [string, number, CaseEvent[]][] = [
  ['repair, dispatched', 0.3, [submitted('repair', { category: 'plumbing', location: 'in_home' }, { arrivalDue: DAY }), te('dispatched', 10 * MINUTE, tech)]],
  ['repair, on site', 0.1, [submitted('repair', { category: 'electrical', location: 'in_home' }, { arrivalDue: DAY }), te('dispatched', 10 * MINUTE, tech), te('arrived', HOUR, techBy)]],
  ['repair, completed, awaiting confirmation', 0.1, [
    submitted('repair', { category: 'drainage', location: 'in_home' }, { arrivalDue: DAY }),
    te('dispatched', 10 * MINUTE, tech), te('arrived', HOUR, techBy),
    te('completed', 2 * HOUR, { ...techBy, result: '疏通下水管道，已通畅', ...done }),
  ]],
  ['repair, awaiting callback', 0.1, [
    submitted('repair', { category: 'wall_ceiling', location: 'in_home' }, { arrivalDue: DAY }),
    te('dispatched', 10 * MINUTE, tech), te('arrived', HOUR, techBy),
    te('completed', 2 * HOUR, { ...techBy, result: '楼上防水层修补，闭水试验 48 小时', ...done }),
    te('confirmed', 3 * HOUR, { by: 'resident-a', byName: '李明', ok: true, arrivalDue: 0 }),
  ]],
  ['consultation, submitted', 0.2, [submitted('consultation')]],
  ['complaint, processing', 0.15, [submitted('complaint', { level: 'serious', category: 'parking' }), te('assigned', 20 * MINUTE, { to: 'supervisor', toName: '周丽', department: 'security' })]],
  ['service, quoted (clock paused)', 0.05, [
    submitted('service', { location: 'in_home' }, { arrivalDue: DAY }),
    te('dispatched', 10 * MINUTE, tech), te('arrived', HOUR, techBy),
    te('quoted', HOUR + 10 * MINUTE, { ...techBy, feeFen: 12000, note: '更换晾衣架钢丝绳' }),
  ]],
];

function template(name: string, share: number, events: CaseEvent[]): Template {
  const state = replay(events);
  if (!state) throw new Error(`template ${name}: no state`);
  const lastAt = events[events.length - 1].at - B;
  const due = nextDueAt(state, DEFAULT_SLA);
  const json = JSON.stringify(state);
  // Cut at the marks and at every time (13-digit ms within the template's year).
  const pieces: Piece[] = [];
  const re = /c_@@ID@@|@@HH@@|@@TECH@@|@@TXT@@|\b1\d{12}\b/g;
  let last = 0;
  for (let m = re.exec(json); m; m = re.exec(json)) {
    const n = Number(m[0]);
    const isTime = /^\d+$/.test(m[0]) && n >= B - DAY && n <= B + 60 * DAY;
    if (!isTime && /^\d+$/.test(m[0])) continue;
    pieces.push({ s: json.slice(last, m.index) });
    if (isTime) pieces.push({ t: n - B });
    else pieces.push({ v: m[0] === MARK.id ? 'id' : m[0] === MARK.household ? 'household' : m[0] === MARK.tech ? 'tech' : 'content' });
    last = m.index + m[0].length;
  }
  pieces.push({ s: json.slice(last) });
  return { name, share, state, pieces, contents: CONTENTS[state.kind] ?? CONTENTS.consultation, dueAfter: due === null ? null : due - B, lastAt };
}

let built: { closed: Template[]; open: Template[] } | null = null;
function templates() {
  if (built) return built;
  built = { closed: CLOSED.map((t) => template(...t)), open: OPEN.map((t) => template(...t)) };
  for (const t of built.closed) if (t.dueAfter !== null) throw new Error(`closed template ${t.name} still has a next SLA moment`);
  // An open case may have no next moment (a quote pauses the clocks until the resident accepts or declines it).
  for (const t of built.open) if (t.dueAfter !== null && t.dueAfter <= t.lastAt + 2 * MINUTE) throw new Error(`open template ${t.name}: no usable next SLA moment`);
  return built;
}

/** Deterministic pseudo-random numbers (mulberry32), so every run builds the same store. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (ts: Template[], u: number) => {
  let acc = 0;
  for (const t of ts) if (u < (acc += t.share)) return t;
  return ts[ts.length - 1];
};

/** 20,000 households: 50 buildings × 4 units × 25 floors × 4 rooms. */
const HOUSEHOLDS = Array.from({ length: 20_000 }, (_, i) => `${1 + Math.floor(i / 400)}-${1 + (Math.floor(i / 100) % 4)}-${1 + (Math.floor(i / 4) % 25)}0${1 + (i % 4)}`);

const esc = (s: string) => JSON.stringify(s).slice(1, -1);

export interface StoreShape {
  /** Finished cases (closed, resolved, cancelled): next_due_at NULL. */
  closed: number;
  /** Open cases whose next SLA moment is after NOW. */
  open: number;
  /** Open cases due at NOW for the sweep: emergency repairs submitted ~16 min before NOW. */
  due: number;
}

export interface BuiltStore {
  file: string;
  closed: number;
  open: number;
  due: number;
  dueIds: string[];
  bytes: number;
  avgStateBytes: number;
  ms: number;
}

const INSERT = `INSERT INTO cases (id, community_id, household_id, kind, status, department, owner, emergency, created_at, updated_at,
  next_due_at, version, state_json, technician, breached, urgent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/**
 * Creates `file` through openSqliteStore (migrations, demo seed: community 'demo', its staff with a
 * supervisor and a manager for the escalation ladder), then fills `cases` in id order: closed cases
 * over the last three years, open ones from the last days (next_due_at after NOW, as the domain
 * computes it), and last the `due` emergency repairs (case_events row included), each built with
 * `transition(undefined, submittedEvent(…))`. The bulk rows have no case_events rows (nothing the
 * queue or the sweep reads). The load runs with synchronous=OFF and a rollback journal; the file is
 * switched back to WAL before it is returned.
 */
export async function buildCaseStore(file: string, shape: StoreShape, seed = 1): Promise<BuiltStore> {
  const t0 = performance.now();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const store = await openSqliteStore(file);
  await seedDemo(store.db, NOW);
  await store.close();

  const { closed: closedT, open: openT } = templates();
  const random = rng(seed);
  const closedN = shape.closed;
  const openN = shape.open;

  const db = new Database(file);
  db.pragma('journal_mode = DELETE');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -524288'); // 512 MB: the indexes stay in memory while they grow
  const insert = db.prepare(INSERT);
  const insertEvent = db.prepare('INSERT INTO case_events (case_id, seq, type, at, by_user, data_json) VALUES (?, ?, ?, ?, ?, ?)');
  let stateBytes = 0; // over a sample of the rows (every 64th)
  let sampled = 0;
  let seq = 0;
  const idOf = (createdAt: number) => `c_${createdAt.toString(36)}${(seq++).toString(32).padStart(10, '0')}`;

  const row = (t: Template, createdAt: number, nextDue: number | null) => {
    const id = idOf(createdAt);
    const household = HOUSEHOLDS[Math.floor(random() * HOUSEHOLDS.length)];
    const technician = TECHNICIANS[Math.floor(random() * TECHNICIANS.length)];
    const content = esc(t.contents[Math.floor(random() * t.contents.length)]);
    let json = '';
    for (const p of t.pieces) {
      if ('s' in p) json += p.s;
      else if ('t' in p) json += createdAt + p.t;
      else json += p.v === 'id' ? id : p.v === 'household' ? household : p.v === 'tech' ? technician : content;
    }
    if (seq % 64 === 0) {
      stateBytes += Buffer.byteLength(json);
      sampled++;
    }
    const s = t.state;
    const owner = s.owner === MARK.tech ? technician : s.owner;
    const tech = s.work.technician === MARK.tech ? technician : s.work.technician;
    insert.run(id, COMMUNITY, household, s.kind, s.status, s.department, owner, s.emergency ? 1 : 0, createdAt, createdAt + (s.updatedAt - B), nextDue, s.version, json, tech, s.sla.breached.length ? 1 : 0, nextDue);
  };

  const dueIds: string[] = [];
  db.transaction(() => {
    // Closed: spread evenly over [NOW - 3 years, NOW - 10 days], in time (and so id) order.
    const from = NOW - 3 * 365 * DAY;
    const span = NOW - 10 * DAY - from;
    for (let i = 0; i < closedN; i++) row(pick(closedT, random()), from + Math.floor(((i + random()) * span) / closedN), null);
    // Open: created within their next SLA moment before NOW, so next_due_at lands after NOW.
    const open = Array.from({ length: openN }, () => {
      const t = pick(openT, random());
      const window = t.dueAfter === null ? 10 * DAY : t.dueAfter - t.lastAt - 2 * MINUTE;
      const createdAt = NOW - t.lastAt - MINUTE - Math.floor(random() * window);
      return { t, createdAt };
    }).sort((a, b) => a.createdAt - b.createdAt);
    for (const o of open) row(o.t, o.createdAt, o.t.dueAfter === null ? null : o.createdAt + o.t.dueAfter);
    // Due: 急修 (burst pipe) submitted 16 minutes before NOW, paged to the on-duty technician.
    for (let i = 0; i < shape.due; i++) {
      const at = NOW - 16 * MINUTE - (shape.due - i) * 50;
      const e: SubmittedEvent = {
        ...submittedEvent(
          { id: idOf(at), householdId: HOUSEHOLDS[i % HOUSEHOLDS.length], kind: 'repair', category: 'burst_pipe', emergency: true, location: 'in_home', department: 'maintenance', content: '厨房水管爆裂，水一直往外喷，总阀关不上，请马上派人！' },
          at,
        ),
        arrivalDue: at + 15 * MINUTE,
        onDuty: { id: 'tech-1', name: '王强' },
      };
      const r = transition(undefined, e);
      if (!r.ok) throw new Error('the domain refused a due case');
      const s = r.next;
      const due = nextDueAt(s, DEFAULT_SLA);
      if (due === null || due > NOW) throw new Error(`due case not due at NOW (next_due_at ${due})`);
      const json = JSON.stringify(s);
      insert.run(s.id, s.communityId, s.householdId, s.kind, s.status, s.department, s.owner, 1, s.createdAt, s.updatedAt, due, s.version, json, s.work.technician, 0, due);
      insertEvent.run(s.id, 1, e.type, e.at, e.by, JSON.stringify(e));
      dueIds.push(s.id);
    }
  })();
  db.pragma('journal_mode = WAL');
  db.close();
  const bytes = fs.statSync(file).size;
  return { file, closed: closedN, open: openN, due: shape.due, dueIds, bytes, avgStateBytes: stateBytes / Math.max(1, sampled), ms: performance.now() - t0 };
}
