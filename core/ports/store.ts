import type { Relation, StaffRole } from '../schemas/common';
import type { RenovationTx } from './renovationStore';
import type { CaseEvent, CaseState, NotificationTemplate } from '../domain/case/types';
import type { CommunitySettings } from '../domain/community/settings';
import type { PhoneCheck } from '../domain/binding';
import type { SetupTx } from './setupStore';
import type { FeeTx } from './feeStore';
import type { CashierTx } from './cashierStore';
import type { DueProbe, DueWork } from './dueWork';

export interface UserRow {
  id: string;
  openid: string;
  name: string;
  phone: string | null;
  createdAt: number;
}

export interface StaffRow {
  userId: string;
  communityId: string;
  role: StaffRole;
  onDuty: boolean;
}

/**
 * A community with its settings parsed (`parseCommunitySettings`: complete, the rule book's defaults
 * where the stored value is silent, within the rule book's bounds). A community whose stored settings
 * do not parse is never returned: reading it throws `CommunitySettingsError`.
 */
export interface CommunityRow extends CommunitySettings {
  id: string;
  name: string;
  timeZone: string;
}

export interface HouseholdRow {
  id: string;
  communityId: string;
  building: string;
  unit: string;
  room: string;
  areaM2x100: number;
  ownerName: string;
  ownerPhone: string;
}

export type BindingStatus = 'pending' | 'approved' | 'rejected';

export interface BindingRow {
  id: string;
  userId: string;
  householdId: string;
  communityId: string;
  name: string;
  phone: string;
  relation: Relation;
  status: BindingStatus;
  /** How `phone` was checked when the request was made (only `verified` can approve automatically). */
  phoneCheck: PhoneCheck;
  createdAt: number;
  decidedAt: number | null;
  decidedBy: string | null;
  reason: string | null;
}

/** Who is calling, read in one round trip: the user, their staff roles and binding requests, and a stored reply. */
export interface IdentityRow {
  user: UserRow;
  staff: StaffRow[];
  /** Every binding request of the user, newest first. */
  bindings: BindingRow[];
  /** The stored reply keyed `<user id><replyKeySuffix>`, when a suffix was given and one exists. */
  reply?: IdempotencyRow;
}

/** What opening a case in a household reads, in one round trip (`Tx.caseOpening`). */
export interface CaseOpeningRow {
  household: HouseholdRow;
  /** The household's community, its settings parsed on the call (throws like `Tx.community` when they do not parse). */
  community(): CommunityRow | undefined;
  /** The community's staff, by user id, with their display names (null when the user row is missing). */
  staff: (StaffRow & { name: string | null })[];
  /** `casesOpenedBy(openedBy, since, cap)`. */
  opened: number;
  /** Those of the asked files that exist. */
  files: FileRow[];
  /** The household's approved bindings, newest first (only when asked for). */
  bindings: BindingRow[];
  /** The technician the duty rota names for the shift asked for (`q.duty`), when still a technician of the community; else null. */
  rotaTechnician: string | null;
}

export interface StoredCase {
  state: CaseState;
  nextDueAt: number | null;
}

/**
 * Which cases of one community a staff member may list (core/access/caseAccess.ts): all of them, or those
 * they are responsible for (`owner`), whose work order they hold (`technician`) or of these `categories`.
 */
export interface CaseReach {
  communityId: string;
  all: boolean;
  owner: string;
  technician: string | null;
  categories: string[];
}

export interface CaseFilter {
  communityIds: string[];
  /** When given, a case must also be within one of these (staff lists: R-ACC-3, R-ACC-5). */
  reach?: CaseReach[];
  /** A staff reader: complaints about them are left out (R-CMP: never in their own queue). */
  hiddenFrom?: string;
  status?: CaseState['status'][];
  kind?: CaseState['kind'];
  department?: CaseState['department'];
  owner?: string;
  technician?: string;
  breached?: boolean;
  householdIds?: string[];
  /** `urgent`: nearest open deadline first (the workbench); `newest`: most recent first (residents). */
  order: 'urgent' | 'newest';
  limit: number;
  /** Where the previous page ended: this page starts strictly after it (keyset pagination). */
  after?: CaseKey;
}

/**
 * A case's place in a list: `newest` sorts by (createdAt desc, id desc); `urgent` by open cases first
 * (urgentAt asc, createdAt desc, id asc), then finished ones, whose urgentAt is null (createdAt desc, id asc).
 */
