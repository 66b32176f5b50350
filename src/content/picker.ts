// Element picker: the user points at a block, sees it outlined with a suggested selector,
// widens (parent) or narrows (child) it, and saves `${host}##${selector}` as a user rule.
// Everything it shows lives in one closed shadow root on an element of its own, styled by a
// constructed stylesheet (not subject to the page's style-src CSP); page nodes are never
// styled or changed, and stop() removes every node and listener it added.

export interface PickerOptions {
  host: string;
  onSave(rule: string): void;
  onCancel(): void;
  getMessage(key: string, subs?: string[]): string;
}

const STATE_CLASSES = new Set([
  'active', 'on', 'cur', 'current', 'selected', 'hover', 'focus', 'open', 'show', 'hide', 'hidden', 'visible',
  'fixed', 'clearfix', 'clear', 'cf', 'fl', 'fr', 'left', 'right', 'first', 'last', 'even', 'odd', 'in', 'fade',
]);

/** Ids and classes made by frameworks or counters change between page loads: never build on them. */
export function looksRandom(token: string): boolean {
  if (token.length > 32) return true;
  if (/^(?:css|sc|jsx|emotion|styled|ember|yui|ext-gen|ext-comp)-?[0-9a-z]*\d/i.test(token)) return true;
  for (const part of token.split(/[-_:.]+/)) {
    const digits = (part.match(/\d/g) || []).length;
    const letters = (part.match(/[a-z]/gi) || []).length;
    if (digits >= 4) return true; // counters, timestamps, long numeric ids
    if (part.length >= 5 && digits >= 2 && letters >= 2 && /\d[a-z]|[a-z]\d[a-z]/i.test(part)) return true; // hashes like a1b2c3
    if (part.length >= 5 && /[a-z][A-Z]/.test(part) && /[A-Z][a-z]?[A-Z]/.test(part) && digits >= 1) return true; // aB3dE
  }
  return false;
}

function cssEscape(win: Window | null, s: string): string {
  const esc = (win as (Window & { CSS?: { escape?(v: string): string } }) | null)?.CSS?.escape;
  if (esc) return esc(s);
  return s.replace(/^(\d)/, '\\3$1 ').replace(/[^a-zA-Z0-9_\u00a0-\uffff-]/g, (c) => '\\' + c);
}

function stableId(el: Element): string | null {
  const id = el.getAttribute('id');
  return id && !looksRandom(id) && /\S/.test(id) ? id : null;
}

function segment(el: Element, win: Window | null): string {
  const tag = el.tagName.toLowerCase();
  const classes = Array.from(el.classList)
    .filter((c) => !STATE_CLASSES.has(c.toLowerCase()) && !looksRandom(c))
    .slice(0, 2)
    .map((c) => '.' + cssEscape(win, c));
  return tag + classes.join('');
}

