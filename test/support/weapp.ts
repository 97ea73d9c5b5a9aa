/**
 * Runs the compiled mini-program (dist/weapp) inside jest with miniprogram-simulate, its cloud calls going
 * to the REAL functions on the in-process local platform (test/support/harness.ts).
 *
 * Use from a test file whose environment is test/weapp/environment.js (jsdom + Node's fetch and timers):
 *
 *   const wx = await bootWeapp({ url: h.url, token });
 *   const page = await wx.open('pages/index/index');
 *   await page.waitForText('1-1-101');
 *   await page.tap('#service-consultation');
 *
 * How pages are shown. miniprogram-simulate loads and runs the page's js (Taro's Page config, run here as a
 * Component so that j-component can host it) and keeps its `data` exactly as WeChat would (every setData
 * path Taro sends). It cannot draw the page's WXML, though: Taro pages are `<import src="base.wxml"/>` +
 * `<template is="{{xs.a(...)}}">` (dynamic templates and a wxs module), which only the official `wcc`
 * compiler understands, and miniprogram-compiler@0.2.3 ships without its binary. So this module draws
 * `data.root` itself, the way base.wxml does: every node becomes the element of its `tmpl_0_<nn>` template
 * (view, text, button, textarea…) with `id="{{i.uid||i.sid}}"`, `data-sid`, `class`, `style`, the
 * template's `pN` attributes, and text nodes from `{{i.v}}`. The result is a real jsdom tree
 * (`querySelector`, `textContent`).
 *
 * How events are driven. base.wxml binds events as `bindtap="eh"` (`catch…` for a few): `tap()`/`input()`
 * build the event WeChat would deliver (type, target, currentTarget {id, dataset.sid}, detail) and call the
 * page's `eh` for each node on the way up that the template binds for that event type, innermost first,
 * stopping at a `catch` binding, exactly as WeChat bubbles it. A node whose template binds no such event
 * cannot be tapped (the tap fails loudly, as it would do nothing on a phone).
 */
import fs from 'node:fs';
import path from 'node:path';

export const DIST = path.resolve(__dirname, '../../dist/weapp');

// The mini-program's runtime objects (wx, Taro's page config, j-component) are untyped here.
type Any = any;


export interface CloudCall {
  name: string;
  data: Any;
  status?: number;
  result?: Any;
  error?: string;
  ms?: number;
}

export interface Weapp {
  /** Every wx.cloud.callFunction the mini-program made, in order, with the platform's answer. */
  calls: CloudCall[];
  toasts: Any[];
  navigations: { api: string; url?: string; delta?: number }[];
  /** Every wx.requestSubscribeMessage: the template ids asked for (the stub accepts them all). */
  subscribeAsks: string[][];
  /** What wx.chooseImage answers next (paths of real files); the photo picker is closed when empty. */
  chosen: string[];
  /**
   * Every wx.cloud.uploadFile: the file is PUT to the platform's stand-in storage (/local/cloud/upload),
   * reporting progress through the task's onProgressUpdate, and answers the `cloud://` fileID.
   */
  uploads: { cloudPath: string; filePath: string; fileID?: string; progress: number[] }[];
  storage: Map<string, unknown>;
  /** The bearer token cloud calls carry (the local stand-in for the OPENID WeChat injects). */
  setToken(token: string): void;
  /** Loads `pages/x/index` (or `workbench/x/index`), runs onLoad(query)/onShow/onReady, waits for its first render. */
  open(pagePath: string, query?: Record<string, string>): Promise<WeappPage>;
}

export interface WeappPage {
  path: string;
  /** The j-component hosting the page (its `data` is what WeChat would hold). */
  comp: Any;
  /** The page instance (Taro's page config methods, `setData`). */
  instance: Any;
  /** The page drawn from its current data (fresh each call). */
  dom(): HTMLElement;
  text(): string;
  /** An indented outline of the rendered tree, for failure messages. */
  outline(): string;
  find(selector: string): Element | null;
  /** Polls until `probe` returns something truthy; fails with the rendered outline and the cloud calls. */
  waitFor<T>(probe: () => T | false | null | undefined | '', what: string, timeoutMs?: number): Promise<T>;
  waitForText(text: string, timeoutMs?: number): Promise<void>;
  /** Taps the node (WeChat's tap event, bubbling through every `bindtap="eh"` on the way up). */
  tap(selector: string): Promise<void>;
  /** Delivers another WeChat event to the node (e.g. a button's `getphonenumber` with its `detail`). */
  trigger(selector: string, type: string, detail: Any): Promise<void>;
  /** Types into the textarea/input at (or inside) the node: focus, input {value}, blur. */
  input(selector: string, value: string): Promise<void>;
  /** Fails with the outline when `cond` is false. */
  check(cond: boolean, what: string): void;
}

