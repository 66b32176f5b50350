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
//
// The extension only ever runs in a browser: its build defines __QINGDU_BROWSER__ (IN_BROWSER,
// dom-index.ts), which always takes the computed path and leaves the rule path, its CSS parsing and
// selector matching out of the content script (see buildStyleIndex).

export interface StyleIndex {
  /** Why the element's OWN style hides it, or "" (ancestors are not considered). */
  hiddenReason(el: Element): string;
  /** position:fixed (or absolute with a high z-index) from inline style or a stylesheet rule. */
  floating(el: Element): boolean;
  /**
   * The body's outermost floating elements in document order (candidates for overlays). With
   * layout, ones that cannot be an overlay may be left out: inside or being an element known
   * hidden, or in a subtree without text (see floatingWithLayout).
   */
  floatingElements(): Element[];
  /** Elements a stylesheet rule or inline style may hide (candidates for hidden link blocks). */
  hiddenCandidates(): Element[];
  /**
   * True when the answers come from the browser's computed styles (with layout, or any document
   * in the extension build): every body element is a candidate and each ask a getComputedStyle.
   * False on the rule path (jsdom).
   */
  readonly layout: boolean;
}

import { buildDomIndex, hiddenAttrAt, IN_BROWSER, MARK_STYLE, styleAt, type DomIndex, type PageNames } from './dom-index';

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

/**
 * Can a rule whose style serialises to `css` (its cssText) hide its element (hidingDeclaration)
 * or float (isFloatingDecl)? A superset test: false only when both are sure to answer '' / false.
 *
 * Why: under jsdom every getPropertyValue on a rule's style runs the Proxy traps of its wrapper
 * (~1.5 µs); the two checks read 9–11 properties per rule, cssText is one read. Proof: cssText
 * lists each declared property as `name: value` (value = getPropertyValue(name), " !important"
 * after), except longhands folded into a declared shorthand — and a shorthand's text may be stale
 * (jsdom keeps `font: 12px a` after a later `font-size: 0`, `background: #fff` after a later
 * `background-color`). The properties read: display, visibility, position, z-index, text-indent,
 * opacity, color, height/width (max-) are nobody's longhands (jsdom: background ⊃ background-color,
 * font ⊃ font-size, margin ⊃ margin-*, border, flex, padding; browsers also overflow ⊃ overflow-y,
 * inset ⊃ left/top/right/bottom). Per answer of the checks:
 * - display:none / visibility hidden|collapse / position fixed|sticky: that text.
 * - position absolute: floats only with a z-index; off-screen needs a side or margin ≤ -500 (a
 *   value starting with "-", or a margin/inset shorthand); clip needs "clip".
 * - font-size:0: px() of the value is 0, so the value starts with -?[0.] (a leading 1-9 parses
 *   non-zero); or any `font:` shorthand.
 * - text-indent ≤ -999: the value starts with "-".
 * - height:0 / width:0: overflow or overflow-y hidden|clip, and a height/width value starting -?[0.].
 * - opacity:0: parseFloat is 0 only for a value starting [-+]?[0.].
 * - colour = background: an own `color:` (after a space or at the start, not border-color) and
 *   "background" somewhere (background-color, or the shorthand folding it).
 */
const MAY_HIDE =
  /display:\s*none|visibility:\s*(?:hidden|collapse)|position:\s*(?:fixed|sticky)|font-size:\s*-?[0.]|font:|text-indent:\s*-|opacity:\s*[-+]?[0.]/i;
const ABSOLUTE = /position:\s*absolute/i;
const OFFSET = /z-index|clip|margin|inset|:\s*-/i;
const OVERFLOW = /overflow[-a-z]*:\s*(?:hidden|clip)/i;
const ZERO_SIZE = /(?:height|width):\s*-?[0.]/i;
const OWN_COLOR = /(?:^|\s)color:/i;

export function mayHideOrFloat(css: string): boolean {
  return (
    MAY_HIDE.test(css) ||
    (ABSOLUTE.test(css) && OFFSET.test(css)) ||
    (OVERFLOW.test(css) && ZERO_SIZE.test(css)) ||
    (OWN_COLOR.test(css) && /background/i.test(css))
  );
}

/**
 * Can a style attribute hide (hidingDeclaration of parseInline) or float? parseInline's names are
 * the attribute's own, lower-cased: every check starts from one of these names.
 */
const INLINE_MAY_HIDE = /display|visibility|position|font-size|text-indent|overflow|opacity|color/i;

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
    // The extension never runs under jsdom (tests fake layout with another user agent).
    if (!IN_BROWSER && /jsdom/i.test(view.navigator?.userAgent || '')) return false;
    if (rendered.has(doc)) return true;
    const yes = !!doc.documentElement && view.innerWidth > 0;
    if (yes) rendered.set(doc, true);
    return yes;
  } catch {
    return false;
  }
}

