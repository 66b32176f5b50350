// The clean view: the engine's Analysis set as a quiet page in a shadow root that covers the
// site. Loaded by dynamic import from the content script; no browser.* here (strings and
// persistence come through opts), so it runs under jsdom too.
//
// What it adds to the page, and removes on close (nothing else is touched):
//   <html data-qingdu-reader="open">               page sheet keys on it (scroll lock, print)
//   <qingdu-reader id="qingdu-reader-host">         appended to <html>, open shadow root
//   the page sheet: adopted by the document (a <style> child of the host where unsupported)
import { articleToMarkdown, articleToText, type ExportOptions } from '../core/markdown';
import type { Analysis, ScriptTarget } from '../core/types';
import type { ReaderPrefs } from '../platform/settings-schema';
import { copyToClipboard } from './clipboard';
import { convertData, readerData, type ReaderData } from './convert';
import { renderArticle } from './render';
import { makeTranslate } from './strings';
import { fontStack, HOST_ID, HOST_TAG, HTML_ATTR, PAGE_CSS, VIEW_CSS } from './styles';
import { buildToolbar, type ScriptChoice } from './toolbar';

export { HOST_ID, HOST_TAG, HTML_ATTR } from './styles';

export interface ReaderOptions {
  prefs: ReaderPrefs;
  /** Current script of the page. */
  script: 'original' | ScriptTarget;
  loadConverter(target: ScriptTarget): Promise<(s: string) => string>;
  /** Called once whenever the view closes (Esc, back button or handle.close()). */
  onClose(): void;
  onPrefsChange(prefs: ReaderPrefs): void;
  onScriptChange(target: 'original' | ScriptTarget): void;
  getMessage(key: string, subs?: string[]): string;
}

export interface ReaderHandle {
  close(): void;
  readonly open: boolean;
}

const TITLE_ID = 'qd-title';
const TRADITIONAL = new Set<string>(['t', 'tw', 'twp', 'hk']);
const LANG: Record<string, string> = { cn: 'zh-CN', t: 'zh-Hant', tw: 'zh-TW', twp: 'zh-TW', hk: 'zh-HK' };
const FOCUSABLE = 'button, select, a[href], summary, input, textarea, [tabindex]:not([tabindex="-1"])';

const current = new WeakMap<Document, ReaderHandle>();

const now = (doc: Document): number => doc.defaultView?.performance?.now() ?? Date.now();

/** Timing, as performance measures (readable from the page and the e2e suite; no DOM trace).
 *  "Open" is what the user waits for until the view is shown and interactive: openReader's own
 *  work (DOM built and inserted) plus the work of the first frame (focus moved into the view,
 *  which forces the style recalc and layout of the view, then paint), without the idle wait for
 *  that frame's vsync in between.
 *    qingdu:reader-build  openReader itself
 *    qingdu:reader-frame  the first frame: from our animation-frame callback (focus) to the
 *                         first task after the frame was rendered
 *    qingdu:reader-open   starts with openReader, lasts build + frame (main-thread work only)
 *    qingdu:reader-paint  wall clock from openReader to after the first frame (with the wait) */
function firstFrame(doc: Document, started: number, built: number, inFrame: () => boolean): void {
  const win = doc.defaultView;
  const perf = win?.performance;
  if (!win?.requestAnimationFrame) {
    inFrame();
    return;
  }
  win.requestAnimationFrame(() => {
    const frameStart = perf?.now() ?? 0;
    // false: the view was closed before its first frame; nothing to time.
    if (!inFrame()) return;
    const done = () => {
      if (!perf?.measure) return;
      try {
        const end = perf.now();
        perf.measure('qingdu:reader-build', { start: started, end: built });
        perf.measure('qingdu:reader-frame', { start: frameStart, end });
        perf.measure('qingdu:reader-open', { start: started, duration: built - started + (end - frameStart) });
        perf.measure('qingdu:reader-paint', { start: started, end });
      } catch {
        /* engines without measure options: timing is optional */
      }
    };
    // A task posted from the frame callback runs after the frame has been rendered (style,
    // layout, paint, commit). At user-blocking priority it runs before tasks queued earlier
    // (a failed image's error event, the page's timers), which are not the view's work.
    const sched = (win as Window & { scheduler?: { postTask?(cb: () => void, o: { priority: string }): Promise<unknown> } }).scheduler;
    if (typeof sched?.postTask === 'function') {
      sched.postTask(done, { priority: 'user-blocking' }).catch(() => {});
    } else if (typeof win.MessageChannel === 'function') {
      const ch = new win.MessageChannel();
      ch.port1.onmessage = () => {
        ch.port1.close();
        done();
      };
      ch.port2.postMessage(null);
    } else win.setTimeout(done, 0);
  });
}

