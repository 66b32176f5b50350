// The Analysis as plain JSON (the CLI's output, the popup's message payload): live DOM
// references dropped, field order fixed.
import type { Analysis } from './types';

export type AnalysisJSON = ReturnType<typeof toJSON>;

export function toJSON(a: Analysis, file?: string) {
  return {
    ...(file !== undefined ? { file } : {}),
    url: a.url,
    title: a.title,
    servedTitle: a.servedTitle,
    titleHijacked: a.titleHijacked,
    published: a.published,
    source: a.source,
    author: a.author,
    editor: a.editor,
    site: a.site,
    docInfo: a.docInfo,
    clone: a.clone,
    parasite: a.parasite,
    body: a.body,
    summary: a.summary,
    hidden: a.hidden.map((h) => ({ kind: h.kind, category: h.category, reason: h.reason, text: h.text, ...(h.alreadyInvisible ? { alreadyInvisible: true } : {}) })),
    repairs: a.repairs.map((r) => ({ kind: r.kind, from: r.from, to: r.to })),
    isArticle: a.isArticle,
    pagination: a.pagination,
    blocks: a.blocks,
    script: a.script,
    stats: a.stats,
    ms: a.ms,
  };
}