export interface CaseKey {
  urgentAt: number | null;
  createdAt: number;
  id: string;
}

/** A row's place in a list sorted newest first: (createdAt desc, id desc). */
export interface NewestKey {
  createdAt: number;
  id: string;
}

/** A binding request's place in the review list: pending first, then the rest; each newest first (createdAt desc, id desc). */
export interface BindingKey extends NewestKey {
  pending: boolean;
}

export interface OutboxMessage {
  id: string;
  channel: 'inbox' | 'wechat' | 'wecom';
  to: string;
  template: NotificationTemplate;
  data: Record<string, string>;
  createdAt: number;
}

export interface OutboxRow extends OutboxMessage {
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: number;
  deliveredAt: number | null;
  lastError: string | null;
}

/**
 * A push to a platform outside the store, fanned out from an outbox message when the message center
 * got it (same transaction). `pending` → `sending` (claimed: its `sendKey` fixed and the attempt
 * recorded BEFORE the request goes out) → `sent` | `skipped` (no consent left) | `failed`. A `sending`
 * push whose `nextAttemptAt` has come had an unknown or failed outcome: it is sent again with the
 * same key. Robot digests: several pushes claimed with one `sendKey`.
 */
export interface PushRow {
  id: string;
  outboxId: string;
  channel: 'wechat' | 'wecom';
  /** wechat: the user id; wecom: the robot's name. */
  target: string;
  template: NotificationTemplate;
  data: Record<string, string>;
  createdAt: number;
  status: 'pending' | 'sending' | 'sent' | 'skipped' | 'failed';
  attempts: number;
  nextAttemptAt: number;
  sendKey: string | null;
  claimedAt: number | null;
  sentAt: number | null;
  lastError: string | null;
}

/** One accept of a subscribe template by a user (`Taro.requestSubscribeMessage`): allows one send. */
export interface SubscribeGrant {
  id: string;
  userId: string;
  templateKey: string;
  requestId: string;
  grantedAt: number;
  /** The push that used it (null: still available). */
  pushId: string | null;
}

export interface MessageRow {
  id: string;
  userId: string;
  title: string;
  body: string;
  caseId: string | null;
  createdAt: number;
  readAt: number | null;
  /** The outbox message this came from: delivering twice stores it once. */
  sourceId: string;
}

export interface FileRow {
  id: string;
  ownerId: string;
  mime: string;
  size: number;
  createdAt: number;
  /** The `cloud://` id of a file the client uploaded to cloud storage itself; null: stored by the platform. */
  cloudId?: string | null;
}

export interface IdempotencyRow {
  key: string;
  bodyHash: string;
  result: unknown;
  createdAt: number;
}

/** Everything a use case may read or write, inside one transaction. */
export interface Tx extends SetupTx, FeeTx, CashierTx, RenovationTx {
  userByOpenid(openid: string): Promise<UserRow | undefined>;
  userById(id: string): Promise<UserRow | undefined>;
  usersByIds(ids: string[]): Promise<UserRow[]>;
  insertUser(row: UserRow): Promise<void>;
  /**
   * Creates the user unless one with this OPENID exists (an upsert that never fails on the OPENID: two
   * first calls of one new user at once both succeed). True when this call created it; false when another
   * did (committed by then: read it back with `identity`).
   */
  insertUserIfNew(row: UserRow): Promise<boolean>;
  staffOfUser(userId: string): Promise<StaffRow[]>;
  staffOfCommunity(communityId: string): Promise<StaffRow[]>;
  /**
   * The user with this OPENID with their staff roles and binding requests, and the stored reply keyed
   * `<user id><replyKeySuffix>` when a suffix is given: one statement (each is a round trip on a network store).
   * `lock`: the user row is held until the transaction ends (a writing call): one user's writing calls
   * run one after another on every store, so what they count of the user's own doing (creation limits,
   * pending bindings) cannot be overtaken by the same user's concurrent call. (SQLite: every write
   * transaction already runs alone; MySQL/MariaDB: FOR UPDATE.)
   */
  identity(openid: string, replyKeySuffix?: string, opts?: { lock?: boolean }): Promise<IdentityRow | undefined>;

