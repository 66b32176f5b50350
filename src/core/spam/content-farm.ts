// Content-farm material planted on a page (T8's injected variant): a "精彩推荐 / 猜你喜欢" panel of
// other sites' articles and the farm's 版权声明：本文内容由互联网用户自发贡献… line. A portal's own
// recommendation panel is noise (src/core/noise/recommendation.ts); a panel is reported here, as
// spam, only when its items cannot belong to the page:
//  - its headline links go off-site to ≥ 3 distinct random-looking hosts (o3s3x.lsimgrvp865.com,
//    5ajb.kwaqkhkp.com …), which no portal links its own articles from; or
//  - its items are off-topic for the page's title AND carry full dates scattered over ≥ 3 years
//    in no order: a farm's random-posts widget. A site's own lists are sorted (latest first) or
//    stay within the article's time; same-site related lists share words with the title.
// The farm's disclaimer is spam on its own: gov pages never say their content is "contributed by
// internet users" with a QQ-mail address for takedown requests.
import type { HiddenBlock } from '../types';
import { domIndex, foldSpace, type PageContext } from '../page/context';
import { elementsNamed } from '../page/metaread';
import { expandToLabel, randomLooking, short, siteOf, tooBroad, type PageFacts, type SpamDetector } from './facts';
import { longTextData, longTextRows, longTexts } from './long-texts';

/** The content-farm template's disclaimer (WordPress farm themes); Sohu-style portal notices lack it. */
export const FARM_DISCLAIMER = /本文内容由互联网用户自发贡献/;
/** FARM_DISCLAIMER's literal, for includes() over every long text node (no regex call per node). */
const FARM_DISCLAIMER_TEXT = '本文内容由互联网用户自发贡献';
const DATE = /((?:19|20)\d\d)\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})/g;

export interface PanelFacts {
  anchors: number;
  sites: number;
  randomSites: number;
  years: number;
  dates: number;
  ordered: boolean;
  onTopic: number;
}

function bigrams(s: string): Set<string> {
  const han = s.toLowerCase().replace(/[^\p{Script=Han}a-z0-9]/gu, '');
  const out = new Set<string>();
  for (let i = 0; i + 1 < han.length; i++) out.add(han.slice(i, i + 2));
  return out;
}

/** The page's own title for the topic check: meta ArticleTitle, og:title, the first <h1>, <title>. */
function pageTitle(ctx: PageContext): string {
  const metas: Record<string, string> = {};
  for (const m of elementsNamed(ctx.doc, 'meta')) {
    const key = (m.getAttribute('name') || m.getAttribute('property') || '').toLowerCase();
    if ((key === 'articletitle' || key === 'og:title') && !metas[key]) metas[key] = foldSpace(m.getAttribute('content') || '');
  }
  const h1 = domIndex(ctx).byTag('h1')[0];
  return metas.articletitle || metas['og:title'] || (h1 ? foldSpace(h1.textContent || '') : '') || ctx.doc.title || '';
}

/** Dates in the text as [year, ordinal] pairs. */
function datesIn(text: string): number[][] {
  const out: number[][] = [];
  for (const m of text.matchAll(DATE)) {
    const y = +m[1], mo = +m[2], d = +m[3];
    if (mo >= 1 && mo <= 12 && d >= 1 && d <= 31) out.push([y, y * 400 + mo * 32 + d]);
  }
  return out;
}

function isOrdered(values: number[]): boolean {
  let up = true, down = true;
  for (let i = 1; i < values.length; i++) {
    if (values[i] < values[i - 1]) up = false;
    if (values[i] > values[i - 1]) down = false;
  }
  return up || down;
}

export function panelFacts(facts: PageFacts, el: Element, title: Set<string>): PanelFacts {
  // Links inside blocks already judged (a hidden link farm inside the article) are not the panel's.
  const anchors = domIndex(facts.ctx).anchorsIn(el).filter((a) => !excludedWithin(facts.ctx, a, el));
  const own = siteOf(facts.ctx.host || '');
  const sites = new Set<string>();
  const random = new Set<string>();
  let topical = 0, items = 0;
  for (const a of anchors) {
    const h = facts.hostOf(a);
    if (h) {
      const site = siteOf(h);
      if (site !== own) {
        sites.add(site);
        if (randomLooking(h)) random.add(site);
      }
    }
    const t = facts.rawText(a);
    if (t.length < 6) continue;
    items++;
    let common = 0;
    for (const g of bigrams(t)) if (title.has(g) && ++common >= 2) break;
    if (common >= 2) topical++;
  }
  const dates = datesIn(facts.rawText(el));
  return {
    anchors: anchors.length,
    sites: sites.size,
    randomSites: random.size,
    years: new Set(dates.map((d) => d[0])).size,
    dates: dates.length,
    ordered: isOrdered(dates.map((d) => d[1])),
    onTopic: items ? topical / items : 0,
  };
}

/** A paragraph-long text node inside: article text, never a panel of headlines and excerpts. */
function holdsProse(ctx: PageContext, el: Element): boolean {
  const rows = longTextRows(ctx);
  const index = domIndex(ctx);
  const at = rows ? index.rowOf(el) : -1;
  if (rows && at >= 0) {
    // el.contains(t) for an indexed element: t's row lies inside el's subtree rows.
    const { data, end } = index.nodes;
    for (const r of rows) if (data[r].length > 200 && r > at && r < end[at] && data[r].trim().length > 200) return true;
    return false;
  }
  for (const t of longTexts(ctx)) if (t.data.length > 200 && el.contains(t) && t.data.trim().length > 200) return true;
  return false;
}

