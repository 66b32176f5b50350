// Is an element invisible to a person (T3: display:none, visibility:hidden, off-screen
// positioning, font-size:0, text-indent, zero size with overflow hidden, clip, opacity 0,
// colour equal to the background)?
//
// Why not getComputedStyle on every element: under jsdom each call re-runs the cascade over
// every stylesheet (milliseconds per element on real pages). So without layout we precompute
// once: walk document.styleSheets for rules whose declarations hide, mark their matches with
// querySelectorAll, read inline styles through el.style (already parsed). Only big blocks a
// stylesheet rule would hide are confirmed with getComputedStyle (a later rule may show them
// again, e.g. `.tab{display:none} .tab.on{display:block}`). In a real browser (layout exists)
// getComputedStyle is cheap and exact, so we use it plus geometry for off-screen boxes.

export interface StyleIndex {
  /** Why the element's OWN style hides it, or "" (ancestors are not considered). */
  hiddenReason(el: Element): string;
  /** position:fixed (or absolute with a high z-index) from inline style or a stylesheet rule. */
  floating(el: Element): boolean;
  /** Every floating element of the body, outermost first (candidates for overlays). */
  floatingElements(): Element[];
  /** Elements a stylesheet rule or inline style may hide (candidates for hidden link blocks). */
  hiddenCandidates(): Element[];
  /** True when the document has layout (a real browser), so geometry can be trusted. */
  readonly layout: boolean;
}

import { buildDomIndex, type DomIndex } from './dom-index';

const OFFSCREEN = -500; // px; attackers use -999 .. -99999

function px(v: string | null | undefined): number {
  if (!v) return NaN;
  const m = /^\s*(-?[\d.]+)\s*(px|pt|em|rem)?\s*(!important)?\s*$/i.exec(v);
  if (!m) return NaN;
  const n = parseFloat(m[1]);
  return m[2] && /em|rem/i.test(m[2]) ? n * 16 : n;
}

export interface Declarations {
  getPropertyValue(name: string): string;
}

/** A style attribute parsed by hand: jsdom's el.style re-parses through cssstyle (slow). */
export function parseInline(style: string): Declarations {
  const map = new Map<string, string>();
  for (const part of style.split(';')) {
    const i = part.indexOf(':');
    if (i <= 0) continue;
    map.set(part.slice(0, i).trim().toLowerCase(), part.slice(i + 1).trim().toLowerCase());
  }
  // Shorthands the checks read.
  const bg = map.get('background');
  if (bg && !map.has('background-color')) {
    const m = /#[0-9a-f]{3,8}\b|rgba?\([^)]*\)|\b[a-z]+\b/.exec(bg);
    if (m) map.set('background-color', m[0]);
  }
  return { getPropertyValue: (name) => (map.get(name) || '').replace(/\s*!important$/, '') };
}

/** Why a set of declarations hides its element, or "". Works on inline and rule styles. */
export function hidingDeclaration(st: Declarations): string {
  const display = st.getPropertyValue('display').trim();
  if (display === 'none') return 'display:none';
  const vis = st.getPropertyValue('visibility').trim();
  if (vis === 'hidden' || vis === 'collapse') return 'visibility:hidden';
  const pos = st.getPropertyValue('position').trim();
  if (pos === 'absolute' || pos === 'fixed') {
    for (const side of ['left', 'top', 'right', 'bottom', 'margin-left', 'margin-top']) {
      if (px(st.getPropertyValue(side)) <= OFFSCREEN) return 'off-screen';
    }
  }
  const fs = st.getPropertyValue('font-size').trim();
  if (fs && px(fs) === 0) return 'font-size:0';
  const indent = px(st.getPropertyValue('text-indent'));
  if (indent <= -999) return 'text-indent';
  const overflow = st.getPropertyValue('overflow').trim() || st.getPropertyValue('overflow-y').trim();
  if (overflow === 'hidden' || overflow === 'clip') {
    if (px(st.getPropertyValue('height')) === 0 || px(st.getPropertyValue('max-height')) === 0) return 'height:0';
    if (px(st.getPropertyValue('width')) === 0 || px(st.getPropertyValue('max-width')) === 0) return 'width:0';
  }
  // clip only counts on absolute boxes, the background only when a colour is set: not read otherwise.
  if (pos === 'absolute' && /^rect\(0(px)?,?0(px)?,?0(px)?,?0(px)?\)$/.test(st.getPropertyValue('clip').replace(/\s+/g, ''))) return 'clip';
  const opacity = st.getPropertyValue('opacity').trim();
  if (opacity !== '' && parseFloat(opacity) === 0) return 'opacity:0';
  const color = st.getPropertyValue('color').replace(/\s+/g, '').toLowerCase();
  if (!color) return '';
  const bg = (st.getPropertyValue('background-color') || st.getPropertyValue('background')).replace(/\s+/g, '').toLowerCase();
  if (bg && color === bg) return 'colour = background';
  return '';
}

