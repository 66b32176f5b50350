// The analysis pipeline with its optional stages passed in (user rules, text repairs, details,
// summary). analyze.ts wires in every stage and is what the Node library, CLI and tests call; the
// content script calls analyzeWith() directly so that those stages' code stays out of the script
// every page loads (it loads them by itself when a page needs them, or when the user asks).
// Order matters: spam is found first so its text never reaches the body; the article is found
// next so noise detection can judge panels against it; repairs and summary work on the result.
import { DEFAULT_ANALYZE_SETTINGS, kindEnabled } from './kinds';
import { createContext } from './page/context';
import { noDetails, readTitle, type MetaDraft, type PageDetails } from './page/meta';
import { detectSpam } from './spam/index';
import { detectNoise } from './noise/index';
import { extractBody } from './extract/index';
import type { PageContext } from './page/context';
import { mapBlockText } from './blocks';
import { fallbackTitle } from './page/title-fallback';
import type { Analysis, AnalyzeSettings, HiddenBlock, Repair, ScriptGuess } from './types';

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export interface AnalyzeOptions {
  /**
   * Compute the summary now (default). The content script passes false at page load: nobody
   * reads it until the popup or the clean view asks, and it is not needed to hide anything.
   */
  summary?: boolean;
  /** Stage implementations replacing analyze()'s own (see AnalyzeStages). */
  stages?: Partial<AnalyzeStages>;
  /**
   * Receives a function that redoes only the repair stage of this analysis with another
   * implementation, on the same page facts: the content script analyses with a probe first and,
   * when the page needs repairs, loads the repair module and finishes with it instead of
   * analysing the whole page again. The function keeps this analysis's context alive: drop it
   * once used.
   */
  onRepairDraft?: (redo: (stage: RepairStage) => RepairedFields) => void;
}

/** The fields of an Analysis that the repair stage decides. */
export type RepairedFields = Pick<Analysis, 'title' | 'body' | 'blocks' | 'repairs' | 'script' | 'stats'>;

/** The text repair stage (core/script/repair). */
export interface RepairStage {
  findRepairs(ctx: PageContext, root: Element | null, title: string): Repair[];
  repairText(text: string, known?: readonly Repair[]): string;
  /**
   * Guesses the script of the repaired text (script/detect). Optional: without it the details
   * stage's is used, and without that the script is left for fillDetails ('none' until then).
   */
  guessScript?: (text: string) => ScriptGuess;
}

/**
 * The details stage: what only the popup, the clean view and exports show (date, source,
 * author, editor, site, 信息公开 fields: page/details.ts), the script guess (script/detect.ts)
 * and the article's pager (extract/pagination.ts). Nothing the live page hides or shows at load
 * depends on them.
 */
export interface DetailsStage {
  readDetails(draft: MetaDraft): PageDetails;
  guessScript(text: string): ScriptGuess;
  findPagination(ctx: PageContext, root: Element): Pagination;
}

type Pagination = Analysis['pagination'];

/**
 * The stages a caller may plug in. analyzeWith() without one: no user rules, no repairs
 * (text as the page has it), no summary (summaryPending set, like `summary: false`), no details
 * (empty fields and script 'none' until fillDetails: see detailsPending).
 */
export interface AnalyzeStages {
  userRules: (ctx: PageContext) => HiddenBlock[];
  repairs: RepairStage;
  details: DetailsStage;
  summarize: (body: string, title: string) => string[];
}

const NO_REPAIRS: RepairStage = { findRepairs: () => [], repairText: (text) => text };

