import { communitySettingsOf, type CommunitySettings } from '../../../core/domain/community/settings';
import type { BindingRow, CommunityRow, FileRow, HouseholdRow, IdempotencyRow, OutboxRow, StaffRow, UserRow } from '../../../core/ports/store';
import type { DB } from './schema';

/** Rows as the store answers them, from the columns as SQL stores them (the numbers may arrive as strings or bigints on MySQL). */
export const toUser = (r: DB['users']): UserRow => ({ id: r.id, openid: r.openid, name: r.name, phone: r.phone, createdAt: Number(r.created_at) });
export const toBinding = (r: DB['bindings']): BindingRow => ({
  id: r.id,
  userId: r.user_id,
  householdId: r.household_id,
  communityId: r.community_id,
  name: r.name,
  phone: r.phone,
  relation: r.relation as BindingRow['relation'],
  status: r.status as BindingRow['status'],
  phoneCheck: r.phone_check as BindingRow['phoneCheck'],
  createdAt: Number(r.created_at),
  decidedAt: r.decided_at === null ? null : Number(r.decided_at),
  decidedBy: r.decided_by,
  reason: r.reason,
});
export const toStaff = (r: DB['staff']): StaffRow => ({ userId: r.user_id, communityId: r.community_id, role: r.role as StaffRow['role'], onDuty: !!r.on_duty });
export const toOutbox = (r: DB['outbox']): OutboxRow => ({
  id: r.id,
  channel: r.channel as OutboxRow['channel'],
  to: r.to_user,
  template: r.template as OutboxRow['template'],
  data: JSON.parse(r.data_json),
  createdAt: Number(r.created_at),
  status: r.status as OutboxRow['status'],
  attempts: r.attempts,
  nextAttemptAt: Number(r.next_attempt_at),
  deliveredAt: r.delivered_at === null ? null : Number(r.delivered_at),
  lastError: r.last_error,
});

/**
 * Settings parsed once per distinct stored text (a community is read by nearly every call); a bad
 * value is never cached, so it is refused on every read until it is fixed.
 */
const parsedSettings = new Map<string, CommunitySettings>();
function settingsOf(communityId: string, json: string): CommunitySettings {
  const key = `${communityId}\u0000${json}`;
  let s = parsedSettings.get(key);
  if (!s) {
    s = communitySettingsOf(communityId, json);
    // Shared between reads: frozen, so no caller can change another's copy.
    Object.freeze(s.responsible);
    Object.freeze(s.sla.complaintResolutionMs);
    Object.freeze(s.sla);
    Object.freeze(s);
    if (parsedSettings.size >= 1000) parsedSettings.clear();
    parsedSettings.set(key, s);
  }
  return s;
}
export const toCommunity = (r: DB['communities']): CommunityRow => ({ id: r.id, name: r.name, timeZone: r.time_zone, ...settingsOf(r.id, r.config_json) });

export const toHousehold = (r: DB['households']): HouseholdRow => ({
  id: r.id,
  communityId: r.community_id,
  building: r.building,
  unit: r.unit,
  room: r.room,
  areaM2x100: r.area_m2x100,
  ownerName: r.owner_name,
  ownerPhone: r.owner_phone,
});
export const toFile = (r: DB['files']): FileRow => ({ id: r.id, ownerId: r.owner_id, mime: r.mime, size: r.size, createdAt: Number(r.created_at), cloudId: r.cloud_id ?? null });
export const toReply = (r: DB['idempotency']): IdempotencyRow => ({ key: r.key, bodyHash: r.body_hash, result: JSON.parse(r.result_json), createdAt: Number(r.created_at) });
