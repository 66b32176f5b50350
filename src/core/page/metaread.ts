// <meta> lookup by name or property, case-insensitive. The first non-empty value wins.
import { foldSpace } from './context';

export function metaContent(doc: Document, ...names: string[]): string {
  const metas = doc.getElementsByTagName('meta');
  for (const name of names) {
    const lower = name.toLowerCase();
    for (let i = 0; i < metas.length; i++) {
      const m = metas[i];
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
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
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
