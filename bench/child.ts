import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

/** The line a bench server prints on stdout once it listens: `BENCH_READY <url>`. */
export const READY = 'BENCH_READY';
/** The line a bench server may print on stdout as it stops: `BENCH_STATS {json}`. */
export const STATS = 'BENCH_STATS';

export interface ServerChild {
  url: string;
  pid: number;
  /** Closes the child's stdin (its signal to shut down cleanly), then SIGKILLs it if it lingers. */
  stop(): Promise<number | null>;
  /** What the child printed on its `BENCH_STATS` line (after stop), if anything. */
  stats: Record<string, number> | null;
}

/**
 * Runs a bench server (a .ts file in bench/) in its own Node process through tsx and waits for its
 * ready line. Extra Node flags (e.g. --cpu-prof) go in `nodeFlags`. Bounded: a child that does not
 * report ready within `readyTimeoutMs` is killed and the promise rejects.
 */
export function startServerChild(
  script: string,
  opts: { env?: Record<string, string>; nodeFlags?: string[]; readyTimeoutMs?: number; cwd?: string } = {},
): Promise<ServerChild> {
  const cwd = opts.cwd ?? process.cwd();
  const child: ChildProcess = spawn(process.execPath, [...(opts.nodeFlags ?? []), '--import', 'tsx', path.resolve(cwd, script)], {
    cwd,
    env: { ...process.env, ...opts.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const tail: string[] = [];
  const keep = (line: string) => {
    tail.push(line);
    if (tail.length > 30) tail.shift();
  };
  readline.createInterface({ input: child.stderr! }).on('line', keep);

  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code))); // after stdout is drained

  return new Promise<ServerChild>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not report ready within ${opts.readyTimeoutMs ?? 30_000} ms:\n${tail.join('\n')}`));
    }, opts.readyTimeoutMs ?? 30_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited (${code}) before ready:\n${tail.join('\n')}`));
    });
    let handle: ServerChild | null = null;
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith(STATS + ' ') && handle) {
        try {
          handle.stats = JSON.parse(line.slice(STATS.length + 1)) as Record<string, number>;
        } catch {
          /* ignore a garbled line */
        }
        return;
      }
      if (!line.startsWith(READY + ' ')) return keep(line);
      clearTimeout(timer);
      const url = line.slice(READY.length + 1).trim();
      resolve((handle = {
        url,
        pid: child.pid!,
        stats: null,
        async stop() {
          if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
          child.stdin!.end();
          const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
          const code = await exited;
          clearTimeout(killer);
          return code;
        },
      }));
    });
  });
}

/** For the server side: exit cleanly (so --cpu-prof writes its profile) when the parent closes stdin or goes away. */
export function exitWhenParentLetsGo(close: () => Promise<void>) {
  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    const hard = setTimeout(() => process.exit(0), 15_000);
    hard.unref();
    close()
      .catch(() => undefined)
      .finally(() => process.exit(0));
  };
  process.stdin.on('end', stop);
  process.stdin.on('close', stop);
  process.stdin.resume();
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.on('disconnect', stop);
}
