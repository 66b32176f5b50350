/// <reference path="../../globals.d.ts" />
// One walk over the document, shared by every stage of one analysis (see docs/performance-engine.md).
//
// Why: under jsdom every querySelectorAll runs a compiled matcher over every element, every
// getElementsByClassName re-walks the tree, and a text walk per candidate block is O(n·depth).
// The spam, noise and visibility code used to run a dozen such scans per page. This index walks
// the tree once (elements and text nodes, document order) and answers the same questions from
// plain arrays. It is valid while the document does not change, i.e. for one analyze() call.
import { norm } from '../spam/normalize';

/**
 * The extension build: vite.config.ts defines __QINGDU_BROWSER__ true, vite.node.config.ts and
 * vitest.config.ts false, so the bundler drops every branch the other build needs (the style
 * index's stylesheet-rule path in visibility.ts, the simple-selector matcher here). A bundle made
 * without the define (the engine bundled alone for a browser bench) gets false: the Node paths,
 * which give the same answers.
 */
export const IN_BROWSER = typeof __QINGDU_BROWSER__ !== 'undefined' && __QINGDU_BROWSER__;

export interface PageNames {
  /** Same answer as `doc.getElementsByClassName(name).length > 0`. */
  hasClass(name: string): boolean;
  /** Same answer as `doc.getElementById(id) !== null`. */
  hasId(id: string): boolean;
}

export interface AnchorStat {
  n: number;
  linkLen: number;
  long: number;
}

export interface DomIndex {
  /** Every element of the document in document order (documentElement first). */
  elements: Element[];
  /** Elements strictly inside document.body, with a class or id attribute (= `body [class], body [id]`). */
  named: Element[];
  /** `a[href]` anywhere in the document, in order. */
  anchors: Element[];
  /** The first `limit` elements strictly inside document.body, document order (= `body.querySelectorAll('*')`). */
  bodyElements(limit: number): Element[];
  /**
   * The elements of bodyElements(limit) in order, each with its textLen and its number of
   * descendant elements, except mute subtrees: no text inside (textLen 0) and no script, style,
   * noscript or template element, whose raw text a reader may still take. When `visit` returns
   * false, the element's descendants are not visited either.
   */
  walkBodyText(limit: number, visit: (el: Element, textLen: number, descendants: number) => boolean): void;
  /** Elements strictly inside document.body with a style or hidden attribute (= `body [style], body [hidden]`). */
  styledOrHidden: Element[];
  /** Elements with this local name anywhere in the document, in order (= `querySelectorAll(tag)`). */
  byTag(...tags: string[]): Element[];
  /** Elements strictly inside document.body whose local name is one of `tags`. */
  bodyByTag(...tags: string[]): Element[];
  /** Non-space characters of text inside the element (body text only, scripts/styles excluded). */
  textLen(el: Element): number;
  /** Anchors (`a[href]`) inside the element or the element itself: count, link text, long ones. */
  anchorStat(el: Element): AnchorStat | undefined;
  /** Body text nodes with 1–40 non-space characters (parents not script/style), normalised, with their parent element. */
  shortTexts: { node: Text; norm: string; parent: Element }[];
  /** `el.querySelectorAll('a[href]')` without the selector engine (descendants, document order). */
  anchorsIn(el: Element): Element[];
  /** Descendants of `el` (not `el`) accepted by `want`, document order; null when `el` is not indexed. */
  within(el: Element, want: (el: Element, tag: string) => boolean): Element[] | null;
  /**
   * `querySelectorAll(selector)` as an array. Under jsdom only for the simplest selectors (tag,
   * .class, #id compounds joined by space or >), null for others; in the extension build the
   * browser's own engine answers (fast there; it throws on an invalid selector).
   */
  select(selector: string): Element[] | null;
  /**
   * The page's class tokens and ids, for the stylesheet pre-check (Node build only: the browser
   * build asks its own selector engine and leaves this out).
   */
  names?: PageNames;
  /** Every element, text and comment node under documentElement as flat arrays (see NodeTable). */
  nodes: NodeTable;
  /** Row of `el` in `nodes`, or -1 when the element was not indexed. */
  rowOf(el: Element): number;
  /** `el.textContent` (all descendant text, scripts included) from the table. */
  textContent(el: Element): string;
  /** `el.textContent.length` without building the string. */
  textContentLength(el: Element): number;
  /** `el.getAttribute('class')` as it was when indexed. */
  classAttr(el: Element): string | null;
  /** `el.getAttribute('id')` as it was when indexed. */
  idAttr(el: Element): string | null;
  /** `${class} ${id}` as indexed ("" for a missing one): what name hints (title, body, noise) test. */
  nameOf(el: Element): string;
  /** `el.parentElement` (no wrapper round trip for indexed elements). */
  parentElement(el: Element): Element | null;
  /** `outer.contains(inner)` for elements (row ranges when both are indexed). */
  contains(outer: Element, inner: Element): boolean;
  /** `el.tagName.toUpperCase()` (from the table for indexed elements). */
  upperTag(el: Element): string;
}

