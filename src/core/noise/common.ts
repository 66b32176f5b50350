// Shared pieces of the noise detectors: the detector shape, the article guard, heading labels.
import type { PageContext } from '../page/context';
import type { HiddenBlock, NoiseKind } from '../types';
import { collectTextIndexed, siteOf } from '../spam/facts';
import { norm } from '../spam/normalize';
import { domIndex, foldSpace } from '../page/context';
import { MARK_HIDDEN, MARK_STYLE, hiddenAttrAt, mayHave, styleAt, tableAt, type DomIndex } from '../page/dom-index';

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
  /** The elements of named() whose names() match `re` (no g/y flags), in order. */
  namedMatching(re: RegExp): Element[];
  text(el: Element): string;
  /** Normalised (simplified, lower-case) text, for label matching on traditional pages. */
  normText(el: Element): string;
  anchors(el: Element): Element[];
  /** Non-space characters of text inside the element (scripts/styles excluded), from one pass. */
  textLen(el: Element): number;
  /** Anchors inside the element: count, non-space link text, anchors with ≥ 10 characters. */
  anchorStats(el: Element): { n: number; linkLen: number; long: number };
  /** Short text nodes with their normalised text (for heading labels), from one pass. */
  shortTexts(): { node: Text; norm: string; parent: Element }[];
  /** Elements of the body with a class or id, queried once. */
  named(): Element[];
  offsiteShare(el: Element): number;
  /** May this element be hidden without touching the article? */
  safe(el: Element, kind: NoiseKind): boolean;
  /** A found block; its text is filled in by finish() (detectors drop many nested blocks first). */
  block(kind: NoiseKind, el: Element, reason: string): HiddenBlock;
  /** Fills in the text of the blocks that are reported. */
  finish(blocks: HiddenBlock[]): HiddenBlock[];
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
  // Many elements share one class string (li.item, div.clear): the names of named() as ids of
  // distinct strings, so each of the seven name regexes is tested once per distinct name and
  // costs one array read per element.
  let nameIds: Int32Array | null = null;
  const distinctNames: string[] = [];
  const nameOf = (el: Element): string => dom.nameOf(el).toLowerCase();
  // Blocks whose text is still to be read (see finish).
  const pending = new Set<HiddenBlock>();
  // Ancestors of elements the markup hides (style="display:none", hidden), from the index's list.
  let hiddenAncestors: Set<Element> | null = null;
  const hasHiddenInside = (el: Element): boolean => {
    if (!hiddenAncestors) {
      hiddenAncestors = new Set();
      const t = dom.nodes;
      for (const h of dom.styledOrHidden) {
        // Its row's marks and style (read once per analysis); the DOM for an element not indexed.
        const r = dom.rowOf(h);
        if (r >= 0 ? !hiddenAttrAt(t, r) && !INLINE_HIDDEN.test(styleAt(t, r) || '') : !h.hasAttribute('hidden') && !INLINE_HIDDEN.test(h.getAttribute('style') || '')) continue;
        for (let p = dom.parentElement(h); p && !hiddenAncestors.has(p); p = dom.parentElement(p)) hiddenAncestors.add(p);
      }
    }
    return hiddenAncestors.has(el);
  };
  // Per element: does its text hold the article's first words? grow() asks again for every
  // ancestor it climbs, once per kind; each answer is a walk over the element's text.
  const probed = new Map<Element, boolean>();
  const holdsProbe = (el: Element): boolean => {
    let yes = probed.get(el);
    if (yes === undefined) {
      const t = dom.textContent(el).replace(/\s/g, '');
      probed.set(el, (yes = probes.some((p) => t.includes(p))));
    }
    return yes;
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
      if (n === undefined) names.set(el, (n = nameOf(el)));
      return n;
    },
    namedMatching(re) {
      const list = dom.named;
      if (!nameIds) {
        nameIds = new Int32Array(list.length);
        const ids = new Map<string, number>();
        for (let i = 0; i < list.length; i++) {
          const n = nameOf(list[i]);
          let id = ids.get(n);
          if (id === undefined) {
            ids.set(n, (id = distinctNames.length));
            distinctNames.push(n);
          }
          nameIds[i] = id;
        }
      }
      // re has no g/y flag: test() keeps no state, so one answer per distinct name.
      const hit = new Uint8Array(distinctNames.length);
      for (let k = 0; k < distinctNames.length; k++) if (re.test(distinctNames[k])) hit[k] = 1;
      const out: Element[] = [];
      for (let i = 0; i < list.length; i++) if (hit[nameIds[i]]) out.push(list[i]);
      return out;
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
      if (ROOTS.has(dom.upperTag(el))) return false;
      const art = article.element;
      if (art) {
        if (el === art || dom.contains(el, art)) return false;
        if (dom.contains(art, el) && !INSIDE_OK.has(kind)) return false;
      }
      // A block holding the article's own paragraphs is never noise.
      if (probes.length && art && dom.contains(art, el)) return !holdsProbe(el);
      return true;
    },
    block(kind, el, reason) {
      const b: HiddenBlock = { kind, category: 'noise', reason, text: '', element: el };
      pending.add(b);
      return b;
    },
    finish(blocks) {
      for (const b of blocks) {
        if (!pending.delete(b)) continue;
        const el = b.element!;
        // Only blocks with a markup-hidden descendant need their own walk; the rest reuse the cached text.
        const text = (hasHiddenInside(el) && shownText(el, dom)) || facts.text(el);
        b.text = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) + '…' : text;
      }
      return blocks;
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
export function shownText(el: Element, index: DomIndex | null = null): string {
  // Rows of the node table (the page's, or one built for this subtree): same children, text and
  // tags as firstChild/nextSibling; attributes are read only on elements that have some.
  const { table: t, row: root } = tableAt(index, el);
  const parts: string[] = [];
  const walk = (row: number) => {
    for (let c = t.end[row] === row + 1 ? -1 : row + 1; c >= 0; c = t.next[c]) {
      const type = t.type[c];
      if (type === 3) parts.push(t.data[c]);
      else if (type === 1) {
        if (NON_TEXT.has(t.tag[c])) continue;
        if (t.attrs[c] && mayHave(t, c, MARK_HIDDEN | MARK_STYLE)) {
          if (hiddenAttrAt(t, c) || INLINE_HIDDEN.test(styleAt(t, c) || '')) continue;
        }
        parts.push(' ');
        walk(c);
      }
    }
  };
  walk(root);
  return foldSpace(parts.join(''));
}