  community(id: string): Promise<CommunityRow | undefined>;
  /** Every community (start-up checks their settings). */
  communities(): Promise<CommunityRow[]>;
  /**
   * Read to decide a write about the household (its owner claims): held until the transaction ends, so
   * two claims on one household are counted one after another (MySQL/MariaDB: FOR UPDATE).
   */
  household(id: string): Promise<HouseholdRow | undefined>;
  /** Households with this room, in any community (at most `limit`). */
  householdsByRoom(building: string, unit: string, room: string, limit: number): Promise<HouseholdRow[]>;
  /** Every household of one community (the register). */
  householdsOfCommunity(communityId: string): Promise<HouseholdRow[]>;
  /** New households (a few hundred rows a statement); an id or a room already stored is a unique violation. */
  insertHouseholds(rows: HouseholdRow[]): Promise<void>;
  /** Stored households' area and owner (matched by id; their community and room stay as they are). */
  updateHouseholds(rows: HouseholdRow[]): Promise<void>;
  /**
   * One statement for what opening a case reads: the household and its community, the community's staff
   * with names, how many cases `openedBy` opened since `since` (counting at most `cap`), which of `files`
   * exist, and (when `bindings`) the household's approved bindings. Undefined when the household is not there.
   */
  caseOpening(
    householdId: string,
    q: { openedBy: string; since: number; cap: number; files: string[]; bindings: boolean; duty?: { day: string; shift: string } },
  ): Promise<CaseOpeningRow | undefined>;

  insertBinding(row: BindingRow): Promise<void>;
  /** Read to decide it: held until the transaction ends (one decision per request, MySQL/MariaDB: FOR UPDATE). */
  binding(id: string): Promise<BindingRow | undefined>;
  bindingsOfUser(userId: string): Promise<BindingRow[]>;
  /** Every binding request of one household, newest first (the owner-binding limit counts them). */
  bindingsOfHousehold(householdId: string): Promise<BindingRow[]>;
  /** A page of the binding requests of these communities (of one status, if given), in `BindingKey` order, after `after`. */
  bindingsInCommunities(communityIds: string[], q: { status?: BindingStatus; limit: number; after?: BindingKey }): Promise<{ items: BindingRow[]; next: BindingKey | null }>;
  updateBinding(row: BindingRow): Promise<void>;

  /**
   * `nextDueAt`: when the SLA sweep must next look at the case. `urgentAt`: its nearest unmet promise,
   * what the queue sorts by (defaults to nextDueAt). The events are the source of truth (R-INT-4): the
   * store writes the fold of the events (`foldEvents`), and throws when `state` — what the caller
   * computed — is not that fold.
   */
  insertCase(state: CaseState, nextDueAt: number | null, events: CaseEvent[], urgentAt?: number | null): Promise<void>;
  /**
   * Appends events and stores the stored state folded with them (throws when `state` differs); fails
   * (returns false) when the stored version is not `expectedVersion`.
   */
  appendCaseEvents(state: CaseState, nextDueAt: number | null, expectedVersion: number, events: CaseEvent[], urgentAt?: number | null): Promise<boolean>;
  caseById(id: string): Promise<CaseState | undefined>;
  caseEvents(id: string): Promise<CaseEvent[]>;
  /** A page of cases; `next`: the key of its last case when more follow (the next page's `after`). */
  cases(filter: CaseFilter): Promise<{ items: CaseState[]; next: CaseKey | null }>;
  countCases(): Promise<number>;
  /**
   * Takes the next case sequence of a community, number prefix and day (YYYYMMDD): 1, 2, 3… Inside the
   * transaction, so a rolled-back submission gives its number back and no two cases share one.
   */
  nextCaseSequence(communityId: string, prefix: string, day: string): Promise<number>;
  /** How many cases this user opened (submitted or recorded) at or after `since`, counting at most `cap`. */
  casesOpenedBy(userId: string, since: number, cap: number): Promise<number>;
  /** Cases of these communities created in [from, to), oldest first (monthly reports). */
  casesCreatedBetween(communityIds: string[], kinds: string[], from: number, to: number): Promise<CaseState[]>;
  /**
   * Events of these types that happened in [from, to) on cases of these communities, oldest first (the
   * monthly satisfaction report: ratings and callbacks of the month, whenever their case was opened).
   */
  caseEventsBetween(communityIds: string[], types: string[], from: number, to: number): Promise<{ caseId: string; event: CaseEvent }[]>;
  /** These cases (ids not found are left out) each with its whole event log, in id order. */
  caseHistories(ids: string[]): Promise<{ state: CaseState; events: CaseEvent[] }[]>;
  /** Cases whose next SLA moment has come (indexed on next_due_at), soonest first: what the sweep looks at. */
  dueCaseIds(now: number, limit: number): Promise<string[]>;
  /**
   * Sets a case the sweep failed on aside until `retryAt` (its next_due_at), with the reason (stage and
   * error, no personal data). Its state and events are untouched; its next write releases it.
   */
  quarantineCase(id: string, retryAt: number, reason: string): Promise<void>;
  /** Cases set aside by the sweep, with why and when it looks again. */
  quarantinedCases(limit: number): Promise<{ id: string; reason: string; retryAt: number }[]>;
  /**
   * Runs `fn` as a unit inside the transaction (a savepoint): when it throws, what it wrote is undone
   * and the error rethrown, and the transaction itself goes on.
   */
  isolated<T>(fn: () => Promise<T>): Promise<T>;