/** Constructed sheets, parsed once per document and shared by every view opened in it (a
 *  constructed sheet belongs to the document it was made for). null: unsupported. */
const sheets = new WeakMap<Document, Map<string, CSSStyleSheet | null>>();

function sheetFor(doc: Document, css: string): CSSStyleSheet | null {
  let byCss = sheets.get(doc);
  if (!byCss) sheets.set(doc, (byCss = new Map()));
  if (byCss.has(css)) return byCss.get(css) ?? null;
  let sheet: CSSStyleSheet | null = null;
  try {
    const Ctor = doc.defaultView?.CSSStyleSheet;
    if (Ctor && 'adoptedStyleSheets' in doc && typeof Ctor.prototype.replaceSync === 'function') {
      sheet = new Ctor();
      sheet.replaceSync(css);
    }
  } catch {
    sheet = null;
  }
  byCss.set(css, sheet);
  return sheet;
}

/** Constructable stylesheets are not subject to the page's CSP style-src (a <style> element we
 *  insert may be, in Firefox); adopted sheets also leave no trace in the page's markup. Returns
 *  null where unsupported (jsdom, old engines): the caller falls back to a <style> element. */
function adoptSheet(doc: Document, target: Document | ShadowRoot, css: string): CSSStyleSheet | null {
  const sheet = sheetFor(doc, css);
  if (!sheet) return null;
  try {
    const had = target.adoptedStyleSheets;
    target.adoptedStyleSheets = had.length ? [...had, sheet] : [sheet];
    return target.adoptedStyleSheets.includes(sheet) ? sheet : null;
  } catch {
    return null;
  }
}

function styleElement(doc: Document, css: string): HTMLStyleElement {
  const style = doc.createElement('style');
  style.textContent = css;
  return style;
}

/** The focused element, looking through shadow roots (the page may use web components). */
function deepActive(doc: Document): HTMLElement | null {
  let a: Element | null = doc.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a as HTMLElement | null;
}

