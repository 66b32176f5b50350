// Body text nodes long enough to hold a sentence, collected in one walk per analysis and shared
// by the detectors that read prose (inline splices, content-farm disclaimers, the noise stage's
// boilerplate check) instead of each walking every text node of the page again.
import { domIndex, type PageContext } from '../page/context';

/** Shortest text node worth keeping: the shortest boilerplate phrase looked for has 10 characters. */
export const MIN_LONG_TEXT = 10;

interface LongTexts {
  nodes: Text[];
  /** Their text (from the node table when it holds them: the same strings, no wrapper call). */
  data: string[];
  /** Their rows in domIndex(ctx).nodes; null when the body is not in the table. */
  rows: number[] | null;
}

const cache = new WeakMap<PageContext, LongTexts>();

export function longTexts(ctx: PageContext): Text[] {
  return collect(ctx).nodes;
}

/** The long texts' strings, same order as longTexts(). */
export function longTextData(ctx: PageContext): string[] {
  return collect(ctx).data;
}

/**
 * Rows of the long texts in the analysis' node table (same order as longTexts()), or null: the
 * detectors read the text, its parent and ancestors from the table instead of the DOM.
 */
export function longTextRows(ctx: PageContext): number[] | null {
  return collect(ctx).rows;
}

function collect(ctx: PageContext): LongTexts {
  let found = cache.get(ctx);
  if (found) return found;
  const list: Text[] = [];
  const texts: string[] = [];
  found = { nodes: list, data: texts, rows: null };
  const body = ctx.doc.body;
  if (body) {
    // The text rows of the analysis' node table inside the body: the same nodes, in the same
    // order, as a SHOW_TEXT TreeWalker over the body, without a wrapper call per node.
    const index = domIndex(ctx);
    const row = index.rowOf(body);
    if (row >= 0) {
      const rows: number[] = (found.rows = []);
      const { type, data, node, end } = index.nodes;
      for (let i = row + 1, stop = end[row]; i < stop; i++) {
        if (type[i] === 3 && data[i].length >= MIN_LONG_TEXT) {
          list.push(node[i] as Text);
          texts.push(data[i]);
          rows.push(i);
        }
      }
    } else {
      const walker = ctx.doc.createTreeWalker(body, 4 /* SHOW_TEXT */);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const d = (n as Text).data;
        if (d.length >= MIN_LONG_TEXT) {
          list.push(n as Text);
          texts.push(d);
        }
      }
    }
  }
  cache.set(ctx, found);
  return found;
}
