// Builds the article from the engine's blocks with createElement + textContent only: page text
// never reaches innerHTML, no page attributes are copied, and only vetted URLs become links or
// images. Nothing here reads the live page.
import type { ArticleBlock } from '../core/types';
import type { ReaderData } from './convert';
import { safeHref, safeImageSrc } from './safe';
import type { Translate } from './strings';

/** Runs of one or two ASCII digits standing alone ("3月15日") are set upright in 直排; parts of
 *  dates, times, decimals and codes ("2023-05-05", "16:30", "1.5") stay sideways. */
const SHORT_DIGITS = /(?<![0-9A-Za-z.,:\-/_%])[0-9]{1,2}(?![0-9A-Za-z.,:\-/_%])/g;

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' };
/** Half-width punctuation between Chinese characters, as many CMS pages have it ("去年,鹤山"),
 *  is shown full width: it keeps the grid and stands correctly in 直排. Display only: copies
 *  and the Analysis keep the text as extracted. */
export function fullWidthPunctuation(text: string): string {
  return text
    .replace(/(?<=\p{Script=Han})([,;:?!])[ \t]*(?=\p{Script=Han}|[“‘「『（《]|$)/gu, (_, c: string) => FULL[c])
    .replace(/\((?=\p{Script=Han}[^()]*\))/gu, '（')
    .replace(/(?<=（[^()（）]*\p{Script=Han})\)/gu, '）');
}

/** Whether the article being built is set vertically. Only 直排 needs the upright-digit spans
 *  (a third of the elements of a typical notice): horizontal text is built without them, and
 *  the view rebuilds the article when 直排 is switched. Set for the duration of renderArticle
 *  (synchronous). */
let upright = false;

export function appendText(doc: Document, parent: Node, raw: string): void {
  const text = fullWidthPunctuation(raw);
  if (!upright) {
    if (text) parent.appendChild(doc.createTextNode(text));
    return;
  }
  let last = 0;
  SHORT_DIGITS.lastIndex = 0;
  for (let m = SHORT_DIGITS.exec(text); m; m = SHORT_DIGITS.exec(text)) {
    if (m.index > last) parent.appendChild(doc.createTextNode(text.slice(last, m.index)));
    const span = doc.createElement('span');
    span.className = 'tcy';
    span.textContent = m[0];
    parent.appendChild(span);
    last = m.index + m[0].length;
  }
  if (last < text.length) parent.appendChild(doc.createTextNode(text.slice(last)));
}

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  if (cls) e.className = cls;
  if (text) appendText(doc, e, text);
  return e;
}

/** A link that opens in a new tab, or plain text when the URL is not a web/mailto URL. */
export function link(doc: Document, url: string, base: string, text: string): HTMLElement {
  const href = safeHref(url, base);
  if (!href) return el(doc, 'span', undefined, text);
  const a = doc.createElement('a');
  a.href = href;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  a.textContent = text;
  a.dataset.url = href;
  return a;
}

function table(doc: Document, rows: string[][]): HTMLElement {
  const wrap = el(doc, 'div', 'qd-table-wrap');
  const t = el(doc, 'table');
  const tbody = el(doc, 'tbody');
  for (const r of rows) {
    const tr = el(doc, 'tr');
    for (const c of r) tr.appendChild(el(doc, 'td', undefined, c));
    tbody.appendChild(tr);
  }
  t.appendChild(tbody);
  wrap.appendChild(t);
  return wrap;
}

function image(doc: Document, b: Extract<ArticleBlock, { type: 'image' }>, base: string, t: Translate): HTMLElement | null {
  const src = safeImageSrc(b.src, base);
  if (!src && !b.caption) return null;
  const fig = el(doc, 'figure');
  if (src) {
    const img = doc.createElement('img');
    img.alt = b.alt || b.caption || t('reader_image');
    img.loading = 'lazy';
    img.decoding = 'async';
    // Our own listener (not an attribute): a broken image leaves its caption, not an icon.
    img.addEventListener('error', () => img.setAttribute('hidden', ''), { once: true });
    img.src = src;
    fig.appendChild(img);
  }
  if (b.caption) fig.appendChild(el(doc, 'figcaption', undefined, b.caption));
  return fig;
}

export function renderBlock(doc: Document, b: ArticleBlock, base: string, t: Translate): HTMLElement | null {
  switch (b.type) {
    case 'heading': {
      const level = Math.min(6, Math.max(2, (b.level | 0) + 1));
      return el(doc, ('h' + level) as 'h2', undefined, b.text);
    }
    case 'paragraph':
      return b.text ? el(doc, 'p', undefined, b.text) : null;
    case 'quote':
      return el(doc, 'blockquote', undefined, b.text);
    case 'list': {
      const list = el(doc, b.ordered ? 'ol' : 'ul');
      for (const item of b.items) list.appendChild(el(doc, 'li', undefined, item));
      return list;
    }
    case 'table':
      return b.rows.length ? table(doc, b.rows) : null;
    case 'image':
      return image(doc, b, base, t);
  }
  return null;
}

