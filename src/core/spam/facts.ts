// Facts about a page that several detectors need, computed once per analysis and lazily:
// anchor counts per ancestor, per-anchor spam scores, hosts, raw block text.
import type { PageContext } from '../page/context';
import { domIndex, foldSpace } from '../page/context';
import { isSpaceCode, tableAt, type DomIndex, type NodeTable } from '../page/dom-index';
import type { HiddenBlock, SpamKind } from '../types';
import { scoreText, type TextScore } from './matcher';

export interface PageFacts {
  ctx: PageContext;
  /** All <a href> in the document, in order (computed on first use). */
  readonly anchors: Element[];
  /** Number of anchors inside each element (only elements with at least one; computed on first use). */
  readonly anchorCount: Map<Element, number>;
  /** `a[href]` inside the element (not the element itself), in order. */
  anchorsIn(el: Element): Element[];
  /** Per ancestor: anchors with spam words, strong hits, link text length, off-site anchors. */
  /** Per ancestor of an anchor, in first-touch order. */
  anchorAgg(): [Element, AnchorAgg][];
  anchorScore(a: Element): TextScore;
  hostOf(a: Element): string;
  /** textContent without script/style, whitespace folded (visible or not). */
  rawText(el: Element): string;
  /** Blocks found so far by any detector (to skip what is already judged). */
  claimed(el: Element): boolean;
  claim(block: HiddenBlock): void;
}

export interface AnchorAgg {
  n: number;
  spam: number;
  strong: number;
  linkText: number;
  offsite: number;
}

export interface SpamDetector {
  kind: SpamKind;
  detect(facts: PageFacts): HiddenBlock[];
}

const NON_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/** Text inside `el` without script/style, a space between elements, whitespace folded. */
export function collectText(el: Element): string {
  return collectTextIndexed(null, el);
}

/** collectText over the document's node table when it holds `el` (no DOM calls), else over `el`'s own. */
export function collectTextIndexed(index: DomIndex | null, el: Element): string {
  const { table, row } = tableAt(index, el);
  const { type, data, end } = table;
  // The common leaf (<a>label</a>, <td>text</td>): one text child, no join.
  if (end[row] === row + 2 && type[row + 1] === 3) return fold(data[row + 1]);
  // The spam and noise stages ask for many nested blocks of the document: the answers are kept
  // per row of its table, each put together from its children's (see composed).
  if (index && table === index.nodes) {
    let memo = textMemo.get(table);
    if (!memo) textMemo.set(table, (memo = newMemo(type.length)));
    return composed(table, memo, row);
  }
  return composed(table, newMemo(type.length), row);
}

/**
 * Per row of a document's table: the element's collected text, and whether its raw text (before
 * folding) is empty or ends with whitespace. Sized up front: writes at scattered rows into an
 * empty array would make it a dictionary.
 */
interface TextMemo {
  text: (string | undefined)[];
  open: Uint8Array;
}

const textMemo = new WeakMap<NodeTable, TextMemo>();
const newMemo = (rows: number): TextMemo => ({ text: new Array(rows), open: new Uint8Array(rows) });

/**
 * The element's text: fold(raw), raw being its text rows in order with a space where an element
 * starts and script-like subtrees left out. Put together from its children's: fold(raw) is raw's
 * words joined by one space, and two pieces' words join without a space only where raw has no
 * whitespace between them (a text node's edges, the space before an element, what an element's
 * raw text ends with). So each subtree is read once per analysis, not once per asked ancestor
 * (on gne-163-6, 425 K characters were folded for 98 K of page text).
 */
function composed(table: NodeTable, memo: TextMemo, row: number): string {
  const known = memo.text[row];
  if (known !== undefined) return known;
  const { type, data, tag, end, next } = table;
  let out = '';
  // The raw text so far is empty or ends with whitespace: a space goes in before the next word.
  let open = true;
  for (let c = end[row] === row + 1 ? -1 : row + 1; c >= 0; c = next[c]) {
    const t = type[c];
    if (t === 3) {
      const d = data[c];
      if (!d) continue;
      // The word run of d: the whitespace at its edges only decides the joins.
      let from = 0;
      let to = d.length;
      while (from < to && isSpaceCode(d.charCodeAt(from), true)) from++;
      while (to > from && isSpaceCode(d.charCodeAt(to - 1), true)) to--;
      if (from < to) {
        if (out && (open || from > 0)) out += ' ';
        out += from === 0 && to === d.length ? fold(d) : fold(d.slice(from, to));
      }
      open = from === to || to < d.length;
    } else if (t === 1 && !NON_TEXT.has(tag[c])) {
      // raw gets ' ' + the child's raw text.
      const piece = composed(table, memo, c);
      if (piece) {
        if (out) out += ' ';
        out += piece;
      }
      open = memo.open[c] === 1;
    }
  }
  memo.text[row] = out;
  memo.open[row] = open ? 1 : 0;
  return out;
}

