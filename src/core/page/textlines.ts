// The page's text as lines, one per block, with a space between inline elements (so that
// "<span>金融市场</span><span>棱镜</span>" reads as two words). One walk; scripts, styles,
// excluded blocks and blocks hidden in the markup are skipped. Metadata readers search these lines.
import type { PageContext } from './context';
import { BLOCK_TAGS, domIndex } from './context';

export interface TextLine {
  text: string;
  /** The element holding the line's first text. */
  node: Element;
}

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'SVG', 'SELECT', 'OPTION', 'TEXTAREA', 'RT', 'RP', 'BUTTON']);

function hiddenInMarkup(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  return !!style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

export function textLines(ctx: PageContext): TextLine[] {
  const lines: TextLine[] = [];
  const root = ctx.doc.body;
  if (!root) return lines;
  let buf = '';
  let node: Element | null = null;
  const flush = () => {
    const t = buf.replace(/[\s\u00a0\u3000\u200b-\u200d\ufeff]+/g, ' ').trim();
    if (t && node) lines.push({ text: t, node });
    buf = '';
    node = null;
  };
  const walk = (el: Element) => {
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        const d = (c as Text).data;
        if (!node && d.trim()) node = el;
        buf += d;
      } else if (c.nodeType === 1) {
        const e = c as Element;
        const tag = e.tagName.toUpperCase();
        if (SKIP.has(tag) || ctx.excluded.has(e) || hiddenInMarkup(e)) continue;
        if (tag === 'BR' || BLOCK_TAGS.has(tag)) {
          flush();
          walk(e);
          flush();
        } else {
          buf += ' ';
          walk(e);
          buf += ' ';
        }
      }
    }
  };
  // The same walk over the index's node table (no DOM calls); the DOM walk is the fallback.
  const index = domIndex(ctx);
  const bodyRow = index.rowOf(root);
  const { type, node: nodes, data, tag: tags, next, end, attrs } = index.nodes;
  const walkRows = (r: number) => {
    if (end[r] === r + 1) return;
    for (let c = r + 1; c >= 0; c = next[c]) {
      const t = type[c];
      if (t === 3) {
        const d = data[c];
        if (!node && d.trim()) node = nodes[r] as Element;
        buf += d;
      } else if (t === 1) {
        const e = nodes[c] as Element;
        const tag = tags[c];
        if (SKIP.has(tag) || ctx.excluded.has(e) || (attrs[c] && hiddenInMarkup(e))) continue;
        if (tag === 'BR' || BLOCK_TAGS.has(tag)) {
          flush();
          walkRows(c);
          flush();
        } else {
          buf += ' ';
          walkRows(c);
          buf += ' ';
        }
      }
    }
  };
  if (bodyRow >= 0) walkRows(bodyRow);
  else walk(root);
  flush();
  return lines;
}

/** Index of the first line inside `el`, or -1. */
export function lineIndexOf(lines: TextLine[], el: Element | null): number {
  if (!el) return -1;
  for (let i = 0; i < lines.length; i++) if (el === lines[i].node || el.contains(lines[i].node)) return i;
  return -1;
}
