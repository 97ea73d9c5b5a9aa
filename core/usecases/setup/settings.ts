import type { z } from 'zod';
import { fail, ok, type Outcome } from '../../errors';
import { parseCommunitySettings, SETTING_LABELS } from '../../domain/community/settings';
import { settingsAsInput } from '../../domain/community/settingsText';
import { type SettingVersionRow, versionAt } from '../../domain/community/settingVersions';
import type { saveSettingsInput, settingsInput } from '../../schemas/setupSettings';
import { at, dayOf } from '../../shanghai';
import { toIso } from '../../time';
import type { Tx } from '../../ports/store';
import type { UseCaseContext } from '../context';
import { communityFor } from './scope';

const YEAR_MS = 366 * 86_400_000;

/** The versions of a community's settings, the one in force now first among equals, each complete and named. */
async function settingsView(tx: Tx, communityId: string, now: number) {
  const community = await tx.community(communityId);
  if (!community) return null;
  const versions = await tx.settingVersions(communityId);
  const inForce = versionAt(versions, now);
  const names = new Map((await tx.usersByIds([...new Set(versions.map((v) => v.savedBy))])).map((u) => [u.id, u.name]));
  const complete = (v: SettingVersionRow) => {
    const p = parseCommunitySettings(v.settings);
    return p.ok ? settingsAsInput(p.data) : null;
  };
  return {
    communityId,
    name: community.name,
    current: settingsAsInput(community),
    labels: SETTING_LABELS,
    versions: versions.map((v) => ({
      id: v.id,
      effectiveAt: v.effectiveAt === 0 ? null : toIso(v.effectiveAt),
      savedAt: toIso(v.savedAt),
      savedBy: v.savedBy === 'system' ? '系统' : (names.get(v.savedBy) ?? v.savedBy),
      state: v.effectiveAt > now ? ('upcoming' as const) : v.id === inForce?.id ? ('in_force' as const) : ('superseded' as const),
      settings: complete(v),
    })),
  };
}
export type SettingsView = NonNullable<Awaited<ReturnType<typeof settingsView>>>;

/** 经理 reads the service settings of one of their communities: in force now, and every version (history). */
export async function settings(ctx: UseCaseContext, input: z.output<ReturnType<typeof settingsInput>>): Promise<Outcome<SettingsView>> {
  const scope = communityFor(ctx.caller, 'setup.settings', input.communityId);
  if (!scope.ok) return scope;
  const view = await settingsView(ctx.tx, scope.data.communityId, ctx.now);
  return view ? ok(view) : fail('COMMUNITY.NOT_FOUND');
}

/**
 * 经理 saves new service settings effective from a day (today: at once; later: from that day's start,
 * applied by the timer). Checked with the same parseCommunitySettings the engine reads them with (the rule
 * book's bounds); the departments' heads must be staff of the community. Earlier versions are kept: the
 * first save also records the settings that were in force before it.
 */
export async function saveSettings(ctx: UseCaseContext, input: z.output<ReturnType<typeof saveSettingsInput>>): Promise<Outcome<SettingsView>> {
  const scope = communityFor(ctx.caller, 'setup.settings', input.communityId);
  if (!scope.ok) return scope;
  const { communityId, caller } = scope.data;
  const parsed = parseCommunitySettings(input.settings);
  if (!parsed.ok) return fail('INPUT.INVALID', Object.fromEntries(Object.entries(parsed.error.fields ?? {}).map(([k, v]) => [`settings.${k}`, v])));
  const today = dayOf(ctx.now);
  const fields: Record<string, string> = {};
  if (input.effectiveFrom < today) fields.effectiveFrom = '生效日期不能早于今天（已生效的设置保留为历史，不能改写）';
  else if (at(input.effectiveFrom) > ctx.now + YEAR_MS) fields.effectiveFrom = '生效日期不能晚于一年之后';
  const staff = new Set((await ctx.tx.staffOfCommunity(communityId)).map((s) => s.userId));
  for (const [dept, who] of Object.entries(parsed.data.responsible)) {
    if (who && !staff.has(who)) fields[`settings.responsible.${dept}`] = '该员工不是本小区的在职员工';
  }
  if (Object.keys(fields).length) return fail('INPUT.INVALID', fields);

  const community = await ctx.tx.community(communityId);
  if (!community) return fail('COMMUNITY.NOT_FOUND');
  const versions = await ctx.tx.settingVersions(communityId);
  if (!versions.length) {
    await ctx.tx.insertSettingVersion({ id: ctx.ids.next('sv'), communityId, effectiveAt: 0, settings: settingsAsInput(community), savedBy: 'system', savedAt: ctx.now });
  }
  const effectiveAt = input.effectiveFrom === today ? ctx.now : at(input.effectiveFrom);
  const row = { id: ctx.ids.next('sv'), communityId, effectiveAt, settings: settingsAsInput(parsed.data), savedBy: caller.userId, savedAt: ctx.now };
  await ctx.tx.insertSettingVersion(row);
  if (effectiveAt <= ctx.now) await applyDueSettings(ctx.tx, ctx.now);
  return ok((await settingsView(ctx.tx, communityId, ctx.now))!);
}

/**
 * Versions whose time has come are written into their community's row (what the case engine reads):
 * the newest version in force wins. Run on save and by the minute timer (the `sla` function).
 */
export async function applyDueSettings(tx: Tx, now: number): Promise<number> {
  const due = await tx.dueSettingVersions(now, 100);
  const communities = [...new Set(due.map((v) => v.communityId))];
  for (const communityId of communities) {
    const inForce = versionAt(await tx.settingVersions(communityId), now);
    if (inForce) await tx.setCommunityConfig(communityId, inForce.settings);
  }
  for (const v of due) await tx.markSettingVersionApplied(v.id);
  return due.length;
}
