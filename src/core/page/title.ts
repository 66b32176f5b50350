// The article title, in a principled order:
// 1. gov meta ArticleTitle (the CMS states it);
// 2. the page heading that best matches a reference title (og:title, JSON-LD, <title> and its
//    parts once site names are split off; <title> never when it is spam);
// 3. a heading followed by a date/metadata line (pages whose <title> is just the column name);
// 4. the best reference: og:title, then the longest part of <title>.
import type { PageContext } from './context';
import { domIndex, foldSpace } from './context';
import { metaContent } from './metaread';
import type { TextLine } from './textlines';
import { hasTagInside, tableAt, type DomIndex } from './dom-index';

const squeeze = (s: string): string => s.normalize('NFKC').replace(/[\s\p{P}\p{S}]+/gu, '');
const SEP = /\s*(?:--|——|—|–|_{1,2}|\||｜|-\s|\s-|::|·\s)\s*/;
const DATE_NEAR = /\d{4}\s*[-/.]\s*\d{1,2}|\d{4}年\d{1,2}月|\d{1,2}-\d{2}\s*\d{1,2}:\d{2}|(发布|来源|时间|日期)\s*[：:]/;
const BADGE = 6;
/** A <title> part that names the site rather than the article. */
const SITE_PART = /(网|官网|网站|门户|平台|频道|首页|\.cn|\.com|\.net)\s*$/iu;
/** A match this strong (exact, or nearly all of a <title> part) beats the metadata-line test. */
const SURE = 2.4;

/** Ideographic spaces between Han characters/digits are layout, not part of the title. */
export function cleanTitle(s: string): string {
  return foldSpace(s.replace(/([\p{Script=Han}\d])\u3000+(?=[\p{Script=Han}\d])/gu, '$1'));
}

interface Ref {
  text: string;
  sq: string;
  weight: number;
}

function refsOf(ctx: PageContext, served: string, ld: string): Ref[] {
  const out: Ref[] = [];
  const add = (text: string, weight: number) => {
    const t = cleanTitle(text);
    const sq = squeeze(t);
    if (sq.length >= 4 && !out.some((r) => r.sq === sq)) out.push({ text: t, sq, weight });
  };
  add(metaContent(ctx.doc, 'og:title', 'twitter:title'), 1);
  if (ld) add(ld, 1);
  if (served) {
    add(served, 0.9);
    for (const part of served.split(SEP)) add(part, SITE_PART.test(part) ? 0.3 : 0.8);
    // "标题-栏目": a bare hyphen before a short site or column name.
    const bare = served.replace(/\s*-\s*[^-]{1,10}$/u, '');
    if (bare !== served) add(bare, 0.8);
  }
  return out;
}

const HEADINGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
const TITLE_NAME = /title|headline|biaoti|(^|[-_\s])tit([-_\s]|$)/i;
const NOT_IN = new Set(['HEAD', 'A', 'SCRIPT', 'STYLE', 'NAV', 'FOOTER', 'NOSCRIPT', 'TEMPLATE']);

/** Headings and elements named like titles, in document order; one pass, no selector engine (slow under jsdom). */
function headingCandidates(ctx: PageContext): Element[] {
  const out: Element[] = [];
  const body = ctx.doc.body;
  if (!body) return out;
  // The node table (the page's, or one built for a body it does not hold): element rows in
  // document order, a skipped subtree is one jump to its end row (no wrapper calls).
  const dom = domIndex(ctx);
  const { table: t, row: from } = tableAt(dom, body);
  for (let r = from + 1, end = t.end[from]; r < end && out.length < 150; ) {
    if (t.type[r] !== 1) {
      r++;
      continue;
    }
    const el = t.node[r] as Element;
    const tag = t.tag[r];
    if (NOT_IN.has(tag) || ctx.excluded.has(el)) {
      r = t.end[r];
      continue;
    }
    if (HEADINGS.has(tag)) out.push(el);
    // Without attributes the name is " " (too short to test).
    else if (t.attrs[r]) {
      const name = dom.nameOf(el);
      if (name.length >= 4 && TITLE_NAME.test(name)) out.push(el);
    }
    r++;
  }
  return out;
}

/** The first `n` characters of text inside `el`, without reading all of a large subtree. */
function leadingText(el: Element, n: number): string {
  let out = '';
  const walk = (node: Node): boolean => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        out += (c as Text).data.replace(/\s+/g, ' ');
        if (out.trim().length >= n) return true;
      } else if (c.nodeType === 1) {
        const tag = (c as Element).tagName.toUpperCase();
        if (tag === 'SCRIPT' || tag === 'STYLE') continue;
        out += ' ';
        if (walk(c)) return true;
      }
    }
    return false;
  };
  walk(el);
  return out.trim().slice(0, n);
}

/** Labels a CMS puts in the headline as their own little element: <h2><span>原创</span>标题</h2>. */
const BADGE_WORD = /^[【\[(（]?(原创|独家|首发|置顶|头条|推荐|热门|热|新|荐|精|图|图文|视频|专题|转载|快讯|最新|重磅|官方|广告|hot|new|top)[】\])）]?$/i;

/** A badge child at either end of the heading: a separate short element whose text is only a badge word. */
function isBadge(node: ChildNode | null): node is Element {
  if (!node || node.nodeType !== 1) return false;
  const t = (node.textContent || '').trim();
  return t.length > 0 && t.length <= BADGE && BADGE_WORD.test(t);
}

/** Skip whitespace-only text nodes from one end. */
function edge(node: ChildNode | null, next: (n: ChildNode) => ChildNode | null): ChildNode | null {
  while (node && node.nodeType === 3 && !(node as Text).data.trim()) node = next(node);
  return node;
}

