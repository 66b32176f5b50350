// Turns the chosen article container into structured blocks (headings, paragraphs, lists, tables,
// images, quotes). Only the subtree of the container is visited, so computing style here (for
// hidden injected links) costs little. Link lists and promo boxes inside the article are skipped.
import type { PageContext } from '../page/context';
import { BLOCK_TAGS, domIndex, foldSpace } from '../page/context';
import type { ArticleBlock } from '../types';
import { SKIP_TAGS, cheaplyHidden, countChars, type Stat } from './stats';

/** Class/id words of boxes that sit inside article containers but are not article. */
const NOISE_NAME =
  /(^|[-_\s])(share|sharing|bdshare|related|relate|recommend|tuijian|xgyd|xgxw|copyright|statement|disclaimer|ads?|advert|gg\d+x\d+|special_tag|video-wrapper|qrcode|ewm|editor-info|ep-source|otitle|page-tools?|tools|print)([-_\s]|$)/i;

const HEADING = /^H[1-6]$/;

export interface Collected {
  blocks: ArticleBlock[];
  images: number;
}

function imageSrc(img: Element, base: string): string {
  for (const a of ['data-src', 'data-original', 'data-url', 'data-lazy-src', 'src']) {
    const v = (img.getAttribute(a) || '').trim();
    if (!v || v.startsWith('data:') || /^(about|javascript):/i.test(v)) continue;
    try {
      return new URL(v, base).href;
    } catch {
      return v;
    }
  }
  return '';
}

function tinyImage(img: Element): boolean {
  const w = parseInt(img.getAttribute('width') || '', 10);
  const h = parseInt(img.getAttribute('height') || '', 10);
  return (w > 0 && w < 40) || (h > 0 && h < 40);
}

/** A box whose text is mostly links: a 相关阅读 list, tag row, pager or promo. */
function isLinkBox(st: Stat | undefined): boolean {
  if (!st || st.links < 1 || st.chars === 0) return false;
  const density = st.linkChars / st.chars;
  if (st.links >= 2 && density > 0.6) return true;
  return st.links === 1 && density > 0.9 && st.chars < 40 && st.block;
}

/** A table that lays out the page rather than holding data. */
function isLayoutTable(table: Element): boolean {
  if (table.querySelector('table')) return true;
  for (const cell of Array.from(table.querySelectorAll('td, th'))) {
    if (cell.querySelector('p, div, h1, h2, h3, ul, ol, img') && countChars(cell.textContent || '') > 60) return true;
    if (countChars(cell.textContent || '') > 300) return true;
  }
  return table.querySelectorAll('tr').length < 2;
}