/** Climb from `el` while the parent adds little text (a heading, a count, a "more" link). */
export function grow(facts: NoiseFacts, el: Element, kind: NoiseKind, extra = 30): Element {
  let cur = el;
  const base = facts.textLen(el);
  const dom = domIndex(facts.ctx);
  for (let p = dom.parentElement(cur); p; p = dom.parentElement(p)) {
    if (facts.textLen(p) - base > extra) break;
    if (!facts.safe(p, kind)) break;
    cur = p;
  }
  return cur;
}

const isRuby = (n: Node | null): boolean => n?.nodeType === 1 && (n as Element).tagName.toUpperCase() === 'RUBY';

/**
 * The label form of each short text (facts.shortTexts(), same order) as an id into `forms`, the
 * distinct label forms: shared by the half-dozen labelled() calls of one analysis, which then
 * test each regex once per distinct form (short texts repeat: 更多, |, 首页).
 */
interface LabelForms {
  forms: string[];
  formOf: Int32Array;
}
const labelForms = new WeakMap<NoiseFacts, LabelForms>();

function labelFormsOf(facts: NoiseFacts): LabelForms {
  let found = labelForms.get(facts);
  if (found) return found;
  const texts = facts.shortTexts();
  const ids = new Map<string, number>();
  const forms: string[] = [];
  const formOf = new Int32Array(texts.length);
  for (let i = 0; i < texts.length; i++) {
    const n = texts[i].norm;
    let id = ids.get(n);
    if (id === undefined) {
      ids.set(n, (id = forms.length));
      forms.push(n.replace(/[\s:：>»›+]+|更多|more|换一换/gi, ''));
    }
    formOf[i] = id;
  }
  labelForms.set(facts, (found = { forms, formOf }));
  return found;
}

/** Elements whose own short text (a heading) matches one of the labels. */
export function labelled(facts: NoiseFacts, labels: RegExp, maxLen = 16): Element[] {
  const out: Element[] = [];
  const seen = new Set<Element>();
  const texts = facts.shortTexts();
  const { forms, formOf } = labelFormsOf(facts);
  const hit = new Uint8Array(forms.length);
  for (let k = 0; k < forms.length; k++) if (forms[k].length <= maxLen && labels.test(forms[k])) hit[k] = 1;
  for (let i = 0; i < texts.length; i++) {
    if (!hit[formOf[i]]) continue;
    const { node, norm: n, parent } = texts[i];
    if (n.length > maxLen + 8 || seen.has(parent)) continue;
    // A fragment of running text between <ruby> annotations (mirror pages) is never a label.
    if (isRuby(node.previousSibling) || isRuby(node.nextSibling)) continue;
    seen.add(parent);
    out.push(parent);
  }
  return out;
}

/** Keep only the outermost blocks of each kind. */
export function outermost(blocks: HiddenBlock[], dom: DomIndex): HiddenBlock[] {
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
    // The index answers parentElement without a wrapper call (the same chain).
    for (let p = dom.parentElement(b.element!); p; p = dom.parentElement(p)) if (set.has(p)) return false;
    return true;
  });
}
