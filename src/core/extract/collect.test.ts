import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { BLOCK_TAGS, createContext, foldSpace, type PageContext } from '../page/context';
import { DEFAULT_ANALYZE_SETTINGS } from '../kinds';
import type { ArticleBlock } from '../types';
import { CORPUS, hasCorpus } from '../../../test/helpers/corpus';
import { collectBlocks } from './collect';
import { SKIP_TAGS, collectStats, countChars, type Stat } from './stats';

// The block collector before it read the node table: firstChild/nextSibling, tagName, attribute
// calls and textContent on the live DOM. The table walk must give the same blocks.
const NOISE_NAME =
  /(^|[-_\s])(share|sharing|bdshare|related|relate|recommend|tuijian|xgyd|xgxw|copyright|statement|disclaimer|ads?|advert|gg\d+x\d+|special_tag|video-wrapper|qrcode|ewm|editor-info|ep-source|otitle|page-tools?|tools|print)([-_\s]|$)/i;
function cheaplyHidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true' && !el.textContent?.trim()) return true;
  const style = el.getAttribute('style');
  return !!style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
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
const tinyImage = (img: Element) => {
  const w = parseInt(img.getAttribute('width') || '', 10);
  const h = parseInt(img.getAttribute('height') || '', 10);
  return (w > 0 && w < 40) || (h > 0 && h < 40);
};
function isLinkBox(st: Stat | undefined): boolean {
  if (!st || st.links < 1 || st.chars === 0) return false;
  const density = st.linkChars / st.chars;
  if (st.links >= 2 && density > 0.6) return true;
  return st.links === 1 && density > 0.9 && st.chars < 40 && st.block;
}
function isLayoutTable(table: Element): boolean {
  if (table.querySelector('table')) return true;
  for (const cell of Array.from(table.querySelectorAll('td, th'))) {
    if (cell.querySelector('p, div, h1, h2, h3, ul, ol, img') && countChars(cell.textContent || '') > 60) return true;
    if (countChars(cell.textContent || '') > 300) return true;
  }
  return table.querySelectorAll('tr').length < 2;
}
function domCollect(ctx: PageContext, root: Element, stats: Map<Element, Stat>): { blocks: ArticleBlock[]; images: number } {
  const blocks: ArticleBlock[] = [];
  let buf: string[] = [];
  let images = 0;
  const flush = () => {
    const t = foldSpace(buf.join(''));
    buf = [];
    if (t) blocks.push({ type: 'paragraph', text: t });
  };
  const skip = (el: Element, isRoot = false): boolean => {
    const tag = el.tagName.toUpperCase();
    const attrs = el.hasAttributes();
    if (SKIP_TAGS.has(tag) || ctx.excluded.has(el) || (attrs && cheaplyHidden(el))) return true;
    if (isRoot) return false;
    if (attrs) {
      if ((el.hasAttribute('class') || el.hasAttribute('id') || el.hasAttribute('style')) && ctx.isInvisible(el)) return true;
      const name = `${el.getAttribute('class') || ''} ${el.id || ''}`;
      if (name.length > 1 && NOISE_NAME.test(name)) return true;
    }
    if (tag !== 'A' && isLinkBox(stats.get(el))) return true;
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
          if (BLOCK_TAGS.has(e.tagName.toUpperCase())) parts.push(' ');
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
          const fig = e.closest('figure');
          const capEl = fig && root.contains(fig) ? fig.querySelector('figcaption') : null;
          blocks.push({ type: 'image', src, alt: foldSpace(e.getAttribute('alt') || ''), caption: capEl ? textOf(capEl) : '' });
        }
        continue;
      }
      if (tag === 'FIGCAPTION') {
        flush();
        continue;
      }
      if (/^H[1-6]$/.test(tag)) {
        flush();
        const t = textOf(e);
        if (t) blocks.push({ type: 'heading', level: Number(tag[1]), text: t });
        continue;
      }
      if (tag === 'UL' || tag === 'OL') {
        flush();
        const items: string[] = [];
        for (const li of Array.from(e.children)) {
          if (li.tagName.toUpperCase() !== 'LI' || skip(li)) continue;
          if (li.querySelector('img')) {
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
    if (root.tagName.toUpperCase() === 'IMG') visit(root.parentElement || root);
    else visit(root);
  }
  flush();
  return { blocks, images };
}

describe('collectBlocks over the node table', () => {
  it.runIf(hasCorpus)('collects the same blocks as the DOM walk from every container of corpus pages', () => {
    let roots = 0, blocks = 0;
    for (const dir of ['pages', 'seeds']) {
      const files = readdirSync(join(CORPUS, dir)).filter((f) => f.endsWith('.html')).sort();
      for (const f of dir === 'pages' ? files.filter((_, i) => i % 3 === 0) : files) {
        const url = `http://example.com/${f}`;
        const doc = new JSDOM(readFileSync(join(CORPUS, dir, f), 'utf8'), { url }).window.document;
        const ctx = createContext(doc, url, DEFAULT_ANALYZE_SETTINGS);
        const stats = collectStats(ctx, doc.body);
        // Every element with its own stats that holds some text: the article candidates and more.
        for (const [el, st] of stats) {
          if (st.chars < 20) continue;
          const want = domCollect(ctx, el, stats);
          expect(collectBlocks(ctx, el, stats), `${f} ${el.tagName}.${el.className}`).toEqual(want);
          roots++;
          blocks += want.blocks.length;
        }
      }
    }
    expect(roots).toBeGreaterThan(1000);
    expect(blocks).toBeGreaterThan(roots);
  });

  it('skips picture counters, link boxes and markup-hidden children like the DOM walk', () => {
    const url = 'http://example.gov.cn/a.html';
    const doc = new JSDOM(
      `<body><div id="c"><p>第一段文字，内容充实，说明情况。</p><span>3 / 10</span><span><b>2/5</b></span><p hidden>隐藏</p>
       <div class="share">分享到</div><ul><li>一项<img src="/x.png"></li><li>二项</li></ul><h2>小标题</h2><p style="display:none">不见</p>
       <div><a href="/1">链接一二三四五</a><a href="/2">链接六七八九十</a></div><img src="/a.jpg" alt=" 图 "><p>末段。</p></div></body>`,
      { url },
    ).window.document;
    const ctx = createContext(doc, url, DEFAULT_ANALYZE_SETTINGS);
    const stats = collectStats(ctx, doc.body);
    const root = doc.getElementById('c')!;
    const got = collectBlocks(ctx, root, stats);
    expect(got).toEqual(domCollect(ctx, root, stats));
    expect(got.blocks.map((b) => ('text' in b ? b.text : b.type))).toEqual(['第一段文字，内容充实，说明情况。', '一项', 'image', 'list', '小标题', 'image', '末段。']);
  });
});