/**
 * The document tree as arrays, in document order: one row per element, text or comment node
 * (other node types are left out; no walker of the engine reads them). A row's children are
 * the rows from `row + 1` linked by `next`; `end` is the row after its subtree. Walking these
 * arrays replaces firstChild/nextSibling/parentElement/data/textContent calls, each of which
 * costs a wrapper round trip under jsdom.
 */
export interface NodeTable {
  /** 1 element, 3 text, 8 comment. */
  type: number[];
  node: Node[];
  /** Text or comment data; "" for elements. */
  data: string[];
  /** Local name for elements in upper case (= tagName.toUpperCase() in HTML documents); "" otherwise. */
  tag: string[];
  /** Next sibling row, or -1. */
  next: number[];
  /** Parent row (-1 for documentElement). */
  parent: number[];
  /** Row after the subtree (row + 1 for text and comments). */
  end: number[];
  /** Elements: the element had attributes. */
  attrs: boolean[];
  /**
   * Only in the document's table: per element row, which of the attributes that can hide an
   * element in the markup it has (MARK_HIDDEN | MARK_STYLE | MARK_ARIA_HIDDEN); 0 = none of them.
   * Lets walkers skip the attribute reads on the many elements that only have a class or id.
   */
  marks?: number[];
  /** styleAt's answers, by row (filled on first ask). */
  styles?: Map<number, string | null>;
}

export const MARK_HIDDEN = 1;
export const MARK_STYLE = 2;
export const MARK_ARIA_HIDDEN = 4;

/** False only when the table knows the element (row) has none of `bits`' attributes. */
export function mayHave(t: NodeTable, row: number, bits: number): boolean {
  return !t.marks || (t.marks[row] & bits) !== 0;
}

/** `hasAttribute('hidden')` of an element row (from the marks when the table has them). */
export function hiddenAttrAt(t: NodeTable, row: number): boolean {
  return t.marks ? (t.marks[row] & MARK_HIDDEN) !== 0 : (t.node[row] as Element).hasAttribute('hidden');
}

/**
 * `getAttribute('style')` of an element row, read once per table: the text lines, the body
 * statistics, the block collector and the noise stage each ask about the same styled elements
 * (a wrapper call each under jsdom). A snapshot, like everything the table answers.
 */
export function styleAt(t: NodeTable, row: number): string | null {
  if (t.marks && !(t.marks[row] & MARK_STYLE)) return null;
  const memo = (t.styles ??= new Map());
  let s = memo.get(row);
  if (s === undefined) memo.set(row, (s = (t.node[row] as Element).getAttribute('style')));
  return s;
}

const INLINE_HIDES = /display\s*:\s*none|visibility\s*:\s*hidden/i;

