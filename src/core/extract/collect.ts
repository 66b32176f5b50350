// Turns the chosen article container into structured blocks (headings, paragraphs, lists, tables,
// images, quotes). Only the subtree of the container is visited, so computing style here (for
// hidden injected links) costs little. Link lists and promo boxes inside the article are skipped.
import type { PageContext } from '../page/context';
import { BLOCK_TAGS, domIndex, foldSpace } from '../page/context';
import type { ArticleBlock } from '../types';
import { MARK_STYLE, closestNamed, hasTagInside, tableAt, type NodeTable } from '../page/dom-index';
import { SKIP_TAGS, cheaplyHiddenAt, countChars, type Stat } from './stats';

/** Class/id words of boxes that sit inside article containers but are not article. */
const NOISE_NAME =
  /(^|[-_\s])(share|sharing|bdshare|related|relate|recommend|tuijian|xgyd|xgxw|copyright|statement|disclaimer|ads?|advert|gg\d+x\d+|special_tag|video-wrapper|qrcode|ewm|editor-info|ep-source|otitle|page-tools?|tools|print)([-_\s]|$)/i;

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
  // The walks read the node table (the index's, or one built for an element it lacks): children,
  // tags, text and the attribute marks without a wrapper call per node under jsdom.
  const at = (el: Element): { table: NodeTable; row: number } => tableAt(dom, el);
  const skipAt = (t: NodeTable, r: number, isRoot = false): boolean => {
    const el = t.node[r] as Element;
    const tag = t.tag[r];
    // Most elements have no attribute (known from the table): none of the attribute tests below
    // can then be true, and their wrapper calls are skipped.
    const attrs = t.attrs[r];
    if (SKIP_TAGS.has(tag) || ctx.excluded.has(el) || (attrs && cheaplyHiddenAt(t, r))) return true;
    if (isRoot) return false;
    if (attrs) {
      const indexed = t === dom.nodes;
      const cls = indexed ? dom.classAttr(el) : el.getAttribute('class');
      const id = indexed ? dom.idAttr(el) : el.getAttribute('id');
      const styled = t.marks ? (t.marks[r] & MARK_STYLE) !== 0 : el.hasAttribute('style');
      // Style is costly under jsdom: only elements a stylesheet can single out (class, id, style)
      // are asked; the injected hidden blocks carry one of these, and children inherit.
      if ((cls !== null || id !== null || styled) && ctx.isInvisible(el)) return true;
      const name = indexed ? dom.nameOf(el) : `${cls || ''} ${el.id || ''}`;
      if (name.length > 1 && NOISE_NAME.test(name)) return true;
    }
    if (tag !== 'A' && isLinkBox(stats.get(el))) return true;
    // A picture-set counter (1/10) in its own inline element.
    if (!BLOCK_TAGS.has(tag) && childElements(t, r) <= 1 && COUNTER.test(textIn(t, r))) return true;
    return false;
  };
  const skip = (el: Element): boolean => {
    const { table, row } = at(el);
    return skipAt(table, row);
  };
  const textAt = (t: NodeTable, r: number): string => {
    const parts: string[] = [];
    const walk = (row: number) => {
      for (let c = firstChild(t, row); c >= 0; c = t.next[c]) {
        const type = t.type[c];
        if (type === 3) parts.push(t.data[c]);
        else if (type === 1) {
          if (skipAt(t, c)) continue;
          if (BLOCK_TAGS.has(t.tag[c])) parts.push(' ');
          walk(c);
        }
      }
    };
    walk(r);
    return foldSpace(parts.join(''));
  };
  const textOf = (el: Element): string => {
    const { table, row } = at(el);
    return textAt(table, row);
  };

  const visit = (t: NodeTable, r: number) => {
    const { type: types, node: nodes, tag: tags, next } = t;
    for (let c = firstChild(t, r); c >= 0; c = next[c]) {
      const type = types[c];
      if (type === 3) {
        buf.push(t.data[c]);
        continue;
      }
      if (type !== 1) continue;
      const e = nodes[c] as Element;
      if (skipAt(t, c)) continue;
      const tag = tags[c];
      if (tag === 'BR') {
        flush();
        continue;
      }
      if (tag === 'IMG') {
        const src = imageSrc(e, ctx.url);
        if (src && !tinyImage(e)) {
          flush();
          images++;
          const fig = closestNamed(e, FIGURE);
          const capEl = fig && root.contains(fig) ? fig.querySelector('figcaption') : null;
          blocks.push({ type: 'image', src, alt: foldSpace(e.getAttribute('alt') || ''), caption: capEl ? textOf(capEl) : '' });
        }
        continue;
      }
      if (tag === 'FIGCAPTION') {
        flush();
        continue; // taken as the image caption
      }
      if (HEADING.has(tag)) {
        flush();
        const text = textAt(t, c);
        if (text) blocks.push({ type: 'heading', level: Number(tag[1]), text });
        continue;
      }
      if (tag === 'UL' || tag === 'OL') {
        flush();
        const items: string[] = [];
        for (let li = firstChild(t, c); li >= 0; li = next[li]) {
          if (types[li] !== 1 || tags[li] !== 'LI' || skipAt(t, li)) continue;
          if (hasTagInside(t, li, 'img')) {
            // Picture lists: keep the pictures as blocks.
            if (items.length) blocks.push({ type: 'list', ordered: tag === 'OL', items: items.splice(0) });
            visit(t, li);
            flush();
            continue;
          }
          const text = textAt(t, li);
          if (text) items.push(text);
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
        visit(t, c);
        flush();
        const inner = blocks.splice(before);
        const text = inner.filter((b) => b.type === 'paragraph').map((b) => (b as { text: string }).text);
        if (text.length) blocks.push({ type: 'quote', text: text.join('\n') });
        for (const b of inner) if (b.type !== 'paragraph') blocks.push(b);
        continue;
      }
      const block = BLOCK_TAGS.has(tag);
      if (block) flush();
      visit(t, c);
      if (block) flush();
    }
  };
  const start = at(root);
  if (!skipAt(start.table, start.row, true)) {
    if (start.table.tag[start.row] === 'IMG') {
      const from = at(root.parentElement || root);
      visit(from.table, from.row);
    } else visit(start.table, start.row);
  }
  flush();
  return { blocks, images };
}

const HEADING = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
const FIGURE = new Set(['figure']);
const COUNTER = /^\s*\d{1,3}\s*\/\s*\d{1,3}\s*$/;

/** The first child row of an element row, or -1. */
const firstChild = (t: NodeTable, r: number): number => (t.end[r] === r + 1 ? -1 : r + 1);

/** `el.childElementCount` of an element row, counted up to 2 (callers only ask "at most one"). */
function childElements(t: NodeTable, r: number): number {
  let n = 0;
  for (let c = firstChild(t, r); c >= 0 && n < 2; c = t.next[c]) if (t.type[c] === 1) n++;
  return n;
}

/** `el.textContent` of an element row (all text rows inside, in order). */
function textIn(t: NodeTable, r: number): string {
  let out = '';
  for (let i = r + 1, end = t.end[r]; i < end; i++) if (t.type[i] === 3) out += t.data[i];
  return out;
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
