/** A plain text table with right-aligned numeric-looking cells; CJK-safe enough for our labels. */
export function table(head: string[], rows: string[][]): string {
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) && !/[\u2500-\u25ff≥≤×–—…·]/.test(ch) ? 2 : 1), 0);
  const cols = head.map((_, i) => Math.max(width(head[i]), ...rows.map((r) => width(r[i] ?? ''))));
  const numeric = (s: string) => /^[-+~≈]?[\d.,]+\s*(%|ms|KB|MB|B|req\/s|×)?$/.test(s.trim());
  const pad = (s: string, w: number, right: boolean) => (right ? ' '.repeat(w - width(s)) + s : s + ' '.repeat(w - width(s)));
  const line = (r: string[]) => '│ ' + r.map((c, i) => pad(c ?? '', cols[i], i > 0 && numeric(c ?? ''))).join(' │ ') + ' │';
  const rule = (l: string, m: string, r: string) => l + cols.map((w) => '─'.repeat(w + 2)).join(m) + r;
  return [rule('┌', '┬', '┐'), line(head), rule('├', '┼', '┤'), ...rows.map(line), rule('└', '┴', '┘')].join('\n');
}

export const fmt = {
  int: (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '—'),
  ms: (n: number) => (Number.isFinite(n) ? `${n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : Math.round(n)} ms` : '—'),
  pct: (r: number) => (Number.isFinite(r) ? `${(r * 100).toFixed(1)} %` : '—'),
  ratio: (r: number) => (Number.isFinite(r) ? `${r.toFixed(2)}×` : '—'),
  kb: (b: number) => `${(b / 1024).toFixed(1)} KB`,
};
