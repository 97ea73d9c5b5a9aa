interface Due {
  name: string;
  dueAt: string;
  metAt?: string;
  breached: boolean;
  paused?: boolean;
}

/** The nearest unmet deadline of an open case, and whether one is breached (超时). */
export function dueOf(c: { open: boolean; deadlines: Due[] }) {
  const live = c.open;
  const open = c.deadlines.filter((d) => !d.metAt).sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
  return { next: live ? open[0] : undefined, breached: live && c.deadlines.some((d) => d.breached && !d.metAt), everBreached: c.deadlines.some((d) => d.breached) };
}

/**
 * Most urgent first: open cases with a missed deadline, then by the nearest open deadline, then the rest
 * in the order the server gave. (The server orders by its next sweep moment, which puts a breached case
 * behind its next escalation rung; this keeps the loaded page in deadline order.)
 */
export function byUrgency<T extends { open: boolean; deadlines: Due[] }>(items: T[]): T[] {
  const key = (c: T) => {
    const { next, breached } = dueOf(c);
    return { rank: breached ? 0 : next ? 1 : 2, at: next ? Date.parse(next.dueAt) : 0 };
  };
  return items
    .map((c, i) => ({ c, i, k: key(c) }))
    .sort((a, b) => a.k.rank - b.k.rank || (a.k.rank < 2 ? a.k.at - b.k.at : 0) || a.i - b.i)
    .map((x) => x.c);
}
