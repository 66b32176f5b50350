// Metadata readers. In two parts, because a live page needs only the first at load:
// - readTitle (here): the real title. Extraction, noise detection and the title guard use it.
//   It gathers the facts the second part reads too (the page's text lines, JSON-LD).
// - readDetails (details.ts): date, source, author, editor, site, 信息公开 fields. Only the
//   popup, the clean view and exports show them; the content script reads them on demand.
// readMeta is both, for callers that want everything at once.
import type { PageContext } from './context';
import { jsonLd, ldString } from './metaread';
import { findTitle } from './title';
import { textLines } from './textlines';
import { readDetails, type MetaDraft, type PageDetails } from './details';

export { metaContent } from './metaread';
export { readDetails, noDetails, type MetaDraft, type PageDetails } from './details';

export interface Meta extends PageDetails {
  title: string;
}

/** The real title, with what readDetails needs later. Never throws (an empty title instead). */
export function readTitle(ctx: PageContext, opts: { servedTitleIsSpam: boolean }): MetaDraft {
  const doc = ctx.doc;
  try {
    const ld = jsonLd(doc);
    const lines = textLines(ctx);
    const title = findTitle(ctx, { servedTitleIsSpam: opts.servedTitleIsSpam, ld: ldString(ld, 'headline', 'title', 'name'), lines });
    return { doc, url: ctx.url, title, lines, ld };
  } catch {
    return { doc, url: ctx.url, title: '', lines: [], ld: [] };
  }
}

export function readMeta(ctx: PageContext, opts: { servedTitleIsSpam: boolean }): Meta {
  const draft = readTitle(ctx, opts);
  return { title: draft.title, ...readDetails(draft) };
}
