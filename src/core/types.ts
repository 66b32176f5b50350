// The data every face of Qingdu (content script, popup, clean view, CLI, tests) shares.
// Plain data except for the live-DOM references marked "not serialised": those let the
// content script and the clean view act on exactly the nodes the engine judged.

/** Kinds of block the engine can hide. The id is also the settings key and the `kind` reported. */
export const SPAM_KINDS = [
  'spam-line', // visible spam keyword lines/blocks (seed 000's top line)
  'link-farm', // T4 link-farm footers (蜘蛛池)
  'hidden-links', // T3 already-invisible link blocks (reported as evidence; never extracted)
  'overlay', // T9 floating / fixed ads
  'inline-spam', // T7 spam phrases spliced into sentences (span, not paragraph)
  'search-reflection', // T10 spam query echoed into a search/tag page
  'content-farm', // T8 planted: panels of off-topic farm articles (random hosts, scattered dates), 本文内容由互联网用户自发贡献 lines
] as const;

export const NOISE_KINDS = [
  'recommendation', // T8 unrelated 相关推荐 / 猜你喜欢 panels
  'related', // same-site 相关稿件 / 相关解读: collapsed, not destroyed
  'share', // share bars, 扫一扫 QR blocks
  'page-tools', // 【字体】【打印】【关闭】, 网站支持IPV6, empty 标签 rows, 浏览次数
  'nav', // navigation, breadcrumbs, 上一篇/下一篇
  'footer', // 版权所有, ICP备 ...
  'comment', // comment sections
  'ad', // ordinary (non-spam) ads
  'sidebar', // side columns
] as const;

export type SpamKind = (typeof SPAM_KINDS)[number];
export type NoiseKind = (typeof NOISE_KINDS)[number];
export type HideKind = SpamKind | NoiseKind | 'user-rule';
export type Category = 'spam' | 'noise';

/** A block (or span) the content script would hide, with the reason a person can read. */
export interface HiddenBlock {
  kind: HideKind;
  category: Category;
  /** Short English reason, e.g. "32 links, 28 with spam words, 19 hosts". */
  reason: string;
  /** The block's visible text, whitespace folded. */
  text: string;
  /** Not serialised: the element to mark. Absent for spans. */
  element?: Element;
  /** Not serialised: for inline spam, the exact span inside one text node. */
  span?: { node: Text; start: number; end: number };
  /** True when the block was already invisible on the page (T3): nothing to hide, but evidence. */
  alreadyInvisible?: boolean;
}

/** A text repair (pinyin annotation, mojibake, stray entity...). */
export interface Repair {
  kind: 'pinyin' | 'ruby' | 'mojibake' | 'symbol' | 'entity';
  from: string;
  to: string;
  /** Not serialised: where the repair applies on the live page. */
  node?: Text;
  /** Not serialised: for `ruby`, the <rt>/<rp> elements to hide. */
  elements?: Element[];
  /** Offset of `from` inside `node.data`. */
  start?: number;
}

export interface SiteInfo {
  name: string;
  domain: string;
  column: string;
}

export interface CloneInfo {
  /** The host the page really belongs to (from meta SiteDomain). */
  original: string;
  /** The canonical URL (meta Url) or "" when the page doesn't say. */
  originalUrl: string;
}

/** One structural block of the article, for the clean view and Markdown export. */
export type ArticleBlock =
  | { type: 'heading'; level: number; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'list'; ordered: boolean; items: string[] }
  | { type: 'table'; rows: string[][] }
  | { type: 'image'; src: string; alt: string; caption: string }
  | { type: 'quote'; text: string };

export type ScriptGuess = 'simplified' | 'traditional' | 'mixed' | 'none';

export interface Analysis {
  url: string;
  /** The real article title ("" if none). */
  title: string;
  /** document.title as served. */
  servedTitle: string;
  titleHijacked: boolean;
  /** "YYYY-MM-DD" or "YYYY-MM-DD HH:MM" or "". */
  published: string;
  source: string;
  author: string;
  editor: string;
  site: SiteInfo;
  /** 信息公开 fields, keyed by their Chinese label (索引号, 发文字号 ...). */
  docInfo: Record<string, string>;
  clone: CloneInfo | null;
  /** T5: the whole page looks like planted spam. */
  parasite: boolean;
  /** Article text, one paragraph per line. */
  body: string;
  /** Not serialised: the article's container on the live page. */
  bodyElement: Element | null;
  /** Structured article, for the clean view and Markdown export. */
  blocks: ArticleBlock[];
  /** False for list pages, home pages and pages with no article. */
  isArticle: boolean;
  /** Multi-part articles (第1页/共4页), when noticed. */
  pagination: { current: number; total: number } | null;
  summary: string[];
  /** True when analyze() was asked to leave the summary for later (see ensureSummary). */
  summaryPending?: boolean;
  hidden: HiddenBlock[];
  repairs: Repair[];
  /** Which script the page's text is in (measured, not from `lang`). */
  script: ScriptGuess;
  /** Han characters + words in the body, and minutes to read at ~400 chars/min. */
  stats: { chars: number; readingMinutes: number };
  /** Time analyze() took, ms. */
  ms: number;
  /** Time per stage, ms (spam, meta, extract+noise, repair, summary). */
  timings: Record<string, number>;
}

/** What analyze() needs from the user's settings: a pure slice, independent of storage. */
export interface AnalyzeSettings {
  /** Kinds switched on or off; a missing kind uses its default (see kinds.ts). */
  kinds: Partial<Record<HideKind, boolean>>;
  /** How much evidence a block needs before it is hidden. */
  sensitivity: 'low' | 'normal' | 'high';
  /** User rules in uBlock Origin cosmetic syntax, one per line. */
  userRules: string;
}

/** Script conversion targets (opencc-js names): simplified, traditional, Taiwan, Taiwan with phrases, Hong Kong. */
export const SCRIPT_TARGETS = ['cn', 't', 'tw', 'twp', 'hk'] as const;
export type ScriptTarget = (typeof SCRIPT_TARGETS)[number];
