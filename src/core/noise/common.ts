// Shared pieces of the noise detectors: the detector shape, the article guard, heading labels.
import type { PageContext } from '../page/context';
import type { HiddenBlock, NoiseKind } from '../types';
import { collectTextIndexed, siteOf } from '../spam/facts';
import { norm } from '../spam/normalize';
import { domIndex, foldSpace } from '../page/context';

/** A hidden block's reported text is its whole visible text, capped so a vast comment section cannot bloat every message. */
const MAX_TEXT = 5000;

export interface ArticleRef {
  element: Element | null;
  title: string;
  body: string;
}

export interface NoiseFacts {
  ctx: PageContext;
  article: ArticleRef;
  /** Lower-case class + id of an element (for pinyin/English name hints). */
  names(el: Element): string;
  text(el: Element): string;
  /** Normalised (simplified, lower-case) text, for label matching on traditional pages. */
  normText(el: Element): string;
  anchors(el: Element): Element[];
  /** Non-space characters of text inside the element (scripts/styles excluded), from one pass. */
  textLen(el: Element): number;
  /** Anchors inside the element: count, non-space link text, anchors with ≥ 10 characters. */
  anchorStats(el: Element): { n: number; linkLen: number; long: number };
  /** Short text nodes with their normalised text (for heading labels), from one pass. */
  shortTexts(): { node: Text; norm: string }[];
  /** Elements of the body with a class or id, queried once. */
  named(): Element[];
  offsiteShare(el: Element): number;
  /** May this element be hidden without touching the article? */
  safe(el: Element, kind: NoiseKind): boolean;
  block(kind: NoiseKind, el: Element, reason: string): HiddenBlock;
}

export interface NoiseDetector {
  kind: NoiseKind;
  detect(facts: NoiseFacts): HiddenBlock[];
}

const ROOTS = new Set(['HTML', 'BODY', 'HEAD', 'MAIN']);
/** Kinds that may sit inside the article container (tools, share bars, panels after the text). */
const INSIDE_OK = new Set<NoiseKind>(['share', 'page-tools', 'recommendation', 'related', 'comment', 'ad']);

export function createNoiseFacts(ctx: PageContext, article: ArticleRef): NoiseFacts {
  const texts = new Map<Element, string>();
  const norms = new Map<Element, string>();
  // A block containing the start of the article's first paragraph holds article text.
  const lines = article.body.split('\n').map((l) => l.replace(/\s/g, '')).filter((l) => l.length >= 12);
  // Only the first paragraph: the extracted body may still include panels after the text.
  const probes = lines.slice(0, 1).map((l) => l.slice(0, 12));
  const own = siteOf(ctx.host || '');
  // Text lengths, anchor stats, short texts and named elements come from the page's one-walk index.
  const dom = domIndex(ctx);
  const names = new Map<Element, string>();
  // Ancestors of elements the markup hides (style="display:none", hidden), from the index's list.
  let hiddenAncestors: Set<Element> | null = null;
  const hasHiddenInside = (el: Element): boolean => {
    if (!hiddenAncestors) {
      hiddenAncestors = new Set();
      for (const h of dom.styledOrHidden) {
        if (!h.hasAttribute('hidden') && !INLINE_HIDDEN.test(h.getAttribute('style') || '')) continue;
        for (let p = h.parentElement; p && !hiddenAncestors.has(p); p = p.parentElement) hiddenAncestors.add(p);
      }
    }
    return hiddenAncestors.has(el);
  };
  const facts: NoiseFacts = {
    ctx,
    article,
    textLen(el) {
      return dom.textLen(el);
    },
    anchorStats(el) {
      return dom.anchorStat(el) || { n: 0, linkLen: 0, long: 0 };
    },
    shortTexts() {
      return dom.shortTexts;
    },
    named() {
      return dom.named;
    },
    names(el) {
      let n = names.get(el);
      if (n === undefined) names.set(el, (n = ((el.getAttribute('class') || '') + ' ' + (el.id || '')).toLowerCase()));
      return n;
    },
    text(el) {
      let t = texts.get(el);
      if (t === undefined) {
        t = ctx.isInvisible(el) ? '' : collectTextIndexed(domIndex(ctx), el);
        texts.set(el, t);
      }
      return t;
    },
    normText(el) {
      let t = norms.get(el);
      if (t === undefined) {
        t = norm(facts.text(el).slice(0, 400));
        norms.set(el, t);
      }
      return t;
    },
    anchors(el) {
      return dom.anchorsIn(el);
    },
    offsiteShare(el) {
      const as = facts.anchors(el);
      if (!as.length) return 0;
      let off = 0;
      for (const a of as) {
        const href = a.getAttribute('href') || '';
        if (!/^(https?:)?\/\//i.test(href)) continue;
        try {
          if (siteOf(new URL(href, ctx.url || 'http://localhost/').hostname) !== own) off++;
        } catch {
          /* unparsable href: not off-site */
        }
      }
      return off / as.length;
    },
    safe(el, kind) {
      if (ROOTS.has(el.tagName.toUpperCase())) return false;
      const art = article.element;
      if (art) {
        if (el === art || el.contains(art)) return false;
        if (art.contains(el) && !INSIDE_OK.has(kind)) return false;
      }
      // A block holding the article's own paragraphs is never noise.
      if (probes.length && art && art.contains(el)) {
        const t = (el.textContent || '').replace(/\s/g, '');
        if (probes.some((p) => t.includes(p))) return false;
      }
      return true;
    },
    block(kind, el, reason) {
      // Only blocks with a markup-hidden descendant need their own walk; the rest reuse the cached text.
      const text = (hasHiddenInside(el) && shownText(el)) || facts.text(el);
      return { kind, category: 'noise', reason, text: text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) + '…' : text, element: el };
    },
  };
  return facts;
}