export function analyzeWith(
  doc: Document,
  url: string,
  settings: AnalyzeSettings = DEFAULT_ANALYZE_SETTINGS,
  options: AnalyzeOptions = {},
): Analysis {
  const stages = options.stages ?? {};
  const { findRepairs, repairText } = stages.repairs ?? NO_REPAIRS;
  const summarize = options.summary === false ? undefined : stages.summarize;
  const started = now();
  const ctx = createContext(doc, url, settings);
  const servedTitle = (doc.title || '').trim();

  const mark = stageClock();
  const spam = detectSpam(ctx);
  for (const block of spam.hidden) if (block.element) ctx.excluded.add(block.element);
  const ruled = stages.userRules ? stages.userRules(ctx) : [];
  for (const block of ruled) if (block.element) ctx.excluded.add(block.element);

  mark('spam');
  const draft = readTitle(ctx, { servedTitleIsSpam: spam.titleHijacked });
  const meta = { title: draft.title, ...(stages.details ? stages.details.readDetails(draft) : noDetails()) };
  // readMeta is right more often; the spam engine's own reconstruction is the fallback.
  // Its lines may come from a heading broken with <br>: Chinese needs no space where they join.
  if (!meta.title && spam.titleHijacked) meta.title = spam.realTitle.replace(/(\p{Script=Han})\s+(?=\p{Script=Han})/gu, '$1');
  mark('meta');
  let article = extractBody(ctx, meta.title);
  // The pager is read right after each extraction, with what is excluded then (as extractArticle
  // does). Without the details stage, what it needs is kept for fillDetails.
  let pagination: Pagination = null;
  let pager: PagerFacts | null = null;
  const readPager = () => {
    pager = null;
    if (!article.isArticle || !article.element) pagination = null;
    else if (stages.details) pagination = stages.details.findPagination(ctx, article.element);
    else pager = { ctx, root: article.element, excluded: new Set(ctx.excluded) };
  };
  readPager();
  // Safety net: a noise block that wraps the article would hide the article itself. Never.
  const noise = detectNoise(ctx, { element: article.element, title: meta.title, body: article.body }).filter(
    (b) => !(b.element && article.element && (b.element.contains(article.element) || isProseInside(b, article.element))),
  );
  let noiseInBody = 0;
  for (const block of noise) {
    if (!block.element) continue;
    ctx.excluded.add(block.element);
    if (article.element && article.element.contains(block.element)) noiseInBody += block.text.length;
  }
  if (noiseInBody) {
    // Noise inside the chosen container: collect again without it. When it was most of the
    // container, the container itself was probably the wrong choice: search the page again.
    const mostlyNoise = noiseInBody > 0.5 * article.body.length;
    article = mostlyNoise ? extractBody(ctx, meta.title) : extractBody(ctx, meta.title, article.element);
    readPager();
  }
  mark('extract+noise');

  if (!meta.title && spam.titleHijacked) meta.title = fallbackTitle(ctx, article.element);
  // Spliced spam phrases (T7) are hidden as spans on the page; take them out of the text too.
  const spans = spam.hidden.filter((b) => b.span && b.text.length >= 2).map((b) => b.text);
  const found = article;
  const repaired = (stage: RepairStage): RepairedFields => {
    const guessScript = stage.guessScript ?? stages.details?.guessScript;
    const repairs = stage.findRepairs(ctx, found.element, meta.title);
    // The page's own repair decisions (see repairText) and the spans apply to body and blocks alike.
    const clean = (text: string): string => stripSpans(stage.repairText(text, repairs), spans);
    const title = stage.repairText(meta.title, repairs);
    const body = clean(found.body);
    const chars = countReadingUnits(body);
    return {
      title,
      body,
      blocks: found.blocks.map((b) => mapBlockText(b, clean)),
      repairs,
      script: guessScript ? guessScript(title + body) : 'none',
      stats: { chars, readingMinutes: Math.max(1, Math.round(chars / 400)) },
    };
  };
  const { title, body, blocks, repairs, script, stats } = repaired({ findRepairs, repairText });
  options.onRepairDraft?.(repaired);
  mark('repair');
  const summary = summarize ? summarize(body, title) : [];
  mark('summary');
  const hidden: HiddenBlock[] = [...spam.hidden, ...ruled, ...noise].filter((b) => kindEnabled(settings, b.kind));

  const analysis: Analysis & Pending = {
    url,
    title,
    servedTitle,
    titleHijacked: spam.titleHijacked,
    published: meta.published,
    source: meta.source,
    author: meta.author,
    editor: meta.editor,
    site: meta.site,
    docInfo: meta.docInfo,
    clone: spam.clone,
    parasite: spam.parasite,
    body,
    bodyElement: article.element,
    blocks,
    isArticle: article.isArticle,
    pagination,
    summary,
    summaryPending: !summarize,
    hidden,
    repairs,
    script,
    stats,
    ms: round(now() - started),
    timings: mark.timings,
  };
  if (!stages.details) analysis[DRAFT] = { meta: draft, pager };
  return analysis;
}

/**
 * An analysis made without the details stage keeps what that stage reads (the title reader's
 * facts: text lines, JSON-LD, the raw title; for an article, its context, container and what was
 * excluded when it was found, for the pager) under a symbol: it is neither serialised nor sent,
 * and it survives the content script's `{ ...analysis }` updates, so whichever copy is current
 * can be completed later. Dropped with the analysis.
 */
const DRAFT = Symbol('qingdu.details');
interface PagerFacts {
  ctx: PageContext;
  root: Element;
  excluded: Set<Element>;
}
interface DetailsDraft {
  meta: MetaDraft;
  pager: PagerFacts | null;
}
interface Pending {
  [DRAFT]?: DetailsDraft;
}
const detailsRead = new WeakMap<DetailsDraft, PageDetails & { pagination: Pagination }>();

