// T1: hijacked <title>. The served title is replaced by 4–12 keyword segments joined by _ , | -;
// the page's own meta ArticleTitle / <h1> still carry the real title. We report whether the
// title is hijacked and the best real title we can find (the lead's readMeta may use it).
import type { PageContext } from '../page/context';
import { domIndex, foldSpace } from '../page/context';
import { closestNamed } from '../page/dom-index';
import { elementsNamed } from '../page/metaread';
import { judgeLine } from './spam-line';
import { scoreSegments, scoreText } from './matcher';

export interface TitleVerdict {
  hijacked: boolean;
  /** The real title when hijacked ("" when nothing better is found or not hijacked). */
  realTitle: string;
}

function metaContent(doc: Document, name: string): string {
  for (const m of elementsNamed(doc, 'meta')) {
    const key = (m.getAttribute('name') || m.getAttribute('property') || '').toLowerCase();
    if (key === name.toLowerCase()) {
      const v = foldSpace(m.getAttribute('content') || '');
      if (v) return v;
    }
  }
  return '';
}

/** Is this title text keyword spam? Also used on headings and on titles set later by scripts. */
export function isSpamTitle(title: string): boolean {
  const t = foldSpace(title);
  if (!t) return false;
  if (judgeLine(t).spam) return true;
  const seg = scoreSegments(t);
  const s = scoreText(t);
  return (seg.segments >= 2 && seg.spammy >= Math.max(2, 0.5 * seg.segments)) || s.strong >= 3;
}

export function judgeTitle(ctx: PageContext): TitleVerdict {
  const doc = ctx.doc;
  const served = foldSpace(doc.title || '');
  if (!isSpamTitle(served)) return { hijacked: false, realTitle: '' };
  return { hijacked: true, realTitle: findRealTitle(ctx) };
}

/** meta ArticleTitle, then <h1>, then the first title-like heading in document order, then og:title. */
export function findRealTitle(ctx: PageContext): string {
  const doc = ctx.doc;
  const ok = (t: string) => t.length >= 4 && t.length <= 120 && !isSpamTitle(t) && hanCount(t) >= 4 && !/@|发布时间|来源[:：]/.test(t);
  const meta = metaContent(doc, 'ArticleTitle');
  if (meta && ok(meta)) return meta;
  const index = domIndex(ctx);
  const usable = (h: Element): string => {
    if (ctx.excluded.has(h) || ctx.isInvisible(h)) return '';
    if (closestNamed(h, OUTSIDE)) return '';
    const list = closestNamed(h, LISTS);
    if (list && (index.within(list, (_e, tag) => tag === 'li') ?? list.querySelectorAll('li')).length >= 3) return '';
    return ownText(h);
  };
  // The index's lists instead of selectors: under jsdom each selector compiles once per document.
  for (const h of index.byTag('h1').slice(0, 5)) {
    const t = usable(h);
    if (ok(t)) return t;
  }
  const candidates = Array.from(doc.querySelectorAll('h2, h3, h4, h5, [class*="title"], [id*="title"], p[align="center"] strong, p[align="center"] b')).slice(0, 80);
  for (const h of candidates) {
    const t = usable(h);
    if (t.length >= 8 && t.length <= 100 && ok(t) && !LABELS.test(t)) return t;
  }
  for (const name of ['og:title', 'twitter:title']) {
    const v = metaContent(doc, name);
    if (v && ok(v)) return v;
  }
  return '';
}

const LABELS = /(推荐|评论|链接|导航|排行|热点|专题|link|首页)/i;
const OUTSIDE = new Set(['a', 'nav', 'header', 'footer']);
const LISTS = new Set(['ul', 'ol']);

const INLINE_TAGS = new Set(['A', 'B', 'STRONG', 'EM', 'I', 'FONT', 'SPAN', 'BR', 'U', 'SMALL', 'BIG']);
const DATE_LIKE = /date|time|source|author|info|meta|sub/i;

function hanCount(t: string): number {
  return (t.match(/\p{Script=Han}/gu) || []).length;
}

/** The element's headline text: its own text and inline children, not nested blocks or date/source spans. */
function ownText(el: Element): string {
  let out = '';
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 3) out += (c as Text).data;
    else if (c.nodeType === 1) {
      const e = c as Element;
      if (!INLINE_TAGS.has(e.tagName.toUpperCase())) continue;
      if (DATE_LIKE.test((e.getAttribute('class') || '') + ' ' + (e.id || ''))) continue;
      out += e.tagName.toUpperCase() === 'BR' ? ' ' : ownText(e);
    }
  }
  return foldSpace(out);
}