/** The markup hides an element row: a hidden attribute, or an inline display:none / visibility:hidden. */
export function hiddenInMarkupAt(t: NodeTable, row: number): boolean {
  if (hiddenAttrAt(t, row)) return true;
  const style = styleAt(t, row);
  return !!style && INLINE_HIDES.test(style);
}

/**
 * `el.querySelector(name) !== null` of an element row, for a lower-case tag name: the table's tag
 * is the upper-cased local name, and the local name itself is read only where that agrees.
 */
export function hasTagInside(t: NodeTable, row: number, name: string): boolean {
  const tag = name.toUpperCase();
  for (let r = row + 1, end = t.end[row]; r < end; r++) if (t.tag[r] === tag && (t.node[r] as Element).localName === name) return true;
  return false;
}

/**
 * `el.closest('x, y')` for type selectors without the selector engine (under jsdom each selector
 * compiles once per document): the element or its nearest ancestor with one of these local names
 * (the same as the selector for every element an HTML parser makes).
 */
export function closestNamed(el: Element, names: ReadonlySet<string>): Element | null {
  for (let p: Element | null = el; p; p = p.parentElement) if (names.has(p.localName)) return p;
  return null;
}

const NO_TEXT = new Set(['script', 'style', 'noscript', 'template']);
const NONE: string[] = [];
// Most class names are already lower case (quirks-mode pages lower-case every one).
export const asciiLower = (s: string) => (/[A-Z]/.test(s) ? s.replace(/[A-Z]+/g, (m) => m.toLowerCase()) : s);
// norm() of a short ASCII text (dates, counts, "more") is its lower case: norm's other steps act
// on Han characters, zero-width marks and symbols between Han characters.
const ASCII = /^[\x00-\x7f]*$/;
const CLASS_SPACE = /[\t\n\f\r ]/;

/** The class attribute's tokens (ASCII-lower-cased in quirks mode): one token needs no split. */
export function classTokens(cls: string, quirks: boolean): string[] {
  // In quirks mode the whole attribute is lower-cased once (asciiLower never touches the spaces).
  const s = quirks ? asciiLower(cls) : cls;
  return CLASS_SPACE.test(s) ? s.split(/[\t\n\f\r ]+/).filter(Boolean) : [s];
}