/** A selector that matches `el` (and, where possible, only it): stable id, meaningful classes, nth-of-type. */
export function suggestSelector(el: Element): string {
  const doc = el.ownerDocument;
  const win = doc.defaultView;
  const only = (sel: string): boolean => {
    try {
      const all = doc.querySelectorAll(sel);
      return all.length === 1 && all[0] === el;
    } catch {
      return false;
    }
  };
  // A path of bare tags ("p:nth-of-type(2)") breaks as soon as the page changes: only accept a
  // selector that names a class or an id; otherwise keep climbing to an anchor.
  const precise = (sel: string): boolean => /[.#]/.test(sel) && only(sel);
  const id = stableId(el);
  if (id && only('#' + cssEscape(win, id))) return '#' + cssEscape(win, id);
  const parts: string[] = [];
  for (let node: Element | null = el; node && node !== doc.body && node !== doc.documentElement; node = node.parentElement) {
    const nodeId = node !== el ? stableId(node) : null;
    if (nodeId && doc.querySelectorAll('#' + cssEscape(win, nodeId)).length === 1) {
      const sel = ['#' + cssEscape(win, nodeId), ...parts].join(' > ');
      if (only(sel)) return sel;
    }
    let seg = segment(node, win);
    parts.unshift(seg);
    // A short selector that says what the block is (".share-box") is the best rule, if it is precise.
    if (precise(parts.join(' > '))) return parts.join(' > ');
    const parent: Element | null = node.parentElement;
    if (parent) {
      const same = Array.from(parent.children).filter((c) => c.tagName === node!.tagName);
      if (same.length > 1) {
        seg += `:nth-of-type(${same.indexOf(node) + 1})`;
        parts[0] = seg;
        if (precise(parts.join(' > '))) return parts.join(' > ');
      }
    }
  }
  return (parts.length ? ['body', ...parts] : ['body']).join(' > ');
}

const CSS_TEXT = `
:host { all: initial; }
.box { position: fixed; box-sizing: border-box; pointer-events: none; z-index: 2147483646;
  border: 2px solid #d9480f; background: rgba(217, 72, 15, 0.15); border-radius: 2px; display: none; }
.box.locked { border-style: solid; border-color: #c92a2a; background: rgba(201, 42, 42, 0.2); }
.panel { position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; max-width: min(480px, calc(100vw - 32px));
  box-sizing: border-box; padding: 12px 14px; border-radius: 8px; font: 14px/1.5 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif;
  color: #1f2328; background: #fff; box-shadow: 0 4px 24px rgba(0,0,0,.25); pointer-events: auto; }
.title { font-weight: 600; margin: 0 0 4px; }
.hint { color: #57606a; font-size: 12px; margin: 0 0 8px; }
code { display: block; font: 12px/1.4 ui-monospace, Menlo, Consolas, monospace; background: #f6f8fa; padding: 6px 8px;
  border-radius: 4px; word-break: break-all; max-height: 6em; overflow: auto; }
.count { color: #57606a; font-size: 12px; margin: 4px 0 8px; }
.row { display: flex; gap: 6px; flex-wrap: wrap; }
button { font: inherit; font-size: 13px; padding: 4px 10px; border-radius: 6px; border: 1px solid #d0d7de; background: #f6f8fa;
  color: inherit; cursor: pointer; }
button:focus-visible { outline: 2px solid #0969da; outline-offset: 1px; }
button.primary { background: #1f883d; border-color: #1f883d; color: #fff; }
button:disabled { opacity: .5; cursor: default; }
@media (prefers-color-scheme: dark) {
  .panel { color: #e6edf3; background: #161b22; }
  .hint, .count { color: #8d96a0; }
  code { background: #0d1117; }
  button { background: #21262d; border-color: #30363d; }
}
`;

function applyStyles(root: ShadowRoot, doc: Document): void {
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  try {
    if (win && 'adoptedStyleSheets' in root && typeof win.CSSStyleSheet === 'function') {
      const sheet = new win.CSSStyleSheet();
      sheet.replaceSync(CSS_TEXT);
      root.adoptedStyleSheets = [sheet];
      return;
    }
  } catch {
    /* fall back to a <style> element */
  }
  const style = doc.createElement('style');
  style.textContent = CSS_TEXT;
  root.appendChild(style);
}

export function startPicker(doc: Document, opts: PickerOptions): { stop(): void } {
  const win = doc.defaultView;
  const host = doc.createElement('qingdu-picker');
  const root = host.attachShadow({ mode: 'closed' });
  applyStyles(root, doc);

  const make = <K extends keyof HTMLElementTagNameMap>(tag: K, cls: string, text = ''): HTMLElementTagNameMap[K] => {
    const e = doc.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  };
  const box = make('div', 'box');
  const panel = make('div', 'panel');
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', opts.getMessage('picker_title'));
  const title = make('p', 'title', opts.getMessage('picker_title'));
  const hint = make('p', 'hint', opts.getMessage('picker_hint'));
  const code = make('code', '');
  code.setAttribute('data-testid', 'picker-selector');
  const count = make('p', 'count');
  count.setAttribute('aria-live', 'polite');
  const row = make('div', 'row');
  const btn = (key: string, cls: string, action: () => void): HTMLButtonElement => {
    const b = make('button', cls, opts.getMessage(key));
    b.type = 'button';
    b.addEventListener('click', (e) => {
      e.stopPropagation();
      action();
    });
    row.appendChild(b);
    return b;
  };
  const widenBtn = btn('picker_widen', '', () => widen());
  const narrowBtn = btn('picker_narrow', '', () => narrow());
  const saveBtn = btn('picker_save', 'primary', () => save());
  btn('picker_cancel', '', () => cancel());
  panel.append(title, hint, code, count, row);
  root.append(box, panel);
  (doc.documentElement || doc.body).appendChild(host);

  let current: Element | null = null;
  let locked = false;
  /** Elements we widened from, so narrowing goes back the same way. */
  const trail: Element[] = [];
  let stopped = false;
  let frame = 0;

  const ours = (e: Event): boolean => e.composedPath().includes(host) || e.target === host;
  const pickable = (el: Element | null): el is Element =>
    !!el && el !== host && el !== doc.documentElement && el !== doc.body && el.nodeType === 1;

  function draw(): void {
    frame = 0;
    if (stopped) return;
    if (!current || !current.isConnected) {
      box.style.display = 'none';
      code.textContent = '';
      count.textContent = opts.getMessage('picker_none');
      saveBtn.disabled = widenBtn.disabled = narrowBtn.disabled = true;
      return;
    }
    const r = current.getBoundingClientRect();
    box.style.display = 'block';
    box.style.left = `${r.left}px`;
    box.style.top = `${r.top}px`;
    box.style.width = `${r.width}px`;
    box.style.height = `${r.height}px`;
    box.classList.toggle('locked', locked);
    const sel = suggestSelector(current);
    code.textContent = sel;
    let n = 0;
    try {
      n = doc.querySelectorAll(sel).length;
    } catch {
      n = 0;
    }
    count.textContent = opts.getMessage('picker_matches', [String(n)]);
    saveBtn.disabled = false;
    widenBtn.disabled = !pickable(current.parentElement);
    narrowBtn.disabled = !trail.length && !current.firstElementChild;
  }
  const schedule = (): void => {
    if (!frame && !stopped) frame = (win?.requestAnimationFrame ?? ((f: FrameRequestCallback) => setTimeout(f, 16) as unknown as number))(draw);
  };

  function select(el: Element | null, lock: boolean): void {
    if (!pickable(el)) return;
    if (el !== current) trail.length = 0;
    current = el;
    locked = lock || locked;
    draw();
  }
  function widen(): void {
    if (!current || !pickable(current.parentElement)) return;
    trail.push(current);
    current = current.parentElement;
    locked = true;
    draw();
  }
  function narrow(): void {
    if (!current) return;
    const back = trail.pop();
    const next = back ?? current.firstElementChild;
    if (!pickable(next)) return;
    current = next;
    locked = true;
    draw();
  }
  function save(): void {
    if (!current || stopped) return;
    const rule = `${opts.host}##${suggestSelector(current)}`;
    stop();
    opts.onSave(rule);
  }
  function cancel(): void {
    if (stopped) return;
    stop();
    opts.onCancel();
  }

  const onMove = (e: MouseEvent): void => {
    if (locked || ours(e)) return;
    const target = e.target instanceof (win?.Element ?? Element) ? (e.target as Element) : null;
    if (target && target !== current) {
      current = pickable(target) ? target : current;
      trail.length = 0;
      schedule();
    }
  };
  // The page must not react to clicks meant for the picker (links, handlers).
  const swallow = (e: Event): void => {
    if (ours(e)) return;
    e.preventDefault();
    e.stopPropagation();
    e.stopImmediatePropagation();
  };
  const onClick = (e: MouseEvent): void => {
    if (ours(e)) return;
    swallow(e);
    const target = e.target as Element | null;
    locked = false;
    select(target, true);
  };
  const onKey = (e: KeyboardEvent): void => {
    const inPanel = ours(e);
    let handled = true;
    switch (e.key) {
      case 'Escape':
        cancel();
        break;
      case 'ArrowUp':
      case '+':
      case 'w':
        widen();
        break;
      case 'ArrowDown':
      case '-':
      case 'n':
        narrow();
        break;
      case 'Enter':
        if (inPanel) handled = false; // a focused button handles its own Enter
        else save();
        break;
      default:
        handled = false;
    }
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
      e.stopImmediatePropagation();
    }
  };
  const onViewport = (): void => schedule();

  const target: Window | Document = win ?? doc;
  const listeners: [string, EventListener][] = [
    ['mousemove', onMove as EventListener],
    ['click', onClick as EventListener],
    ['mousedown', swallow],
    ['mouseup', swallow],
    ['pointerdown', swallow],
    ['pointerup', swallow],
    ['auxclick', swallow],
    ['contextmenu', swallow],
    ['keydown', onKey as EventListener],
    ['scroll', onViewport],
    ['resize', onViewport],
  ];
  for (const [type, fn] of listeners) target.addEventListener(type, fn, true);
  draw();

  function stop(): void {
    if (stopped) return;
    stopped = true;
    for (const [type, fn] of listeners) target.removeEventListener(type, fn, true);
    if (frame) (win?.cancelAnimationFrame ?? clearTimeout)(frame);
    host.remove();
  }
  return { stop };
}