/** True when the analysis was made without the details stage (see fillDetails). */
export function detailsPending(a: Analysis): boolean {
  return !!(a as Analysis & Pending)[DRAFT];
}

/**
 * Fills in the details an analysis was made without, with the stage given; a no-op otherwise.
 * The details (and the pager) are read once per analysis; the script is guessed again each
 * time, from the title and body as they are now (the repair stage may have redone them since).
 */
export function fillDetails(a: Analysis, stage: DetailsStage): Analysis {
  const draft = (a as Analysis & Pending)[DRAFT];
  if (!draft) return a;
  let details = detailsRead.get(draft);
  if (!details) detailsRead.set(draft, (details = { ...stage.readDetails(draft.meta), pagination: readPagerLater(draft.pager, stage) }));
  Object.assign(a, details);
  a.script = stage.guessScript(a.title + a.body);
  return a;
}

/** The pager as the analysis would have read it: same context, same elements excluded. */
function readPagerLater(pager: PagerFacts | null, stage: DetailsStage): Pagination {
  if (!pager) return null;
  const { ctx, root, excluded } = pager;
  const current = ctx.excluded;
  ctx.excluded = excluded;
  try {
    return stage.findPagination(ctx, root);
  } finally {
    ctx.excluded = current;
  }
}

const round = (ms: number): number => Math.round(ms * 100) / 100;

/** Records the time since the previous mark under each stage's name (for `npm run bench`). */
function stageClock(): ((stage: string) => void) & { timings: Record<string, number> } {
  let last = now();
  const timings: Record<string, number> = {};
  const mark = (stage: string) => {
    const t = now();
    timings[stage] = round((timings[stage] ?? 0) + t - last);
    last = t;
  };
  return Object.assign(mark, { timings });
}

const CHROME_KINDS = new Set(['share', 'page-tools', 'nav', 'footer', 'comment', 'ad', 'sidebar']);

/**
 * Safety net for "never hide article text": page chrome (share bars, tools, nav...) inside the
 * article container is short; a block there that reads like prose (several sentences) is an
 * article paragraph a chrome rule matched by mistake, so it is not hidden.
 */
function isProseInside(b: HiddenBlock, article: Element): boolean {
  if (!CHROME_KINDS.has(b.kind) || !b.element || !article.contains(b.element)) return false;
  const sentences = (b.text.match(/[。！？；]/g) || []).length;
  const han = (b.text.match(/\p{Script=Han}/gu) || []).length;
  return sentences >= 2 && han >= 40;
}

/** Removes spliced spam phrases from extracted text (each line keeps the rest of its sentence). */
function stripSpans(text: string, spans: string[]): string {
  let out = text;
  for (const span of spans) out = out.split(span).join('');
  return out;
}

/**
 * Han characters count one each, runs of letters/digits one each: how Chinese length is felt.
 * The count of /\p{Script=Han}|[\p{L}\p{N}]+/gu matches (a run that starts with a letter or
 * digit takes the Han characters after it too), without making a string per match: a body of
 * 5,000 Han characters made 5,000 of them. Code units are classified once (UNIT_CLASS).
 */
export function countReadingUnits(text: string): number {
  const table = (UNIT_CLASS ??= new Uint8Array(0x10000));
  let n = 0;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const c = unitClass(table, cp);
    i += cp > 0xffff ? 2 : 1;
    if (c & HAN_UNIT) n++;
    else if (c & WORD_UNIT) {
      n++;
      for (let cq = 0; i < text.length && unitClass(table, (cq = text.codePointAt(i)!)) & WORD_UNIT; ) i += cq > 0xffff ? 2 : 1;
    }
  }
  return n;
}

const HAN_UNIT = 1, WORD_UNIT = 2, KNOWN_UNIT = 4;
// Made on first use, like normalize.ts's tables: not in frames that never analyse.
let UNIT_CLASS: Uint8Array | null = null;
const astralClass = new Map<number, number>();
function unitClass(table: Uint8Array, cp: number): number {
  let c = cp <= 0xffff ? table[cp] : astralClass.get(cp);
  if (!c) {
    const ch = String.fromCodePoint(cp);
    c = KNOWN_UNIT | (/\p{Script=Han}/u.test(ch) ? HAN_UNIT : 0) | (/[\p{L}\p{N}]/u.test(ch) ? WORD_UNIT : 0);
    if (cp <= 0xffff) table[cp] = c;
    else if (astralClass.size < 5000) astralClass.set(cp, c);
  }
  return c;
}


/** Fills in a summary that the analysis deferred, with the summarize stage given; a no-op otherwise. */
export function fillSummary(a: Analysis, summarize: (body: string, title: string) => string[]): Analysis {
  if (a.summaryPending) {
    a.summary = summarize(a.body, a.title);
    a.summaryPending = false;
  }
  return a;
}
