import fs from 'node:fs';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface Spot {
  where: string; // function @ file:line (the line the function starts on)
  ms: number;
  share: number; // of all sampled time, idle included
}

export interface ProfileSummary {
  file: string;
  totalMs: number;
  busyShare: number;
  gcShare: number;
  /** Self time: where the thread actually was (native calls count for the JS function that made them). */
  self: Spot[];
  /** Inclusive time of the project's own functions (not node_modules, not node:). */
  project: Spot[];
  byModule: Spot[];
}

function shortUrl(url: string, root: string) {
  let u = url.replace(/^file:\/\//, '');
  if (u.startsWith(root + '/')) u = u.slice(root.length + 1);
  const nm = u.lastIndexOf('node_modules/');
  if (nm >= 0) u = u.slice(nm);
  return u;
}

/** What a frame belongs to: the npm package for node_modules, the top two folders for the project's code. */
function moduleOf(f: CallFrame, root: string) {
  if (!f.url) return f.functionName.startsWith('(') ? f.functionName : '(native)';
  const u = shortUrl(f.url, root);
  if (u.startsWith('node:')) return 'node: core';
  const m = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(u);
  if (m) return m[1];
  return u.split('/').slice(0, -1).join('/') || u;
}

const label = (f: CallFrame, root: string) =>
  f.url ? `${f.functionName || '(anonymous)'} @ ${shortUrl(f.url, root)}:${f.lineNumber + 1}` : f.functionName || '(native)';
const isProject = (f: CallFrame) => f.url.startsWith('file://') && !f.url.includes('/node_modules/') && !f.url.includes('/bench/');

/** Self and inclusive time per function from a V8 .cpuprofile. */
export function summarizeProfile(file: string, root: string, topN = 12): ProfileSummary | null {
  if (!fs.existsSync(file)) return null;
  const prof = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  const mods = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  let total = 0;
  let idle = 0;
  let gc = 0;
  for (let i = 0; i < prof.samples.length; i++) {
    const ms = (prof.timeDeltas[i + 1] ?? 0) / 1000; // a sample lasts until the next one
    const leaf = byId.get(prof.samples[i]);
    if (!leaf) continue;
    total += ms;
    const f = leaf.callFrame;
    if (f.functionName === '(idle)') {
      idle += ms;
      continue;
    }
    if (f.functionName === '(garbage collector)') gc += ms;
    add(self, label(f, root), ms);
    add(mods, moduleOf(f, root), ms);
    const seen = new Set<string>();
    for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
      const cf = byId.get(id)!.callFrame;
      if (!isProject(cf)) continue;
      const k = label(cf, root);
      if (!seen.has(k)) {
        seen.add(k);
        add(incl, k, ms);
      }
    }
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([where, ms]) => ({ where, ms, share: total ? ms / total : 0 }));
  return {
    file,
    totalMs: total,
    busyShare: total ? 1 - idle / total : 0,
    gcShare: total ? gc / total : 0,
    self: top(self, topN),
    project: top(incl, topN),
    byModule: top(mods, 10),
  };
}
