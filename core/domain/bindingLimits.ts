import { MAX_OWNER_BINDINGS_PER_HOUSEHOLD, MAX_PENDING_BINDINGS_PER_USER } from './binding';

type Claim = { relation: string; status: string };

const owners = (claims: Claim[], status: string) => claims.filter((b) => b.relation === 'owner' && b.status === status).length;

/**
 * Whether one more owner binding would exceed the household's bound. An owner approved at once
 * (verified against the register) counts only the approved owners, so unverified claims piling up at
 * the desk cannot lock the real owner out; a claim that waits counts approved and pending together.
 */
export function ownerLimitReached(householdClaims: Claim[], approving: boolean): boolean {
  const approved = owners(householdClaims, 'approved');
  return approving ? approved >= MAX_OWNER_BINDINGS_PER_HOUSEHOLD : approved + owners(householdClaims, 'pending') >= MAX_OWNER_BINDINGS_PER_HOUSEHOLD;
}

export const pendingLimitReached = (userClaims: Claim[]) => userClaims.filter((b) => b.status === 'pending').length >= MAX_PENDING_BINDINGS_PER_USER;
