// Last resort for the real title when the served <title> is spam and neither gov meta, headings
// nor the spam engine found one: CMS templates still mark the title with a class or id
// ("Title", "art_title", "news-title"), or set it as the centred bold first line of the body.
import type { PageContext } from './context';

const NAMED = /title|biaoti|bt\b/i;
const TITLE_LEN = [6, 80] as const;

function plausible(text: string): boolean {
  const han = (text.match(/\p{Script=Han}/gu) || []).length;
  return text.length >= TITLE_LEN[0] && text.length <= TITLE_LEN[1] && han >= 4 && !/[。！？]$/.test(text);
}

function inList(el: Element): boolean {
  return !!el.closest('li, nav, a[href]') || !!el.querySelector('a[href], li');
}

export function fallbackTitle(ctx: PageContext, article: Element | null): string {
  const body = ctx.doc.body;
  if (!body) return '';
  // 1. A title-named element before the article (or its first such descendant).
  let best = '';
  for (const el of Array.from(body.querySelectorAll('[class], [id]'))) {
    if (article && !(article.compareDocumentPosition(el) & 2) && !article.contains(el)) break; // past the article
    const names = `${el.getAttribute('class') || ''} ${el.id}`;
    if (!NAMED.test(names) || inList(el) || ctx.excluded.has(el) || ctx.isInvisible(el)) continue;
    const text = ctx.visibleText(el);
    if (plausible(text)) best = text; // keep the last one before the article: closest to it
  }
  if (best) return best;
  // 2. The article's first block when it is centred and bold (title set inside the body).
  const first = article?.querySelector('p, div, h1, h2, h3, h4');
  if (first && /center/i.test(`${first.getAttribute('align') || ''} ${first.getAttribute('style') || ''}`) && first.querySelector('strong, b')) {
    const text = ctx.visibleText(first);
    if (plausible(text)) return text;
  }
  return '';
}
