/**
 * What every audited page must also get right for people reading it (issue 9), checked on the page
 * shown by expectAccessible (./a11y.ts), as shown and in 大字模式:
 * - item 9: numbers never split across lines — every time, date, case number and amount in the page's
 *   text sits inside a `.num` (src/components/Num.tsx: white-space: nowrap);
 * - one title per page: the header's title (PageHeader.h5.tsx) is not repeated by the page's own text
 *   (for the workbench's "员工工作台 · 工单队列", neither is "工单队列"); the workbench's tabs are navigation,
 *   not titles, and a printed sheet (维修工作单, .wo-sheet) carries its own title on paper: both are left out;
 * - no number kept whole runs out of its card (truncated or overflowing, as 大字模式 can make it);
 * - no element carries id="undefined" (a component handed an unset id: NutUI's TextArea frame did).
 */
import type { Page } from 'playwright-core';

/** What must not split: 10:32, 12月2日, BX20261202-0007, ¥35.50. */
const NUMBER = String.raw`\d{1,2}:\d{2}|\d{1,2}月\d{1,2}日|[A-Z]{2}\d{8}-\d{4}|¥\d`;

export async function expectReadable(page: Page, name: string) {
  const found = await page.evaluate((pattern) => {
    const cur = document.querySelector('[data-a11y-current]');
    if (!cur) return { loose: [], repeats: [], overflow: [], unnamed: [] };
    const number = new RegExp(pattern);
    const title = (cur.querySelector('#page-title') as HTMLElement | null)?.innerText.trim() ?? '';
    const titles = [title, title.split(' · ').pop() ?? ''].filter(Boolean);
    const shown = (el: Element) => (el as HTMLElement).getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    const loose: string[] = [];
    const repeats: string[] = [];
    const walker = document.createTreeWalker(cur, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = (n.textContent ?? '').trim();
      if (!el || !text || !shown(el) || el.closest('style, script, .page-header, .wb-bar')) continue;
      if (number.test(text) && !el.closest('.num')) loose.push(`${el.className || el.tagName}: ${text.slice(0, 80)}`);
      if (titles.includes(text) && !el.closest('.wo-sheet')) repeats.push(`${el.className || el.tagName}: ${text}`);
    }
    // A number kept whole must still fit: none runs out of its card (as 大字模式 did to the case list's meta line).
    const overflow: string[] = [];
    for (const el of cur.querySelectorAll('.num')) {
      const box = el.closest('.card, .wo-sheet');
      if (!box || !shown(el) || getComputedStyle(box).overflowX !== 'visible') continue;
      const r = el.getBoundingClientRect();
      const b = box.getBoundingClientRect();
      if (r.right > b.right + 1 || r.left < b.left - 1) overflow.push(`${(el as HTMLElement).innerText.slice(0, 40)} (${Math.round(r.right - b.right)}px past its card)`);
    }
    const unnamed = [...cur.querySelectorAll('[id="undefined"], [id="null"]')].map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
    return { loose, repeats, overflow, unnamed };
  }, NUMBER);
  const problems = [
    ...found.loose.map((t) => `a number outside .num (may split across lines): ${t}`),
    ...found.repeats.map((t) => `the header's title repeated on the page: ${t}`),
    ...found.overflow.map((t) => `a number running out of its card: ${t}`),
    ...found.unnamed.map((t) => `an element with id="undefined": ${t}`),
  ];
  if (problems.length) throw new Error(`${name} (${page.url()}):\n  ${problems.join('\n  ')}`);
}
