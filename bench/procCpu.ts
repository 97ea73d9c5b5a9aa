import fs from 'node:fs';

/** Linux USER_HZ: /proc/<pid>/stat counts CPU time in these ticks (100 on every Linux this bench runs on). */
const TICKS_PER_SECOND = 100;

/**
 * CPU time (user + system, all threads) a process has used so far, in ms, from /proc/<pid>/stat;
 * NaN where /proc is not there (not Linux) or the process is gone. Resolution: 10 ms.
 */
export function processCpuMs(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces: the fields after it start past the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state); utime and stime are fields 14 and 15.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
}

/** Summed CPU ms of several processes (NaN if any cannot be read). */
export const cpuMsOf = (pids: number[]) => pids.reduce((a, p) => a + processCpuMs(p), 0);

/** The parent's own CPU (the load generator), in ms. */
export const selfCpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/**
 * Waits until the given processes are idle (under `busyMs` of CPU in `windowMs`), at most `maxMs`:
 * work a server accepted before the client gave up (timed-out requests) is still being done. Answers
 * whether they settled.
 */
export async function settle(pids: number[], o: { windowMs?: number; busyMs?: number; maxMs: number }): Promise<boolean> {
  const windowMs = o.windowMs ?? 300;
  const busyMs = o.busyMs ?? 30;
  const end = Date.now() + o.maxMs;
  let last = cpuMsOf(pids);
  while (Date.now() < end) {
    await new Promise((r) => setTimeout(r, windowMs));
    const now = cpuMsOf(pids);
    if (!(now - last > busyMs)) return true;
    last = now;
  }
  return false;
}

/** The host's CPU time so far from /proc/stat: busy and total ms over all CPUs (NaN off Linux). */
export function hostCpuMs(): { busy: number; total: number } {
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]; // cpu  user nice system idle iowait irq softirq steal …
    const v = line.trim().split(/\s+/).slice(1, 9).map(Number);
    const total = v.reduce((a, b) => a + b, 0);
    const idle = v[3] + v[4];
    return { busy: ((total - idle) * 1000) / TICKS_PER_SECOND, total: (total * 1000) / TICKS_PER_SECOND };
  } catch {
    return { busy: NaN, total: NaN };
  }
}
