import type { StaffRole } from '../vocabulary';
import type { Shift } from '../domain/community/rota';
import type { SettingVersionRow } from '../domain/community/settingVersions';
import type { FeeStandardRow } from '../domain/fees/standards';

/** An invitation to join the staff (经理 invites by phone; the person accepts with that phone verified). */
export interface StaffInviteRow {
  id: string;
  phone: string;
  name: string;
  roles: StaffRole[];
  communityIds: string[];
  status: 'pending' | 'accepted' | 'revoked';
  createdBy: string;
  createdAt: number;
  expiresAt: number;
  acceptedBy: string | null;
  decidedAt: number | null;
}

/** A staff member's standing in a community that ended (their history stays; their access does not). */
export interface FormerStaffRow {
  id: string;
  userId: string;
  communityId: string;
  roles: StaffRole[];
  deactivatedAt: number;
  deactivatedBy: string;
}

export interface RotaEntry {
  communityId: string;
  day: string;
  shift: Shift;
  userId: string;
}

/** Community setup: staff accounts, the duty rota, versioned settings and fee standards (migration 0016). */
export interface SetupTx {
  insertInvite(row: StaffInviteRow): Promise<void>;
  invite(id: string): Promise<StaffInviteRow | undefined>;
  /** Invitations to one phone, newest first. */
  invitesByPhone(phone: string): Promise<StaffInviteRow[]>;
  /** Invitations naming any of these communities, newest first. */
  invitesOfCommunities(communityIds: string[]): Promise<StaffInviteRow[]>;
  updateInvite(row: StaffInviteRow): Promise<void>;
  /** Replaces the user's roles in one community (an empty list removes them from it). The on-duty flag of a kept role stays. */
  setStaffRoles(userId: string, communityId: string, roles: StaffRole[]): Promise<void>;
  insertFormerStaff(row: FormerStaffRow): Promise<void>;
  formerStaffOf(communityIds: string[]): Promise<FormerStaffRow[]>;
  updateUserProfile(userId: string, patch: { name: string; phone: string }): Promise<void>;
  /** Users whose phone on file is this one. */
  usersByPhone(phone: string): Promise<{ id: string; name: string }[]>;

  /** Rota entries of a community for days in [fromDay, toDay]. */
  rota(communityId: string, fromDay: string, toDay: string): Promise<RotaEntry[]>;
  /** Sets (userId) or clears (null) shifts of a community. */
  setRota(communityId: string, entries: { day: string; shift: Shift; userId: string | null }[]): Promise<void>;

  settingVersions(communityId: string): Promise<SettingVersionRow[]>;
  insertSettingVersion(row: SettingVersionRow): Promise<void>;
  /** Versions not yet applied whose time has come (any community), oldest first. */
  dueSettingVersions(now: number, limit: number): Promise<SettingVersionRow[]>;
  markSettingVersionApplied(id: string): Promise<void>;
  /** Writes the settings in force now into the community row (what the case engine reads). */
  setCommunityConfig(communityId: string, settings: unknown): Promise<void>;

  feeStandards(communityId: string): Promise<FeeStandardRow[]>;
  insertFeeStandard(row: FeeStandardRow): Promise<void>;
}
