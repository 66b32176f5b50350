// Article body extraction tuned for Chinese pages.
// 1. One walk scores every element (stats.ts): Chinese punctuation and paragraph length, pushed
//    to ancestors, discounted by link density and weighed by class/id and CMS evidence.
// 2. The best visible candidate is narrowed to the smallest element that still holds nearly all
//    of its text (drops the headline and metadata line that share the wrapper).
// 3. Its subtree becomes blocks (collect.ts); credit lines, promos and pagers are trimmed (trim.ts).
import type { PageContext } from '../page/context';
import { domIndex } from '../page/context';
import type { DomIndex } from '../page/dom-index';
import type { ArticleBlock } from '../types';
import { collectStats, type Stat } from './stats';
import { blocksToLines, collectBlocks } from './collect';
import { trimBlocks } from './trim';
import { findPagination } from './pagination';

export interface ArticleResult {
  element: Element | null;
  body: string;
  blocks: ArticleBlock[];
  isArticle: boolean;
  pagination: { current: number; total: number } | null;
}

const EMPTY: ArticleBody = { element: null, body: '', blocks: [], isArticle: false };

/** Known CMS body containers: strong evidence, but a mirror copies them too, so never a rule. */
const CMS_HINT = /(^|\s)(TRS_Editor|TRS_UEDITOR|trs_paper_default|dochtmlcon|zoom|UCAP-CONTENT|vsb_content|v_news_content|pages_content|article-content|article_content|endText|content-article)(\s|$)/i;
const GOOD_NAME = /article|content|正文|text|detail|body|entry|post|news_?con|neirong|zhengwen|txt|summary|abstract|cont/i;
const BAD_NAME =
  /comment|footer|foot|sidebar|side|nav|menu|recommend|related|relate|hot|rank|share|banner|\bad\b|ads|copyright|links|tags|widget|popular|breadcrumb|header|top|login|search|tuijian/i;
const BAD_TAG = new Set(['NAV', 'ASIDE', 'FOOTER', 'HEADER', 'A', 'LI', 'UL', 'OL']);

function nameWeight(el: Element, st: Stat, dom: DomIndex): number {
  const name = dom.nameOf(el).trim();
  let w = 1;
  if (name) {
    if (CMS_HINT.test(name)) w *= 1.4;
    else if (GOOD_NAME.test(name)) w *= 1.15;
    if (BAD_NAME.test(name) && !CMS_HINT.test(name)) w *= 0.6;
  }
  const tag = dom.upperTag(el);
  if (tag === 'UCAPCONTENT' || tag === 'ARTICLE') w *= 1.3;
  if (BAD_TAG.has(tag)) w *= 0.5;
  if (st.marked) w *= 1.3;
  return w;
}

function rank(el: Element, st: Stat, dom: DomIndex): number {
  const density = st.chars ? st.linkChars / st.chars : 1;
  // A list of teasers (headline link + short excerpt per item) has about one link per paragraph
  // and no long paragraph.
  const teasers = st.links >= 6 && st.links >= st.paras * 0.8 && st.linkChars >= st.links * 8 && st.maxPara < 120 ? 0.3 : 1;
  return st.score * (1 - density) * (1 - density) * nameWeight(el, st, dom) * teasers;
}

/** Narrow the winner to the child that holds nearly all its article text and all its pictures. */
function narrow(root: Element, stats: Map<Element, Stat>, title: string): Element {
  for (let guard = 0; guard < 30; guard++) {
    const st = stats.get(root);
    if (!st) break;
    const plain = st.chars - st.linkChars;
    // Text a reader sees as the headline does not count as article text.
    let titleChars = 0;
    let titleSent = 0;
    let best: Element | null = null;
    let bestPlain = 0;
    // Element children by sibling links: Array.from(children) goes through jsdom's collection proxy.
    for (let c = root.firstElementChild; c; c = c.nextElementSibling) {
      const cs = stats.get(c);
      if (!cs) continue;
      const cp = cs.chars - cs.linkChars;
      if (title && cp <= title.length + 4 && cp > 0 && (c.textContent || '').replace(/\s+/g, '').includes(title.replace(/\s+/g, ''))) {
        titleChars += cp;
        titleSent += cs.sentChars;
      }
      if (cp > bestPlain) {
        bestPlain = cp;
        best = c;
      }
    }
    if (!best) break;
    const cs = stats.get(best)!;
    if (!cs.block || cs.score < st.score * 0.5) break;
    // Nearly all sentence text, most of the plain text (headline and metadata line aside), and
    // every picture must be inside the child.
    if (cs.sentChars < (st.sentChars - titleSent) * 0.9 || bestPlain < (plain - titleChars) * 0.6) break;
    const imgs = root.getElementsByTagName('img').length - best.getElementsByTagName('img').length;
    if (imgs > 0 && bestPlain < (plain - titleChars) * 0.97) break;
    root = best;
  }
  return root;
}

function chooseRoot(ctx: PageContext, stats: Map<Element, Stat>): Element | null {
  const cands: { el: Element; r: number }[] = [];
  const dom = domIndex(ctx);
  for (const [el, st] of stats) if (st.score > 0) cands.push({ el, r: rank(el, st, dom) });
  cands.sort((a, b) => b.r - a.r);
  for (const c of cands.slice(0, 8)) {
    if (!ctx.isInvisible(c.el)) return c.el;
  }
  return null;
}

/** The article without its pager: what the pipeline needs at page load (see extractArticle). */
export type ArticleBody = Omit<ArticleResult, 'pagination'>;

/**
 * The article and its pager. The pipeline calls extractBody and reads the pager in its details
 * stage (pipeline.ts), so that pagination.ts stays out of the content script's load path.
 */
export function extractArticle(ctx: PageContext, title: string, knownRoot?: Element | null): ArticleResult {
  const article = extractBody(ctx, title, knownRoot);
  return { ...article, pagination: article.isArticle && article.element ? findPagination(ctx, article.element) : null };
}

export function extractBody(ctx: PageContext, title: string, knownRoot?: Element | null): ArticleBody {
  try {
    const body = ctx.doc.body || ctx.doc.documentElement;
    if (!body) return EMPTY;
    let root: Element | null;
    let stats: Map<Element, Stat>;
    if (knownRoot) {
      root = knownRoot;
      stats = collectStats(ctx, knownRoot);
    } else {
      stats = collectStats(ctx, body);
      const top = chooseRoot(ctx, stats);
      root = top ? narrow(top, stats, title) : null;
    }
    if (!root) return EMPTY;
    const { blocks: raw } = collectBlocks(ctx, root, stats);
    const blocks = trimBlocks(raw, title);
    const lines = blocksToLines(blocks);
    const text = lines.join('\n');
    const st = stats.get(root);
    const chars = text.replace(/\s+/g, '').length;
    const punct = (text.match(/[，。；！？]/g) || []).length;
    const density = st && st.chars ? st.linkChars / st.chars : 0;
    const isArticle = density < 0.5 && (chars >= 200 || (chars >= 40 && punct >= 2));
    return { element: root, body: text, blocks, isArticle };
  } catch {
    return EMPTY;
  }
}
