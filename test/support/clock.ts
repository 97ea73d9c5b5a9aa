/**
 * The platform's test clock and outbox, as a client sees them (contract §2): POST /local/clock moves
 * platform time and runs every scheduled job that became due (the `sla` sweep among them);
 * GET /local/outbox lists every notification sent. Tests move the clock instead of sleeping.
 */
import type { Harness } from './harness';

type H = Pick<Harness, 'url'>;

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Moves platform time forward and runs the due ticks; answers the new platform time (ms). */
export async function advance(h: H, ms: number): Promise<number> {
  const res = await fetch(`${h.url}/local/clock`, { method: 'POST', body: JSON.stringify({ advanceMs: ms }) });
  if (res.status !== 200) throw new Error(`clock advance failed: ${res.status}`);
  return Date.parse(((await res.json()) as { now: string }).now);
}

/** Sets platform time (forward only: the scheduler never runs a minute twice) and runs the due ticks. */
export async function setClock(h: H, iso: string): Promise<number> {
  const res = await fetch(`${h.url}/local/clock`, { method: 'POST', body: JSON.stringify({ set: iso }) });
  if (res.status !== 200) throw new Error(`clock set failed: ${res.status}`);
  return Date.parse(((await res.json()) as { now: string }).now);
}

export async function platformNow(h: H): Promise<number> {
  return Date.parse(((await (await fetch(`${h.url}/local/clock`)).json()) as { now: string }).now);
}

export interface OutboxItem {
  to: string;
  template: string;
  data: Record<string, string>;
  time: string;
}

/** Notifications about one case (optionally of one template), in the order they were written. */
export async function outboxFor(h: H, caseId: string, template?: string): Promise<OutboxItem[]> {
  const items = ((await (await fetch(`${h.url}/local/outbox`)).json()) as { items: OutboxItem[] }).items;
  return items.filter((m) => m.data?.caseId === caseId && (!template || m.template === template));
}

/** `to template` pairs, sorted: a compact way to compare who was told what. */
export const told = (items: OutboxItem[]) => items.map((m) => `${m.to} ${m.template}`).sort();

/** ISO 8601 in Asia/Shanghai (+08:00) for a wall-clock date and time there. */
export const shanghai = (y: number, m: number, d: number, hh = 9, mm = 0) =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:00+08:00`;

/** Year and month (1-12) in Asia/Shanghai of an instant, `months` later. */
export function monthOf(ms: number, months = 0): { y: number; m: number } {
  const d = new Date(ms + 8 * HOUR);
  const total = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
  return { y: Math.floor(total / 12), m: (total % 12) + 1 };
}
