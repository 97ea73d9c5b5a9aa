/**
 * Several Node processes on one database, as several CloudBase instances of a function share one: each
 * racer is test/support/raceChild.ts, bundled once into plain JS (a process starts in well under a
 * second, not through tsx). `race` hands every racer its operations at the same moment and answers each
 * racer's outcomes, in order.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { build } from 'esbuild';
import type { RaceOp, RaceOutcome } from './raceChild';

export interface Racers {
  /** Each racer runs `ops(racer)` (at once when `parallel`); nothing may be logged as INTERNAL anywhere. */
  race(ops: (racer: number) => RaceOp[], parallel?: boolean): Promise<RaceOutcome[][]>;
  stop(): Promise<void>;
}

export async function bundleRacer(dir: string): Promise<string> {
  const out = path.join(dir, 'raceChild.js');
  await build({ entryPoints: ['test/support/raceChild.ts'], outfile: out, bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['better-sqlite3', 'mysql2'], logLevel: 'warning' });
  return out;
}

/** `count` racers on `target` (a SQLite file or a mysql:// URL), all at platform time `now`, once each said READY. */
export async function startRacers(racerJs: string, count: number, target: string, now: number): Promise<Racers> {
  const start = async () => {
    const child: ChildProcess = spawn(process.execPath, [racerJs], {
      env: { ...process.env, RACE_DB: target, RACE_NOW: String(now), NODE_PATH: path.resolve('node_modules') },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    const waiting: ((line: string) => void)[] = [];
    const queued: string[] = [];
    readline.createInterface({ input: child.stdout! }).on('line', (line) => (waiting.length ? waiting.shift()!(line) : queued.push(line)));
    const next = () =>
      new Promise<string>((resolve, reject) => {
        if (queued.length) return resolve(queued.shift()!);
        waiting.push(resolve);
        child.once('exit', (code) => reject(new Error(`racer exited ${code}: ${stderr}`)));
      });
    const ready = await next();
    if (ready !== 'READY') throw new Error(`racer said ${ready}: ${stderr}`);
    return { child, next };
  };
  const racers = await Promise.all(Array.from({ length: count }, start));
  return {
    async race(ops, parallel = false) {
      for (const [i, r] of racers.entries()) r.child.stdin!.write(`${JSON.stringify({ ops: ops(i), parallel })}\n`);
      const answers = await Promise.all(racers.map(async (r) => JSON.parse((await r.next()).slice('RESULT '.length)) as { results: RaceOutcome[]; errors: string[] }));
      const errors = answers.flatMap((a) => a.errors);
      if (errors.length) throw new Error(`logged as errors in the racers: ${errors.join('\n')}`);
      return answers.map((a) => a.results);
    },
    async stop() {
      await Promise.all(racers.map((r) => new Promise((resolve) => (r.child.exitCode !== null ? resolve(null) : (r.child.once('exit', resolve), r.child.stdin!.end())))));
    },
  };
}

/** How many outcomes answered each code (`sweep` for a sweep's counts). */
export const tally = (outcomes: RaceOutcome[]) =>
  outcomes.map((o) => ('code' in o ? o.code : 'sweep')).reduce<Record<string, number>>((m, c) => ({ ...m, [c]: (m[c] ?? 0) + 1 }), {});
