// The slice of the Analysis the view shows, and its conversion to another script: every string
// a reader sees (title, metadata, 信息公开, blocks, summary) goes through the converter.
import type { Analysis, ArticleBlock, CloneInfo } from '../core/types';
import type { ExportSource } from '../core/markdown';
import { mapBlockText } from '../core/blocks';

export interface ReaderData extends ExportSource {
  clone: CloneInfo | null;
  readingMinutes: number;
}

export function readerData(a: Analysis): ReaderData {
  return {
    // The served <title> stands in only when it is not a hijacked spam title.
    title: a.title || (a.titleHijacked ? '' : a.servedTitle) || '',
    url: a.url,
    source: a.source,
    published: a.published,
    author: a.author,
    editor: a.editor,
    docInfo: a.docInfo || {},
    blocks: a.blocks || [],
    summary: a.summary || [],
    clone: a.clone,
    readingMinutes: a.stats?.readingMinutes ?? 0,
  };
}


/** A converted copy; URLs and dates are left alone (a converter must never touch a URL). */
export function convertData(d: ReaderData, c: (s: string) => string): ReaderData {
  const docInfo: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.docInfo)) docInfo[c(k)] = c(v);
  return {
    ...d,
    title: c(d.title),
    source: c(d.source),
    author: c(d.author),
    editor: c(d.editor),
    docInfo,
    blocks: d.blocks.map((b) => mapBlockText(b, c)),
    summary: d.summary.map(c),
  };
}
