// Article body extraction. First version (foundation): CMS hints, else the block with the most
// Chinese sentence punctuation; the extraction issue replaces it with a tuned scorer.
import type { PageContext } from '../page/context';
import { BLOCK_TAGS } from '../page/context';
import type { ArticleBlock } from '../types';

export interface ArticleResult {
  element: Element | null;
  body: string;
  blocks: ArticleBlock[];
  isArticle: boolean;
  pagination: { current: number; total: number } | null;
}

const HINTS = ['.TRS_Editor', '.TRS_UEDITOR', '#dochtmlcon', '#zoom', '#UCAP-CONTENT', '#vsb_content', '.v_news_content', '.pages_content', 'article'];

export function extractArticle(ctx: PageContext, _title: string, knownRoot?: Element | null): ArticleResult {
  const root = knownRoot ?? findRoot(ctx);
  if (!root) return { element: null, body: '', blocks: [], isArticle: false, pagination: null };
  const lines = paragraphs(ctx, root);
  const blocks: ArticleBlock[] = lines.map((text) => ({ type: 'paragraph', text }));
  return { element: root, body: lines.join('\n'), blocks, isArticle: lines.join('').length > 80, pagination: null };
}

function findRoot(ctx: PageContext): Element | null {
  for (const sel of HINTS) {
    const el = ctx.doc.querySelector(sel);
    if (el && !ctx.isInvisible(el) && ctx.visibleText(el).length > 50) return el;
  }
  let best: Element | null = null;
  let bestScore = 0;
  for (const el of Array.from(ctx.doc.querySelectorAll('div, td, section, article, main'))) {
    if (ctx.excluded.has(el)) continue;
    const ps = Array.from(el.children).filter((c) => c.tagName === 'P');
    const text = ps.map((p) => p.textContent || '').join('');
    const score = (text.match(/[，。；：？！、]/g) || []).length;
    if (score > bestScore) {
      bestScore = score;
      best = el;
    }
  }
  return best;
}

function paragraphs(ctx: PageContext, root: Element): string[] {
  const out: string[] = [];
  let current = '';
  const flush = () => {
    const t = current.replace(/\s+/g, ' ').trim();
    if (t) out.push(t);
    current = '';
  };
  const walk = (node: Node) => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) current += (c as Text).data;
      else if (c.nodeType === 1) {
        const e = c as Element;
        const tag = e.tagName.toUpperCase();
        if (['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'RT', 'RP'].includes(tag) || ctx.excluded.has(e) || ctx.isInvisible(e)) continue;
        const block = BLOCK_TAGS.has(tag);
        if (block) flush();
        walk(e);
        if (block) flush();
      }
    }
  };
  walk(root);
  flush();
  return out;
}
