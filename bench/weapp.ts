import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const WEAPP_LIMIT_BYTES = 2 * 1024 * 1024; // WeChat: 2 MB per package (main or sub)
export const WEAPP_GOAL_BYTES = 600 * 1024;

export type WeappSize =
  | {
      built: true;
      dir: string;
      mainBytes: number;
      mainFiles: number;
      /** Each subpackage (app.json `subPackages`): its root folder, bytes and files. */
      subs: { root: string; bytes: number; files: number }[];
      builtNow: boolean;
      /** Local time of app.json's last write. */
      builtAt: string;
      biggest: { file: string; bytes: number }[];
    }
  | { built: false; dir: string; reason: string; logTail?: string };

function walk(dir: string, out: { file: string; bytes: number }[], rel = '') {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) walk(p, out, r);
    else if (e.isFile()) out.push({ file: r, bytes: fs.statSync(p).size });
  }
  return out;
}

/** Sums dist/weapp: the main package is everything outside the subpackages' roots (app.json `subPackages`). */
export function measureWeapp(dir: string): WeappSize {
  if (!fs.existsSync(path.join(dir, 'app.json'))) return { built: false, dir, reason: 'no app.json in dist/weapp' };
  const app = JSON.parse(fs.readFileSync(path.join(dir, 'app.json'), 'utf8')) as { subPackages?: { root: string }[]; subpackages?: { root: string }[] };
  const roots = (app.subPackages ?? app.subpackages ?? []).map((p) => p.root.replace(/\/+$/, ''));
  const files = walk(dir, []);
  const rootOf = (f: string) => roots.find((r) => f === r || f.startsWith(`${r}/`));
  const main = files.filter((f) => !rootOf(f.file));
  const sum = (xs: { bytes: number }[]) => xs.reduce((a, b) => a + b.bytes, 0);
  return {
    built: true,
    dir,
    builtNow: false,
    builtAt: fs.statSync(path.join(dir, 'app.json')).mtime.toLocaleString('sv-SE'),
    mainBytes: sum(main),
    mainFiles: main.length,
    subs: roots.map((root) => {
      const mine = files.filter((f) => rootOf(f.file) === root);
      return { root, bytes: sum(mine), files: mine.length };
    }),
    biggest: [...main].sort((a, b) => b.bytes - a.bytes).slice(0, 5),
  };
}

/** `npx taro build --type weapp` (or h5), bounded by `timeoutMs`; resolves with the exit status and the output's tail. */
export function buildWeapp(cwd: string, timeoutMs: number, type: 'weapp' | 'h5' = 'weapp'): Promise<{ ok: boolean; tail: string; ms: number }> {
  const t0 = Date.now();
  return new Promise((resolve) => {
    const child = spawn('npx', ['taro', 'build', '--type', type], {
      cwd,
      env: { ...process.env, NODE_ENV: 'production', CI: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // own process group, so a timeout can stop webpack's workers too
    });
    let log = '';
    const keep = (c: Buffer) => {
      log = (log + c.toString('utf8')).slice(-8000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, timeoutMs);
    const finish = (code: number | null) => {
      clearTimeout(timer);
      // eslint-disable-next-line no-control-regex
      const clean = log.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');
      const tail = clean.split('\n').filter((l) => l.trim() && !l.startsWith('npm warn')).slice(-15).join('\n');
      resolve({ ok: !timedOut && code === 0, tail: timedOut ? `timed out after ${timeoutMs} ms\n${tail}` : tail, ms: Date.now() - t0 });
    };
    child.on('exit', finish);
    child.on('error', (e) => {
      log += String(e);
      finish(null);
    });
  });
}

/** Measures dist/weapp, building it first when it is missing (or when `rebuild`). Never throws. */
export async function weappSize(root: string, opts: { rebuild: boolean; timeoutMs: number; log: (s: string) => void }): Promise<WeappSize> {
  const dir = path.join(root, 'dist', 'weapp');
  const have = measureWeapp(dir);
  if (have.built && !opts.rebuild) return have;
  opts.log(`building dist/weapp (npx taro build --type weapp, up to ${Math.round(opts.timeoutMs / 1000)} s)…`);
  const b = await buildWeapp(root, opts.timeoutMs);
  const after = measureWeapp(dir);
  if (!b.ok) return { built: false, dir, reason: `taro build failed (${Math.round(b.ms / 1000)} s)`, logTail: b.tail };
  if (!after.built) return { ...after, logTail: b.tail };
  return { ...after, builtNow: true };
}
