import { maskPhone } from '../../domain/privacy';
import { ROLE_LABELS, type StaffRole } from '../../vocabulary';
import type { StaffInviteRow } from '../../ports/setupStore';
import { toIso } from '../../time';

/** How long an invitation may be accepted (platform time). */
export const INVITE_TTL_MS = 7 * 86_400_000;

export const roleList = (roles: StaffRole[]) => roles.map((r) => ({ role: r, label: ROLE_LABELS[r] }));

export type InviteStatus = StaffInviteRow['status'] | 'expired';
export const INVITE_STATUS_LABELS: Record<InviteStatus, string> = { pending: '待接受', accepted: '已接受', revoked: '已撤回', expired: '已过期' };

export const inviteStatusOf = (i: StaffInviteRow, now: number): InviteStatus => (i.status === 'pending' && i.expiresAt <= now ? 'expired' : i.status);

/** An invitation as the manager sees it (the phone masked in lists, R-ACC-5). */
export function inviteView(i: StaffInviteRow, now: number) {
  const status = inviteStatusOf(i, now);
  return {
    id: i.id,
    name: i.name,
    phone: maskPhone(i.phone),
    roles: roleList(i.roles),
    communityIds: i.communityIds,
    status,
    statusLabel: INVITE_STATUS_LABELS[status],
    createdAt: toIso(i.createdAt),
    expiresAt: toIso(i.expiresAt),
  };
}