  /** Writes messages to the outbox, pending; or, with `deliveredAt`, as delivered then (an in-store channel delivered them in this transaction). */
  enqueue(messages: OutboxMessage[], deliveredAt?: number): Promise<void>;
  dueOutbox(now: number, limit: number): Promise<OutboxRow[]>;
  markOutbox(id: string, patch: Pick<OutboxRow, 'status' | 'attempts' | 'nextAttemptAt' | 'deliveredAt' | 'lastError'>): Promise<void>;
  outboxAll(): Promise<OutboxRow[]>;

  /** Writes pushes (ignores one whose id exists: a fan-out runs once per outbox message anyway). */
  enqueuePushes(rows: PushRow[]): Promise<void>;
  /** Pushes pending or sending whose time has come, oldest first. */
  duePushes(now: number, limit: number): Promise<PushRow[]>;
  pushesWithKey(sendKey: string): Promise<PushRow[]>;
  /** Updates a push only if it is still as read (`status`, `attempts`): false when another pass took it. */
  updatePush(id: string, expect: Pick<PushRow, 'status' | 'attempts'>, patch: Pick<PushRow, 'status' | 'attempts' | 'nextAttemptAt' | 'sendKey' | 'claimedAt' | 'sentAt' | 'lastError'>): Promise<boolean>;
  /** Distinct send keys claimed on a channel's target after `since` (the robot's per-minute count). */
  sendsSince(channel: PushRow['channel'], target: string, since: number): Promise<number>;
  pushesAll(): Promise<PushRow[]>;
  insertGrants(rows: SubscribeGrant[]): Promise<void>;
  /** Binds the oldest unused grant of (user, key) to the push; false when none is left. */
  useGrant(userId: string, templateKey: string, pushId: string): Promise<boolean>;
  /** Unused grants per template key of a user. */
  grantsLeft(userId: string): Promise<Record<string, number>>;

  insertMessage(row: MessageRow): Promise<boolean>;
  /** Several messages in one statement; one whose `sourceId` is already stored is skipped. Answers how many were stored. */
  insertMessages(rows: MessageRow[]): Promise<number>;
  /** A user's messages, newest first (`NewestKey`), at most `limit`, starting after `after`. */
  messagesOf(userId: string, limit: number, after?: NewestKey): Promise<MessageRow[]>;
  /** How many of a user's messages are unread. */
  unreadMessages(userId: string): Promise<number>;
  markMessagesRead(userId: string, ids: string[] | 'all', at: number): Promise<void>;

  insertFile(row: FileRow): Promise<void>;
  file(id: string): Promise<FileRow | undefined>;
  /** The file registered for a `cloud://` id (unique). */
  fileByCloudId(cloudId: string): Promise<FileRow | undefined>;
  /** The cases that show the file among their photos (at most `limit`). */
  casesShowingFile(fileId: string, limit: number): Promise<CaseState[]>;

  idempotency(key: string): Promise<IdempotencyRow | undefined>;
  saveIdempotency(row: IdempotencyRow): Promise<void>;
  /** Deletes up to `limit` stored replies created before `before` (oldest first, indexed); answers how many. */
  purgeIdempotency(before: number, limit: number): Promise<number>;
}

export interface Store {
  /** Runs `fn` in one transaction: everything commits together or nothing does. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * Which of the minute timer's jobs have anything to do (see DueProbe): ONE read statement, outside
   * any transaction (no write lock), built from the jobs' own due queries.
   */
  dueWork(probe: DueProbe): Promise<DueWork>;
  close(): Promise<void>;
}