function headingText(el: Element, dom: DomIndex | null = null): string {
  // The index's table gives el.textContent without jsdom's tree traversal.
  const full = cleanTitle(dom ? dom.textContent(el) : el.textContent || '');
  const first = edge(el.firstChild, (n) => n.nextSibling);
  const last = edge(el.lastChild, (n) => n.previousSibling);
  const drop = [first, last].filter(isBadge);
  if (!drop.length || first === last) return full;
  // Only when the rest still reads as a title (the badge is not the heading's only text).
  let text = '';
  for (let c = el.firstChild; c; c = c.nextSibling) if (!drop.includes(c as Element)) text += c.textContent || '';
  const rest = cleanTitle(text);
  return squeeze(rest).length >= 4 ? rest : full;
}

/** `cs` = squeeze(cand), computed once per candidate rather than once per reference. */
function match(cand: string, cs: string, ref: Ref): { score: number; text: string } | null {
  if (cs.length < 4) return null;
  if (cs === ref.sq) return { score: 3 * ref.weight, text: cand };
  // The heading is the title and the reference adds a site name or column.
  if (ref.sq.includes(cs) && cs.length >= Math.max(6, ref.sq.length * 0.45)) return { score: (2 + cs.length / ref.sq.length) * ref.weight, text: cand };
  // The heading adds a badge (原创, 置顶) or the reference is truncated (og:title cut at a quote).
  if (cs.includes(ref.sq) && ref.sq.length >= 4) {
    if (cs.length - ref.sq.length <= BADGE && cs.endsWith(ref.sq)) return { score: 2.5 * ref.weight, text: ref.text };
    if (ref.sq.length >= cs.length * 0.3) return { score: (1.5 + ref.sq.length / cs.length) * ref.weight, text: cand };
  }
  return null;
}

/**
 * `el.querySelector('a') !== null` from the node table. Under jsdom the first querySelector of a
 * selector compiles it for the document (~2 ms per analysis, on pages that reach this test).
 */
export function hasAnchor(dom: DomIndex | null, el: Element): boolean {
  const { table, row } = tableAt(dom, el);
  return hasTagInside(table, row, 'a');
}

/** True when the next text after `el` (within a few siblings up the tree) looks like a metadata line. */
function followedByMeta(el: Element): boolean {
  let cur: Element | null = el;
  for (let up = 0; up < 3 && cur; up++, cur = cur.parentElement) {
    let sib = cur.nextElementSibling;
    for (let k = 0; sib && k < 3; k++, sib = sib.nextElementSibling) {
      const t = leadingText(sib, 24);
      if (!t) continue;
      return DATE_NEAR.test(t);
    }
  }
  return false;
}

export function findTitle(ctx: PageContext, opts: { servedTitleIsSpam: boolean; ld: string; lines?: TextLine[] }): string {
  const doc = ctx.doc;
  const gov = cleanTitle(metaContent(doc, 'ArticleTitle'));
  if (gov) return gov;
  const served = opts.servedTitleIsSpam ? '' : cleanTitle(doc.title || '');
  const refs = refsOf(ctx, served, opts.ld);
  const cands = headingCandidates(ctx);
  // Candidates' texts are read by two passes below; the DOM does not change in between.
  const dom = domIndex(ctx);
  const texts = new Map<Element, string>();
  const textOf = (el: Element): string => {
    let t = texts.get(el);
    if (t === undefined) texts.set(el, (t = headingText(el, dom)));
    return t;
  };
  let best: { score: number; text: string } | null = null;
  cands.forEach((el, i) => {
    const text = textOf(el);
    if (text.length < 4 || text.length > 160) return;
    const cs = squeeze(text);
    const tag = dom.upperTag(el);
    const tagBonus = tag === 'H1' ? 0.3 : HEADINGS.has(tag) ? 0.15 : 0;
    for (const ref of refs) {
      const m = match(text, cs, ref);
      if (!m) continue;
      const score = m.score + tagBonus - i * 0.001;
      if (!best || score > best.score) best = { score, text: m.text };
    }
  });
  // Any short line of the page that is exactly a reference (titles in plain styled spans).
  if (!best || (best as { score: number }).score < SURE) {
    for (const line of opts.lines || []) {
      if (line.text.length < 4 || line.text.length > 100) continue;
      const sq = squeeze(line.text);
      for (const ref of refs) {
        if (sq !== ref.sq) continue;
        const score = 3 * ref.weight;
        if (!best || score > (best as { score: number }).score) best = { score, text: cleanTitle(line.text) };
      }
    }
  }
  const matched = best as { score: number; text: string } | null;
  if (matched && matched.score >= SURE) return matched.text;
  // A heading with a metadata line (date, 来源) right under it is the headline.
  for (const el of cands) {
    const text = textOf(el);
    if (text.length < 6 || text.length > 80 || hasAnchor(dom, el)) continue;
    if (followedByMeta(el)) return text;
  }
  if (matched) return matched.text;
  if (refs.length) {
    const og = refs.find((r) => r.weight === 1);
    if (og) return og.text;
    const parts = served.split(SEP).map(cleanTitle).filter(Boolean);
    return parts.sort((a, b) => b.length - a.length)[0] || served;
  }
  const h1 = dom.byTag('h1')[0] ?? null; // = doc.querySelector('h1') (no selector compiled)
  if (h1) return headingText(h1);
  // No reference at all (hijacked <title>, no og:title) and no <h1>: the first heading the template
  // names as the title (<h2 class="title">), its badge (原创) left out.
  for (const el of cands) {
    if (!HEADINGS.has(el.tagName.toUpperCase()) || !TITLE_NAME.test(dom.nameOf(el))) continue;
    const text = textOf(el);
    if (text.length >= 6 && text.length <= 80 && !hasAnchor(dom, el)) return text;
  }
  return '';
}
