import type { PhoneExchange } from '../ports/phoneVerifier';

/**
 * How the phone on a binding request was checked (R-ACC-1): only `verified` (a WeChat-verified phone)
 * can approve a request automatically; the other outcomes wait for the front desk, who sees which.
 */
export const PHONE_CHECKS = ['verified', 'not_provided', 'code_invalid', 'unavailable'] as const;
export type PhoneCheck = (typeof PHONE_CHECKS)[number];

export const PHONE_CHECK_LABELS: Record<PhoneCheck, string> = {
  verified: '手机号已验证',
  not_provided: '手机号未验证',
  code_invalid: '手机号未验证（验证码无效或已使用）',
  unavailable: '手机号未验证（微信验证暂不可用）',
};

/** A household holds at most this many owner bindings, approved and pending together. */
export const MAX_OWNER_BINDINGS_PER_HOUSEHOLD = 3;
/** A user has at most this many binding requests waiting for the front desk at once. */
export const MAX_PENDING_BINDINGS_PER_USER = 5;

export function phoneCheckOf(exchange: PhoneExchange | null): PhoneCheck {
  if (!exchange) return 'not_provided';
  if (exchange.ok) return 'verified';
  return exchange.reason === 'invalid' ? 'code_invalid' : 'unavailable';
}

/**
 * Approved at once only for the owner whose WeChat-verified phone and name are the register's
 * (一户一档). Knowing the owner's name and phone is not enough: an unverified claim waits for the desk.
 */
export const approvesAutomatically = (
  household: { ownerName: string; ownerPhone: string },
  claim: { name: string; relation: string; phone: string; phoneCheck: PhoneCheck },
) => claim.relation === 'owner' && claim.phoneCheck === 'verified' && claim.phone === household.ownerPhone && claim.name === household.ownerName;