interface TemplateInfo {
  tag: string;
  bind: Set<string>;
  catch: Set<string>;
  /** attribute name → the data key (`p20`…) the template reads it from */
  props: Record<string, string>;
}

/** Parses base.wxml: for each node kind `nn`, the element, the events bound to `eh` and the p-attributes. */
function readTemplates(dist: string): Map<string, TemplateInfo> {
  const src = fs.readFileSync(path.join(dist, 'base.wxml'), 'utf8');
  const out = new Map<string, TemplateInfo>();
  const re = /<template name="tmpl_0_([^"]+)">\s*<([\w-]+)([^>]*)>/g;
  for (let m = re.exec(src); m; m = re.exec(src)) {
    const [, name, tag, attrs] = m;
    if (tag === 'template') continue; // a dispatcher (textarea/input pick a _focus/_blur variant)
    const nn = name.replace(/_(focus|blur)$/, '');
    if (name.endsWith('_focus') && out.has(nn)) continue;
    const info: TemplateInfo = { tag, bind: new Set(), catch: new Set(), props: {} };
    for (const [, kind, ev] of attrs.matchAll(/\b(bind|catch)(\w+)="eh"/g)) info[kind as 'bind' | 'catch'].add(ev);
    for (const [, attr, key] of attrs.matchAll(/\s([\w-]+)="\{\{[^"}]*?\bi\.(p\d+)\b[^"]*\}\}"/g)) info.props[attr] = key;
    out.set(nn, info);
  }
  return out;
}

const BUBBLING = new Set(['tap', 'longpress', 'longtap', 'touchstart', 'touchmove', 'touchend', 'touchcancel']);

function sleep(ms: number) {
  return new Promise((r) => setTimeout(r, ms));
}

let booted: Weapp | null = null;

/**
 * Boots the compiled app once per test file: miniprogram-simulate's wx extended with wx.cloud (to the
 * platform), storage, toasts and navigation records; App/getApp/getCurrentPages/Page stubs; app.js; onLaunch.
 */
