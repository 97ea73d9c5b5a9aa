import type { Caller } from '../access/caller';
import type { IdSource } from '../ports/clock';
import type { IdempotencyRow, IdentityRow, Tx } from '../ports/store';

/**
 * The caller behind a platform identity (WeChat OPENID). A first-time visitor gets a user record and
 * no rights beyond browsing and binding (R-ACC-1); no identity at all is anonymous (null).
 */
export async function loadCaller(tx: Tx, openid: string | null, now: number, ids: IdSource): Promise<Caller | null> {
  return (await identify(tx, openid, now, ids)).caller;
}

/**
 * `loadCaller`, and in the same read the stored reply keyed `<user id><replyKeySuffix>` (a creating
 * action's earlier answer to the same requestId: R-INT-7). One statement for a known user.
 */
export async function identify(
  tx: Tx,
  openid: string | null,
  now: number,
  ids: IdSource,
  replyKeySuffix?: string,
  opts: { writing?: boolean } = {},
): Promise<{ caller: Caller | null; reply?: IdempotencyRow }> {
  if (!openid) return { caller: null };
  // A writing call holds its caller's row to the end (Tx.identity): one user's writes queue, and the
  // limits that count the user's own doing (R-ACC-1 pending bindings, creation limits) hold on every store.
  const lock = { lock: opts.writing === true };
  const found = await tx.identity(openid, replyKeySuffix, lock);
  if (found) return { caller: callerOf(found), ...(found.reply ? { reply: found.reply } : {}) };
  // A new user has no roles, bindings or replies yet. Two first calls at once (two function instances):
  // one creates the user, the other waits for it to commit and reads that user back (R-INT-7: its reply too).
  const user = { id: ids.next('u'), openid, name: '微信用户', phone: null, createdAt: now };
  if (await tx.insertUserIfNew(user)) return { caller: callerOf({ user, staff: [], bindings: [] }) };
  const winner = await tx.identity(openid, replyKeySuffix, lock);
  if (!winner) throw new Error('a user with this OPENID exists but cannot be read');
  return { caller: callerOf(winner), ...(winner.reply ? { reply: winner.reply } : {}) };
}

function callerOf({ user, staff, bindings }: IdentityRow): Caller {
  return {
    userId: user.id,
    name: user.name,
    staff: staff.map((s) => ({ communityId: s.communityId, role: s.role })),
    households: bindings
      .filter((b) => b.status === 'approved')
      .map((b) => ({ householdId: b.householdId, communityId: b.communityId, relation: b.relation, contactName: b.name, contactPhone: b.phone })),
  };
}
