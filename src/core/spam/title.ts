// T1: hijacked <title>. The served title is replaced by 4–12 keyword segments joined by _ , | -;
// the page's own meta ArticleTitle / <h1> still carry the real title. We report whether the
// title is hijacked and the best real title we can find (the lead's readMeta may use it).
import type { PageContext } from '../page/context';
import { foldSpace } from '../page/context';
import { judgeLine } from './spam-line';
import { scoreSegments, scoreText } from './matcher';

export interface TitleVerdict {
  hijacked: boolean;
  /** The real title when hijacked ("" when nothing better is found or not hijacked). */
  realTitle: string;
}

function metaContent(doc: Document, name: string): string {
  for (const m of Array.from(doc.getElementsByTagName('meta'))) {
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

/** meta ArticleTitle, then og:title, then the first visible non-spam heading. */
export function findRealTitle(ctx: PageContext): string {
  const doc = ctx.doc;
  for (const name of ['ArticleTitle', 'og:title', 'twitter:title']) {
    const v = metaContent(doc, name);
    if (v && !isSpamTitle(v)) return v;
  }
  for (const sel of ['h1', 'h2', '.title, .article-title, .news_title, #title, .tit']) {
    for (const h of Array.from(doc.querySelectorAll(sel)).slice(0, 10)) {
      if (ctx.excluded.has(h) || ctx.isInvisible(h)) continue;
      const t = ctx.visibleText(h);
      if (t.length >= 4 && t.length <= 120 && !isSpamTitle(t)) return t;
    }
  }
  return '';
}
