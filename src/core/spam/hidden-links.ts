// T3: link blocks already made invisible (off-screen, display:none, font-size 0, text-indent,
// zero height, a class hidden by a stylesheet, colour = background). Nothing to hide, but their
// text must never reach the body, summary or clean view, and they prove the page is hacked.
// Benign look-alikes: statistics widgets (CNZZ, 51.la, Baidu tongji), skip links, sr-only text,
// closed drop-down menus of the site's own pages.
import type { HiddenBlock } from '../types';
import { domIndex } from '../page/context';
import { scoreText } from './matcher';
import { short, siteOf, tooBroad, type PageFacts, type SpamDetector } from './facts';

const BENIGN_HOST = /(^|\.)(cnzz\.com|51\.la|51yes\.com|tongji\.baidu\.com|hm\.baidu\.com|google-analytics\.com|statcounter\.com|umeng\.com|beian\.gov\.cn|miit\.gov\.cn|conac\.cn|ucap\.org\.cn)$/;
const BENIGN_CLASS = /(^|[\s_-])(sr-only|visually-hidden|screen-reader|skip|a11y|assistive)/i;

function candidates(facts: PageFacts): Element[] {
  const { ctx } = facts;
  // Without layout the style index knows exactly which elements a rule or inline style hides;
  // with layout it offers every element and hiddenReason asks the browser.
  const set = new Set<Element>();
  const index = domIndex(ctx);
  for (const el of ctx.styles.hiddenCandidates()) {
    if (el.childElementCount >= 1 || facts.anchorCount.has(el) || index.textContentLength(el) > 20) set.add(el);
  }
  return [...set];
}

export function judgeHidden(facts: PageFacts, el: Element): HiddenBlock | null {
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
  const score = scoreText(text);
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
    const out: HiddenBlock[] = [];
    for (const el of candidates(facts)) {
      if (facts.claimed(el)) continue;
      const b = judgeHidden(facts, el);
      if (b) {
        out.push(b);
        facts.claim(b);
      }
    }
    return out;
  },
};
