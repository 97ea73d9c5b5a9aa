import type { Caller } from '../access/caller';
import type { IdSource } from '../ports/clock';
import type { Tx } from '../ports/store';

/**
 * The caller behind a platform identity (WeChat OPENID). A first-time visitor gets a user record and
 * no rights beyond browsing and binding (R-ACC-1); no identity at all is anonymous (null).
 */
export async function loadCaller(tx: Tx, openid: string | null, now: number, ids: IdSource): Promise<Caller | null> {
  if (!openid) return null;
  let user = await tx.userByOpenid(openid);
  if (!user) {
    user = { id: ids.next('u'), openid, name: '微信用户', phone: null, createdAt: now };
    await tx.insertUser(user);
  }
  const [staff, bindings] = await Promise.all([tx.staffOfUser(user.id), tx.bindingsOfUser(user.id)]);
  return {
    userId: user.id,
    name: user.name,
    staff: staff.map((s) => ({ communityId: s.communityId, role: s.role })),
    households: bindings
      .filter((b) => b.status === 'approved')
      .map((b) => ({ householdId: b.householdId, communityId: b.communityId, relation: b.relation, contactName: b.name, contactPhone: b.phone })),
  };
}