const NON_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
const INLINE_HIDDEN = /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)/i;

/**
 * The block's text without children the markup itself hides (`style="display:none"`, `hidden`):
 * a feed's "推荐中⋅⋅⋅" loading placeholder is not what the reader saw in it. Cheap: no styles.
 */
export function shownText(el: Element): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) parts.push((c as Text).data);
      else if (c.nodeType === 1) {
        const e = c as Element;
        if (NON_TEXT.has(e.tagName.toUpperCase()) || e.hasAttribute('hidden') || INLINE_HIDDEN.test(e.getAttribute('style') || '')) continue;
        parts.push(' ');
        walk(e);
      }
    }
  };
  walk(el);
  return foldSpace(parts.join(''));
}

/** Climb from `el` while the parent adds little text (a heading, a count, a "more" link). */
export function grow(facts: NoiseFacts, el: Element, kind: NoiseKind, extra = 30): Element {
  let cur = el;
  const base = facts.textLen(el);
  for (let p = cur.parentElement; p; p = p.parentElement) {
    if (facts.textLen(p) - base > extra) break;
    if (!facts.safe(p, kind)) break;
    cur = p;
  }
  return cur;
}

const isRuby = (n: Node | null): boolean => n?.nodeType === 1 && (n as Element).tagName.toUpperCase() === 'RUBY';

/** Elements whose own short text (a heading) matches one of the labels. */
export function labelled(facts: NoiseFacts, labels: RegExp, maxLen = 16): Element[] {
  const out: Element[] = [];
  const seen = new Set<Element>();
  for (const { node, norm: n } of facts.shortTexts()) {
    if (n.length > maxLen + 8) continue;
    const parent = node.parentElement;
    if (!parent || seen.has(parent)) continue;
    // A fragment of running text between <ruby> annotations (mirror pages) is never a label.
    if (isRuby(node.previousSibling) || isRuby(node.nextSibling)) continue;
    const t = n.replace(/[\s:：>»›+]+|更多|more|换一换/gi, '');
    if (t.length <= maxLen && labels.test(t)) {
      seen.add(parent);
      out.push(parent);
    }
  }
  return out;
}

/** Keep only the outermost blocks of each kind. */
export function outermost(blocks: HiddenBlock[]): HiddenBlock[] {
  // Same as "no other block of the kind contains this one", by walking up the ancestors once.
  const byKind = new Map<string, Set<Element>>();
  for (const b of blocks) {
    if (!b.element) continue;
    let set = byKind.get(b.kind);
    if (!set) byKind.set(b.kind, (set = new Set()));
    set.add(b.element);
  }
  return blocks.filter((b) => {
    const set = b.element && byKind.get(b.kind);
    if (!set) return true;
    for (let p = b.element!.parentElement; p; p = p.parentElement) if (set.has(p)) return false;
    return true;
  });
}
