import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { auditedRoutes, expectAccessible, trackRoutes } from './a11y';

export { expectAccessible, unauditedRoutes, writeAuditReport } from './a11y';
export { makePng } from './png';
export { platformCalls, type Envelope, type PlatformCalls } from './calls';

export const ROOT = path.resolve(__dirname, '..', '..');
export const SHOTS = path.join(ROOT, 'test-artifacts', 'screenshots');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export interface Platform {
  url: string;
  dataDir: string;
  proc: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

/** Starts the local platform (`tsx local/main.ts`) on a free port with a fresh demo store. */
export async function startPlatform(extraEnv: Record<string, string> = {}): Promise<Platform> {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'h5', 'index.html'))) {
    throw new Error('dist/h5 is missing: run `npx taro build --type h5` before the browser tests');
  }
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wuye-browser-'));
  // tsx's own command line under this node: going through npx costs seconds of package lookup per start.
  const proc = spawn(process.execPath, [require.resolve('tsx/cli'), 'local/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, SEED: 'demo', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`local platform did not start in 60 s:\n${out}`)), 60_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /ready (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`local platform exited (${code}):\n${out}`));
    });
  });
  return {
    url,
    dataDir,
    proc,
    output: () => out,
    async stop() {
      if (proc.exitCode !== null || !proc.pid) return;
      const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
      try {
        process.kill(-proc.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000).unref())]);
      proc.stdout?.destroy();
      proc.stderr?.destroy();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  // Playwright gives each launch a fresh temporary profile (its own --user-data-dir).
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const MOBILE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };
export const DESKTOP = { viewport: { width: 1280, height: 860 }, deviceScaleFactor: 1, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };

/**
 * Records console errors and page errors so a test can show them when it fails, and the routes the page
 * opens (each must be audited for accessibility: see ./a11y.ts).
 */
export function watch(page: Page, who: string, log: string[]) {
  trackRoutes(page);
  page.on('pageerror', (e) => log.push(`[${who}] pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') log.push(`[${who}] console: ${m.text()}`);
  });
}

/**
 * Looks at the page: audits it for accessibility (as shown and in 大字模式, WCAG 2.1 A/AA: see
 * ./a11y.ts), then takes a full-page screenshot. Taro H5 scrolls inside the page element (.taro_page),
 * not the document, so the page is let out to its natural height for the picture and put back afterwards.
 * `allow` names axe rules still expected on this page, each with its reason.
 */
export async function screenshot(page: Page, name: string, allow: Record<string, string> = {}) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await settled(page);
  await expectAccessible(page, name, allow);
  await page.evaluate(() => {
    const style = document.createElement('style');
    style.id = '__shot';
    style.textContent =
      'html,body,.taro_router{height:auto!important;overflow:visible!important}' +
      '.taro_page:not(.taro_page_show){display:none!important}' +
      '.taro_page.taro_page_show{position:relative!important;height:auto!important;overflow:visible!important}';
    document.head.appendChild(style);
  });
  try {
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  } finally {
    await page.evaluate(() => document.getElementById('__shot')?.remove());
  }
}

/**
 * Opens a route as a fresh load. A hash change alone lets Taro's router stack the page on top of
 * pages still being shown (a late redirect could cover it), so the page is reloaded at that route; then
 * waits until it has settled (see `settled`).
 */
export async function open(page: Page, base: string, route: string) {
  // A page not yet on the app (a new tab) loads it afresh with the goto alone.
  const onApp = page.url().startsWith(base);
  await page.goto(`${base}/#${route}`);
  if (onApp) await page.reload();
  await settled(page);
}

/**
 * Waits until the page shown is ready to be looked at: the Taro page on top has its PageShell and its
 * header's title, and no finite animation or transition (the page-enter slide, a fading toast) runs; then two frames. Polls the
 * conditions instead of sleeping a fixed time. What a page loads is waited for by the test, element by element.
 */
export async function settled(page: Page, timeout = 10_000) {
  await page.waitForFunction(
    () => {
      // The page on top (as the audit takes it) has its PageShell and the header's title.
      const shown = [...document.querySelectorAll('.taro_page')].filter((el) => getComputedStyle(el).display !== 'none' && el.getBoundingClientRect().width > 0 && el.querySelector('.shell'));
      const top = shown[shown.length - 1];
      const titled = !!top?.querySelector('#page-title')?.textContent?.trim();
      // …and is the page the address names (Taro's page element id is its route): right after signing
      // in, the address already says 首页 while the switcher is still the page on top.
      const route = location.hash.replace(/^#/, '').split('?')[0];
      const onRoute = !route || top?.id.split('?')[0] === route;
      const moving = document.getAnimations().some((a) => a.playState === 'running' && a.effect?.getComputedTiming().iterations !== Infinity);
      return titled && onRoute && !moving;
    },
    undefined,
    { timeout, polling: 50 },
  );
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Types into a Taro/NutUI input or textarea by the id of its wrapper. */
export async function fill(page: Page, id: string, value: string) {
  const field = page.locator(`#${id}`).locator('input, textarea').first();
  await field.fill(value);
}

export async function login(page: Page, base: string, user: string) {
  await open(page, base, '/pages/login/index');
  // The switcher is audited once per test file (it looks the same each time).
  if (!auditedRoutes().includes('/pages/login/index')) await expectAccessible(page, 'login');
  await page.locator(`#login-${user}`).click();
}

export type { Browser, BrowserContext, Page };

/** Escapes a case id for use in an `#id` selector. */
export const cssId = (id: string) => id.replace(/([^A-Za-z0-9_-])/g, '\\$1');

/** Waits until the first match of `selector` shows `text` (up to 10 s). */
export async function expectText(page: Page, selector: string, text: string) {
  const loc = page.locator(selector).first();
  await loc.waitFor();
  await expectLocatorText(loc, text);
}

export async function expectLocatorText(loc: ReturnType<Page['locator']>, text: string) {
  const deadline = Date.now() + 10_000;
  let last = '';
  while (Date.now() < deadline) {
    last = (await loc.textContent()) ?? '';
    if (last.includes(text)) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`expected text "${text}" in element, got: ${last.slice(0, 300)}`);
}

/**
 * What every browser suite starts with: the local platform (with `env`), chromium, and a way to open a
 * signed-in page in a context of its own (watched: console errors and page errors go to `errors`, the
 * routes it opens to the accessibility audit); `stop()` closes them all and prints what was logged.
 */
export interface Session {
  platform: Platform;
  base: string;
  browser: Browser;
  errors: string[];
  /** A new context and page for `user` (`null`: nobody signed in) on `device`, on the page sign-in lands on. */
  page(user: string | null, device?: BrowserContextOptions, landing?: RegExp): Promise<Page>;
  stop(): Promise<void>;
}

export async function startSession(env: Record<string, string> = {}): Promise<Session> {
  const platform = await startPlatform(env);
  const base = platform.url;
  const browser = await launchBrowser();
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];
  return {
    platform,
    base,
    browser,
    errors,
    async page(user, device = MOBILE, landing = /pages\/index\/index|workbench\//) {
      const ctx = await browser.newContext(device);
      contexts.push(ctx);
      const p = await ctx.newPage();
      watch(p, user ?? 'anyone', errors);
      if (user) {
        await login(p, base, user);
        await p.waitForURL(landing);
        await settled(p);
      }
      return p;
    },
    async stop() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await platform.stop();
      if (errors.length) console.log(errors.join('\n'));
    },
  };
}
