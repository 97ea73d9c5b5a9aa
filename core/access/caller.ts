import type { Relation, StaffRole } from '../schemas/common';

/** Who is calling, resolved from the platform identity (never from the payload: R-ACC-2). */
export interface Caller {
  userId: string;
  name: string;
  /** Staff roles, per community (R-ACC-3: staff work only in the communities assigned to them). */
  staff: { communityId: string; role: StaffRole }[];
  /** Households this user is bound to (approved bindings only: R-ACC-1). */
  households: { householdId: string; communityId: string; relation: Relation; contactName?: string; contactPhone?: string }[];
}

export const ANONYMOUS = null;
export type MaybeCaller = Caller | null;

export const isStaff = (c: Caller) => c.staff.length > 0;
export const rolesIn = (c: Caller, communityId: string): StaffRole[] =>
  c.staff.filter((s) => s.communityId === communityId).map((s) => s.role);