export function collectBlocks(ctx: PageContext, root: Element, stats: Map<Element, Stat>): Collected {
  const blocks: ArticleBlock[] = [];
  let buf: string[] = [];
  let images = 0;
  const flush = () => {
    const t = foldSpace(buf.join(''));
    buf = [];
    if (t) blocks.push({ type: 'paragraph', text: t });
  };
  const dom = domIndex(ctx);
  const skip = (el: Element, isRoot = false): boolean => {
    const tag = el.tagName.toUpperCase();
    // Most elements have no attribute (known from the index): none of the attribute tests below
    // can then be true, and their wrapper calls are skipped.
    const attrs = dom.hasAttributes(el);
    if (SKIP_TAGS.has(tag) || ctx.excluded.has(el) || (attrs && cheaplyHidden(el))) return true;
    if (isRoot) return false;
    if (attrs) {
      // Style is costly under jsdom: only elements a stylesheet can single out (class, id, style)
      // are asked; the injected hidden blocks carry one of these, and children inherit.
      if ((el.hasAttribute('class') || el.hasAttribute('id') || el.hasAttribute('style')) && ctx.isInvisible(el)) return true;
      const name = `${el.getAttribute('class') || ''} ${el.id || ''}`;
      if (name.length > 1 && NOISE_NAME.test(name)) return true;
    }
    if (tag !== 'A' && isLinkBox(stats.get(el))) return true;
    // A picture-set counter (1/10) in its own inline element.
    if (!BLOCK_TAGS.has(tag) && el.childElementCount <= 1 && /^\s*\d{1,3}\s*\/\s*\d{1,3}\s*$/.test(el.textContent || '')) return true;
    return false;
  };
  const textOf = (el: Element): string => {
    const parts: string[] = [];
    const walk = (n: Element) => {
      for (let c = n.firstChild; c; c = c.nextSibling) {
        if (c.nodeType === 3) parts.push((c as Text).data);
        else if (c.nodeType === 1) {
          const e = c as Element;
          if (skip(e)) continue;
          const tag = e.tagName.toUpperCase();
          if (BLOCK_TAGS.has(tag)) parts.push(' ');
          walk(e);
        }
      }
    };
    walk(el);
    return foldSpace(parts.join(''));
  };

  const visit = (el: Element) => {
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        buf.push((c as Text).data);
        continue;
      }
      if (c.nodeType !== 1) continue;
      const e = c as Element;
      if (skip(e)) continue;
      const tag = e.tagName.toUpperCase();
      if (tag === 'BR') {
        flush();
        continue;
      }
      if (tag === 'IMG') {
        const src = imageSrc(e, ctx.url);
        if (src && !tinyImage(e)) {
          flush();
          images++;
          // = e.closest('figure') without a selector (compiled once per document under jsdom).
          let fig: Element | null = e;
          while (fig && fig.localName !== 'figure') fig = fig.parentElement;
          const capEl = fig && root.contains(fig) ? fig.querySelector('figcaption') : null;
          blocks.push({ type: 'image', src, alt: foldSpace(e.getAttribute('alt') || ''), caption: capEl ? textOf(capEl) : '' });
        }
        continue;
      }
      if (tag === 'FIGCAPTION') {
        flush();
        continue; // taken as the image caption
      }
      if (HEADING.test(tag)) {
        flush();
        const t = textOf(e);
        if (t) blocks.push({ type: 'heading', level: Number(tag[1]), text: t });
        continue;
      }
      if (tag === 'UL' || tag === 'OL') {
        flush();
        const items: string[] = [];
        for (let li = e.firstElementChild; li; li = li.nextElementSibling) {
          if (li.tagName.toUpperCase() !== 'LI' || skip(li)) continue;
          if (li.querySelector('img')) {
            // Picture lists: keep the pictures as blocks.
            if (items.length) blocks.push({ type: 'list', ordered: tag === 'OL', items: items.splice(0) });
            visit(li);
            flush();
            continue;
          }
          const t = textOf(li);
          if (t) items.push(t);
        }
        if (items.length) blocks.push({ type: 'list', ordered: tag === 'OL', items });
        continue;
      }
      if (tag === 'TABLE' && !isLayoutTable(e)) {
        flush();
        const rows: string[][] = [];
        for (const tr of Array.from(e.querySelectorAll('tr'))) {
          if (skip(tr)) continue;
          const cells = Array.from(tr.children)
            .filter((td) => /^T[DH]$/i.test(td.tagName) && !skip(td))
            .map((td) => textOf(td));
          if (cells.some((x) => x)) rows.push(cells);
        }
        if (rows.length) blocks.push({ type: 'table', rows });
        continue;
      }
      if (tag === 'BLOCKQUOTE') {
        flush();
        const before = blocks.length;
        visit(e);
        flush();
        const inner = blocks.splice(before);
        const text = inner.filter((b) => b.type === 'paragraph').map((b) => (b as { text: string }).text);
        if (text.length) blocks.push({ type: 'quote', text: text.join('\n') });
        for (const b of inner) if (b.type !== 'paragraph') blocks.push(b);
        continue;
      }
      const block = BLOCK_TAGS.has(tag);
      if (block) flush();
      visit(e);
      if (block) flush();
    }
  };
  if (!skip(root, true)) {
    if (root.tagName.toUpperCase() === 'IMG') {
      visit(root.parentElement || root);
    } else visit(root);
  }
  flush();
  return { blocks, images };
}

/** Body text: one block per line. */
export function blocksToLines(blocks: ArticleBlock[]): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.type) {
      case 'heading':
      case 'paragraph':
        out.push(b.text);
        break;
      case 'quote':
        out.push(...b.text.split('\n'));
        break;
      case 'list':
        out.push(...b.items);
        break;
      case 'table':
        for (const r of b.rows) out.push(r.filter(Boolean).join(' '));
        break;
      case 'image':
        if (b.caption) out.push(b.caption);
        break;
    }
  }
  return out.filter(Boolean);
}
