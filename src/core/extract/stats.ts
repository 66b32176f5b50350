// One walk over the page that computes, bottom-up, what the body scorer needs for every element:
// visible-ish text length, link text, Chinese punctuation, and a paragraph score pushed to the
// ancestors (the element itself, its parent in full, grandparent 1/2, great-grandparent 1/3).
// Style is NOT computed here (jsdom's getComputedStyle is slow): only the cheap signals
// (hidden attribute, inline display:none) are used; the few elements that win are checked later.
import type { PageContext } from '../page/context';
import { BLOCK_TAGS, domIndex } from '../page/context';
import { MARK_ARIA_HIDDEN, MARK_HIDDEN, MARK_STYLE, hiddenInMarkupAt, isSpaceCode, mayHave, tableAt, type NodeTable } from '../page/dom-index';

/** cheaplyHiddenAt() is false for an element without any of these attributes. */
const HIDING = MARK_HIDDEN | MARK_STYLE | MARK_ARIA_HIDDEN;

export interface Stat {
  el: Element;
  /** Non-space characters of text inside, links included. */
  chars: number;
  /** Non-space characters inside <a>. */
  linkChars: number;
  /** Chinese (and full-width) sentence punctuation outside links. */
  punct: number;
  /** Paragraph score received from descendants and own text. */
  score: number;
  /** Characters of paragraphs that read as sentences (contain ，。；！？). */
  sentChars: number;
  /** The element's own (inline) text contains sentence punctuation. */
  ownSentence: boolean;
  /** Length of the longest paragraph inside. */
  maxPara: number;
  /** Number of paragraph-like blocks inside. */
  paras: number;
  /** Links inside. */
  links: number;
  /** Document order of the element. */
  order: number;
  /** True when the element is or contains a block-level element. */
  block: boolean;
  /** A CMS marker (comment or meta ContentStart) sits directly in this element. */
  marked: boolean;
}

export const SKIP_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'RT', 'RP', 'SELECT', 'OPTION', 'TEXTAREA',
  'BUTTON', 'INPUT', 'CANVAS', 'VIDEO', 'AUDIO', 'HEAD', 'TITLE', 'META', 'LINK',
]);

const SENTENCE = /[，。；！？]/;
const MARKER = /(正文|信息内容|内容|content|article|body).{0,12}(begin|start|开始)|^\s*(begin|start).{0,12}(content|正文)/i;

/**
 * Cheap invisibility of an element row, no style computation, only what the markup says: hidden
 * attribute, inline display:none / visibility:hidden (from the table, read once per analysis), or
 * aria-hidden on an element without text.
 */
export function cheaplyHiddenAt(t: NodeTable, row: number): boolean {
  if (hiddenInMarkupAt(t, row)) return true;
  const el = t.node[row] as Element;
  return mayHave(t, row, MARK_ARIA_HIDDEN) && el.getAttribute('aria-hidden') === 'true' && !el.textContent?.trim();
}

/** Characters of `s` outside SPACE (JS \s plus U+200B–U+200D), without building the stripped string. */
export function countChars(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (!isSpaceCode(s.charCodeAt(i), true)) n++;
  return n;
}

// ，。、；：？！ , ;
const isPunctCode = (c: number): boolean =>
  c === 0xff0c || c === 0x3002 || c === 0x3001 || c === 0xff1b || c === 0xff1a || c === 0xff1f || c === 0xff01 || c === 44 || c === 59;

/** Matches of PUNCT in `s`, counted without the match array. */
export function countPunct(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (isPunctCode(s.charCodeAt(i))) n++;
  return n;
}

// countText's second answer (a module variable: no object per text node).
let lastPunct = 0;

/**
 * countChars(s), and countPunct(s) into lastPunct (0 without `punct`): one pass over each text
 * node of the body instead of two. Exported for its test.
 */
export function countText(s: string, punct: boolean): number {
  let n = 0;
  let p = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isSpaceCode(c, true)) n++;
    if (punct && isPunctCode(c)) p++;
  }
  lastPunct = p;
  return n;
}

