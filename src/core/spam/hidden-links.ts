// T3: link blocks already made invisible (off-screen, display:none, font-size 0, text-indent,
// zero height, a class hidden by a stylesheet, colour = background). Nothing to hide, but their
// text must never reach the body, summary or clean view, and they prove the page is hacked.
// Benign look-alikes: statistics widgets (CNZZ, 51.la, Baidu tongji), skip links, sr-only text,
// closed drop-down menus of the site's own pages.
import type { HiddenBlock } from '../types';
import { domIndex } from '../page/context';
import { MEMO_MAX_LENGTH, scoreText, type TextScore } from './matcher';
import { short, siteOf, tooBroad, type PageFacts, type SpamDetector } from './facts';

const BENIGN_HOST = /(^|\.)(cnzz\.com|51\.la|51yes\.com|tongji\.baidu\.com|hm\.baidu\.com|google-analytics\.com|statcounter\.com|umeng\.com|beian\.gov\.cn|miit\.gov\.cn|conac\.cn|ucap\.org\.cn)$/;
const BENIGN_CLASS = /(^|[\s_-])(sr-only|visually-hidden|screen-reader|skip|a11y|assistive)/i;

function candidates(facts: PageFacts): Element[] {
  const { ctx } = facts;
  // Without computed styles (jsdom) the style index knows exactly which elements a rule or inline
  // style hides; with them (styles.layout: a browser) it offers every element and hiddenReason
  // asks the browser.
  // Kept: elements with a child element (every anchor inside is one, so no separate anchor
  // test) or more than 20 characters of text. Indexed elements answer from the node table.
  const set = new Set<Element>();
  const index = domIndex(ctx);
  const { type, next } = index.nodes;
  for (const el of ctx.styles.hiddenCandidates()) {
    const r = index.rowOf(el);
    let hasChild = false;
    if (r < 0) hasChild = el.childElementCount >= 1;
    else if (index.nodes.end[r] > r + 1) for (let c = r + 1; c >= 0 && !hasChild; c = next[c]) hasChild = type[c] === 1;
    if (hasChild || index.textContentLength(el) > 20) set.add(el);
  }
  return [...set];
}

/** `score`: scoreText(facts.rawText(el)) when the caller has it already. */
export function judgeHidden(facts: PageFacts, el: Element, score?: TextScore): HiddenBlock | null {
  const { ctx } = facts;
  if (tooBroad(el)) return null;
  const how = ctx.hiddenReason(el);
  if (!how) return null;
  // Report only the outermost hidden element.
  if (el.parentElement && ctx.isInvisible(el.parentElement)) return null;
  if (BENIGN_CLASS.test((el.getAttribute('class') || '') + ' ' + (el.id || ''))) return null;
  const anchors = facts.anchorsIn(el);
  const text = facts.rawText(el);
  const own = siteOf(ctx.host || '');
  const offsite = new Set<string>();
  let spamAnchors = 0;
  let benign = 0;
  for (const a of anchors) {
    const h = facts.hostOf(a);
    if (h && BENIGN_HOST.test(h)) benign++;
    if (h && siteOf(h) !== own) offsite.add(siteOf(h));
    const s = facts.anchorScore(a);
    if (s.strong || s.score >= 3) spamAnchors++;
  }
  if (anchors.length && benign >= anchors.length / 2) return null;
  score ??= scoreText(text);
  const spamText = score.strong >= 2 || score.score >= 8;
  // Mirror filler (T6): an off-screen box of hundreds of empty tags sharing one id.
  const filler = el.childElementCount >= 50 && text.length < el.childElementCount;
  const linkFarm = anchors.length >= 5 && offsite.size >= 3 && spamAnchors >= 2;
  if (!spamText && !linkFarm && !(anchors.length >= 2 && spamAnchors >= 2) && !filler) return null;
  const parts = [how];
  if (anchors.length) parts.push(`${anchors.length} links`);
  if (spamAnchors) parts.push(`${spamAnchors} with spam words`);
  if (offsite.size) parts.push(`${offsite.size} hosts`);
  if (filler) parts.push(`${el.childElementCount} empty tags (mirror filler)`);
  return {
    kind: 'hidden-links',
    category: 'spam',
    reason: parts.join(', '),
    text: short(text, 400),
    element: el,
    alreadyInvisible: true,
  };
}

export const hiddenLinks: SpamDetector = {
  kind: 'hidden-links',
  detect(facts) {
    const { ctx } = facts;
    const out: HiddenBlock[] = [];
    // judgeHidden reports only the outermost hidden element, so nothing inside an element already
    // found hidden can be reported: skip those without asking for their style. With computed styles
    // the candidates are every element in document order and each ask is a getComputedStyle, so a
    // closed menu or tab panel no longer costs one call per descendant.
    const hidden = new Set<Element>();
    const index = domIndex(ctx);
    for (const el of candidates(facts)) {
      if (facts.claimed(el) || (hidden.size && insideAny(facts, el, hidden))) continue;
      // With computed styles every body element is a candidate and each style ask a getComputedStyle with
      // ~9 property reads. judgeHidden reports only a block with 2+ links, spam text or 50+ child
      // elements, whatever its style: when none can hold, the style is not asked (nor the element
      // remembered as hidden: its descendants are then judged, and refused by the parent check).
      let score: TextScore | undefined;
      if (ctx.styles.layout) {
        const links = index.anchorStat(el)?.n ?? facts.anchorsIn(el).length; // n counts el itself too: an upper bound
        if (links < 2 && el.childElementCount < 50) {
          // A text too long for scoreText's memo costs more to score than the style ask (wrappers
          // of the article hold all of it, one inside the other): ask first, and only a hidden
          // element is scored. Either way a visible element is neither reported nor remembered
          // as hidden.
          const text = facts.rawText(el);
          if (text.length > MEMO_MAX_LENGTH && !ctx.hiddenReason(el)) continue;
          score = scoreText(text);
          if (!(score.strong >= 2 || score.score >= 8)) continue;
        }
      }
      const b = judgeHidden(facts, el, score);
      if (b) {
        out.push(b);
        facts.claim(b);
      }
      if (!tooBroad(el) && ctx.hiddenReason(el)) hidden.add(el); // already asked by judgeHidden
    }
    return out;
  },
};

/** A proper ancestor of `el` is in `set` (parent rows of the node table when indexed). */
function insideAny(facts: PageFacts, el: Element, set: Set<Element>): boolean {
  const index = domIndex(facts.ctx);
  const r = index.rowOf(el);
  if (r < 0) {
    for (let p = el.parentElement; p; p = p.parentElement) if (set.has(p)) return true;
    return false;
  }
  const { node, parent } = index.nodes;
  for (let p = parent[r]; p >= 0; p = parent[p]) if (set.has(node[p] as Element)) return true;
  return false;
}