/**
 * With layout, or in the extension build whatever the document: the browser's computed styles
 * (cheap and exact there); geometry only when the document has layout. Without layout outside
 * the extension (jsdom: Node library, CLI, tests): stylesheet rules and inline styles, see
 * ruleStyleIndex.
 *
 * In the extension build the only document this changes is a top document that is not rendered
 * (innerWidth 0: the rule path before), which is now judged by its computed display and
 * visibility, as a rendered page is without geometry; its candidates are the body's elements.
 */
export function buildStyleIndex(doc: Document, dom: () => DomIndex = () => buildDomIndex(doc)): StyleIndex {
  // The default builds a new index per call: ask it once.
  let built: DomIndex | null = null;
  const index = () => (built ??= dom());
  const layout = hasLayout(doc);
  return IN_BROWSER || layout ? computedStyleIndex(doc, index, layout) : ruleStyleIndex(doc, index);
}

/**
 * The style index over getComputedStyle (a browser). `geometry`: the document has layout, so
 * font size, indent, opacity, boxes, clip, overflow and colours are read too; without it only
 * display and visibility (the values a document that is not rendered still computes).
 */
export function computedStyleIndex(doc: Document, index: () => DomIndex, geometry: boolean): StyleIndex {
  const view = doc.defaultView;

  // hidden-links, the noise stage and overlay all ask about the same elements: one entry per
  // element holds its CSSStyleDeclaration, its position (overlays and off-screen boxes both
  // read it) and its hidden reason (the overlay walk skips what is known hidden).
  interface Asked {
    st: CSSStyleDeclaration | null;
    position?: string;
    /** hiddenReason's answer. */
    reason?: string;
  }
  const asked = new Map<Element, Asked>();
  const askedOf = (el: Element): Asked => {
    let a = asked.get(el);
    if (a === undefined) {
      let st: CSSStyleDeclaration | null = null;
      try {
        st = view ? view.getComputedStyle(el) : null;
      } catch {
        st = null;
      }
      asked.set(el, (a = { st }));
    }
    return a;
  };
  const positionOf = (a: Asked, st: CSSStyleDeclaration): string => (a.position ??= st.position);

  // Each property read is a call into the browser that serialises a computed value: every value
  // is read once, into a local.
  const computedReason = (el: Element): string => {
    const a = askedOf(el);
    const st = a.st;
    if (!st) return '';
    if (st.display === 'none') return 'display:none';
    const vis = st.visibility;
    if (vis === 'hidden' || vis === 'collapse') return 'visibility:hidden';
    if (!geometry || !view) return '';
    // Geometry, only meaningful with layout.
    if (parseFloat(st.fontSize) === 0) return 'font-size:0';
    if (parseFloat(st.textIndent) <= -999) return 'text-indent';
    if (parseFloat(st.opacity) === 0) return 'opacity:0';
    const pos = positionOf(a, st);
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

  // The first POOL body elements are the candidates, for hidden links and overlays.
  const POOL = 6000;
  const hiddenReason = (el: Element): string => {
    const a = askedOf(el);
    return (a.reason ??= el.hasAttribute('hidden') ? 'hidden attribute' : computedReason(el));
  };
  // Any throw while reading the computed style counts as not floating (both callers need that).
  const floats = (el: Element): boolean => {
    try {
      const a = askedOf(el);
      const st = a.st;
      if (!st) return false;
      const pos = positionOf(a, st);
      if (pos === 'fixed' || pos === 'sticky') return true;
      return pos === 'absolute' && parseInt(st.zIndex, 10) >= 99;
    } catch {
      return false;
    }
  };

  /**
   * The body's outermost floating elements, in document order, walking down from the body. Each
   * ask is a getComputedStyle and a position read, so fewer are asked: a floating element's
   * descendants (only the outermost is listed), an element known hidden and its descendants
   * (hidden-links asked first; overlays skip the invisible), mute subtrees (walkBodyText: no
   * text, so rawText is "" and no overlay). Reading display first to skip closed menus was
   * measured: over 41 pages it saved 105 of 33,700 asks for 67 more reads.
   */
  const floatingElements = (): Element[] => {
    const found: Element[] = [];
    if (doc.body)
      index().walkBodyText(POOL, (el) => {
        if (askedOf(el).reason) return false;
        const yes = floats(el);
        if (yes) found.push(el);
        return !yes;
      });
    return found;
  };

  return {
    layout: true,
    hiddenReason,
    floating: floats,
    hiddenCandidates: () => (doc.body ? index().bodyElements(POOL) : []),
    floatingElements,
  };
}

interface RuleSets {
  hidden: Map<Element, string>;
  floating: Set<Element>;
}

function collectRules(doc: Document, dom: () => DomIndex): RuleSets {
  const hidden = new Map<Element, string>();
  const floating = new Set<Element>();
  let absent: Absent | null = null;
  let names: PageNames | null = null;
  const mayMatchNames = (sel: string) => mayMatch(names!, sel);
  const visit = (rules: CSSRuleList | undefined) => {
    if (!rules) return;
    for (let i = 0; i < rules.length; i++) {
      const rule = rules[i] as CSSStyleRule;
      // Skip @media/@supports: responsive "display:none on phones" rules must not count.
      if (rule.type !== 1) continue;
      const selectorText = rule.selectorText;
      if (!selectorText) continue;
      // Interactive states never apply to a page at rest.
      if (/:(hover|focus|active|visited|checked|target|focus-within)|::?(before|after|placeholder|selection|-webkit|-moz)/i.test(selectorText)) continue;
      // Each test here only drops rules, so their order is free: the cheap selector tests (the
      // names pre-check, once the page's names are read) come before the declarations.
      let selectors = names ? selectorText.split(',').filter(mayMatchNames) : null;
      if (selectors && !selectors.length) continue;
      // rule.cssText is the style's cssText plus the selector (more text can only pass more
      // rules to the exact reading below), without making the style object for dropped rules.
      if (!mayHideOrFloat(rule.cssText)) continue;
      const style = ruleDeclarations(rule.style);
      const reason = hidingDeclaration(style);
      const float = isFloatingDecl(style);
      if (!reason && !float) continue;
      // The page's names are read for the first rule that hides or floats.
      names ??= dom().names!;
      selectors ??= selectorText.split(',').filter(mayMatchNames);
      if (!selectors.length) continue;
      let matches: Element[];
      try {
        // Simple selectors are matched on the index (no selector compilation under jsdom). The
        // selector engine is skipped when no selector can match: each needs an attribute name or
        // a tag the page does not have (`[v-cloak]`, `[ng\:cloak]`: ~20 ms a list under jsdom).
        const list = selectors.join(',');
        matches = dom().select(list) ?? (selectors.every((sel) => (absent ??= absentNames(dom())).cannotMatch(sel)) ? [] : Array.from(doc.querySelectorAll(list)));
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

interface Absent {
  /** True when no element of the document can match `selector` (a superset test of "matches nothing"). */
  cannotMatch(selector: string): boolean;
}

// The rightmost compound, when it is plain enough to trust the whitespace split: a tag or *, then
// .class, #id and [attr], [attr=value] parts, names of [\w-] (an attribute name may hold "\:"),
// values unquoted or quoted without spaces, brackets, quotes or backslashes. No parentheses: an
// attribute inside :not() is not required. Anything else (a split inside a string, :is(), …) fails
// the pattern and is kept.
// Built on first use: a module-level String.raw template would stay in the extension build.
let compound: { one: RegExp; attrs: RegExp } | undefined;
function compoundPatterns(): { one: RegExp; attrs: RegExp } {
  const ATTR = String.raw`\[\s*((?:[\w-]|\\:)+)\s*(?:[~|^$*]?=\s*(?:[\w-]+|"[^"'\\\[\]\s]*"|'[^"'\\\[\]\s]*')\s*)?\]`;
  return (compound ??= { one: new RegExp(String.raw`^([\w-]+|\*)?(?:[.#][\w-]+|${ATTR})*$`), attrs: new RegExp(ATTR, 'g') });
}

/**
 * Attribute names (lower case, qualified and local parts) and tags (upper case) of the indexed
 * elements, built on first need: an element matching `[name]` has an attribute called name
 * (ASCII case-insensitively in HTML), one matching `tag` has that local name.
 */
function absentNames(index: DomIndex): Absent {
  const tags = new Set(index.nodes.tag);
  let names: Set<string> | null = null;
  const hasName = (name: string): boolean => {
    if (!names) {
      names = new Set();
      const { type, attrs, node } = index.nodes;
      for (let r = 0; r < type.length; r++) {
        if (type[r] !== 1 || !attrs[r]) continue;
        for (const n of (node[r] as Element).getAttributeNames()) {
          const low = n.toLowerCase();
          names.add(low);
          const colon = low.indexOf(':');
          if (colon >= 0) names.add(low.slice(colon + 1));
        }
      }
    }
    return names.has(name.replace(/\\:/g, ':').toLowerCase());
  };
  const { one, attrs } = compoundPatterns();
  return {
    cannotMatch(selector) {
      const last = selector.trim().split(/[\s>+~]+/).pop() || '';
      const m = one.exec(last);
      if (!m) return false;
      if (m[1] && m[1] !== '*' && !tags.has(m[1].toUpperCase())) return true;
      for (const a of last.matchAll(attrs)) if (!hasName(a[1])) return true;
      return false;
    },
  };
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
function mayMatch(names: PageNames, selector: string): boolean {
  const last = selector.trim().split(/[\s>+~]+/).pop() || '';
  const id = /#([\w-]+)/.exec(last);
  if (id && !names.hasId(id[1])) return false;
  const cls = /\.([\w-]+)/.exec(last);
  if (cls && !names.hasClass(cls[1])) return false;
  return true;
}

/**
 * The style index without layout (jsdom: Node library, CLI, tests): inline styles and the
 * stylesheet rules that hide or float, big blocks confirmed with the cascade (see the top of
 * this file). Never in the extension build (buildStyleIndex).
 */
function ruleStyleIndex(doc: Document, index: () => DomIndex): StyleIndex {
  let rules: RuleSets | null = null;
  const getRules = () => (rules ??= collectRules(doc, index));
  const confirmed = new Map<Element, string>();
  // The cascade's display and visibility, for the few big blocks a rule hides (slow under jsdom).
  let cascade: StyleIndex | null = null;

  // An element's hidden and style attributes come from the index's table when it holds the
  // element (its marks, and the style text other stages share): no wrapper call each.
  const styleAttr = (el: Element, idx: DomIndex, row: number): string | null => (row >= 0 ? styleAt(idx.nodes, row) : el.getAttribute('style'));
  const inlineReason = (style: string | null): string => (style && INLINE_MAY_HIDE.test(style) ? hidingDeclaration(parseInline(style)) : '');
  const floating = (el: Element): boolean => {
    const idx = index();
    const style = styleAttr(el, idx, idx.rowOf(el));
    // isFloatingDecl reads nothing but position (and z-index with it).
    if (style && /position/i.test(style) && isFloatingDecl(parseInline(style))) return true;
    return getRules().floating.has(el);
  };

  return {
    layout: false,
    hiddenReason(el) {
      const idx = index();
      const row = idx.rowOf(el);
      if (row >= 0 ? hiddenAttrAt(idx.nodes, row) : el.hasAttribute('hidden')) return 'hidden attribute';
      const style = styleAttr(el, idx, row);
      const inline = inlineReason(style);
      if (inline) return inline;
      const fromRule = getRules().hidden.get(el);
      if (!fromRule) return '';
      // Only a block that reads like prose is worth a cascade check (drop-down menus are not).
      const text = el.textContent || '';
      if (text.length < BIG_TEXT || (text.match(/[。，；！？]/g) || []).length < 3) return fromRule;
      // A big block: a later, more specific rule may show it again. Ask the cascade once.
      let known = confirmed.get(el);
      if (known === undefined) {
        const st = style !== null ? '' : (cascade ??= computedStyleIndex(doc, index, false)).hiddenReason(el);
        known = /display|visibility/.test(fromRule) ? st : fromRule;
        confirmed.set(el, known);
      }
      return known;
    },
    floating,
    hiddenCandidates() {
      if (!doc.body) return [];
      return [...index().styledOrHidden, ...getRules().hidden.keys()];
    },
    floatingElements() {
      const body = doc.body;
      if (!body) return [];
      const idx = index();
      // Containment and parents come from the index's rows (no wrapper calls).
      // The index's elements with a style attribute (`body [style]`), then those of the rules.
      const styled = idx.styledOrHidden.filter((el) => idx.nodes.marks![idx.rowOf(el)] & MARK_STYLE);
      const found = [...new Set([...styled, ...getRules().floating])].filter((el) => idx.contains(body, el) && floating(el));
      // Outermost only: drop an element when one of its ancestors was found too.
      const set = new Set(found);
      return found.filter((el) => {
        for (let p = idx.parentElement(el); p; p = idx.parentElement(p)) if (set.has(p)) return false;
        return true;
      });
    },
  };
}

const indexes = new WeakMap<Document, StyleIndex>();

/**
 * Compatibility entry: one element's own style. Builds (and caches) the document's index, which
 * with layout also keeps each answer: for a document whose styles no longer change.
 */
export function isInvisibleElement(el: Element, index?: StyleIndex): boolean {
  const doc = el.ownerDocument;
  let idx = index ?? indexes.get(doc);
  if (!idx) {
    idx = buildStyleIndex(doc);
    indexes.set(doc, idx);
  }
  return idx.hiddenReason(el) !== '';
}
