/**
 * Accessibility audit (WCAG 2.1 A/AA, 适老化) of every page the browser tests open, with axe-core run
 * inside the page (its `source` injected; no browser download, no `playwright` package needed).
 *
 * `expectAccessible(page, name)` audits the page as shown, then again in 大字模式, and fails with the
 * rule, the elements and axe's summary unless each remaining violation is named in `allow` with its
 * reason. Every audited route is recorded; `unauditedRoutes()` lists routes a test opened and never
 * audited, so a new page cannot slip past.
 */
import fs from 'node:fs';
import path from 'node:path';
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { expectReadable } from './readable';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface AxeNode {
  target: unknown[];
  failureSummary?: string;
  html: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}

export interface AuditResult {
  name: string;
  mode: 'normal' | 'large';
  violations: { id: string; help: string; nodes: { target: string; summary: string }[] }[];
  passes: number;
}

const visited = new Set<string>();
const audited = new Set<string>();
export const auditResults: AuditResult[] = [];

/** The page part of the hash route, without the query: `/pages/case/index`. */
const routeOf = (url: string) => {
  const hash = url.split('#')[1] ?? '';
  return hash.split('?')[0] || '/';
};

/** Records the routes a page navigates to (hash changes included), to compare with the audited ones. */
export function trackRoutes(page: Page) {
  page.on('framenavigated', (frame) => {
    if (frame !== page.mainFrame()) return;
    const r = routeOf(frame.url());
    if (r !== '/') visited.add(r);
  });
}

export const auditedRoutes = () => [...audited];

/** Routes opened in this test file and never audited. */
export const unauditedRoutes = () => [...visited].filter((r) => !audited.has(r)).sort();

/**
 * axe's findings by what it was shown: the route, the viewport and the audited page's whole markup (大字模式
 * is a class in it). A page audited again exactly as it was (a screenshot of the same state, the second
 * mode of a pair already seen) gets the same findings without running axe again; the allow-list is
 * checked against them each time.
 */
const axeSeen = new Map<string, Promise<{ violations: AxeViolation[]; passes: number }>>();

async function runAxe(page: Page): Promise<{ violations: AxeViolation[]; passes: number }> {
  // What has the focus is styled (:focus) but not in the markup: it is part of what axe was shown.
  const markup = await page.evaluate(() => {
    const focused = document.activeElement;
    const where = focused && focused !== document.body ? `${focused.tagName}#${focused.id}.${focused.className}@${[...document.querySelectorAll('*')].indexOf(focused)}` : '';
    return `${where}|${document.querySelector('[data-a11y-current]')?.outerHTML ?? document.body.outerHTML}`;
  });
  const key = JSON.stringify([routeOf(page.url()), page.viewportSize(), markup]);
  let found = axeSeen.get(key);
  if (!found) {
    found = runAxeNow(page);
    axeSeen.set(key, found);
    found.catch(() => axeSeen.delete(key));
  }
  return found;
}

async function runAxeNow(page: Page): Promise<{ violations: AxeViolation[]; passes: number }> {
  const has = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!has) await page.evaluate(axe.source);
  return page.evaluate(async (tags) => {
    const w = window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[]; passes: unknown[] }> } };
    const shown = document.querySelector('[data-a11y-current]') ?? document.body;
    const r = await w.axe.run(
      { include: [shown], exclude: [] },
      { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] },
    );
    return {
      passes: r.passes.length,
      violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary, html: n.html.slice(0, 160) })) })),
    };
  }, WCAG_TAGS);
}

async function setLarge(page: Page, on: boolean) {
  // 大字模式 is the class PageShell puts on the page root from the stored preference (see
  // test/browser/journey.test.ts for the real toggle); set here so each page is audited in both modes
  // without reloading it and losing what the test typed.
  await page.evaluate((v) => {
    document.querySelectorAll('[data-a11y-current] .shell').forEach((el) => el.classList.toggle('shell--large', v));
  }, on);
  await stillness(page);
}

