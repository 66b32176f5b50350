// T7: a spam phrase spliced into a sentence of real text. We report the span (text node +
// offsets) and keep the paragraph: never drop a paragraph for one category word. A span needs
// a dense cluster of hits (several terms, at least one strong) or a bracketed 【…】 phrase of
// spam words; the span grows over adjacent digits/Latin letters (97国产…, …mp4) and brackets.
import type { HiddenBlock } from '../types';
import { scoreText, type Hit } from './matcher';
import type { PageFacts, SpamDetector } from './facts';
import { longTextData, longTextRows, longTexts } from './long-texts';
import { domIndex } from '../page/context';
import { closestNamed, type NodeTable } from '../page/dom-index';

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'TITLE', 'OPTION']);
const OPEN = '【[〔（(「『';
const CLOSE = '】]〕）)」』';
const GAP = 3;

export interface Span {
  start: number;
  end: number;
  weight: number;
}

/** Dense clusters of spam hits inside a longer text. */
export function findSpans(text: string): Span[] {
  const s = scoreText(text);
  if (!s.hits.length) return [];
  const clusters: Hit[][] = [];
  for (const h of s.hits) {
    const last = clusters[clusters.length - 1];
    if (last && h.start - last[last.length - 1].end <= GAP) last.push(h);
    else clusters.push([h]);
  }
  const spans: Span[] = [];
  for (const c of clusters) {
    let start = c[0].start;
    let end = c[c.length - 1].end;
    const weight = c.reduce((n, h) => n + h.weight, 0);
    const strong = c.filter((h) => h.weight >= 3).length;
    const distinct = new Set(c.map((h) => h.term)).size;
    // Grow over glued digits / Latin letters (number brands 97 / 777, "mp4", "3d").
    while (start > 0 && /[0-9a-zA-Z０-９ａ-ｚＡ-Ｚ]/.test(text[start - 1])) start--;
    while (end < text.length && /[0-9a-zA-Z０-９ａ-ｚＡ-Ｚ]/.test(text[end])) end++;
    // A number brand glued to the run (97国产…, 4949王中王) is part of the injected phrase.
    const brand = /^[0-9０-９]{2,}/.test(text.slice(start, c[0].start)) ? 1 : 0;
    // Grow over a few unmatched Han characters up to an enclosing bracket pair.
    const open = lastIndexOfAny(text, OPEN, start, 8);
    const close = open >= 0 ? indexOfAny(text, CLOSE, end, 8) : -1;
    const bracketed = open >= 0 && close >= 0 && OPEN.indexOf(text[open]) === CLOSE.indexOf(text[close]);
    if (bracketed) {
      start = open;
      end = close + 1;
    }
    const maxW = Math.max(...c.map((h) => h.weight));
    // A dense run: the cluster is (nearly) nothing but spam vocabulary, e.g. 新版龙虎斗号码,
    // 高清老妇电影福利. Real prose puts ordinary words between such terms; a splice does not.
    const dense = covered(c) >= 0.8 * (c[c.length - 1].end - c[0].start) && ((strong >= 1 && distinct >= 2) || (distinct >= 3 && maxW >= 2 && weight >= 4));
    const ok =
      (strong >= 1 && distinct >= 2 && weight >= 5) ||
      (bracketed && weight + brand >= 3 && maxW >= 2) ||
      (strong >= 2 && weight >= 6) ||
      dense;
    if (!ok) continue;
    // A span that is most of the text is a spam line, not an inline splice.
    if (end - start > 0.6 * text.trim().length) continue;
    spans.push({ start, end, weight });
  }
  return spans;
}

/** Characters of the cluster's span covered by its hits (hits may overlap). */
function covered(c: Hit[]): number {
  let n = 0;
  let at = c[0].start;
  for (const h of c) {
    const from = Math.max(at, h.start);
    if (h.end > from) n += h.end - from;
    at = Math.max(at, h.end);
  }
  return n;
}

function lastIndexOfAny(text: string, chars: string, before: number, max: number): number {
  for (let i = before - 1; i >= 0 && i >= before - max; i--) {
    if (chars.includes(text[i])) return i;
    if (CLOSE.includes(text[i]) || /[，。；！？,.;!?\s]/.test(text[i])) return -1;
  }
  return -1;
}

function indexOfAny(text: string, chars: string, from: number, max: number): number {
  for (let i = from; i < text.length && i < from + max; i++) {
    if (chars.includes(text[i])) return i;
    if (OPEN.includes(text[i]) || /[，。；！？,.;!?\s]/.test(text[i])) return -1;
  }
  return -1;
}

export const inlineSpam: SpamDetector = {
  kind: 'inline-spam',
  detect(facts) {
    const { ctx } = facts;
    const out: HiddenBlock[] = [];
    const nodes = longTexts(ctx);
    const texts = longTextData(ctx);
    const rows = longTextRows(ctx);
    const table = rows ? domIndex(ctx).nodes : null;
    for (let k = 0; k < nodes.length; k++) {
      const node = nodes[k];
      const data = texts[k];
      if (data.length < 24) continue; // a splice lives inside a sentence
      let parent: Element | null;
      if (table) {
        // The parent and the link test from the node table (no DOM calls).
        const p = table.parent[rows![k]];
        if (p < 0 || SKIP.has(table.tag[p]) || insideLinkRow(table, p)) continue;
        parent = table.node[p] as Element;
      } else {
        parent = node.parentElement;
        if (!parent || SKIP.has(parent.tagName.toUpperCase()) || closestNamed(parent, LINK)) continue;
      }
      if (facts.claimed(parent) || ctx.isInvisible(parent)) continue;
      for (const sp of findSpans(data)) {
        out.push({
          kind: 'inline-spam',
          category: 'spam',
          reason: `spam phrase spliced into a sentence (weight ${sp.weight})`,
          text: data.slice(sp.start, sp.end),
          span: { node, start: sp.start, end: sp.end },
        });
        const list = ctx.excludedSpans.get(node) ?? [];
        list.push([sp.start, sp.end]);
        ctx.excludedSpans.set(node, list);
      }
    }
    return out;
  },
};

const LINK = new Set(['a']);

/** closestNamed(el, LINK) over the table's parent rows (the localName read only for rows tagged A). */
function insideLinkRow(table: NodeTable, row: number): boolean {
  for (let p = row; p >= 0; p = table.parent[p]) if (table.tag[p] === 'A' && (table.node[p] as Element).localName === 'a') return true;
  return false;
}
