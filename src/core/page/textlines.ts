// The page's text as lines, one per block, with a space between inline elements (so that
// "<span>金融市场</span><span>棱镜</span>" reads as two words). One walk; scripts, styles,
// excluded blocks and blocks hidden in the markup are skipped. Metadata readers search these lines.
import type { PageContext } from './context';
import { BLOCK_TAGS, domIndex } from './context';
import { MARK_HIDDEN, MARK_STYLE, hiddenInMarkupAt, isBlank, mayHave, tableAt } from './dom-index';

export interface TextLine {
  text: string;
  /** The element holding the line's first text. */
  node: Element;
}

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'SVG', 'SELECT', 'OPTION', 'TEXTAREA', 'RT', 'RP', 'BUTTON']);

export function textLines(ctx: PageContext): TextLine[] {
  const lines: TextLine[] = [];
  const root = ctx.doc.body;
  if (!root) return lines;
  let buf = '';
  let node: Element | null = null;
  const flush = () => {
    // Without a node the line holds no text that trim() keeps (most flushes, between blocks):
    // nothing to fold.
    if (node) {
      const t = buf.replace(/[\s\u00a0\u3000\u200b-\u200d\ufeff]+/g, ' ').trim();
      if (t) lines.push({ text: t, node });
    }
    buf = '';
    node = null;
  };
  // Over the node table (no DOM calls under jsdom): the index's, or the body's own if it lacks it.
  const { table, row: bodyRow } = tableAt(domIndex(ctx), root);
  const { type, node: nodes, data, tag: tags, next, end, attrs } = table;
  const walkRows = (r: number) => {
    if (end[r] === r + 1) return;
    for (let c = r + 1; c >= 0; c = next[c]) {
      const t = type[c];
      if (t === 3) {
        const d = data[c];
        if (!node) {
          // Spaces before a line's first text are trimmed from it: not kept.
          if (isBlank(d)) continue;
          node = nodes[r] as Element;
        }
        buf += d;
      } else if (t === 1) {
        const e = nodes[c] as Element;
        const tag = tags[c];
        if (SKIP.has(tag) || ctx.excluded.has(e) || (attrs[c] && mayHave(table, c, MARK_HIDDEN | MARK_STYLE) && hiddenInMarkupAt(table, c))) continue;
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
  walkRows(bodyRow);
  flush();
  return lines;
}

/** Index of the first line inside `el`, or -1. */
export function lineIndexOf(lines: TextLine[], el: Element | null): number {
  if (!el) return -1;
  for (let i = 0; i < lines.length; i++) if (el === lines[i].node || el.contains(lines[i].node)) return i;
  return -1;
}