export function openReader(doc: Document, analysis: Analysis, opts: ReaderOptions): ReaderHandle {
  current.get(doc)?.close();
  const started = now(doc);
  const win = doc.defaultView;
  const html = doc.documentElement;
  const t = makeTranslate(opts.getMessage);
  const scroll = { x: win?.scrollX ?? 0, y: win?.scrollY ?? 0, body: doc.body?.scrollTop ?? 0 };
  const previousFocus = deepActive(doc);
  const previousAttr = html.getAttribute(HTML_ATTR);

  let isOpen = true;
  let prefs: ReaderPrefs = { ...opts.prefs };
  let script: ScriptChoice = opts.script;
  let renderToken = 0;
  const original = readerData(analysis);
  let shown: ReaderData = original;
  const converters = new Map<ScriptTarget, (s: string) => string>();
  const cleanups: (() => void)[] = [];
  const guard =
    <A extends unknown[]>(fn: (...a: A) => void) =>
    (...a: A) => {
      try {
        fn(...a);
      } catch (e) {
        // Our bug must never surface as an exception on the user's page.
        console.warn('[qingdu] reader:', e);
      }
    };

  const host = doc.createElement(HOST_TAG);
  host.id = HOST_ID;
  const shadow = host.attachShadow({ mode: 'open' });
  const pageSheet = adoptSheet(doc, doc, PAGE_CSS);
  if (!pageSheet) host.appendChild(styleElement(doc, PAGE_CSS));
  if (!adoptSheet(doc, shadow, VIEW_CSS)) shadow.appendChild(styleElement(doc, VIEW_CSS));
  cleanups.push(() => {
    if (pageSheet) doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((x) => x !== pageSheet);
  });

  const root = doc.createElement('div');
  root.className = 'qd-root';
  root.setAttribute('role', 'dialog');
  root.setAttribute('aria-modal', 'true');
  root.setAttribute('aria-labelledby', TITLE_ID);
  const scroller = doc.createElement('div');
  scroller.className = 'qd-scroll';
  let article: HTMLElement = doc.createElement('article');
  scroller.appendChild(article);

  const exportOptions = (): ExportOptions => ({
    labels: {
      source: t('reader_source'),
      published: t('reader_published'),
      author: t('reader_author'),
      editor: t('reader_editor'),
      link: t('reader_original_link'),
      summary: t('reader_summary'),
      image: t('reader_image'),
    },
  });
  let statusTimer: ReturnType<typeof setTimeout> | undefined;
  const say = (msg: string) => {
    toolbar.status.textContent = msg;
    if (statusTimer) clearTimeout(statusTimer);
    statusTimer = setTimeout(() => (toolbar.status.textContent = ''), 2500);
  };
  const copy = async (md: boolean) => {
    const text = md ? articleToMarkdown(shown, exportOptions()) : articleToText(shown, exportOptions());
    const ok = await copyToClipboard(doc, shadow, text);
    if (isOpen) say(ok ? t(md ? 'reader_copied_md' : 'reader_copied_text') : t('reader_copy_failed'));
  };

  const toolbar = buildToolbar(doc, t, { prefs, script }, {
    back: guard(() => close()),
    script: guard((target: ScriptChoice) => {
      void setScript(target, true);
    }),
    prefs: guard((next: ReaderPrefs) => {
      const verticalChanged = next.vertical !== prefs.vertical;
      prefs = next;
      if (verticalChanged) {
        // Rebuilt with (or without) the upright-digit spans only 直排 uses; render applies prefs.
        render(shown);
        scroller.scrollTop = 0;
        scroller.scrollLeft = 0;
      } else applyPrefs();
      opts.onPrefsChange({ ...prefs });
    }),
    copyMarkdown: guard(() => void copy(true)),
    copyText: guard(() => void copy(false)),
    print: guard(() => win?.print()),
  });
  root.append(toolbar.bar, scroller);
  shadow.appendChild(root);

  const traditional = () => (script === 'original' ? analysis.script === 'traditional' : TRADITIONAL.has(script));

  function applyPrefs(): void {
    root.dataset.theme = prefs.theme;
    root.dataset.font = prefs.font;
    root.toggleAttribute('data-vertical', !!prefs.vertical);
    root.toggleAttribute('data-indent', !!prefs.indent);
    const s = root.style;
    s.setProperty('--font', fontStack(prefs.font, traditional()));
    s.setProperty('--size', `${prefs.fontSize}px`);
    s.setProperty('--lh', String(prefs.lineHeight));
    s.setProperty('--measure', String(prefs.width));
    s.setProperty('--indent', prefs.indent ? '2em' : '0');
    s.setProperty('--pgap', prefs.indent ? '0.35em' : '1em');
    toolbar.sync(prefs, script);
  }

  function render(data: ReaderData): void {
    const same = data === shown;
    shown = data;
    const next = renderArticle(doc, data, t, TITLE_ID, !!prefs.vertical);
    next.lang = script === 'original' ? (traditional() ? 'zh-Hant' : 'zh-Hans') : LANG[script] || 'zh';
    const hadFocus = shadow.activeElement === article.querySelector('#' + TITLE_ID);
    // Rebuilt in the same data (直排 switched) while a conversion is pending: stay hidden.
    if (same && article.hasAttribute('data-pending')) next.setAttribute('data-pending', '');
    article.replaceWith(next);
    article = next;
    applyPrefs();
    if (hadFocus) (next.querySelector('#' + TITLE_ID) as HTMLElement | null)?.focus({ preventScroll: true });
  }

  async function setScript(target: ScriptChoice, fromUser: boolean): Promise<void> {
    const token = ++renderToken;
    if (target === 'original') {
      script = target;
      render(original);
    } else {
      article.setAttribute('data-pending', '');
      try {
        let c = converters.get(target);
        if (!c) {
          c = await opts.loadConverter(target);
          converters.set(target, c);
        }
        if (!isOpen || token !== renderToken) return;
        script = target;
        render(convertData(original, c));
      } catch (e) {
        if (!isOpen || token !== renderToken) return;
        console.warn('[qingdu] reader: converter failed', e);
        script = 'original';
        render(original);
        say(t('reader_convert_failed'));
        return;
      } finally {
        if (token === renderToken) article.removeAttribute('data-pending');
      }
    }
    if (fromUser && isOpen) opts.onScriptChange(script);
  }

  // Keys: Esc closes (or first closes the typography panel); Tab stays inside the view; other
  // keys typed in the view don't reach the page's own shortcut handlers.
  const inView = (e: Event) => e.composedPath().includes(host);
  const onKey = guard((e: KeyboardEvent) => {
    if (!isOpen) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopImmediatePropagation();
      if (!toolbar.closePanel()) close();
      return;
    }
    if (e.key === 'Tab') {
      const items = Array.from(shadow.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => !el.closest('[hidden]'));
      if (!items.length) return;
      const active = shadow.activeElement;
      const i = active ? items.indexOf(active as HTMLElement) : -1;
      let next: HTMLElement | null = null;
      if (!inView(e) || i === -1) next = e.shiftKey ? items[items.length - 1] : items[0];
      else if (e.shiftKey && i === 0) next = items[items.length - 1];
      else if (!e.shiftKey && i === items.length - 1) next = items[0];
      if (next) {
        e.preventDefault();
        next.focus();
      }
      e.stopImmediatePropagation();
      return;
    }
    if (inView(e)) e.stopPropagation();
  });
  // Focus that wanders to the page (a page script, a stray click target) is brought back.
  const onFocusIn = guard((e: FocusEvent) => {
    if (isOpen && !inView(e)) focusTitle();
  });
  // 直排: a vertical wheel scrolls the right-to-left columns horizontally.
  const onWheel = guard((e: WheelEvent) => {
    if (!prefs.vertical || e.ctrlKey || Math.abs(e.deltaX) >= Math.abs(e.deltaY)) return;
    if (scroller.scrollWidth <= scroller.clientWidth) return;
    const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? scroller.clientWidth : 1;
    scroller.scrollLeft -= e.deltaY * unit;
    e.preventDefault();
  });
  const listen = <K extends keyof WindowEventMap>(target: EventTarget, type: K, fn: (e: WindowEventMap[K]) => void, o: AddEventListenerOptions) => {
    target.addEventListener(type, fn as EventListener, o);
    cleanups.push(() => target.removeEventListener(type, fn as EventListener, o));
  };
  if (win) {
    listen(win, 'keydown', onKey, { capture: true });
    listen(win, 'focusin', onFocusIn, { capture: true });
  }
  listen(scroller, 'wheel', onWheel, { passive: false });

  function focusTitle(): void {
    const h1 = shadow.getElementById(TITLE_ID) ?? toolbar.bar.querySelector('button');
    (h1 as HTMLElement | null)?.focus({ preventScroll: true });
  }

  function close(): void {
    if (!isOpen) return;
    isOpen = false;
    renderToken++;
    if (statusTimer) clearTimeout(statusTimer);
    for (const c of cleanups.splice(0)) c();
    host.remove();
    if (previousAttr === null) html.removeAttribute(HTML_ATTR);
    else html.setAttribute(HTML_ATTR, previousAttr);
    try {
      if (win && (win.scrollX !== scroll.x || win.scrollY !== scroll.y)) win.scrollTo(scroll.x, scroll.y);
      if (doc.body && doc.body.scrollTop !== scroll.body) doc.body.scrollTop = scroll.body;
    } catch {
      /* jsdom has no scrolling */
    }
    if (previousFocus && previousFocus.isConnected && typeof previousFocus.focus === 'function') {
      try {
        previousFocus.focus({ preventScroll: true });
      } catch {
        /* an element that refuses focus */
      }
    }
    if (current.get(doc) === handle) current.delete(doc);
    try {
      opts.onClose();
    } catch (e) {
      console.warn('[qingdu] reader: onClose failed', e);
    }
  }

  const handle: ReaderHandle = {
    close: () => close(),
    get open() {
      return isOpen;
    },
  };

  try {
    if (script === 'original') render(original);
    else {
      // The article appears once converted: no flash of the wrong script.
      render(original);
      void setScript(script, false);
    }
    html.setAttribute(HTML_ATTR, 'open');
    html.appendChild(host);
    current.set(doc, handle);
    // Focus moves in the first frame: focus() forces the style + layout the frame does anyway
    // (that frame is timed as part of opening, see firstFrame).
    firstFrame(doc, started, now(doc), () => {
      if (!isOpen) return false;
      try {
        if (!shadow.activeElement) focusTitle();
      } catch (e) {
        console.warn('[qingdu] reader: focus', e);
      }
      return true;
    });
  } catch (e) {
    close();
    throw e;
  }
  return handle;
}
