/**
 * The browser's photo viewer, in a chunk of its own (preview.h5.ts): the photos full screen over the
 * page, one at a time — 上一张 / 下一张 (or ← →), 关闭 (or Esc, or a tap on the dark area). A dialog
 * for screen readers; focus goes to it and comes back where it was. (Taro's H5 previewImage needs the
 * swiper library, which the H5 build leaves out: config/no-swiper.js.)
 */
export function showViewer(current: string, urls: string[]): Promise<void> {
  const list = urls.length ? urls : [current];
  let at = Math.max(0, list.indexOf(current));
  const back = document.activeElement as HTMLElement | null;

  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, css: string, attrs: Record<string, string> = {}) => {
    const e = document.createElement(tag);
    e.style.cssText = css;
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    return e;
  };
  const overlay = el('div', 'position:fixed;inset:0;z-index:10000;background:rgba(0,0,0,.92);display:flex;align-items:center;justify-content:center;', {
    role: 'dialog',
    'aria-modal': 'true',
    'aria-label': '查看照片',
    tabindex: '-1',
    id: 'photo-viewer',
  });
  const img = el('img', 'max-width:100%;max-height:100%;object-fit:contain;', { id: 'photo-viewer-img' });
  const count = el('div', 'position:absolute;top:16px;left:0;right:0;text-align:center;color:#fff;font-size:16px;', { 'aria-live': 'polite', id: 'photo-viewer-count' });
  const button = (label: string, css: string, id: string) => {
    const b = el('button', `position:absolute;${css}min-width:44px;min-height:44px;padding:8px 14px;border:0;border-radius:22px;background:rgba(255,255,255,.18);color:#fff;font-size:16px;cursor:pointer;`, { type: 'button', id });
    b.textContent = label;
    return b;
  };
  const close = button('关闭', 'top:10px;right:12px;', 'photo-viewer-close');
  const prev = button('‹ 上一张', 'left:12px;bottom:24px;', 'photo-viewer-prev');
  const next = button('下一张 ›', 'right:12px;bottom:24px;', 'photo-viewer-next');

  const show = () => {
    img.src = list[at];
    img.alt = `照片 ${at + 1}/${list.length}`;
    count.textContent = list.length > 1 ? `${at + 1} / ${list.length}` : '';
    prev.hidden = list.length < 2;
    next.hidden = list.length < 2;
  };
  const step = (by: number) => {
    at = (at + by + list.length) % list.length;
    show();
  };

  return new Promise<void>((done) => {
    const end = () => {
      document.removeEventListener('keydown', onKey, true);
      overlay.remove();
      back?.focus?.();
      done();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') end();
      else if (e.key === 'ArrowLeft') step(-1);
      else if (e.key === 'ArrowRight') step(1);
      else return;
      e.preventDefault();
      e.stopPropagation();
    };
    close.addEventListener('click', end);
    prev.addEventListener('click', () => step(-1));
    next.addEventListener('click', () => step(1));
    overlay.addEventListener('click', (e) => {
      if (e.target === overlay) end();
    });
    document.addEventListener('keydown', onKey, true);
    overlay.append(img, count, close, prev, next);
    show();
    document.body.appendChild(overlay);
    overlay.focus();
  });
}