export function buildDomIndex(doc: Document): DomIndex {
  const elements: Element[] = [];
  const tags: string[] = [];
  const named: Element[] = [];
  const anchors: Element[] = [];
  const styledOrHidden: Element[] = [];
  const shortTexts: { node: Text; norm: string; parent: Element }[] = [];
  // Per element (by its index in `elements`); one Map from element to index is the only hash.
  const pos = new Map<Element, number>();
  const lenOf: number[] = [];
  const ends: number[] = [];
  // Element index of each of `anchors` (ascending: document order).
  const anchorAt: number[] = [];
  // Class tokens per element, split on first need (most elements are never matched by class).
  let classOf: (string[] | undefined)[] | null = null;
  const clsOf: (string | null)[] = [];
  const idOf: (string | null)[] = [];
  const parentOf: number[] = [];
  const quirks = !IN_BROWSER && doc.compatMode === 'BackCompat'; // selectSimple's class matching
  const { nt, row } = tableBuilder(true);
  const marks = nt.marks!;
  const rowAt: number[] = []; // element index -> row
  // Short texts repeat (更多, 首页, 上一篇): normalise each distinct non-ASCII one once per page.
  const normed = new Map<string, string>();
  const body = doc.body;
  let bodies = 0;
  let bodyFrom = 0, bodyTo = 0; // elements[bodyFrom, bodyTo) are the strict descendants of doc.body

  // Returns the element's body-text length (0 outside the body).
  const walk = (el: Element, tag: string, inBody: boolean, parentAt: number, parentRow: number): number => {
    const at = elements.length;
    // Every call below is a wrapper round trip under jsdom. Most elements (p, span, li, br …)
    // carry no attribute at all: one call. The others: one call for the names, and a read only
    // of the class and id they have (getAttribute(n) !== null ⇔ the names include n).
    const attrs = el.hasAttributes();
    let cls: string | null = null;
    let id: string | null = null;
    let hasStyle = false, hasHidden = false, hasHref = false;
    let mark = 0;
    if (attrs) {
      let hasClass = false, hasId = false;
      const names = el.getAttributeNames();
      for (let i = 0; i < names.length; i++) {
        const n = names[i];
        if (n === 'class') hasClass = true;
        else if (n === 'id') hasId = true;
        else if (n === 'style') hasStyle = true;
        else if (n === 'hidden') hasHidden = true;
        else if (n === 'href') hasHref = true;
        else if (n === 'aria-hidden') mark |= MARK_ARIA_HIDDEN;
      }
      if (hasStyle) mark |= MARK_STYLE;
      if (hasHidden) mark |= MARK_HIDDEN;
      if (hasClass) cls = el.getAttribute('class');
      if (hasId) id = el.getAttribute('id');
    }
    const me = row(1, el, '', upper(tag), parentRow, attrs);
    marks[me] = mark;
    rowAt.push(me);
    pos.set(el, at);
    elements.push(el);
    tags.push(tag);
    lenOf.push(0);
    if (tag === 'body') bodies++;
    clsOf.push(cls);
    idOf.push(id);
    parentOf.push(parentAt);
    if (inBody) {
      if (cls !== null || id !== null) named.push(el);
      if (hasStyle || hasHidden) styledOrHidden.push(el);
    }
    if (hasHref && tag === 'a') {
      anchors.push(el);
      anchorAt.push(at);
    }
    const childInBody = inBody || el === body;
    const countText = childInBody && !NO_TEXT.has(tag);
    let len = 0;
    if (el === body) bodyFrom = elements.length;
    let prev = -1;
    for (let c = el.firstChild; c; c = c.nextSibling) {
      // Of the child nodes only elements have a local name, and the walk needs it anyway: one
      // call (a wrapper round trip under jsdom) instead of nodeType and then localName.
      const name = (c as Element).localName;
      let r = -1;
      if (name !== undefined) {
        r = nt.type.length;
        len += walk(c as Element, name, childInBody, at, me);
        if (prev >= 0) nt.next[prev] = r;
        prev = r;
        continue;
      }
      const type = c.nodeType;
      if (type === 3) {
        const data = (c as Text).data;
        r = row(3, c, data, '', me, false);
        if (countText) {
          const n = nonSpaceLength(data);
          if (n) {
            if (n <= 40) {
              const t = data.trim();
              let nn: string | undefined;
              if (ASCII.test(t)) nn = t.toLowerCase();
              else if ((nn = normed.get(t)) === undefined) normed.set(t, (nn = norm(t)));
              shortTexts.push({ node: c as Text, norm: nn, parent: el });
            }
            len += n;
          }
        }
      } else if (type === 8) r = row(8, c, (c as Comment).data, '', me, false);
      else continue;
      if (prev >= 0) nt.next[prev] = r;
      prev = r;
    }
    nt.end[me] = nt.type.length;
    if (el === body) bodyTo = elements.length;
    ends[at] = elements.length;
    lenOf[at] = len;
    return len;
  };
  const root = doc.documentElement;
  if (root) walk(root, root.localName, false, -1, -1);

  const rowOf = (el: Element): number => {
    const at = pos.get(el);
    return at === undefined ? -1 : rowAt[at];
  };
  // Read by selectSimple only (Node build).
  const classesAt = (i: number): string[] => ((classOf ??= new Array(elements.length))[i] ??= clsOf[i] ? classTokens(clsOf[i]!, quirks) : NONE);
  const simple = IN_BROWSER ? null : simpleSelection({ elements, tags, classesAt, clsOf, idOf, parentOf }, quirks);
  // Position in `anchors` of the first anchor with element index >= i.
  const firstAnchor = (i: number): number => {
    let lo = 0, hi = anchorAt.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (anchorAt[mid] < i) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  let textBefore: number[] | null = null;
  let loud: Uint8Array | null = null;

  // Anchor stats bottom-up: each anchor counts for itself and all its ancestors (parentOf is
  // the parentElement chain: the walk starts at documentElement).
  const astats: (AnchorStat | undefined)[] = new Array(elements.length);
  for (const i of anchorAt) {
    const len = lenOf[i];
    for (let p = i; p >= 0; p = parentOf[p]) {
      let st = astats[p];
      if (!st) astats[p] = st = { n: 0, linkLen: 0, long: 0 };
      st.n++;
      st.linkLen += len;
      if (len >= 10) st.long++;
    }
  }

  // `body X` selectors mean "X with a <body> ancestor": the same as our body range unless the
  // page has odd bodies (a second <body> element, or document.body is a <frameset>).
  const exact = bodies <= 1 && (!body || body.localName === 'body');
  const select = (sel: string) => Array.from(doc.querySelectorAll(sel));
  const pick = (want: (tag: string) => boolean, from: number, to: number): Element[] => {
    const out: Element[] = [];
    for (let i = from; i < to; i++) if (want(tags[i])) out.push(elements[i]);
    return out;
  };
  return {
    elements,
    named: exact ? named : select('body [class], body [id]'),
    anchors,
    styledOrHidden,
    bodyElements: (limit) => elements.slice(bodyFrom, Math.min(bodyTo, bodyFrom + limit)),
    walkBodyText(limit, visit) {
      if (!loud) {
        // Bottom-up (children come after their parent): a subtree is loud when an element of it
        // has text or a NO_TEXT tag.
        loud = new Uint8Array(elements.length);
        for (let i = elements.length - 1; i >= 0; i--) {
          if (!loud[i] && (lenOf[i] > 0 || NO_TEXT.has(tags[i]))) loud[i] = 1;
          if (loud[i] && parentOf[i] >= 0) loud[parentOf[i]] = 1;
        }
      }
      const to = Math.min(bodyTo, bodyFrom + limit);
      for (let i = bodyFrom; i < to; ) i = loud[i] && visit(elements[i], lenOf[i], ends[i] - i - 1) ? i + 1 : ends[i];
    },
    byTag: (...t) => pick((x) => t.includes(x), 0, elements.length),
    bodyByTag: (...t) => (exact ? pick((x) => t.includes(x), bodyFrom, bodyTo) : select(t.map((x) => 'body ' + x).join(', '))),
    textLen(el) {
      const at = pos.get(el);
      return at === undefined ? 0 : lenOf[at];
    },
    anchorStat(el) {
      const at = pos.get(el);
      return at === undefined ? undefined : astats[at];
    },
    shortTexts,
    anchorsIn(el) {
      const at = pos.get(el);
      if (at === undefined) return Array.from(el.querySelectorAll('a[href]'));
      // The anchors after `at` and before its subtree's end: a slice of `anchors`.
      return anchors.slice(firstAnchor(at + 1), firstAnchor(ends[at]));
    },
    within(el, want) {
      const at = pos.get(el);
      if (at === undefined) return null;
      const out: Element[] = [];
      for (let i = at + 1, end = ends[at]; i < end; i++) if (want(elements[i], tags[i])) out.push(elements[i]);
      return out;
    },
    select: simple ? simple.select : select,
    names: simple?.names,
    nodes: nt,
    rowOf,
    textContent(el) {
      const r = rowOf(el);
      if (r < 0) return el.textContent || '';
      let out = '';
      for (let i = r + 1, end = nt.end[r]; i < end; i++) if (nt.type[i] === 3) out += nt.data[i];
      return out;
    },
    textContentLength(el) {
      const r = rowOf(el);
      if (r < 0) return (el.textContent || '').length;
      if (!textBefore) {
        // textBefore[i] = length of all text in rows before i.
        textBefore = new Array<number>(nt.type.length + 1);
        let n = 0;
        for (let i = 0; i < nt.type.length; i++) {
          textBefore[i] = n;
          if (nt.type[i] === 3) n += nt.data[i].length;
        }
        textBefore[nt.type.length] = n;
      }
      return textBefore[nt.end[r]] - textBefore[r + 1];
    },
    classAttr(el) {
      const at = pos.get(el);
      return at === undefined ? el.getAttribute('class') : clsOf[at];
    },
    idAttr(el) {
      const at = pos.get(el);
      return at === undefined ? el.getAttribute('id') : idOf[at];
    },
    nameOf(el) {
      const at = pos.get(el);
      return at === undefined ? `${el.getAttribute('class') || ''} ${el.getAttribute('id') || ''}` : `${clsOf[at] || ''} ${idOf[at] || ''}`;
    },
    parentElement(el) {
      const at = pos.get(el);
      // parentOf is the parentElement chain: the walk starts at documentElement (parent -1 = null).
      return at === undefined ? el.parentElement : parentOf[at] >= 0 ? elements[parentOf[at]] : null;
    },
    contains(outer, inner) {
      const a = pos.get(outer);
      const b = a === undefined ? undefined : pos.get(inner);
      return b === undefined ? outer.contains(inner) : a! <= b && b < ends[a!];
    },
    upperTag(el) {
      const r = rowOf(el);
      return r < 0 ? el.tagName.toUpperCase() : nt.tag[r];
    },
  };
}

/** JS \s (WhiteSpace + LineTerminator) as a char code; with `zeroWidth`, U+200B–U+200D count too. */
export function isSpaceCode(c: number, zeroWidth = false): boolean {
  if (c > 32 && c < 0xa0) return false;
  // Han and the rest of the BMP above U+3000: one compare instead of the whole list below.
  if (c > 0x3000) return c === 0xfeff;
  return (
    c === 9 || c === 10 || c === 11 || c === 12 || c === 13 || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= (zeroWidth ? 0x200d : 0x200a)) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** = s.replace(/\s+/g, '').length without building the string. */
export function nonSpaceLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (!isSpaceCode(s.charCodeAt(i))) n++;
  return n;
}

/** = !s.trim() (trim removes exactly \s), without building the trimmed string. */
export function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isSpaceCode(s.charCodeAt(i))) return false;
  return true;
}

