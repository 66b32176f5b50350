// Per-analysis view of a document: cached visibility and visible text, shared by every stage
// so that each element's style is judged once.
import type { AnalyzeSettings } from '../types';
import { buildStyleIndex, type StyleIndex } from './visibility';
import { buildDomIndex, type DomIndex } from './dom-index';
import { registerAnalysis } from './metaread';

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
  /** The page's style facts, computed once (see visibility.ts). */
  styles: StyleIndex;
  /** Why the element's own style hides it ("" when it doesn't). */
  hiddenReason(el: Element): string;
  /** Extra excluded text spans (inline spam) that text readers should skip: node -> [start, end) ranges. */
  excludedSpans: Map<Text, [number, number][]>;
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
  const ownHidden = new Map<Element, string>();
  // visibleText is asked for the same elements by several stages; the cache is valid while
  // nothing new is excluded (the excluded set only grows).
  const textCache = new Map<Element, string>();
  let textCacheVersion = -1;
  let index: DomIndex | null = null;
  const getIndex = () => (index ??= buildDomIndex(doc));
  registerAnalysis(doc, getIndex);
  const styles = buildStyleIndex(doc, getIndex);
  const ctx: PageContext = {
    doc,
    url,
    host: hostOf(url),
    settings,
    excluded: new Set(),
    styles,
    excludedSpans: new Map(),
    hiddenReason(el) {
      let r = ownHidden.get(el);
      if (r === undefined) {
        try {
          r = styles.hiddenReason(el);
        } catch {
          r = '';
        }
        ownHidden.set(el, r);
      }
      return r;
    },
    isInvisible(el) {
      const known = invisible.get(el);
      if (known !== undefined) return known;
      const parent = el.parentElement;
      // Ancestors first: inside a hidden subtree the element's own style is never needed (with
      // layout, asking it is a getComputedStyle on an element that has no box).
      const result = (parent ? ctx.isInvisible(parent) : false) || ctx.hiddenReason(el) !== '';
      invisible.set(el, result);
      return result;
    },
    visibleText(el) {
      const version = ctx.excluded.size + ctx.excludedSpans.size * 100003;
      if (version !== textCacheVersion) {
        textCache.clear();
        textCacheVersion = version;
      }
      const cached = textCache.get(el);
      if (cached !== undefined) return cached;
      const parts: string[] = [];
      const walk = (node: Node) => {
        for (let child = node.firstChild; child; child = child.nextSibling) {
          if (child.nodeType === 3) parts.push(spanFree(ctx, child as Text));
          else if (child.nodeType === 1) {
            const e = child as Element;
            if (SKIP_TAGS.has(e.tagName.toUpperCase()) || ctx.excluded.has(e) || ctx.hiddenReason(e)) continue;
            if (BLOCK_TAGS.has(e.tagName.toUpperCase())) parts.push(' ');
            walk(e);
          }
        }
      };
      if (!ctx.isInvisible(el) && !ctx.excluded.has(el)) walk(el);
      const text = foldSpace(parts.join(''));
      textCache.set(el, text);
      return text;
    },
  };
  indexes.set(ctx, getIndex);
  return ctx;
}

const indexes = new WeakMap<PageContext, () => DomIndex>();

/**
 * The document's one-walk index (element lists, text lengths, anchor stats), built on first use
 * and shared by every stage of this analysis. The document must not change during the analysis.
 */
export function domIndex(ctx: PageContext): DomIndex {
  let get = indexes.get(ctx);
  if (!get) {
    // A context not made by createContext (tests): index it once.
    const index = buildDomIndex(ctx.doc);
    indexes.set(ctx, (get = () => index));
  }
  return get();
}

/** A text node's data without the excluded (inline spam) spans. */
export function spanFree(ctx: Pick<PageContext, 'excludedSpans'>, node: Text): string {
  const spans = ctx.excludedSpans.get(node);
  if (!spans) return node.data;
  let out = '';
  let at = 0;
  for (const [s, e] of [...spans].sort((a, b) => a[0] - b[0])) {
    if (s > at) out += node.data.slice(at, s);
    at = Math.max(at, e);
  }
  return out + node.data.slice(at);
}

export const BLOCK_TAGS = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'LI', 'UL', 'OL', 'TABLE', 'TR', 'TD', 'TH', 'BR', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'BLOCKQUOTE', 'PRE', 'DD', 'DT', 'DL', 'FIGURE', 'FIGCAPTION', 'HEADER', 'FOOTER', 'NAV', 'ASIDE', 'MAIN', 'CENTER', 'FORM',
]);
