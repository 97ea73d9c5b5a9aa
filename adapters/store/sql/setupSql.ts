import type { Kysely } from 'kysely';
import type { FormerStaffRow, SetupTx, StaffInviteRow } from '../../../core/ports/setupStore';
import type { SettingVersionRow } from '../../../core/domain/community/settingVersions';
import type { FeeStandardRow } from '../../../core/domain/fees/standards';
import type { Shift } from '../../../core/domain/community/rota';
import type { DB } from './schema';
import { dueSettingVersionsQuery } from './dueQueries';

const num = (v: number | string | null) => (v === null ? null : Number(v));
const toInvite = (r: DB['staff_invites']): StaffInviteRow => ({
  id: r.id,
  phone: r.phone,
  name: r.name,
  roles: JSON.parse(r.roles_json),
  communityIds: JSON.parse(r.community_ids_json),
  status: r.status as StaffInviteRow['status'],
  createdBy: r.created_by,
  createdAt: Number(r.created_at),
  expiresAt: Number(r.expires_at),
  acceptedBy: r.accepted_by,
  decidedAt: num(r.decided_at),
});
const inviteRow = (r: StaffInviteRow): DB['staff_invites'] => ({
  id: r.id,
  phone: r.phone,
  name: r.name,
  roles_json: JSON.stringify(r.roles),
  community_ids_json: JSON.stringify(r.communityIds),
  status: r.status,
  created_by: r.createdBy,
  created_at: r.createdAt,
  expires_at: r.expiresAt,
  accepted_by: r.acceptedBy,
  decided_at: r.decidedAt,
});
const toFormer = (r: DB['staff_former']): FormerStaffRow => ({
  id: r.id,
  userId: r.user_id,
  communityId: r.community_id,
  roles: JSON.parse(r.roles_json),
  deactivatedAt: Number(r.deactivated_at),
  deactivatedBy: r.deactivated_by,
});
const toVersion = (r: DB['setting_versions']): SettingVersionRow => ({
  id: r.id,
  communityId: r.community_id,
  effectiveAt: Number(r.effective_at),
  settings: JSON.parse(r.settings_json),
  savedBy: r.saved_by,
  savedAt: Number(r.saved_at),
});
const toStandard = (r: DB['fee_standards']): FeeStandardRow => ({
  id: r.id,
  communityId: r.community_id,
  item: r.item as FeeStandardRow['item'],
  basis: r.basis as FeeStandardRow['basis'],
  priceFen: Number(r.price_fen),
  effectiveFrom: r.effective_from,
  savedBy: r.saved_by,
  savedAt: Number(r.saved_at),
});

/** Community setup's tables (migration 0016_community_setup). */
export function setupTx(db: Kysely<DB>): SetupTx {
  return {
    async insertInvite(row) {
      await db.insertInto('staff_invites').values(inviteRow(row)).execute();
    },
    async invite(id) {
      const r = await db.selectFrom('staff_invites').selectAll().where('id', '=', id).executeTakeFirst();
      return r && toInvite(r);
    },
    async invitesByPhone(phone) {
      const rows = await db.selectFrom('staff_invites').selectAll().where('phone', '=', phone).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
      return rows.map(toInvite);
    },
    async invitesOfCommunities(communityIds) {
      if (!communityIds.length) return [];
      // Few rows per company: filtered here rather than through a JSON index.
      const rows = await db.selectFrom('staff_invites').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(2000).execute();
      return rows.map(toInvite).filter((i) => i.communityIds.some((c) => communityIds.includes(c)));
    },
    async updateInvite(row) {
      const { id: _id, ...rest } = inviteRow(row);
      await db.updateTable('staff_invites').set(rest).where('id', '=', row.id).execute();
    },
    async setStaffRoles(userId, communityId, roles) {
      const kept = await db.selectFrom('staff').select(['role', 'on_duty']).where('user_id', '=', userId).where('community_id', '=', communityId).execute();
      const duty = new Map(kept.map((r) => [r.role, r.on_duty]));
      await db.deleteFrom('staff').where('user_id', '=', userId).where('community_id', '=', communityId).execute();
      if (roles.length) await db.insertInto('staff').values(roles.map((role) => ({ user_id: userId, community_id: communityId, role, on_duty: duty.get(role) ?? 0 }))).execute();
    },
    async insertFormerStaff(row) {
      await db
        .insertInto('staff_former')
        .values({ id: row.id, user_id: row.userId, community_id: row.communityId, roles_json: JSON.stringify(row.roles), deactivated_at: row.deactivatedAt, deactivated_by: row.deactivatedBy })
        .execute();
    },
    async formerStaffOf(communityIds) {
      if (!communityIds.length) return [];
      const rows = await db.selectFrom('staff_former').selectAll().where('community_id', 'in', communityIds).orderBy('deactivated_at', 'desc').execute();
      return rows.map(toFormer);
    },
    async updateUserProfile(userId, patch) {
      await db.updateTable('users').set({ name: patch.name, phone: patch.phone }).where('id', '=', userId).execute();
    },
    async usersByPhone(phone) {
      return db.selectFrom('users').select(['id', 'name']).where('phone', '=', phone).execute();
    },
    async rota(communityId, fromDay, toDay) {
      const rows = await db.selectFrom('duty_rota').selectAll().where('community_id', '=', communityId).where('day', '>=', fromDay).where('day', '<=', toDay).orderBy('day').orderBy('shift').execute();
      return rows.map((r) => ({ communityId: r.community_id, day: r.day, shift: r.shift as Shift, userId: r.user_id }));
    },
    async setRota(communityId, entries) {
      for (const e of entries) {
        await db.deleteFrom('duty_rota').where('community_id', '=', communityId).where('day', '=', e.day).where('shift', '=', e.shift).execute();
        if (e.userId) await db.insertInto('duty_rota').values({ community_id: communityId, day: e.day, shift: e.shift, user_id: e.userId }).execute();
      }
    },
    async settingVersions(communityId) {
      const rows = await db.selectFrom('setting_versions').selectAll().where('community_id', '=', communityId).orderBy('effective_at', 'desc').orderBy('saved_at', 'desc').execute();
      return rows.map(toVersion);
    },
    async insertSettingVersion(row) {
      await db
        .insertInto('setting_versions')
        .values({ id: row.id, community_id: row.communityId, effective_at: row.effectiveAt, settings_json: JSON.stringify(row.settings), saved_by: row.savedBy, saved_at: row.savedAt, applied: 0 })
        .execute();
    },
    async dueSettingVersions(now, limit) {
      const rows = await dueSettingVersionsQuery(db, now).limit(limit).execute();
      return rows.map(toVersion);
    },
    async markSettingVersionApplied(id) {
      await db.updateTable('setting_versions').set({ applied: 1 }).where('id', '=', id).execute();
    },
    async setCommunityConfig(communityId, settings) {
      await db.updateTable('communities').set({ config_json: JSON.stringify(settings) }).where('id', '=', communityId).execute();
    },
    async feeStandards(communityId) {
      const rows = await db.selectFrom('fee_standards').selectAll().where('community_id', '=', communityId).orderBy('item').orderBy('effective_from', 'desc').orderBy('saved_at', 'desc').execute();
      return rows.map(toStandard);
    },
    async insertFeeStandard(row) {
      await db
        .insertInto('fee_standards')
        .values({ id: row.id, community_id: row.communityId, item: row.item, basis: row.basis, price_fen: row.priceFen, effective_from: row.effectiveFrom, saved_by: row.savedBy, saved_at: row.savedAt })
        .execute();
    },
  };
}
