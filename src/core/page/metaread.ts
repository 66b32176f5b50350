// <meta> lookup by name or property, case-insensitive. The first non-empty value wins.
import { foldSpace } from './context';

export function metaContent(doc: Document, ...names: string[]): string {
  // An array, not the live collection: indexing a jsdom HTMLCollection goes through a proxy.
  const metas = Array.from(doc.getElementsByTagName('meta'));
  for (const name of names) {
    const lower = name.toLowerCase();
    for (const m of metas) {
      const key = (m.getAttribute('name') || m.getAttribute('property') || m.getAttribute('itemprop') || '').toLowerCase();
      if (key === lower) {
        const v = foldSpace(m.getAttribute('content') || '');
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
  for (const s of Array.from(doc.getElementsByTagName('script'))) {
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
