// Page chrome a reader doesn't need: share bars (分享到, 扫一扫), page tools (【字体】【打印】【关闭】,
// 网站支持IPV6, 【我要纠错】, 浏览次数, empty 标签 rows), navigation and breadcrumbs, footers,
// comment sections, ordinary ads and side columns. Each kind is its own detector so the user
// can switch it on or off; nav, footer, comment and sidebar are off by default.
import type { HiddenBlock, NoiseKind } from '../types';
import { domIndex } from '../page/context';
import { grow, labelled, outermost, type NoiseDetector, type NoiseFacts } from './common';

function byText(facts: NoiseFacts, kind: NoiseKind, re: RegExp, maxLen: number, reason: string, extra = 30): HiddenBlock[] {
  const out: HiddenBlock[] = [];
  for (const el of labelled(facts, re, maxLen)) {
    if (!facts.safe(el, kind) || facts.ctx.isInvisible(el)) continue;
    const target = grow(facts, el, kind, extra);
    if (facts.text(target).length > maxLen * 6 + extra) continue;
    out.push(facts.block(kind, target, reason));
  }
  return out;
}

function byName(facts: NoiseFacts, kind: NoiseKind, names: RegExp, ok: (el: Element, len: number) => boolean, reason: string): HiddenBlock[] {
  const out: HiddenBlock[] = [];
  for (const el of facts.namedMatching(names)) {
    const len = facts.textLen(el);
    if (!ok(el, len)) continue;
    if (!facts.safe(el, kind) || facts.ctx.isInvisible(el)) continue;
    out.push(facts.block(kind, el, `${reason} (.${facts.names(el).trim().split(/\s+/)[0]})`));
  }
  return out;
}

const SHARE_TEXT = /^(分享到|分享至|分享|一键分享|转发|扫一扫在手机打开当前页|扫一扫在手机上查看当前页面|用微信扫描二维码|用微信扫码二维码|扫描二维码分享.*|手机扫一扫|微信扫一扫)$/;
const SHARE_NAMES = /(^|[\s_-])(share\w*|\w*share|fenxiang|bdshare\w*|bdsharebuttonbox|jiathis\w*|bshare\w*|social|sns\w*|action-box|index-left|fx\d?|qrcode|ewm|erweima)([\s_-]|$)/i;

export const share: NoiseDetector = {
  kind: 'share',
  detect(facts) {
    const found = [
      ...byText(facts, 'share', SHARE_TEXT, 16, 'share bar', 60),
      ...byName(facts, 'share', SHARE_NAMES, (el, len) => len <= 200 && facts.anchorStats(el).n <= 20, 'share bar'),
    ];
    return outermost(found, domIndex(facts.ctx));
  },
};

// One or more tool items in a row: 【字体：大 中 小】【打印】【关闭】 is often a single text node.
// A bare 大/中/小 only counts in brackets: mirror pages cut prose into one-character text nodes
// between <ruby> annotations, and a lone 中 there is article text, not a font-size button.
const TOOLS_ITEM =
  '【?字体[:：]?[大中小]{0,3}】?|【(?:大|中|小)】|【?打印(?:本页)?】?|【?关闭(?:窗口|本页)?】?|网站支持ipv6|【?我要纠错】?|【?我要打印】?|【?收藏】?|' +
  '浏览次数.{0,12}|阅读次数.{0,12}|点击数.{0,12}|标签[:：]?|返回顶部|\\[?打印\\]?|\\[?关闭\\]?|打印本页|关闭窗口|字号[:：]?[大中小]{0,3}';
const TOOLS_TEXT = new RegExp(`^(?:${TOOLS_ITEM})+$`);

const TOOLS_ANY = new RegExp(TOOLS_ITEM, 'g');
const TOOL_SEPARATORS = /[\s|｜:：【】[\]()（）<>《》·•/\\、，,。;；-]+/g;

/**
 * From a tool item up to the tools row, but no further than text that is only tools: a header
 * row "清河县人民政府 网站支持IPV6" keeps the site name, a "发布时间：… 【打印】" line keeps its date.
 */
function toolsRow(facts: NoiseFacts, el: Element): Element {
  let cur = el;
  const base = facts.textLen(el);
  for (let p = cur.parentElement; p; p = p.parentElement) {
    if (facts.textLen(p) - base > 40 || !facts.safe(p, 'page-tools')) break;
    if (facts.normText(p).replace(TOOLS_ANY, '').replace(TOOL_SEPARATORS, '')) break;
    cur = p;
  }
  return cur;
}