export async function bootWeapp(opts: { url: string; token: string; dist?: string }): Promise<Weapp> {
  if (booted) {
    booted.setToken(opts.token);
    return booted;
  }
  const dist = opts.dist ?? DIST;
  if (!fs.existsSync(path.join(dist, 'app.js'))) {
    throw new Error(`${dist}/app.js is missing: build the mini-program first (npx taro build --type weapp)`);
  }
  const g = globalThis as Any;
  const simulate = require('miniprogram-simulate');
  const wx = g.wx as Any; // simulate's partial wx (mocks that answer "ok")

  let token = opts.token;
  const calls: CloudCall[] = [];
  const toasts: Any[] = [];
  const navigations: Weapp['navigations'] = [];
  const subscribeAsks: string[][] = [];
  const storage = new Map<string, unknown>();
  const uploads: Weapp['uploads'] = [];
  const picker = { chosen: [] as string[] };

  /** An async wx API in both styles: callbacks (success/fail/complete) and, without them, a promise. */
  const api =
    (name: string, run: (o: Any) => Promise<Any>) =>
    (o: Any = {}) => {
      const p = run(o).then(
        (res) => ({ errMsg: `${name}:ok`, ...res }),
        (err) => {
          throw { errMsg: `${name}:fail ${err instanceof Error ? err.message : String(err)}` };
        },
      );
      if (o.success || o.fail || o.complete) {
        p.then(
          (res) => {
            o.success?.(res);
            o.complete?.(res);
          },
          (err) => {
            o.fail?.(err);
            o.complete?.(err);
          },
        );
        return undefined;
      }
      return p;
    };

  wx.cloud = {
    init() {},
    // CloudBase answers `{ result: <what the function returned> }` whatever the envelope says; the
    // function's identity comes from the platform (here: the bearer token of the signed-in demo user).
    callFunction: api('cloud.callFunction', async ({ name, data }: Any) => {
      const rec: CloudCall = { name, data };
      calls.push(rec);
      const t0 = Date.now();
      try {
        const res = await fetch(`${opts.url}/fn/${name}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(data ?? {}),
        });
        rec.status = res.status;
        rec.result = await res.json();
        return { result: rec.result, requestID: `local-${calls.length}` };
      } catch (e) {
        rec.error = String(e);
        throw e;
      } finally {
        rec.ms = Date.now() - t0;
      }
    }),
  };

  wx.cloud.uploadFile = (o: Any) => {
    const listeners: ((e: { progress: number; totalBytesSent: number; totalBytesExpectedToSend: number }) => void)[] = [];
    const rec: Weapp['uploads'][number] = { cloudPath: o.cloudPath, filePath: o.filePath, progress: [] };
    uploads.push(rec);
    const done = (async () => {
      const bytes = fs.readFileSync(o.filePath);
      await sleep(0); // the page has subscribed to progress by now, as on a phone
      for (const progress of [30, 100]) {
        rec.progress.push(progress);
        listeners.forEach((l) => l({ progress, totalBytesSent: Math.round((bytes.length * progress) / 100), totalBytesExpectedToSend: bytes.length }));
      }
      const res = await fetch(`${opts.url}/local/cloud/upload/${o.cloudPath}`, { method: 'PUT', body: new Uint8Array(bytes), headers: { authorization: `Bearer ${token}` } });
      if (res.status !== 200) throw new Error(`upload ${res.status}`);
      rec.fileID = ((await res.json()) as Any).data.fileID;
      return { fileID: rec.fileID, statusCode: 200, errMsg: 'cloud.uploadFile:ok' };
    })();
    done.then(
      (r) => (o.success?.(r), o.complete?.(r)),
      (e) => (o.fail?.({ errMsg: `cloud.uploadFile:fail ${String(e)}` }), o.complete?.({})),
    );
    return { onProgressUpdate: (l: (typeof listeners)[number]) => void listeners.push(l), abort() {} };
  };

  Object.assign(wx, {
    chooseImage: api('chooseImage', async () => {
      if (!picker.chosen.length) throw new Error('cancel');
      const paths = picker.chosen.splice(0);
      return { tempFilePaths: paths, tempFiles: paths.map((p) => ({ path: p, size: fs.statSync(p).size })) };
    }),
    compressImage: api('compressImage', async ({ src }: Any) => ({ tempFilePath: src })),
    getStorageSync: (k: string) => (storage.has(k) ? storage.get(k) : ''),
    setStorageSync: (k: string, v: unknown) => void storage.set(k, v),
    removeStorageSync: (k: string) => void storage.delete(k),
    clearStorageSync: () => storage.clear(),
    getStorage: api('getStorage', async ({ key }: Any) => {
      if (!storage.has(key)) throw new Error('data not found');
      return { data: storage.get(key) };
    }),
    setStorage: api('setStorage', async ({ key, data }: Any) => {
      storage.set(key, data);
      return {};
    }),
    removeStorage: api('removeStorage', async ({ key }: Any) => {
      storage.delete(key);
      return {};
    }),
    showToast: api('showToast', async (o: Any) => {
      toasts.push({ title: o.title, icon: o.icon });
      return {};
    }),
    hideToast: api('hideToast', async () => ({})),
    requestSubscribeMessage: api('requestSubscribeMessage', async (o: Any) => {
      subscribeAsks.push([...o.tmplIds]);
      return Object.fromEntries(o.tmplIds.map((id: string) => [id, 'accept']));
    }),
    showLoading: api('showLoading', async () => ({})),
    hideLoading: api('hideLoading', async () => ({})),
    showModal: api('showModal', async (o: Any) => {
      toasts.push({ modal: o.title, content: o.content });
      return { confirm: true, cancel: false };
    }),
    ...Object.fromEntries(
      ['navigateTo', 'redirectTo', 'reLaunch', 'switchTab', 'navigateBack'].map((n) => [
        n,
        api(n, async (o: Any) => {
          navigations.push({ api: n, url: o.url, delta: o.delta });
          return {};
        }),
      ]),
    ),
  });

  let app: Any = null;
  const stack: Any[] = [];
  g.App = (cfg: Any) => {
    app = cfg;
  };
  g.getApp = () => app;
  g.getCurrentPages = () => stack;
  // A page runs as a Component so j-component can host it: its config's functions become methods
  // (onLoad, onShow, eh…); the other fields go on the instance after render.
  let pageExtras: Record<string, unknown> = {};
  g.Page = (cfg: Any) => {
    const methods: Record<string, Any> = {};
    pageExtras = {};
    for (const [k, v] of Object.entries(cfg)) {
      if (k === 'data') continue;
      if (typeof v === 'function') methods[k] = v;
      else pageExtras[k] = v;
    }
    g.Component({ data: cfg.data ?? {}, methods });
  };

  require(path.join(dist, 'app.js'));
  if (!app) throw new Error('dist/weapp/app.js did not call App()');
  app.onLaunch?.({ path: 'pages/index/index', query: {}, scene: 1001 });
  app.onShow?.({ path: 'pages/index/index', query: {}, scene: 1001 });

  const templates = readTemplates(dist);

  async function open(pagePath: string, query: Record<string, string> = {}): Promise<WeappPage> {
    const id = simulate.load(path.join(dist, pagePath), { rootPath: dist, compiler: 'simulate' });
    const comp = simulate.render(id);
    comp.attach(document.createElement('parent-wrapper'));
    const instance = comp.instance;
    Object.assign(instance, pageExtras, { route: pagePath, __route__: pagePath, options: query });
    stack.push(instance);
    instance.onLoad?.(query);
    instance.onShow?.();
    instance.onReady?.();
    const page = makePage(pagePath, comp, instance, templates, calls);
    await page.waitFor(() => (comp.data?.root?.cn?.length ? true : false), `${pagePath}: first render (data.root.cn)`);
    return page;
  }

  booted = {
    calls,
    toasts,
    navigations,
    subscribeAsks,
    storage,
    uploads,
    get chosen() {
      return picker.chosen;
    },
    set chosen(paths: string[]) {
      picker.chosen = paths;
    },
    setToken: (t) => (token = t),
    open,
  };
  return booted;
}

function makePage(pagePath: string, comp: Any, instance: Any, templates: Map<string, TemplateInfo>, calls: CloudCall[]): WeappPage {
  const infoOf = new WeakMap<Element, TemplateInfo>();

  const draw = (node: Any, parent: Node) => {
    if (node == null) return;
    if (node.v !== undefined && (node.nn === '9' || node.nn === '#text' || !node.cn)) {
      parent.appendChild(document.createTextNode(String(node.v)));
      return;
    }
    const info = templates.get(String(node.nn));
    const tag = info?.tag === 'block' || !info ? `taro-${String(node.nn).replace(/[^\w-]/g, '')}` : info.tag;
    const el = document.createElement(tag);
    el.id = node.uid || node.sid || '';
    if (node.sid) el.setAttribute('data-sid', node.sid);
    if (node.cl) el.setAttribute('class', node.cl);
    if (node.st) el.setAttribute('style', node.st);
    if (info) {
      infoOf.set(el, info);
      for (const [attr, key] of Object.entries(info.props)) {
        if (node[key] !== undefined && node[key] !== null) el.setAttribute(attr, String(node[key]));
      }
    }
    for (const [k, v] of Object.entries(node)) {
      // other serialized props (aria-*, data-*): keep them visible
      if (/^(aria|data)[A-Z]/.test(k)) el.setAttribute(k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`), String(v));
    }
    for (const c of node.cn ?? []) draw(c, el);
    parent.appendChild(el);
  };

  const dom = () => {
    const root = document.createElement('page');
    root.setAttribute('route', pagePath);
    for (const c of comp.data?.root?.cn ?? []) draw(c, root);
    return root;
  };

  const outline = () => {
    const lines: string[] = [];
    const walk = (n: Node, depth: number) => {
      if (n.nodeType === 3) {
        const t = (n.textContent ?? '').trim();
        if (t) lines.push(`${'  '.repeat(depth)}"${t}"`);
        return;
      }
      const el = n as Element;
      const cls = el.getAttribute('class');
      const attrs = ['value', 'placeholder', 'disabled', 'aria-disabled']
        .filter((a) => el.hasAttribute(a))
        .map((a) => ` ${a}=${JSON.stringify(el.getAttribute(a))}`)
        .join('');
      const idPart = el.id && !el.id.startsWith('_') ? `#${el.id}` : '';
      // Fold the icon SVG data URIs and other long styles away.
      lines.push(`${'  '.repeat(depth)}<${el.tagName.toLowerCase()}${idPart}${cls ? `.${cls.trim().split(/\s+/).join('.')}` : ''}${attrs}>`);
      el.childNodes.forEach((c) => walk(c, depth + 1));
    };
    dom().childNodes.forEach((c) => walk(c, 0));
    return lines.join('\n');
  };

  const lastCalls = () =>
    calls
      .slice(-8)
      .map((c) => `  ${c.name}.${c.data?.action} → ${c.status ?? '…'} ${JSON.stringify(c.result ?? c.error ?? null).slice(0, 300)}`)
      .join('\n');

  const failure = (what: string) =>
    new Error(`${what}\n--- rendered ${pagePath} ---\n${outline()}\n--- last cloud calls ---\n${lastCalls() || '  (none)'}`);

  const page: WeappPage = {
    path: pagePath,
    comp,
    instance,
    dom,
    text: () => dom().textContent ?? '',
    outline,
    find: (sel) => dom().querySelector(sel),
    async waitFor(probe, what, timeoutMs = 8000) {
      const end = Date.now() + timeoutMs;
      for (;;) {
        const v = probe();
        if (v) return v as Any;
        if (Date.now() > end) throw failure(`timed out after ${timeoutMs} ms waiting for: ${what}`);
        await sleep(10);
      }
    },
    async waitForText(text, timeoutMs) {
      await page.waitFor(() => page.text().includes(text), `text "${text}"`, timeoutMs);
    },
    check(cond, what) {
      if (!cond) throw failure(`check failed: ${what}`);
    },
    async tap(selector) {
      await fire(selector, 'tap', { x: 0, y: 0 });
    },
    async trigger(selector, type, detail) {
      await fire(selector, type, detail);
    },
    async input(selector, value) {
      const root = dom();
      const at = root.querySelector(selector);
      if (!at) throw failure(`input: nothing matches ${selector}`);
      const field = at.matches('textarea, input') ? at : at.querySelector('textarea, input');
      if (!field) throw failure(`input: no textarea/input at or inside ${selector}`);
      const sel = `[data-sid="${field.getAttribute('data-sid')}"]`;
      await fire(sel, 'focus', { value: field.getAttribute('value') ?? '', height: 0 });
      await fire(sel, 'input', { value, cursor: value.length, keyCode: 0 });
      await fire(sel, 'blur', { value, cursor: value.length });
    },
  };

  async function fire(selector: string, type: string, detail: Any) {
    const root = dom();
    const el = root.querySelector(selector);
    if (!el) throw failure(`${type}: nothing matches ${selector}`);
    const sidOf = (e: Element) => e.getAttribute('data-sid') ?? '';
    const target = { id: el.id, dataset: { sid: sidOf(el) }, offsetLeft: 0, offsetTop: 0 };
    let delivered = 0;
    for (let cur: Element | null = el; cur && cur !== root; cur = cur.parentElement) {
      const info = infoOf.get(cur);
      const bound = info?.bind.has(type) || info?.catch.has(type);
      if (bound) {
        delivered++;
        instance.eh({
          type,
          timeStamp: Date.now(),
          target,
          currentTarget: { id: cur.id, dataset: { sid: sidOf(cur) }, offsetLeft: 0, offsetTop: 0 },
          detail,
          touches: [],
          changedTouches: [],
          mark: {},
          mut: false,
        });
        if (info?.catch.has(type)) break;
      }
      if (!BUBBLING.has(type)) break;
    }
    if (!delivered) throw failure(`${type} on ${selector}: no node on the way up binds ${type} (the template would ignore it)`);
    // Let React's scheduled work and Taro's setData run.
    await sleep(0);
  }

  return page;
}
