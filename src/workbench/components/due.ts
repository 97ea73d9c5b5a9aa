import { isOpenStatus } from '../../lib/labels';

interface Due {
  name: string;
  dueAt: string;
  metAt?: string;
  breached: boolean;
  paused?: boolean;
}

/** The nearest unmet deadline of an open case, and whether one is breached (超时). */
export function dueOf(c: { status: string; deadlines: Due[] }) {
  const live = isOpenStatus(c.status);
  const open = c.deadlines.filter((d) => !d.metAt).sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
  return { next: live ? open[0] : undefined, breached: live && c.deadlines.some((d) => d.breached && !d.metAt), everBreached: c.deadlines.some((d) => d.breached) };
}
