import type { z } from 'zod';
import { fail, ok, type Outcome } from '../../errors';
import { dutyShiftAt, SHIFT_LABELS, SHIFTS, shiftBounds } from '../../domain/community/rota';
import type { rotaInput, setRotaInput } from '../../schemas/setupStaff';
import { at, dayOf } from '../../shanghai';
import type { Tx } from '../../ports/store';
import type { UseCaseContext } from '../context';
import { communityFor } from './scope';
import { onDutyNow } from '../case/onDutyNow';

const DAY_MS = 86_400_000;
const addDays = (day: string, n: number) => dayOf(at(day, 12) + n * DAY_MS);

/**
 * The technicians' duty rota (值班表) of one community: the days asked for, each with its two shifts and
 * who is on duty, the community's technicians to choose from, and who the emergency pager would page
 * right now (the rota's technician for the current shift, else the default on-duty technician).
 */
export async function rotaView(tx: Tx, communityId: string, now: number, from: string, days: number) {
  const to = addDays(from, days - 1);
  const [entries, staff] = await Promise.all([tx.rota(communityId, from, to), tx.staffOfCommunity(communityId)]);
  const techs = staff.filter((s) => s.role === 'technician');
  const current = dutyShiftAt(now);
  const duty = await onDutyNow(tx, communityId, now, staff);
  const names = new Map((await tx.usersByIds([...new Set([...techs.map((t) => t.userId), ...entries.map((e) => e.userId)])])).map((u) => [u.id, u.name]));
  const list = Array.from({ length: days }, (_, i) => addDays(from, i));
  return {
    communityId,
    from,
    to,
    shifts: SHIFTS.map((s) => ({ shift: s, label: SHIFT_LABELS[s] })),
    days: list.map((day) => ({
      day,
      shifts: SHIFTS.map((shift) => {
        const e = entries.find((x) => x.day === day && x.shift === shift);
        return { shift, technicianId: e?.userId ?? null, name: e ? (names.get(e.userId) ?? e.userId) : null, current: day === current.day && shift === current.shift, past: shiftBounds({ day, shift }).to <= now };
      }),
    })),
    technicians: techs.map((t) => ({ id: t.userId, name: names.get(t.userId) ?? t.userId, defaultOnDuty: t.onDuty })),
    onDutyNow: duty ? { ...duty, name: names.get(duty.id) ?? duty.id } : null,
  };
}
export type RotaView = Awaited<ReturnType<typeof rotaView>>;

export async function rota(ctx: UseCaseContext, input: z.output<ReturnType<typeof rotaInput>>): Promise<Outcome<RotaView>> {
  const scope = communityFor(ctx.caller, 'setup.rota', input.communityId);
  if (!scope.ok) return scope;
  return ok(await rotaView(ctx.tx, scope.data.communityId, ctx.now, input.from ?? dayOf(ctx.now), input.days));
}

/**
 * Sets or clears shifts of the rota. Only technicians of the community may be on it; a shift that has
 * already ended cannot be changed (the record of who was on duty stays as it was).
 */
export async function setRota(ctx: UseCaseContext, input: z.output<ReturnType<typeof setRotaInput>>): Promise<Outcome<RotaView>> {
  const scope = communityFor(ctx.caller, 'setup.rota', input.communityId);
  if (!scope.ok) return scope;
  const { communityId } = scope.data;
  const techs = new Set((await ctx.tx.staffOfCommunity(communityId)).filter((s) => s.role === 'technician').map((s) => s.userId));
  const fields: Record<string, string> = {};
  const seen = new Set<string>();
  input.entries.forEach((e, i) => {
    const key = `${e.day}|${e.shift}`;
    if (seen.has(key)) fields[`entries.${i}`] = '同一班次重复安排';
    seen.add(key);
    if (e.technicianId !== null && !techs.has(e.technicianId)) fields[`entries.${i}.technicianId`] = '该员工不是本小区的维修技师';
    let ended = false;
    try {
      ended = shiftBounds(e).to <= ctx.now;
    } catch {
      fields[`entries.${i}.day`] = '日期不存在';
    }
    if (ended) fields[`entries.${i}.day`] = '该班次已结束，不能再修改';
  });
  if (Object.keys(fields).length) return fail('INPUT.INVALID', fields);
  await ctx.tx.setRota(communityId, input.entries.map((e) => ({ day: e.day, shift: e.shift, userId: e.technicianId })));
  const from = input.entries.map((e) => e.day).sort()[0];
  const last = input.entries.map((e) => e.day).sort().at(-1)!;
  const days = Math.min(31, Math.round((at(last, 12) - at(from, 12)) / DAY_MS) + 1);
  return ok(await rotaView(ctx.tx, communityId, ctx.now, from, days));
}
