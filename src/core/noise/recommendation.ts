// T8: recommendation panels (相关推荐 精彩推荐 猜你喜欢 热点推荐 推荐阅读 为你推荐 阅读排行 热门文章 …),
// found by their heading label or by pinyin/English class names (tuijian, xiangguan, xgxw,
// recommend, related). Content-farm 版权声明 boilerplate goes with them. Same-site lists labelled
// 相关稿件/相关解读/延伸阅读 whose items share words with the title are reported as 'related'
// (collapsed by the UI, revealable) instead.
import type { HiddenBlock } from '../types';
import { domIndex } from '../page/context';
import { longTextData, longTexts } from '../spam/long-texts';
import { grow, labelled, outermost, type NoiseDetector, type NoiseFacts } from './common';

const REC_LABEL =
  /^(app)?(相关推荐|精彩推荐|猜你喜欢|热点推荐|热门推荐|推荐阅读|为你推荐|为您推荐|阅读排行|排行榜|点击排行|热门文章|热门阅读|热点新闻|热门新闻|热点文章|热文推荐|今日推荐|编辑推荐|最新推荐|更多精彩|精彩图片|图片推荐|大家都在看|你可能感兴趣|你可能喜欢|看了又看|阅读下一篇|作者最新文章|最新文章|相关文章|相关搜索|热门搜索|热门.{0,4}手游|推荐|热榜|24小时热文|延伸推荐|延伸·?推荐|相关视频|热门视频)$/;
const RELATED_LABEL = /^(相关稿件|相关解读|相关链接|相关新闻|相关阅读|延伸阅读|相关报道|相关专题|相关事件|政策解读|相关政策)$/;
const REC_NAMES =
  /(^|[\s_-])(tuijian|tj|xiangguan|xgxw|xgwz|xgyd|xgtj|xgwd|recommend\w*|rec-?list|related\w*|relate|rel-list|hotnews|hot-?list|hot-?news|rank\w*|paihang|phb|guess\w*|youlike|feed\w*|next-?post\w*|recent-article|search-diversion|row-recommend|ymw-rel-\w+)([\s_-]|$)/i;
const FARM_BOILERPLATE = /本文内容由互联网用户自发贡献|本站仅提供信息存储空间服务|该文观点仅代表作者本人/;

function bigrams(s: string): Set<string> {
  const han = s.replace(/[^\p{Script=Han}a-z0-9]/giu, '');
  const out = new Set<string>();
  for (let i = 0; i + 1 < han.length; i++) out.add(han.slice(i, i + 2));
  return out;
}

/** Share of list items that have words in common with the article title. */
function onTopic(facts: NoiseFacts, el: Element): number {
  const title = bigrams(facts.article.title);
  if (!title.size) return 0;
  const items = facts.anchors(el).map((a) => facts.text(a)).filter((t) => t.length >= 6);
  if (!items.length) return 0;
  let hits = 0;
  for (const it of items) {
    let common = 0;
    for (const g of bigrams(it)) if (title.has(g)) common++;
    if (common >= 2) hits++;
  }
  return hits / items.length;
}

// `p.querySelectorAll('li, dd, article, .item').length` from the page index.
const itemSets = new WeakMap<NoiseFacts, Set<Element>>();
function countItems(facts: NoiseFacts, p: Element): number {
  const dom = domIndex(facts.ctx);
  let items = itemSets.get(facts);
  if (!items) itemSets.set(facts, (items = new Set(dom.select('li, dd, article, .item') ?? [])));
  const set = items;
  return dom.within(p, (el) => set.has(el))?.length ?? p.querySelectorAll('li, dd, article, .item').length;
}

/** From a heading, the smallest enclosing block that holds a list (≥ 3 links or items). */
function panelOf(facts: NoiseFacts, heading: Element): Element | null {
  const headLen = facts.textLen(heading);
  const dom = domIndex(facts.ctx);
  for (let p: Element | null = heading; p; p = dom.parentElement(p)) {
    if (!facts.safe(p, 'recommendation')) return null;
    const len = facts.textLen(p);
    if (len > 8000) return null;
    const links = facts.anchorStats(p).n;
    const items = countItems(facts, p);
    if ((links >= 3 || items >= 3) && len > headLen + 10) return p;
    if (p.tagName === 'BODY') return null;
  }
  return null;
}