const UPPER = new Map<string, string>();
/** Local name -> upper case, cached (a few dozen distinct tags per page). */
function upper(tag: string): string {
  let u = UPPER.get(tag);
  if (u === undefined) {
    u = tag.toUpperCase();
    if (UPPER.size < 2000) UPPER.set(tag, u);
  }
  return u;
}

const HTML_NS = 'http://www.w3.org/1999/xhtml';

interface Compound {
  /** Lower case (for HTML elements) and as written (for SVG/MathML, matched case-sensitively). */
  tag: string;
  rawTag: string;
  ids: string[];
  classes: string[];
}

/**
 * `document.querySelectorAll(selector)` for the simplest selectors only: compounds of a type,
 * `#id` and `.class` parts joined by descendant or child combinators (what most hiding rules
 * are). Matching rules of the selector engine: type selectors are case-insensitive on HTML
 * elements, ids case-sensitive, classes case-insensitive in quirks mode. Anything else (attributes,
 * pseudo-classes, escapes, `+ ~ *`) returns null and the caller asks the selector engine: under
 * jsdom each distinct selector string costs a compilation per document (milliseconds).
 */
interface Table {
  elements: Element[];
  tags: string[];
  classesAt(i: number): string[];
  clsOf: (string | null)[];
  idOf: (string | null)[];
  parentOf: number[];
}