export const pageTools: NoiseDetector = {
  kind: 'page-tools',
  detect(facts) {
    const out: HiddenBlock[] = [];
    for (const el of labelled(facts, TOOLS_TEXT, 30)) {
      if (!facts.safe(el, 'page-tools') || facts.ctx.isInvisible(el)) continue;
      out.push(facts.block('page-tools', toolsRow(facts, el), 'page tools'));
    }
    return outermost(out, domIndex(facts.ctx));
  },
};

const NAV_TEXT = /^(当前位置|您的位置|您现在的位置|你的位置|所在位置|位置)[:：]?.{0,40}$|^(上一篇|下一篇)[:：]?.{0,60}$/;
const NAV_NAMES = /(^|[\s_-])(nav\w*|\w*nav|menu\w*|breadcrumbs?|crumbs?|position|location|daohang|dh|bread\w*|topbar|top-bar|header|head|mainnav|post-nav|channel-?nav)([\s_-]|$)/i;

export const nav: NoiseDetector = {
  kind: 'nav',
  detect(facts) {
    const out = byText(facts, 'nav', NAV_TEXT, 60, 'breadcrumb / previous-next', 20);
    for (const el of domIndex(facts.ctx).byTag('nav', 'header')) {
      if (facts.safe(el, 'nav') && !facts.ctx.isInvisible(el)) out.push(facts.block('nav', el, `<${el.tagName.toLowerCase()}>`));
    }
    out.push(...byName(facts, 'nav', NAV_NAMES, (el, len) => len > 0 && len <= 3000 && facts.anchorStats(el).n >= 1, 'navigation'));
    return outermost(out, domIndex(facts.ctx));
  },
};

const FOOTER_TEXT = /版权所有|ICP备|icp备|公网安备|网站标识码|主办单位|承办单位|Copyright|©/;
const FOOTER_NAMES = /(^|[\s_-])(footer\w*|foot\w*|bottom\w*|copyright|banquan|bq|n-nav-bottom)([\s_-]|$)/i;

export const footer: NoiseDetector = {
  kind: 'footer',
  detect(facts) {
    const out: HiddenBlock[] = [];
    for (const el of domIndex(facts.ctx).byTag('footer')) {
      if (facts.safe(el, 'footer') && !facts.ctx.isInvisible(el)) out.push(facts.block('footer', el, '<footer>'));
    }
    out.push(...byName(facts, 'footer', FOOTER_NAMES, (el, len) => len > 0 && len <= 3000 && (FOOTER_TEXT.test(facts.text(el)) || facts.anchorStats(el).n >= 3), 'footer'));
    return outermost(out, domIndex(facts.ctx));
  },
};

const COMMENT_TEXT = /^(发表评论|网友评论|我要评论|评论区|全部评论|热门评论|最新评论|相关评论|已有\d+条评论|评论\(\d+\)|用户评论|留言板)$/;
const COMMENT_NAMES = /(^|[\s_-])(comments?\w*|\w*comment\w*|pinglun|pl|reply|discuss\w*|changyan|sohucs)([\s_-]|$)/i;

export const comment: NoiseDetector = {
  kind: 'comment',
  detect(facts) {
    const out = byName(facts, 'comment', COMMENT_NAMES, (_el, len) => len <= 20000, 'comments');
    for (const el of labelled(facts, COMMENT_TEXT, 12)) {
      if (!facts.safe(el, 'comment')) continue;
      out.push(facts.block('comment', grow(facts, el, 'comment', 200), 'comments'));
    }
    return outermost(out, domIndex(facts.ctx));
  },
};

const AD_NAMES = /(^|[\s_-])(ad|ads|adv|advert\w*|gg|gg\d+x\d+|guanggao|adsbygoogle|ad-?box|ad-?wrap|banner-?ad|sponsor\w*)([\s_-]|\d|$)/i;

export const ad: NoiseDetector = {
  kind: 'ad',
  detect(facts) {
    return outermost(byName(facts, 'ad', AD_NAMES, (_el, len) => len <= 600, 'advertisement'), domIndex(facts.ctx));
  },
};

const SIDEBAR_NAMES = /(^|[\s_-])(sidebar\w*|side\w*|aside|col-?right|right-?col|rightbox|right|fr|r-?box|\w*right)([\s_-]|$)/i;

export const sidebar: NoiseDetector = {
  kind: 'sidebar',
  detect(facts) {
    const out: HiddenBlock[] = [];
    for (const el of domIndex(facts.ctx).byTag('aside')) {
      if (facts.safe(el, 'sidebar') && !facts.ctx.isInvisible(el)) out.push(facts.block('sidebar', el, '<aside>'));
    }
    out.push(...byName(facts, 'sidebar', SIDEBAR_NAMES, (el, len) => len > 0 && len <= 10000 && facts.anchorStats(el).n >= 5, 'side column'));
    return outermost(out, domIndex(facts.ctx));
  },
};
