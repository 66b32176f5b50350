// <meta> lookup by name or property, case-insensitive. The first non-empty value wins.
import { foldSpace } from './context';
import type { DomIndex } from './dom-index';

interface Lists {
  index: () => DomIndex;
  byTag: Map<string, Element[]>;
  metas?: MetaKey[];
}
/** A <meta>'s lower-cased name (or property, or itemprop) and its content attribute. */
interface MetaKey {
  key: string;
  content: string | null;
}
const analysing = new WeakMap<Document, Lists>();

/**
 * createContext registers the document's index for the analysis that starts: metaContent is
 * asked ~10 times per analysis (meta, title, clone) and each getElementsByTagName call walks the
 * whole tree under jsdom. The next analysis of the same document registers a fresh index, and
 * only the engine's stages call these readers (during an analysis).
 */
export function registerAnalysis(doc: Document, index: () => DomIndex): void {
  analysing.set(doc, { index, byTag: new Map() });
}

function metaKeys(doc: Document): MetaKey[] {
  const read = (): MetaKey[] =>
    elementsNamed(doc, 'meta').map((m) => ({
      key: (m.getAttribute('name') || m.getAttribute('property') || m.getAttribute('itemprop') || '').toLowerCase(),
      content: m.getAttribute('content'),
    }));
  // Read once per analysis: each metaContent call asks every <meta> for up to four attributes,
  // about ten calls with several names each.
  const l = analysing.get(doc);
  return l ? (l.metas ??= read()) : read();
}

/**
 * = Array.from(doc.getElementsByTagName(tag)) for a lower-case tag, from the index when an
 * analysis of `doc` is running. Read-only: the list is shared by every caller of the analysis.
 */
export function elementsNamed(doc: Document, tag: string): readonly Element[] {
  const l = analysing.get(doc);
  if (!l) return Array.from(doc.getElementsByTagName(tag));
  let list = l.byTag.get(tag);
  if (!list) l.byTag.set(tag, (list = l.index().byTag(tag)));
  return list;
}

export function metaContent(doc: Document, ...names: string[]): string {
  const metas = metaKeys(doc);
  for (const name of names) {
    const lower = name.toLowerCase();
    for (const m of metas) {
      if (m.key === lower) {
        const v = foldSpace(m.content || '');
        if (v) return v;
      }
    }
  }
  return '';
}

/** JSON-LD objects on the page (Schema.org and Baidu cambrian); bad JSON is skipped. */
export function jsonLd(doc: Document): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  // = querySelectorAll('script[type="application/ld+json"]') (type compared case-insensitively),
  // without compiling a selector for each new jsdom document.
  for (const s of elementsNamed(doc, 'script')) {
    if ((s.getAttribute('type') || '').replace(/[A-Z]+/g, (m) => m.toLowerCase()) !== 'application/ld+json') continue;
    try {
      const v = JSON.parse(s.textContent || '');
      const list = Array.isArray(v) ? v : v && Array.isArray(v['@graph']) ? v['@graph'] : [v];
      for (const o of list) if (o && typeof o === 'object') out.push(o as Record<string, unknown>);
    } catch {
      /* not JSON */
    }
  }
  return out;
}

export function ldString(objs: Record<string, unknown>[], ...keys: string[]): string {
  for (const k of keys) for (const o of objs) if (typeof o[k] === 'string' && (o[k] as string).trim()) return foldSpace(o[k] as string);
  return '';
}
