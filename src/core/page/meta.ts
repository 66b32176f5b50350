// Metadata readers: title, date, source, author, editor, site, 信息公开 fields.
// First version (foundation); the extraction issue deepens it.
import type { PageContext } from './context';
import { foldSpace } from './context';
import type { SiteInfo } from '../types';

export interface Meta {
  title: string;
  published: string;
  source: string;
  author: string;
  editor: string;
  site: SiteInfo;
  docInfo: Record<string, string>;
}

export function metaContent(doc: Document, ...names: string[]): string {
  for (const name of names) {
    const lower = name.toLowerCase();
    for (const m of Array.from(doc.getElementsByTagName('meta'))) {
      const key = (m.getAttribute('name') || m.getAttribute('property') || '').toLowerCase();
      if (key === lower) {
        const v = foldSpace(m.getAttribute('content') || '');
        if (v) return v;
      }
    }
  }
  return '';
}

export function readMeta(ctx: PageContext, opts: { servedTitleIsSpam: boolean }): Meta {
  const doc = ctx.doc;
  const h1 = doc.querySelector('h1');
  const served = opts.servedTitleIsSpam ? '' : foldSpace(doc.title || '').split(/\s*[-_|–—]\s*/)[0] || '';
  const title =
    metaContent(doc, 'ArticleTitle') || (h1 ? ctx.visibleText(h1) : '') || metaContent(doc, 'og:title') || served;
  const pub = metaContent(doc, 'PubDate', 'firstpublishedtime', 'article:published_time');
  const m = pub.match(/(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})(?:日)?(?:[ T]+(\d{1,2}):(\d{2}))?/);
  const published = m
    ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}${m[4] ? ` ${m[4].padStart(2, '0')}:${m[5]}` : ''}`
    : '';
  return {
    title,
    published,
    source: metaContent(doc, 'ContentSource'),
    author: metaContent(doc, 'Author'),
    editor: '',
    site: { name: metaContent(doc, 'SiteName'), domain: metaContent(doc, 'SiteDomain'), column: metaContent(doc, 'ColumnName') },
    docInfo: {},
  };
}
