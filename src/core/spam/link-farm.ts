// T4: visible link-farm blocks (蜘蛛池): 20–50 links with short keyword anchors separated by |,
// usually after the article. Evidence: many anchors, short anchor texts, spam vocabulary, many
// distinct or random-looking hosts, a 蜘蛛池/友情链接 label. A 友情链接 list of other gov sites
// (*.gov.cn) is legitimate and never matches: it has no spam words and gov hosts.
import type { HiddenBlock } from '../types';
import { domIndex } from '../page/context';
import { expandToLabel, randomLooking, short, siteOf, tooBroad, type AnchorAgg, type PageFacts, type SpamDetector } from './facts';
import { scoreText } from './matcher';

interface FarmStats {
  anchors: number;
  spam: number;
  strong: number;
  hosts: number;
  randomHosts: number;
  govHosts: number;
  linkText: number;
  text: number;
}

const FARM_LABEL = /蜘蛛池|站群|友情链接|友链|合作伙伴|热门搜索|热搜|相关搜索|标签云/;

/** `g` is el's anchorAgg entry: the same anchors (those inside el), already summed but for hosts. */
function stats(facts: PageFacts, el: Element, g: AnchorAgg): FarmStats {
  const sites = new Set<string>();
  let randomHosts = 0, govHosts = 0;
  const own = siteOf(facts.ctx.host || '');
  for (const a of domIndex(facts.ctx).anchorsIn(el)) {
    const h = facts.hostOf(a);
    if (h) {
      const site = siteOf(h);
      if (!sites.has(site) && site !== own) {
        sites.add(site);
        if (randomLooking(h)) randomHosts++;
        if (/\.gov(\.cn)?$|\.edu\.cn$|\.org\.cn$/.test(h)) govHosts++;
      }
    }
  }
  return { anchors: g.n, spam: g.spam, strong: g.strong, hosts: sites.size, randomHosts, govHosts, linkText: g.linkText, text: facts.rawText(el).length };
}

function isFarm(facts: PageFacts, el: Element, s: FarmStats): boolean {
  if (s.anchors < 6) return false;
  if (s.linkText < 0.5 * s.text) return false; // prose with links is not a farm
  const avgAnchor = s.linkText / s.anchors;
  if (avgAnchor > 24) return false;
  if (s.govHosts >= 0.6 * s.hosts && s.spam < 0.2 * s.anchors) return false;
  const ratio = s.spam / s.anchors;
  if (ratio >= 0.4 && s.strong >= 3) return true;
  const label = FARM_LABEL.test(facts.rawText(el).slice(0, 40));
  if (label && /蜘蛛池|站群/.test(facts.rawText(el).slice(0, 40))) return true;
  // Unknown vocabulary: random-looking foreign hosts plus some spam words.
  if (s.hosts >= 5 && s.randomHosts >= 0.5 * s.hosts && (ratio >= 0.15 || scoreText(facts.rawText(el)).score >= 6)) return true;
  return false;
}

export const linkFarm: SpamDetector = {
  kind: 'link-farm',
  detect(facts) {
    const found = new Map<Element, FarmStats>();
    for (const [el, g] of facts.anchorAgg()) {
      // Cheap filter first: enough anchors, some spam words or mostly off-site links.
      if (g.n < 6 || (g.spam < 0.15 * g.n && g.offsite < 0.5 * g.n)) continue;
      if (tooBroad(el) || facts.claimed(el)) continue;
      if (facts.ctx.isInvisible(el)) continue; // hidden-links reports those
      const s = stats(facts, el, g);
      if (isFarm(facts, el, s)) found.set(el, s);
    }
    // Prefer the smallest block holding (nearly) all the spam anchors of a bigger one.
    const keep: Element[] = [];
    for (const [el, s] of found) {
      let inner = false;
      for (const [other, o] of found) {
        if (other !== el && el.contains(other) && o.spam >= 0.9 * s.spam) inner = true;
      }
      if (!inner) keep.push(el);
    }
    const outermost = keep.filter((el) => !keep.some((o) => o !== el && o.contains(el)));
    const out: HiddenBlock[] = [];
    for (const el of outermost) {
      const s = found.get(el)!;
      const target = expandToLabel(facts, el);
      const parts = [`${s.anchors} links`, `${s.spam} with spam words`, `${s.hosts} hosts`];
      if (s.randomHosts) parts.push(`${s.randomHosts} random-looking`);
      const b: HiddenBlock = {
        kind: 'link-farm',
        category: 'spam',
        reason: parts.join(', '),
        text: short(facts.ctx.visibleText(target) || facts.rawText(target), 2000),
        element: target,
      };
      out.push(b);
      facts.claim(b);
    }
    return out;
  },
};