/** Element positions (ascending) by class token (lower-cased in quirks mode), id and local name. */
interface Keys {
  classes(): Map<string, number[]>;
  ids(): Map<string, number[]>;
  tags(): Map<string, number[]>;
}

const NO_POSITIONS: number[] = [];

/** Appends position i to key's list, once (class="a a"). */
function addPosition(map: Map<string, number[]>, key: string, i: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [i]);
  else if (list[list.length - 1] !== i) list.push(i);
}

/**
 * selectSimple and the page's names over one map per kind of key, each built on first use: a
 * selector's rightmost id, class or type picks its few candidates instead of a test of every
 * element, and the stylesheet pre-check asks the same maps (one split of the class attributes
 * per page).
 */
function simpleSelection(t: Table, quirks: boolean): { select(selector: string): Element[] | null; names: PageNames } {
  let classes: Map<string, number[]> | null = null;
  let ids: Map<string, number[]> | null = null;
  let tags: Map<string, number[]> | null = null;
  const keys: Keys = {
    classes() {
      if (!classes) {
        classes = new Map();
        for (let i = 0; i < t.clsOf.length; i++) if (t.clsOf[i]) for (const c of t.classesAt(i)) addPosition(classes, c, i);
      }
      return classes;
    },
    ids() {
      if (!ids) {
        ids = new Map();
        for (let i = 0; i < t.idOf.length; i++) if (t.idOf[i] !== null) addPosition(ids, t.idOf[i]!, i);
      }
      return ids;
    },
    tags() {
      if (!tags) {
        tags = new Map();
        for (let i = 0; i < t.tags.length; i++) addPosition(tags, t.tags[i], i);
      }
      return tags;
    },
  };
  return {
    select: (selector) => selectSimple(selector, t, quirks, keys),
    names: {
      hasClass: (name) => keys.classes().has(quirks ? asciiLower(name) : name),
      hasId: (id) => keys.ids().has(id),
    },
  };
}