function excludedWithin(ctx: PageContext, a: Element, root: Element): boolean {
  // Nothing excluded yet (most pages): no climb. The index answers parentElement otherwise.
  if (ctx.excluded.size === 0) return false;
  const dom = domIndex(ctx);
  for (let p: Element | null = a; p && p !== root; p = dom.parentElement(p)) if (ctx.excluded.has(p)) return true;
  return false;
}

/** Why the panel is planted, or "" when it may be the site's own. */
export function farmReason(p: PanelFacts): string {
  if (p.randomSites >= 3 && p.randomSites >= 0.6 * p.sites) return `${p.anchors} headline links to ${p.sites} foreign sites, ${p.randomSites} random-looking`;
  if (p.onTopic < 0.2 && p.years >= 3 && p.dates >= 4 && !p.ordered) return `${p.anchors} off-topic headlines dated over ${p.years} years in no order`;
  return '';
}

/** Lists of ≥ 4 headline links (most anchors ≥ 10 chars), short items, not the whole page. */
function candidates(facts: PageFacts): Element[] {
  const dom = domIndex(facts.ctx);
  const out: Element[] = [];
  for (const [el, g] of facts.anchorAgg()) {
    if (g.n < 4 || g.n > 60) continue;
    const st = dom.anchorStat(el);
    if (!st || st.long < 4 || st.long < 0.6 * st.n) continue;
    const len = dom.textLen(el);
    if (len > 6000 || len > 200 * g.n) continue; // an article with a few links is not a list
    if (tooBroad(el) || facts.claimed(el) || facts.ctx.isInvisible(el)) continue;
    out.push(el);
  }
  return out;
}

/** The small block holding both the list and the farm's disclaimer (the panel's own box), if any. */
function besideDisclaimer(facts: PageFacts, el: Element, disclaimers: Element[]): Element | null {
  const dom = domIndex(facts.ctx);
  for (const d of disclaimers) {
    let common: Element | null = el;
    for (let up = 0; common && up < 3 && !common.contains(d); up++) common = common.parentElement;
    if (!common || !common.contains(d) || tooBroad(common)) continue;
    if (dom.textLen(common) <= dom.textLen(el) + dom.textLen(d) + 60) return common;
  }
  return null;
}

function panels(facts: PageFacts, disclaimers: Element[]): HiddenBlock[] {
  const found = new Map<Element, { why: string; box: Element | null }>();
  let title: Set<string> | null = null;
  for (const el of candidates(facts)) {
    title ??= bigrams(pageTitle(facts.ctx));
    const p = panelFacts(facts, el, title);
    // Still a list once judged links are left out: ≥ 4 links, short items (not an article).
    if (p.anchors < 4 || domIndex(facts.ctx).textLen(el) > 200 * p.anchors) continue;
    const box = p.onTopic < 0.2 ? besideDisclaimer(facts, el, disclaimers) : null;
    const why = farmReason(p) || (box ? `${p.anchors} off-topic headlines beside a content-farm disclaimer` : '');
    if (why && !holdsProse(facts.ctx, el)) found.set(el, { why, box });
  }
  // The innermost qualifying list (the <ul>), then over its heading (精彩推荐) to the panel.
  const out: HiddenBlock[] = [];
  const picked: Element[] = [];
  for (const [el, { why, box }] of found) {
    let inner = false;
    for (const other of found.keys()) if (other !== el && el.contains(other)) inner = true;
    if (inner) continue;
    const target = box ?? expandToLabel(facts, el, 16);
    if (picked.some((p) => p.contains(target) || target.contains(p))) continue;
    picked.push(target);
    out.push({ kind: 'content-farm', category: 'spam', reason: why, text: short(facts.ctx.visibleText(target) || facts.rawText(target), 2000), element: target });
  }
  return out;
}

function disclaimers(facts: PageFacts): HiddenBlock[] {
  const out: HiddenBlock[] = [];
  const nodes = longTexts(facts.ctx);
  const texts = longTextData(facts.ctx);
  for (let k = 0; k < nodes.length; k++) {
    const node = nodes[k];
    const data = texts[k];
    if (!data.includes(FARM_DISCLAIMER_TEXT)) continue;
    const el = node.parentElement;
    if (!el || tooBroad(el) || facts.claimed(el) || facts.ctx.isInvisible(el)) continue;
    // Hide the disclaimer's own element (grown over an email <img>/<a>), never a block of prose.
    const own = foldSpace(data).length;
    const target = expandToLabel(facts, el, 40);
    if (facts.rawText(target).length > own + 80) continue;
    out.push({ kind: 'content-farm', category: 'spam', reason: 'content-farm disclaimer (本文内容由互联网用户自发贡献)', text: short(facts.rawText(target), 400), element: target });
  }
  return out;
}

export const contentFarm: SpamDetector = {
  kind: 'content-farm',
  detect(facts) {
    const lines = disclaimers(facts);
    const out = [...lines, ...panels(facts, lines.map((b) => b.element!))];
    for (const b of out) facts.claim(b);
    return out;
  },
};
