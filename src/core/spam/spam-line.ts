// Visible spam lines and blocks (seed 000's first line, a keyword <h1> at the top): text made
// of many short segments joined by , _ | 、, most of them carrying spam vocabulary. Prose never
// looks like this, so a gov paragraph that mentions 扫黄打非 or 彩票 is safe.
import type { HiddenBlock } from '../types';
import { scoreSegments, scoreText } from './matcher';
import { BROAD_TAGS, expandToLabel, short, tooBroad, type PageFacts, type SpamDetector } from './facts';
import { domIndex } from '../page/context';

const INLINE = new Set(['A', 'SPAN', 'FONT', 'B', 'STRONG', 'EM', 'I', 'U', 'SMALL', 'BIG', 'LABEL', 'ABBR', 'CITE', 'MARK', 'SUB', 'SUP', 'S', 'STRIKE', 'TT', 'CODE', 'RUBY', 'RT', 'RP', 'BR', 'IMG', 'WBR', 'NOBR']);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'OPTION', 'HEAD', 'TITLE']);

const WORD_CHAR = /[\p{Script=Han}a-z]/iu;

/**
 * WORD_CHAR.test(s), answering the common cases by code unit: most text nodes are Chinese text
 * or whitespace between tags. Any other non-ASCII character leaves the answer to the regex.
 */
function hasWordChar(s: string): boolean {
  let other = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if ((c | 0x20) >= 97 && (c | 0x20) <= 122) return true;
    } else if (c >= 0x4e00 && c <= 0x9fef) return true; // CJK Unified Ideographs, all Han
    else other = true;
  }
  return other && WORD_CHAR.test(s);
}

/** Nearest block-level ancestor of a text node. */
function blockOf(node: Node): Element | null {
  let el = node.parentElement;
  while (el && INLINE.has(el.tagName.toUpperCase()) && el.parentElement) el = el.parentElement;
  return el;
}

export interface LineVerdict {
  spam: boolean;
  reason: string;
}

export function judgeLine(text: string): LineVerdict {
  const no = { spam: false, reason: '' };
  if (text.length < 6) return no;
  const seg = scoreSegments(text);
  if (seg.segments >= 3) {
    const avg = text.length / seg.segments;
    if (avg <= 30 && seg.spammy >= 0.5 * seg.segments && (seg.strong >= 2 || seg.score >= 10)) {
      return { spam: true, reason: `${seg.segments} keyword segments, ${seg.spammy} with spam words` };
    }
  }
  if (text.length <= 200) {
    const s = scoreText(text);
    if (s.strong >= 3 && s.covered >= 0.4 * text.replace(/\s/g, '').length) {
      return { spam: true, reason: `${s.distinct} spam words in ${text.length} characters` };
    }
  }
  return no;
}

export const spamLine: SpamDetector = {
  kind: 'spam-line',
  detect(facts) {
    const { ctx } = facts;
    const body = ctx.doc.body;
    if (!body) return [];
    const blocks = new Set<Element>();
    const index = domIndex(ctx);
    const bodyRow = index.rowOf(body);
    if (bodyRow < 0) {
      const walker = ctx.doc.createTreeWalker(body, 4 /* SHOW_TEXT */);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const parent = n.parentElement;
        if (!parent || SKIP.has(parent.tagName.toUpperCase())) continue;
        if (!hasWordChar((n as Text).data)) continue;
        const b = blockOf(n);
        if (b && !tooBroad(b)) blocks.add(b);
      }
    } else {
      // The same walk over the node table: text rows inside the body, their block ancestor.
      const { type, node, data, tag, parent } = index.nodes;
      let last = -1; // consecutive text rows mostly share their block: one Set.add for the run
      for (let i = bodyRow + 1, end = index.nodes.end[bodyRow]; i < end; i++) {
        if (type[i] !== 3) continue;
        const p = parent[i];
        if (p < 0 || SKIP.has(tag[p])) continue;
        if (!hasWordChar(data[i])) continue;
        let b = p;
        while (INLINE.has(tag[b]) && parent[b] >= 0) b = parent[b];
        if (b !== last && !BROAD_TAGS.has(tag[b])) blocks.add(node[b] as Element);
        last = b;
      }
    }
    const out: HiddenBlock[] = [];
    for (const b of blocks) {
      if (index.textContentLength(b) > 3000) continue;
      const quick = scoreText(facts.rawText(b));
      if (quick.strong < 2 && quick.score < 6) continue;
      if (facts.claimed(b) || ctx.isInvisible(b)) continue;
      const text = ctx.visibleText(b);
      if (text.length > 1500) continue;
      const v = judgeLine(text);
      if (!v.spam) continue;
      const target = expandToLabel(facts, b, 4);
      const block: HiddenBlock = { kind: 'spam-line', category: 'spam', reason: v.reason, text: short(text, 600), element: target };
      out.push(block);
      facts.claim(block);
    }
    return out;
  },
};
