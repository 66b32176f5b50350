// Per-analysis view of a document: cached visibility and visible text, shared by every stage
// so that each element's style is judged once.
import type { AnalyzeSettings } from '../types';
import { isInvisibleElement } from './visibility';

export interface PageContext {
  doc: Document;
  url: string;
  /** Lower-case host of `url` ("" for file: URLs). */
  host: string;
  settings: AnalyzeSettings;
  /** Elements whose text must never reach the body (spam, noise, invisible blocks). */
  excluded: Set<Element>;
  /** True when the element or an ancestor is invisible to a person. Memoised. */
  isInvisible(el: Element): boolean;
  /** Text a person sees inside `el`, whitespace folded, skipping invisible and excluded parts. */
  visibleText(el: Element): string;
}

const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'SVG', 'RT', 'RP']);

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

export function foldSpace(s: string): string {
  return s.replace(/[\s\u00a0\u3000\u200b-\u200d\ufeff]+/g, ' ').trim();
}

export function createContext(doc: Document, url: string, settings: AnalyzeSettings): PageContext {
  const invisible = new Map<Element, boolean>();
  const ctx: PageContext = {
    doc,
    url,
    host: hostOf(url),
    settings,
    excluded: new Set(),
    isInvisible(el) {
      const known = invisible.get(el);
      if (known !== undefined) return known;
      const parent = el.parentElement;
      const result = isInvisibleElement(el) || (parent ? ctx.isInvisible(parent) : false);
      invisible.set(el, result);
      return result;
    },
    visibleText(el) {
      const parts: string[] = [];
      const walk = (node: Node) => {
        for (let child = node.firstChild; child; child = child.nextSibling) {
          if (child.nodeType === 3) parts.push((child as Text).data);
          else if (child.nodeType === 1) {
            const e = child as Element;
            if (SKIP_TAGS.has(e.tagName.toUpperCase()) || ctx.excluded.has(e) || isInvisibleElement(e)) continue;
            if (BLOCK_TAGS.has(e.tagName.toUpperCase())) parts.push(' ');
            walk(e);
          }
        }
      };
      if (!ctx.isInvisible(el)) walk(el);
      return foldSpace(parts.join(''));
    },
  };
  return ctx;
}

export const BLOCK_TAGS = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'LI', 'UL', 'OL', 'TABLE', 'TR', 'TD', 'TH', 'BR', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'BLOCKQUOTE', 'PRE', 'DD', 'DT', 'DL', 'FIGURE', 'FIGCAPTION', 'HEADER', 'FOOTER', 'NAV', 'ASIDE', 'MAIN', 'CENTER', 'FORM',
]);