export function isFloatingDecl(st: Declarations): boolean {
  const pos = st.getPropertyValue('position').trim();
  if (pos === 'fixed' || pos === 'sticky') return true;
  if (pos === 'absolute') {
    const z = parseInt(st.getPropertyValue('z-index'), 10);
    return z >= 99;
  }
  return false;
}

/** Documents already seen rendered (see hasLayout). */
const rendered = new WeakMap<Document, true>();

/**
 * Real layout: not jsdom, and the document is rendered in a viewport. Asking the root for its
 * boxes (getClientRects) would force a layout of the whole page, and the content script asks
 * on every batch of parsed nodes while the page loads (383 ms on one long page). The viewport's
 * width is 0 in a frame that is not rendered, but Chromium lays the page out to answer
 * innerWidth too (scrollbars; 170 ms over the load of one long page when asked per batch), so a
 * document seen rendered once is remembered: the first ask comes with the first parsed nodes,
 * when the page is still small.
 */
export function hasLayout(doc: Document): boolean {
  const view = doc.defaultView;
  if (!view) return false;
  try {
    if (/jsdom/i.test(view.navigator?.userAgent || '')) return false;
    if (rendered.has(doc)) return true;
    const yes = !!doc.documentElement && view.innerWidth > 0;
    if (yes) rendered.set(doc, true);
    return yes;
  } catch {
    return false;
  }
}

interface RuleSets {
  hidden: Map<Element, string>;
  floating: Set<Element>;
}

function collectRules(doc: Document, dom: () => DomIndex): RuleSets {
  const hidden = new Map<Element, string>();
  const floating = new Set<Element>();
  const visit = (rules: CSSRuleList | undefined) => {
    if (!rules) return;
    for (let i = 0; i < rules.length; i++) {
      const rule = rules[i] as CSSStyleRule;
      // Skip @media/@supports: responsive "display:none on phones" rules must not count.
      if (rule.type !== 1 || !rule.selectorText || !rule.style) continue;
      const style = ruleDeclarations(rule.style);
      const reason = hidingDeclaration(style);
      const float = isFloatingDecl(style);
      if (!reason && !float) continue;
      // Interactive states never apply to a page at rest.
      if (/:(hover|focus|active|visited|checked|target|focus-within)|::?(before|after|placeholder|selection|-webkit|-moz)/i.test(rule.selectorText)) continue;
      const selectors = rule.selectorText.split(',').filter((sel) => mayMatch(dom(), sel));
      if (!selectors.length) continue;
      let matches: Element[];
      try {
        // Simple selectors are matched on the index (no selector compilation under jsdom).
        matches = dom().select(selectors.join(',')) ?? Array.from(doc.querySelectorAll(selectors.join(',')));
      } catch {
        continue;
      }
      for (const el of matches) {
        if (reason && !hidden.has(el)) hidden.set(el, reason);
        if (float) floating.add(el);
      }
    }
  };
  const sheets = doc.styleSheets;
  for (let i = 0; i < (sheets ? sheets.length : 0); i++) {
    try {
      visit(sheets[i].cssRules);
    } catch {
      /* cross-origin sheet: unreadable, nothing to learn */
    }
  }
  return { hidden, floating };
}

/**
 * A rule's declarations for hidingDeclaration() and isFloatingDecl(): each property read once,
 * through getPropertyValue looked up once. Under jsdom a rule's style is a Proxy, and every
 * property lookup and call on it runs its traps (~2 µs a read; the two checks made ~13 reads
 * per rule, position twice).
 */
export function ruleDeclarations(style: CSSStyleDeclaration): Declarations {
  const read = style.getPropertyValue;
  const seen = new Map<string, string>();
  return {
    getPropertyValue(name) {
      let v = seen.get(name);
      if (v === undefined) seen.set(name, (v = read.call(style, name)));
      return v;
    },
  };
}

const BIG_TEXT = 200;

/** Cheap pre-check on the rightmost compound selector: a class or id the page doesn't have. */
function mayMatch(dom: DomIndex, selector: string): boolean {
  const last = selector.trim().split(/[\s>+~]+/).pop() || '';
  const id = /#([\w-]+)/.exec(last);
  if (id && !dom.hasId(id[1])) return false;
  const cls = /\.([\w-]+)/.exec(last);
  if (cls && !dom.hasClass(cls[1])) return false;
  return true;
}

