// Body text nodes long enough to hold a sentence, collected in one walk per analysis and shared
// by the detectors that read prose (inline splices, content-farm disclaimers, the noise stage's
// boilerplate check) instead of each walking every text node of the page again.
import type { PageContext } from '../page/context';

/** Shortest text node worth keeping: the shortest boilerplate phrase looked for has 10 characters. */
export const MIN_LONG_TEXT = 10;

const cache = new WeakMap<PageContext, Text[]>();

export function longTexts(ctx: PageContext): Text[] {
  let list = cache.get(ctx);
  if (list) return list;
  list = [];
  const body = ctx.doc.body;
  if (body) {
    const walker = ctx.doc.createTreeWalker(body, 4 /* SHOW_TEXT */);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if ((n as Text).data.length >= MIN_LONG_TEXT) list.push(n as Text);
  }
  cache.set(ctx, list);
  return list;
}
