import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServerChild, type ServerChild } from './child';
import { postJson } from './load';
import { fmt, table } from './table';
import { buildWeapp } from './weapp';

export const H5_GOAL_BYTES = 500 * 1024;

export interface H5Load {
  who: string;
  /** JS responses before the page was loaded and the network idle: file, bytes on the wire (body, as sent). */
  scripts: { file: string; bytes: number }[];
  total: number;
}

export type H5Result = { built: true; builtAt: string; builtNow: boolean; loads: H5Load[] } | { built: false; reason: string; tail?: string };

/**
 * The JS the H5 home page loads first (bench/README.md §7): dist/h5 (built when missing) served by the
 * real local platform (bench/serve.ts), the home page (`/#/pages/index/index`) opened in Chromium
 * (playwright-core, /usr/bin/chromium) signed in as a resident and as the front desk, each in a fresh
 * browser context (empty cache); the script responses are summed until the load event and 500 ms
 * without network activity.
 */
export async function measureH5(o: { root: string; tmp: string; rebuild: boolean; timeoutMs: number; log: (s: string) => void; track: (c: ServerChild) => void }): Promise<H5Result> {
  const index = path.join(o.root, 'dist', 'h5', 'index.html');
  let builtNow = false;
  if (o.rebuild || !fs.existsSync(index)) {
    o.log(`building dist/h5 (npx taro build --type h5, up to ${Math.round(o.timeoutMs / 1000)} s)…`);
    const b = await buildWeapp(o.root, o.timeoutMs, 'h5');
    if (!b.ok) return { built: false, reason: `taro build --type h5 failed (${Math.round(b.ms / 1000)} s)`, tail: b.tail };
    builtNow = true;
  }
  const builtAt = fs.statSync(index).mtime.toISOString();
  const child = await startServerChild(path.join('bench', 'serve.ts'), { cwd: o.root, env: { BENCH_TMP: o.tmp, BENCH_INSTRUMENT: '0' } });
  o.track(child);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const loads: H5Load[] = [];
    for (const who of ['resident-a', 'frontdesk']) {
      const login = await postJson(`${child.url}/local/login`, { user: who });
      const token = (JSON.parse(login.text) as { token?: string }).token;
      if (!token) throw new Error(`login ${who} → ${login.status}`);
      const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      await context.addInitScript((t) => localStorage.setItem('wuye.token', t), token);
      const page = await context.newPage();
      const scripts: H5Load['scripts'] = [];
      page.on('requestfinished', (req) => {
        if (req.resourceType() !== 'script') return;
        void req.sizes().then((s) => scripts.push({ file: new URL(req.url()).pathname, bytes: s.responseBodySize }));
      });
      await page.goto(`${child.url}/#/pages/index/index`, { waitUntil: 'load' });
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(200);
      await context.close();
      loads.push({ who, scripts: scripts.sort((a, b) => b.bytes - a.bytes), total: scripts.reduce((a, s) => a + s.bytes, 0) });
    }
    return { built: true, builtAt, builtNow, loads };
  } finally {
    await browser.close();
    await child.stop();
  }
}

/** The report lines of §7. */
export function h5Report(r: H5Result): string[] {
  const out = ['', 'H5 home page (/#/pages/index/index), JS loaded before the load event and network idle, fresh browser context (empty cache), served by the local platform'];
  if (!r.built) return [...out, `h5: NOT BUILT — ${r.reason}`, ...(r.tail ? [r.tail.replace(/^/gm, '  │ ')] : [])];
  out.push(
    table(
      ['signed in as', 'JS files', 'JS bytes', 'vs 500 KB goal', 'workbench chunks', 'status'],
      r.loads.map((l) => [l.who, String(l.scripts.length), fmt.kb(l.total), fmt.pct(l.total / H5_GOAL_BYTES), String(l.scripts.filter((s) => /workbench/.test(s.file)).length), l.total <= H5_GOAL_BYTES ? 'MET' : 'NOT MET']),
    ),
  );
  out.push(`${r.builtNow ? 'dist/h5 built by this run' : `measured the existing dist/h5 of ${r.builtAt} (--rebuild-h5 to rebuild)`}; files (resident): ${r.loads[0].scripts.map((s) => `${s.file} ${fmt.kb(s.bytes)}`).join(', ')}`);
  return out;
}