/** foldSpace(s), returning s itself when it holds nothing foldSpace changes (most labels). */
function fold(s: string): string {
  // foldSpace's class: JS \s (which is also all that trim() removes) plus U+200B–U+200D.
  for (let i = 0; i < s.length; i++) if (isSpaceCode(s.charCodeAt(i), true)) return foldSpace(s);
  return s;
}

export function bareHost(h: string): string {
  return h.toLowerCase().replace(/^(www|m|wap)\./, '');
}

const sites = new Map<string, string>();

/** The registrable-ish part: last two labels, three for .gov.cn / .com.cn style suffixes. */
export function siteOf(host: string): string {
  // Asked once per anchor by several detectors; a page links to few distinct hosts.
  let site = sites.get(host);
  if (site === undefined) {
    const parts = host.toLowerCase().split('.').filter(Boolean);
    const n = /^(gov|com|net|org|edu|ac)$/.test(parts[parts.length - 2] || '') && parts.length > 2 ? 3 : 2;
    site = parts.slice(-n).join('.');
    if (sites.size >= 5000) sites.clear();
    sites.set(host, site);
  }
  return site;
}

export interface FactsOptions {
  /**
   * false: never build the document's index; answer from the DOM (same answers). For judging a
   * few added subtrees while the page loads, where a whole-document walk per batch would cost
   * O(document) per frame.
   */
  indexed?: boolean;
}

export function createFacts(ctx: PageContext, options: FactsOptions = {}): PageFacts {
  const index: DomIndex | null = options.indexed === false ? null : domIndex(ctx);
  const rowOf = (el: Element) => (index ? index.rowOf(el) : -1);
  /** Calls fn for each ancestor of the element (parentElement chain), from the table when indexed. */
  const ancestors = (el: Element, fn: (p: Element) => void) => {
    const r = rowOf(el);
    if (r < 0) {
      for (let p: Element | null = el.parentElement; p; p = p.parentElement) fn(p);
      return;
    }
    const { node, parent } = index!.nodes;
    for (let p = parent[r]; p >= 0; p = parent[p]) fn(node[p] as Element);
  };
  let anchors: Element[] | null = null;
  const getAnchors = () => (anchors ??= index ? index.anchors : Array.from(ctx.doc.querySelectorAll('a[href]')));
  let anchorCount: Map<Element, number> | null = null;
  const getAnchorCount = () => {
    if (anchorCount) return anchorCount;
    const counts = new Map<Element, number>();
    for (const a of getAnchors()) ancestors(a, (p) => counts.set(p, (counts.get(p) || 0) + 1));
    return (anchorCount = counts);
  };
  const scores = new Map<Element, TextScore>();
  const hosts = new Map<Element, string>();
  const hostByHref = new Map<string, string>();
  const texts = new Map<Element, string>();
  const claimedEls = new Set<Element>();
  let agg: [Element, AnchorAgg][] | null = null;
  const own = siteOf(ctx.host || '');
  const facts: PageFacts = {
    ctx,
    get anchors() {
      return getAnchors();
    },
    get anchorCount() {
      return getAnchorCount();
    },
    anchorsIn: (el) => (index ? index.anchorsIn(el) : Array.from(el.querySelectorAll('a[href]'))),
    anchorAgg() {
      if (agg) return agg;
      const out: [Element, AnchorAgg][] = (agg = []);
      // Entries in first-touch order. Indexed anchors find their ancestors' entries by parent row
      // (array reads: a lookup keyed by an element is dear under jsdom), others by a Map.
      const byRow: (AnchorAgg | undefined)[] = index ? new Array(index.nodes.type.length) : [];
      const byEl = new Map<Element, AnchorAgg>();
      const entry = (el: Element): AnchorAgg => {
        const g = { n: 0, spam: 0, strong: 0, linkText: 0, offsite: 0 };
        out.push([el, g]);
        return g;
      };
      for (const a of getAnchors()) {
        const s = facts.anchorScore(a);
        const spam = s.strong > 0 || s.score >= 3 ? 1 : 0;
        const h = facts.hostOf(a);
        const off = h && siteOf(h) !== own ? 1 : 0;
        const len = facts.rawText(a).length;
        const add = (g: AnchorAgg) => {
          g.n++;
          g.spam += spam;
          g.strong += s.strong;
          g.linkText += len;
          g.offsite += off;
        };
        const r = rowOf(a);
        if (r >= 0) {
          const { node, parent } = index!.nodes;
          for (let p = parent[r]; p >= 0; p = parent[p]) add((byRow[p] ??= entry(node[p] as Element)));
          continue;
        }
        ancestors(a, (p) => {
          let g = byEl.get(p);
          if (!g) byEl.set(p, (g = entry(p)));
          add(g);
        });
      }
      return out;
    },
    anchorScore(a) {
      let s = scores.get(a);
      if (!s) {
        s = scoreText(facts.rawText(a) || a.getAttribute('title') || '');
        scores.set(a, s);
      }
      return s;
    },
    hostOf(a) {
      let h = hosts.get(a);
      if (h === undefined) {
        h = '';
        const href = a.getAttribute('href') || '';
        if (/^(https?:)?\/\//i.test(href)) {
          // Link lists repeat hrefs: parse each distinct one once (URL parsing is the slow part).
          const known = hostByHref.get(href);
          if (known !== undefined) h = known;
          else {
            try {
              h = new URL(href, ctx.url || 'http://localhost/').hostname.toLowerCase();
            } catch {
              h = '';
            }
            hostByHref.set(href, h);
          }
        }
        hosts.set(a, h);
      }
      return h;
    },
    rawText(el) {
      let t = texts.get(el);
      if (t === undefined) {
        t = collectTextIndexed(index, el);
        texts.set(el, t);
      }
      return t;
    },
    claimed(el) {
      // Clean pages have nothing claimed or excluded yet: no climb (inline-spam asks per long text).
      if (claimedEls.size === 0 && ctx.excluded.size === 0) return false;
      const r = rowOf(el);
      if (r < 0) {
        for (let p: Element | null = el; p; p = p.parentElement) if (claimedEls.has(p) || ctx.excluded.has(p)) return true;
        return false;
      }
      const { node, parent } = index!.nodes;
      for (let p = r; p >= 0; p = parent[p]) if (claimedEls.has(node[p] as Element) || ctx.excluded.has(node[p] as Element)) return true;
      return false;
    },
    claim(block) {
      if (block.element) claimedEls.add(block.element);
    },
  };
  return facts;
}