function metaLine(doc: Document, d: ReaderData, t: Translate): HTMLElement | null {
  const p = el(doc, 'p', 'qd-meta');
  const add = (text: string) => p.appendChild(el(doc, 'span', undefined, text));
  if (d.source) add(`${t('reader_source')}：${d.source}`);
  if (d.published) add(d.published);
  if (d.author) add(`${t('reader_author')}：${d.author}`);
  if (d.editor) add(`${t('reader_editor')}：${d.editor}`);
  if (d.readingMinutes > 0) add(t('reader_reading_time', [String(d.readingMinutes)]));
  return p.childNodes.length ? p : null;
}

function docInfoTable(doc: Document, info: Record<string, string>, t: Translate): HTMLElement | null {
  const entries = Object.entries(info).filter(([k, v]) => k && v);
  if (!entries.length) return null;
  const wrap = el(doc, 'div', 'qd-table-wrap');
  const tbl = el(doc, 'table', 'qd-docinfo');
  tbl.setAttribute('aria-label', t('reader_docinfo'));
  const tbody = el(doc, 'tbody');
  for (const [k, v] of entries) {
    const tr = el(doc, 'tr');
    const th = el(doc, 'th', undefined, k);
    th.scope = 'row';
    tr.append(th, el(doc, 'td', undefined, v));
    tbody.appendChild(tr);
  }
  tbl.appendChild(tbody);
  wrap.appendChild(tbl);
  return wrap;
}

/** Characters of body text after which blocks are surely off the first screen (36 characters a
 *  line by default; the 1280×900 screen of a laptop shows fewer than 1,500 in either writing mode). */
const LATER_AFTER = 1500;

function blockLength(b: ArticleBlock): number {
  switch (b.type) {
    case 'list':
      return b.items.reduce((n, s) => n + s.length, 0);
    case 'table':
      return b.rows.reduce((n, r) => n + r.reduce((m, c) => m + c.length, 0), 0);
    case 'image':
      return 200 + (b.caption?.length ?? 0);
    default:
      return b.text.length;
  }
}

/** A guess of the block's extent in em at the default measure and line height, so the scroll
 *  range is about right before the block is laid out (then its real size is remembered). */
function estimateEm(b: ArticleBlock, length: number): number {
  if (b.type === 'image') return 16;
  const lines = b.type === 'list' ? b.items.length + Math.ceil(length / 36) : b.type === 'table' ? b.rows.length * 2 : Math.ceil(length / 36);
  return Math.max(2, Math.round(lines * 1.9 + 1));
}

/** The whole article element. `titleId` labels the dialog; `vertical`: set for 直排. */
export function renderArticle(doc: Document, d: ReaderData, t: Translate, titleId: string, vertical = false): HTMLElement {
  upright = vertical;
  try {
    return buildArticle(doc, d, t, titleId);
  } finally {
    upright = false;
  }
}

function buildArticle(doc: Document, d: ReaderData, t: Translate, titleId: string): HTMLElement {
  const article = el(doc, 'article', 'qd-article');
  const h1 = el(doc, 'h1', 'qd-title', d.title || t('reader_dialog_label'));
  h1.id = titleId;
  h1.tabIndex = -1;
  article.appendChild(h1);
  const meta = metaLine(doc, d, t);
  if (meta) article.appendChild(meta);

  if (d.clone) {
    const warn = el(doc, 'p', 'qd-warn');
    warn.setAttribute('role', 'note');
    warn.appendChild(doc.createTextNode(t('reader_clone_warning', [d.clone.original || ''])));
    if (d.clone.originalUrl && safeHref(d.clone.originalUrl, d.url)) {
      warn.appendChild(doc.createTextNode(' '));
      warn.appendChild(link(doc, d.clone.originalUrl, d.url, d.clone.originalUrl));
    }
    article.appendChild(warn);
  }

  if (d.summary.length) {
    const box = el(doc, 'details', 'qd-summary');
    box.open = true;
    box.appendChild(el(doc, 'summary', undefined, t('reader_summary')));
    const ol = el(doc, 'ol');
    for (const s of d.summary) ol.appendChild(el(doc, 'li', undefined, s));
    box.appendChild(ol);
    article.appendChild(box);
  }

  const info = docInfoTable(doc, d.docInfo, t);
  if (info) article.appendChild(info);

  const body = el(doc, 'div', 'qd-body');
  let chars = 0;
  for (const b of d.blocks) {
    const node = renderBlock(doc, b, d.url, t);
    if (!node) continue;
    const length = blockLength(b);
    // Blocks well below the first screenful skip layout and paint until scrolled near
    // (content-visibility in styles.ts). Blocks on the first screen don't get it: there it
    // would only add a second layout pass to the first frame.
    if (chars > LATER_AFTER) {
      node.classList.add('qd-later');
      node.style.setProperty('--est', String(estimateEm(b, length)));
    }
    chars += length;
    body.appendChild(node);
  }
  if (!body.childNodes.length) body.appendChild(el(doc, 'p', 'qd-empty', t('reader_empty')));
  article.appendChild(body);

  const foot = el(doc, 'footer', 'qd-foot');
  if (d.source) foot.appendChild(el(doc, 'p', undefined, `${t('reader_source')}：${d.source}`));
  if (d.url) {
    const p = el(doc, 'p');
    p.appendChild(doc.createTextNode(`${t('reader_original_link')}：`));
    p.appendChild(link(doc, d.url, d.url, d.url));
    foot.appendChild(p);
  }
  if (foot.childNodes.length) article.appendChild(foot);
  return article;
}