export function buildStyleIndex(doc: Document, dom: () => DomIndex = () => buildDomIndex(doc)): StyleIndex {
  const layout = hasLayout(doc);
  const view = doc.defaultView;
  let rules: RuleSets | null = null;
  const getRules = () => (rules ??= collectRules(doc, dom));
  const confirmed = new Map<Element, string>();

  const inlineReason = (el: Element): string => {
    const style = el.getAttribute('style');
    return style ? hidingDeclaration(parseInline(style)) : '';
  };

  // With layout, hidden-links asks every element's style and overlay asks every element again
  // whether it floats: one CSSStyleDeclaration per element, and its position read once.
  const computed = new Map<Element, CSSStyleDeclaration | null>();
  const positions = new Map<Element, string>();
  const styleOf = (el: Element): CSSStyleDeclaration | null => {
    let st = computed.get(el);
    if (st === undefined) {
      try {
        st = view ? view.getComputedStyle(el) : null;
      } catch {
        st = null;
      }
      computed.set(el, st);
    }
    return st;
  };
  const positionOf = (el: Element, st: CSSStyleDeclaration): string => {
    let pos = positions.get(el);
    if (pos === undefined) positions.set(el, (pos = st.position));
    return pos;
  };

  // Each property read is a call into the browser that serialises a computed value: every value
  // is read once, into a local.
  const computedReason = (el: Element): string => {
    const st = styleOf(el);
    if (!st) return '';
    if (st.display === 'none') return 'display:none';
    const vis = st.visibility;
    if (vis === 'hidden' || vis === 'collapse') return 'visibility:hidden';
    if (!layout || !view) return '';
    // Geometry, only meaningful with layout.
    if (parseFloat(st.fontSize) === 0) return 'font-size:0';
    if (parseFloat(st.textIndent) <= -999) return 'text-indent';
    if (parseFloat(st.opacity) === 0) return 'opacity:0';
    const pos = positionOf(el, st);
    if (pos === 'absolute' || pos === 'fixed') {
      const r = el.getBoundingClientRect();
      const sx = view.scrollX || 0, sy = view.scrollY || 0;
      if (r.right + sx <= 0 || r.bottom + sy <= 0) return 'off-screen';
      const clip = st.clip;
      if (clip && /rect\(0px,? 0px,? 0px,? 0px\)/.test(clip)) return 'clip';
    }
    // overflow is "hidden" or "clip" only when both axes are (the shorthand serialises one value
    // for equal longhands), so overflow-y alone decides unless it is "clip".
    const oy = st.overflowY;
    if ((oy === 'hidden' || (oy === 'clip' && st.overflow === 'clip')) && el.getClientRects().length) {
      const r = el.getBoundingClientRect();
      if (r.height === 0 || r.width === 0) return r.height === 0 ? 'height:0' : 'width:0';
    }
    const color = st.color;
    if (color && color === st.backgroundColor) return 'colour = background';
    return '';
  };

  // With layout every body element is a candidate, for hidden links and for overlays (listed once).
  let pool: Element[] | null = null;
  const bodyElements = (body: HTMLElement): Element[] => (pool ??= Array.from(body.querySelectorAll('*')).slice(0, 6000));

  return {
    layout,
    hiddenReason(el) {
      if (el.hasAttribute('hidden')) return 'hidden attribute';
      if (layout) return computedReason(el);
      const inline = inlineReason(el);
      if (inline) return inline;
      const fromRule = getRules().hidden.get(el);
      if (!fromRule) return '';
      // Only a block that reads like prose is worth a cascade check (drop-down menus are not).
      const text = el.textContent || '';
      if (text.length < BIG_TEXT || (text.match(/[。，；！？]/g) || []).length < 3) return fromRule;
      // A big block: a later, more specific rule may show it again. Ask the cascade once.
      let known = confirmed.get(el);
      if (known === undefined) {
        const st = el.hasAttribute('style') ? '' : computedReason(el);
        known = /display|visibility/.test(fromRule) ? st : fromRule;
        confirmed.set(el, known);
      }
      return known;
    },
    floating(el) {
      if (layout && view) {
        try {
          const st = styleOf(el);
          if (!st) return false;
          const pos = positionOf(el, st);
          if (pos === 'fixed' || pos === 'sticky') return true;
          return pos === 'absolute' && parseInt(st.zIndex, 10) >= 99;
        } catch {
          return false;
        }
      }
      const style = el.getAttribute('style');
      if (style && isFloatingDecl(parseInline(style))) return true;
      return getRules().floating.has(el);
    },
    hiddenCandidates() {
      const body = doc.body;
      if (!body) return [];
      if (layout) return bodyElements(body).slice();
      return [...dom().styledOrHidden, ...getRules().hidden.keys()];
    },
    floatingElements() {
      const body = doc.body;
      if (!body) return [];
      // With layout the pool is the body's own elements: no containment test needed.
      const found = layout
        ? bodyElements(body).filter((el) => this.floating(el))
        : [...new Set([...dom().styled, ...getRules().floating])].filter((el) => body.contains(el) && this.floating(el));
      // Outermost only: drop an element when one of its ancestors was found too.
      const set = new Set(found);
      return found.filter((el) => {
        for (let p = el.parentElement; p; p = p.parentElement) if (set.has(p)) return false;
        return true;
      });
    },
  };
}

const indexes = new WeakMap<Document, StyleIndex>();

/** Compatibility entry: one element's own style. Builds (and caches) the document's index. */
export function isInvisibleElement(el: Element, index?: StyleIndex): boolean {
  const doc = el.ownerDocument;
  let idx = index ?? indexes.get(doc);
  if (!idx) {
    idx = buildStyleIndex(doc);
    indexes.set(doc, idx);
  }
  return idx.hiddenReason(el) !== '';
}