/**
 * Lists of other articles' headlines outside the article, whatever their heading says (观察员,
 * 大公司 …): mostly links, at least 4 of them, headline-long anchors. Menus have short anchors.
 */
function headlineLists(facts: NoiseFacts): HiddenBlock[] {
  const out: HiddenBlock[] = [];
  const art = facts.article.element;
  for (const el of domIndex(facts.ctx).bodyByTag('div', 'ul', 'ol', 'section', 'dl', 'table')) {
    // Counts from one pass (no per-element text walks): most elements fail here.
    const st = facts.anchorStats(el);
    if (st.n < 4 || st.n > 80) continue;
    const len = facts.textLen(el);
    if (len > 4000 || len === 0) continue;
    if (st.linkLen < 0.6 * len || st.long < 0.6 * st.n || st.long < 4) continue;
    if (art && (art.contains(el) || el.contains(art))) continue;
    const long = st.long;
    if (!facts.safe(el, 'recommendation') || facts.ctx.isInvisible(el)) continue;
    out.push(facts.block('recommendation', el, `list of ${long} other headlines`));
  }
  return out;
}

export function findPanels(facts: NoiseFacts): HiddenBlock[] {
  const out: HiddenBlock[] = [];
  for (const h of labelled(facts, REC_LABEL)) {
    const panel = panelOf(facts, h);
    if (panel) out.push(facts.block('recommendation', panel, `panel "${facts.text(h).slice(0, 12)}"`));
  }
  for (const h of labelled(facts, RELATED_LABEL)) {
    const panel = panelOf(facts, h);
    if (!panel) continue;
    const label = facts.text(h).slice(0, 12);
    const related = facts.offsiteShare(panel) < 0.5 && onTopic(facts, panel) >= 0.2;
    out.push(facts.block(related ? 'related' : 'recommendation', panel, related ? `same-site list "${label}"` : `panel "${label}", off-topic items`));
  }
  for (const el of facts.namedMatching(REC_NAMES)) {
    const len = facts.textLen(el);
    if (!len || len > 8000) continue;
    const st = facts.anchorStats(el);
    const links = st.n;
    if (links < 2 || (st.linkLen < 0.3 * len && links < 3)) continue;
    if (!facts.safe(el, 'recommendation') || facts.ctx.isInvisible(el)) continue;
    out.push(facts.block('recommendation', el, `recommendation block (.${facts.names(el).trim().split(/\s+/)[0]}), ${links} links`));
  }
  out.push(...headlineLists(facts));
  // Content-farm boilerplate (seed 004): 版权声明：本文内容由互联网用户自发贡献…
  const texts = longTexts(facts.ctx);
  const data = longTextData(facts.ctx);
  for (let i = 0; i < texts.length; i++) {
    const n = texts[i];
    if (!FARM_BOILERPLATE.test(data[i])) continue;
    const el = n.parentElement;
    if (!el || !facts.safe(el, 'recommendation')) continue;
    out.push(facts.block('recommendation', grow(facts, el, 'recommendation', 40), 'content-farm copyright boilerplate'));
  }
  return outermost(out, domIndex(facts.ctx));
}

// Both detectors share one search for panels per analysis.
const panelsOf = new WeakMap<NoiseFacts, HiddenBlock[]>();
function panels(facts: NoiseFacts): HiddenBlock[] {
  let found = panelsOf.get(facts);
  if (!found) panelsOf.set(facts, (found = findPanels(facts)));
  return found;
}

export const recommendation: NoiseDetector = {
  kind: 'recommendation',
  detect: (facts) => panels(facts).filter((b) => b.kind === 'recommendation'),
};

export const related: NoiseDetector = {
  kind: 'related',
  detect: (facts) => panels(facts).filter((b) => b.kind === 'related'),
};