/** Random-looking host labels: consonant runs, digit-letter mixes (h7sn4u.efzkpsnvq.com). */
export function randomLooking(host: string): boolean {
  const labels = host.split('.').slice(0, -1).filter((l) => !/^(www|m|wap|bbs|news|cn|com|net|org|gov)$/.test(l));
  return labels.some((l) => (/\d/.test(l) && /[a-z]/.test(l) && l.length >= 4) || /[bcdfghjklmnpqrstvwxz]{4,}/.test(l));
}

/** tooBroad()'s tags, upper case (as the node table's `tag`). */
export const BROAD_TAGS = new Set(['HTML', 'BODY', 'HEAD', 'MAIN', 'FRAMESET']);

// tooBroad's answer per local name: under jsdom `tagName` upper-cases the name with a regex on
// every read, and the detectors ask about many elements.
const broadByName = new Map<string, boolean>();

/** Skip the whole document root and body: hiding them would blank the page. */
export function tooBroad(el: Element): boolean {
  // tagName.toUpperCase() is localName.toUpperCase() for every element without a namespace
  // prefix, i.e. every element an HTML parser makes (the node table's `tag` assumes the same).
  const name = el.localName;
  let broad = broadByName.get(name);
  if (broad === undefined) {
    broad = BROAD_TAGS.has(name.toUpperCase());
    if (broadByName.size < 2000) broadByName.set(name, broad);
  }
  return broad;
}

/** Climb to the parent while it adds only a label or separators (友情链接:, 主站蜘蛛池模板:). */
export function expandToLabel(facts: PageFacts, el: Element, maxExtra = 16): Element {
  let cur = el;
  const base = facts.rawText(el).length;
  for (let p = cur.parentElement; p && !tooBroad(p); p = p.parentElement) {
    if (facts.rawText(p).length - base > maxExtra) break;
    cur = p;
  }
  return cur;
}

export function short(text: string, n = 80): string {
  return text.length > n ? text.slice(0, n) + '…' : text;
}
