// Multi-part articles: a pager near the article (第1页/共4页, 上一页 1/2 下一页, 1 2 3 下一页).
import type { PageContext } from '../page/context';
import { domIndex, foldSpace } from '../page/context';

const NEXT = /^\s*(下一页|下页|后一页|下一頁|next\s*page|next|余下全文|>|›|»)\s*[>›»]*\s*$/i;
const CURRENT = /(^|[-_\s])(cur|current|on|active|selected|now|thisclass|page-?cur)([-_\s]|$)/i;

function parsePager(box: Element): { current: number; total: number } | null {
  const text = foldSpace(box.textContent || '');
  if (text.length > 200) return null;
  let m = text.match(/第\s*(\d{1,3})\s*页\s*[\/／,，、]?\s*共\s*(\d{1,3})\s*页/);
  if (m) return { current: +m[1], total: +m[2] };
  m = text.match(/共\s*(\d{1,3})\s*页.{0,10}第\s*(\d{1,3})\s*页|共\s*(\d{1,3})\s*页.{0,10}当前\s*(\d{1,3})/);
  if (m) return m[1] ? { current: +m[2], total: +m[1] } : { current: +m[4], total: +m[3] };
  m = text.match(/(?:^|\D)(\d{1,3})\s*[\/／]\s*(\d{1,3})(?:\D|$)/);
  if (m && +m[1] <= +m[2] && +m[2] > 1) return { current: +m[1], total: +m[2] };
  // Numbered links: the current page is the number that is not a link or is marked current.
  const nums: number[] = [];
  let current = 0;
  const walk = (el: Element) => {
    for (const c of Array.from(el.children)) {
      const t = foldSpace(c.textContent || '');
      if (/^\d{1,3}$/.test(t)) {
        nums.push(+t);
        const cls = `${c.getAttribute('class') || ''} ${c.id || ''}`;
        if (c.tagName.toUpperCase() !== 'A' || CURRENT.test(cls) || !c.getAttribute('href')) current = current || +t;
      } else if (c.children.length) walk(c);
    }
  };
  walk(box);
  for (const t of (box.childNodes ? Array.from(box.childNodes) : []).filter((n) => n.nodeType === 3)) {
    const d = (t as Text).data.trim();
    if (/^\d{1,3}$/.test(d)) {
      nums.push(+d);
      current = current || +d;
    }
  }
  if (nums.length >= 2) {
    const total = Math.max(...nums);
    return { current: current || 1, total };
  }
  return null;
}

export function findPagination(ctx: PageContext, root: Element): { current: number; total: number } | null {
  try {
    // The pager sits inside the article or right after it (within three following siblings of
    // the article or its two nearest ancestors); comment pagers further down do not count.
    const scopes: Element[] = [root];
    for (let anc: Element | null = root, i = 0; anc && i < 3 && anc !== ctx.doc.body; anc = anc.parentElement, i++) {
      let sib = anc.nextElementSibling;
      for (let k = 0; sib && k < 3; sib = sib.nextElementSibling, k++) scopes.push(sib);
    }
    const index = domIndex(ctx);
    // = el.getElementsByTagName('a') (descendants named a, any namespace), from the index.
    const links = scopes
      .filter((el) => !/comment|cmt|reply|member|pinglun/i.test(`${el.getAttribute('class') || ''} ${el.id || ''}`))
      .flatMap((el) => index.within(el, (_e, tag) => tag === 'a') ?? Array.from(el.getElementsByTagName('a')));
    for (const a of links) {
      if (!NEXT.test(index.textContent(a))) continue;
      let box: Element | null = a.parentElement;
      for (let i = 0; i < 3 && box; i++, box = box.parentElement) {
        if (ctx.excluded.has(box) || /comment|cmt|reply/i.test(`${box.getAttribute('class') || ''} ${box.id || ''}`)) break;
        const found = parsePager(box);
        if (found && found.total > 1 && found.total < 200) return found;
      }
    }
    const text = foldSpace(index.textContent(root)).slice(-300);
    const m = text.match(/第\s*(\d{1,3})\s*页\s*[\/／,，、]?\s*共\s*(\d{1,3})\s*页/);
    if (m && +m[2] > 1) return { current: +m[1], total: +m[2] };
  } catch {
    /* a pager is optional */
  }
  return null;
}