function selectSimple(selector: string, t: Table, quirks: boolean, keys: Keys): Element[] | null {
  const chains: { parts: Compound[]; joins: string[] }[] = [];
  for (const one of selector.split(',')) {
    const text = one.trim();
    if (!text || !/^[\w\s.#>-]+$/.test(text)) return null;
    const tokens = text.replace(/\s*>\s*/g, ' > ').split(/\s+/);
    const parts: Compound[] = [];
    const joins: string[] = [];
    let join = ' ';
    for (const tok of tokens) {
      if (tok === '>') {
        if (!parts.length || join === '>') return null;
        join = '>';
        continue;
      }
      const m = /^([a-zA-Z][\w-]*)?((?:[.#]-?[_a-zA-Z][\w-]*)*)$/.exec(tok);
      if (!m || (!m[1] && !m[2])) return null;
      const c: Compound = { tag: asciiLower(m[1] || ''), rawTag: m[1] || '', ids: [], classes: [] };
      for (const p of m[2].match(/[.#][\w-]+/g) || []) {
        if (p[0] === '#') c.ids.push(p.slice(1));
        else c.classes.push(quirks ? asciiLower(p.slice(1)) : p.slice(1));
      }
      if (parts.length) joins.push(join);
      parts.push(c);
      join = ' ';
    }
    if (!parts.length || join === '>') return null;
    chains.push({ parts, joins });
  }
  const { elements, tags, classesAt, idOf, parentOf } = t;
  const matches = (i: number, c: Compound): boolean => {
    // The namespace (a wrapper call) only matters when the selector's type has upper-case letters.
    if (c.tag && (c.tag === c.rawTag ? tags[i] !== c.tag : elements[i].namespaceURI === HTML_NS ? tags[i] !== c.tag : tags[i] !== c.rawTag)) return false;
    for (const x of c.ids) if (idOf[i] !== x) return false;
    for (const x of c.classes) if (!classesAt(i).includes(x)) return false;
    return true;
  };
  // Does element i (matching parts[k]) have ancestors matching parts[0..k-1] with the right joins?
  const upward = (i: number, parts: Compound[], joins: string[], k: number): boolean => {
    if (k === 0) return true;
    const join = joins[k - 1];
    for (let p = parentOf[i]; p >= 0; p = parentOf[p]) {
      if (matches(p, parts[k - 1]) && upward(p, parts, joins, k - 1)) return true;
      if (join === '>') return false;
    }
    return false;
  };
  // When every chain's rightmost compound has an id, a class or a lower-case type, its candidates
  // are the elements with the first of them, merged back into document order; otherwise one pass
  // over all. (A type with upper-case letters matches HTML elements by its lower case and foreign
  // ones as written: no single key.)
  const keyOf = (c: Compound): number[] | null =>
    c.ids.length
      ? keys.ids().get(c.ids[0]) ?? NO_POSITIONS
      : c.classes.length
        ? keys.classes().get(c.classes[0]) ?? NO_POSITIONS
        : c.tag && c.tag === c.rawTag
          ? keys.tags().get(c.tag) ?? NO_POSITIONS
          : null;
  const hit = (i: number, { parts, joins }: (typeof chains)[number]): boolean => {
    const last = parts.length - 1;
    return matches(i, parts[last]) && upward(i, parts, joins, last);
  };
  const out: Element[] = [];
  if (chains.every(({ parts }) => keyOf(parts[parts.length - 1]))) {
    const hits: number[] = [];
    for (const chain of chains) for (const i of keyOf(chain.parts[chain.parts.length - 1])!) if (hit(i, chain)) hits.push(i);
    if (chains.length > 1) hits.sort((a, b) => a - b);
    for (let k = 0; k < hits.length; k++) if (k === 0 || hits[k] !== hits[k - 1]) out.push(elements[hits[k]]);
    return out;
  }
  for (let i = 0; i < elements.length; i++) {
    for (const chain of chains) {
      if (hit(i, chain)) {
        out.push(elements[i]);
        break;
      }
    }
  }
  return out;
}

/** An empty node table and the function that appends a row to it (its `next` and `end` set later). */
function tableBuilder(withMarks = false) {
  const nt: NodeTable = { type: [], node: [], data: [], tag: [], next: [], parent: [], end: [], attrs: [] };
  const marks: number[] | null = withMarks ? (nt.marks = []) : null;
  const row = (type: number, node: Node, data: string, tag: string, parent: number, attrs: boolean): number => {
    const r = nt.type.length;
    if (marks) marks.push(0);
    nt.type.push(type);
    nt.node.push(node);
    nt.data.push(data);
    nt.tag.push(tag);
    nt.next.push(-1);
    nt.parent.push(parent);
    nt.end.push(r + 1);
    nt.attrs.push(attrs);
    return r;
  };
  return { nt, row };
}

/**
 * The node table of one subtree (row 0 = `root`), built the same way as the document's: for
 * elements the analysis's index does not hold (content added after it was built, or a caller
 * with no index), so that every walker has one implementation over rows.
 */
export function subtreeTable(root: Element): NodeTable {
  const { nt, row } = tableBuilder();
  const walk = (el: Element, parentRow: number): number => {
    const me = row(1, el, '', upper(el.localName), parentRow, el.hasAttributes());
    let prev = -1;
    for (let c = el.firstChild; c; c = c.nextSibling) {
      const type = c.nodeType;
      let r: number;
      if (type === 1) r = walk(c as Element, me);
      else if (type === 3 || type === 8) r = row(type, c, (c as CharacterData).data, '', me, false);
      else continue;
      if (prev >= 0) nt.next[prev] = r;
      prev = r;
    }
    nt.end[me] = nt.type.length;
    return me;
  };
  walk(root, -1);
  return nt;
}

/** `el`'s row in the index's table, or row 0 of a table built for its subtree when the index lacks it. */
export function tableAt(index: DomIndex | null, el: Element): { table: NodeTable; row: number } {
  const r = index ? index.rowOf(el) : -1;
  return r >= 0 ? { table: index!.nodes, row: r } : { table: subtreeTable(el), row: 0 };
}