/** Waits until no finite animation or transition runs (a spinner's endless turn does not count), then a frame. */
export async function stillness(page: Page) {
  await page.waitForFunction(() => !document.getAnimations().some((a) => a.playState === 'running' && a.effect?.getComputedTiming().iterations !== Infinity), undefined, { polling: 50 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/**
 * Audits the page as shown and in 大字模式. `allow` names rule ids still expected on this page, each
 * with the reason; a rule that no longer occurs there fails the test too (so the list stays true).
 */
export async function expectAccessible(page: Page, name: string, allow: Record<string, string> = {}) {
  // Taro H5 keeps earlier pages of the stack in the document, hidden: the audit covers the page shown.
  await page.waitForFunction(() => {
    document.querySelectorAll('[data-a11y-current]').forEach((el) => el.removeAttribute('data-a11y-current'));
    const shown = [...document.querySelectorAll('.taro_page')].filter((el) => getComputedStyle(el).display !== 'none' && el.getBoundingClientRect().width > 0 && el.querySelector('.shell'));
    const current = shown[shown.length - 1];
    current?.setAttribute('data-a11y-current', '');
    return !!current;
  });
  // Let the page-enter transition finish: axe measures colours as painted.
  await stillness(page);
  const wasLarge = await page.evaluate(() => !!document.querySelector('[data-a11y-current] .shell--large'));
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const large of [wasLarge, !wasLarge]) {
    await setLarge(page, large);
    await expectReadable(page, `${name} [${large ? 'large' : 'normal'}]`);
    const { violations, passes } = await runAxe(page);
    const mode = large ? 'large' : 'normal';
    auditResults.push({
      name,
      mode,
      passes,
      violations: violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary ?? '' })) })),
    });
    for (const v of violations) {
      seen.add(v.id);
      if (allow[v.id]) continue;
      problems.push(
        `[${mode}] ${v.id} (${v.impact}): ${v.help}\n` +
          v.nodes
            .slice(0, 8)
            .map((n) => `    ${n.target.join(' ')}  ${n.html}\n      ${(n.failureSummary ?? '').replace(/\n/g, ' ')}`)
            .join('\n'),
      );
    }
  }
  await setLarge(page, wasLarge);
  await expectPageHeader(page, name);
  audited.add(routeOf(page.url()));
  const stale = Object.keys(allow).filter((id) => !seen.has(id));
  if (problems.length || stale.length) {
    // A11Y_SURVEY=1 lists every finding of a run instead of stopping at the first page (for fixing).
    if (process.env.A11Y_SURVEY) return void console.log(`a11y ${name}:\n${problems.join('\n')}`);
    throw new Error(
      `accessibility audit of ${name} (${page.url()}):\n${problems.join('\n')}` +
        (stale.length ? `\nallowed but no longer found (remove from the list): ${stale.join(', ')}` : ''),
    );
  }
}

/** Pages that are a home themselves: the resident's home, the switcher, the workbench homes (queue; a technician's 我的工单). */
const ROOT_ROUTES = ['/pages/index/index', '/pages/login/index', '/workbench/queue/index', '/workbench/mywork/index'];

/**
 * Item 9 (H5 navigation): the page shown has its title in the header (PageHeader.h5.tsx) and as the
 * document title, and a way back — 返回 when there is a page behind it, 首页 otherwise — except on the
 * home page, the demo-user switcher and a workbench section's own home.
 */
export async function expectPageHeader(page: Page, name: string) {
  const info = await page.evaluate(() => {
    const cur = document.querySelector('[data-a11y-current]');
    const text = (sel: string) => (cur?.querySelector(sel) as HTMLElement | null)?.innerText.trim() ?? null;
    return { title: text('#page-title'), back: text('#page-back'), home: text('#page-home'), doc: document.title };
  });
  const route = routeOf(page.url());
  const where = `${name} (${route})`;
  if (!info.title) throw new Error(`${where}: no page title in the header`);
  if (info.doc !== info.title) throw new Error(`${where}: document.title "${info.doc}" differs from the header "${info.title}"`);
  if (!ROOT_ROUTES.includes(route) && !info.back && !info.home) throw new Error(`${where}: no way back (neither 返回 nor 首页)`);
  return info;
}

/** Writes the audit results of this test file next to the screenshots (for the record). */
export function writeAuditReport(dir: string, file: string) {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, file), JSON.stringify(auditResults, null, 2));
}