/** The punctuation count of the last countText call. */
export const countedPunct = (): number => lastPunct;

/** Walk the body; return stats per element (skipped subtrees absent). */
export function collectStats(ctx: PageContext, root: Element): Map<Element, Stat> {
  const stats = new Map<Element, Stat>();
  const stack: Stat[] = [];
  let order = 0;

  const push = (s: number) => {
    const n = stack.length;
    if (n >= 1) stack[n - 1].score += s;
    if (n >= 2) stack[n - 2].score += s;
    if (n >= 3) stack[n - 3].score += s / 2;
    if (n >= 4) stack[n - 4].score += s / 3;
  };

  // Over the node table (no DOM calls under jsdom): the index's, or the root's own if it lacks it.
  const { table, row: rootRow } = tableAt(domIndex(ctx), root);
  const { type: types, node: nodes, data: datas, tag: tags, next, end, attrs } = table;
  const walkRow = (r: number, inLink: boolean): Stat => {
    const el = nodes[r] as Element;
    const tag = tags[r];
    const st: Stat = { el, chars: 0, linkChars: 0, punct: 0, score: 0, sentChars: 0, ownSentence: false, maxPara: 0, paras: 0, links: 0, order: order++, block: BLOCK_TAGS.has(tag) && tag !== 'BR', marked: false };
    stats.set(el, st);
    stack.push(st);
    const link = inLink || tag === 'A';
    if (tag === 'A') st.links++;
    let ownChars = 0;
    let ownLink = 0;
    let ownPunct = 0;
    let sentence = false;
    for (let c = end[r] === r + 1 ? -1 : r + 1; c >= 0; c = next[c]) {
      const type = types[c];
      if (type === 3) {
        const data = datas[c];
        const n = countText(data, !link);
        if (!n) continue;
        const p = lastPunct;
        if (p && !sentence && SENTENCE.test(data)) sentence = true;
        ownChars += n;
        ownPunct += p;
        if (link) ownLink += n;
      } else if (type === 1) {
        const child = nodes[c] as Element;
        const ctag = tags[c];
        if (SKIP_TAGS.has(ctag)) {
          if (ctag === 'META' && attrs[c] && /^content(start|begin)$/i.test(child.getAttribute('name') || '')) st.marked = true;
          continue;
        }
        if (ctx.excluded.has(child) || (attrs[c] && mayHave(table, c, HIDING) && cheaplyHiddenAt(table, c))) continue;
        const cs = walkRow(c, link);
        st.chars += cs.chars;
        st.linkChars += cs.linkChars;
        st.punct += cs.punct;
        st.paras += cs.paras;
        st.sentChars += cs.sentChars;
        if (cs.maxPara > st.maxPara) st.maxPara = cs.maxPara;
        st.links += cs.links;
        if (cs.block) st.block = true;
        else {
          // Inline child: its text belongs to this element's own paragraph text.
          ownChars += cs.chars;
          ownLink += cs.linkChars;
          ownPunct += cs.punct;
          if (cs.ownSentence) sentence = true;
          st.chars -= cs.chars;
          st.linkChars -= cs.linkChars;
          st.punct -= cs.punct;
        }
      } else if (type === 8 && MARKER.test(datas[c])) {
        st.marked = true;
      }
    }
    st.chars += ownChars;
    st.ownSentence = sentence;
    st.linkChars += ownLink;
    st.punct += ownPunct;
    stack.pop();
    if (st.block || stack.length === 0) {
      // Own text forms a paragraph; Chinese paragraphs are short, so 8 characters count.
      const plain = ownChars - ownLink;
      if (plain >= 8 && ownLink <= ownChars * 0.5) {
        const s = 1 + Math.min(ownPunct, 40) + Math.min(Math.floor(plain / 40), 4);
        stack.push(st);
        push(s);
        stack.pop();
        st.paras++;
        if (sentence) st.sentChars += plain;
        if (plain > st.maxPara) st.maxPara = plain;
      }
    }
    return st;
  };

  walkRow(rootRow, false);
  return stats;
}
