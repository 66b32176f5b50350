// Applies the engine's verdicts to the live page, without flicker and reversibly.
// - At start (document_start): one hide stylesheet; a batched observer marks obvious spam as it
//   is parsed (keyword lines, floating ads, hidden link blocks).
// - At DOMContentLoaded: analyze(), then mark blocks (attributes only, never remove()), wrap
//   inline spam spans, restore and guard the real title, show the clone/parasite banner.
// - Afterwards: the same observer judges added content once per frame and re-marks what the
//   site un-marks; hooks.onAnalysis gets the updated analysis.
// showAll(true) returns the DOM to exactly its original serialisation; showAll(false) re-applies.
import { createContext } from '../core/page/context';
import { kindEnabled } from '../core/kinds';
import { createFacts } from '../core/spam/facts';
import { judgeOverlay } from '../core/spam/overlay';
import { judgeHidden } from '../core/spam/hidden-links';
import { judgeLine } from '../core/spam/spam-line';
import { collectText } from '../core/spam/facts';
import type { Analysis, AnalyzeSettings, HiddenBlock, HideKind } from '../core/types';
import { createHideStyle, HIDE_ATTR, MEASURE_ATTR, REVEAL_ATTR } from './hide-style';
import { createInlineHider, SPAN_TAG } from './hide-inline';
import { createTitleGuard } from './title-guard';
import { BANNER_TAG, type Banner, type BannerInput } from './banner';
import { createObserver, type Batch } from './observer';

export interface CleanerHooks {
  onAnalysis(a: Analysis): void;
  getMessage(key: string, subs?: string[]): string;
  /**
   * The page analysis (core analyzeWith / analyze with the stages the caller has loaded). The
   * cleaner does not import the engine's optional stages itself: the content script decides.
   */
  analyze(doc: Document, url: string, settings: AnalyzeSettings): Analysis;
  /** Elements added to the page later (outermost, not the extension's own), after they were judged. */
  onAdded?(els: Element[]): void;
  /** Loads the clone/parasite banner (a lazy part: only such pages need it). */
  loadBanner?(): Promise<(doc: Document) => Banner>;
}

export interface Cleaner {
  readonly analysis: Analysis | null;
  setKindRevealed(kind: HideKind, revealed: boolean): void;
  showAll(show: boolean): void;
  revealedKinds(): HideKind[];
  isShowingAll(): boolean;
  update(settings: AnalyzeSettings): void;
  /** Analyses the page again (a stage was loaded since), keeping what is marked. */
  reanalyze(): void;
  /** Replaces fields of the current analysis (e.g. the repair stage finished later) and reports it. */
  amend(change: (a: Analysis) => Analysis): void;
  stop(): void;
}

function warn(where: string, e: unknown): void {
  console.warn(`[Qingdu] cleaner ${where}:`, e);
}

function safely<T>(where: string, fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch (e) {
    warn(where, e);
    return fallback;
  }
}

export function startCleaner(doc: Document, url: string, settings: AnalyzeSettings, hooks: CleanerHooks): Cleaner {
  let current = settings;
  let analysis: Analysis | null = null;
  let showingAll = false;
  let stopped = false;
  const revealed = new Set<HideKind>();
  /** Elements we marked, with the kinds we gave them (to restore exactly and re-mark). */
  const marked = new Map<Element, HideKind[]>();
  /** Inline styles we overrode because the site forced display with !important. */
  const forcedStyles = new Map<Element, string | null>();
  /** Blocks judged while the page was still loading (before the full analysis). */
  const early: HiddenBlock[] = [];
  const style = createHideStyle(doc);
  const inline = createInlineHider(doc);
  const title = createTitleGuard(doc, warn);
  const banner = lazyBanner(doc, hooks.loadBanner);

  const isOwn = (node: Node): boolean => {
    const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
    if (!el) return false;
    return !!el.closest(`${BANNER_TAG}, ${SPAN_TAG}, [data-qingdu-ui], qingdu-reader, qingdu-picker`) || inline.isOwn(node);
  };

  const observer = createObserver(doc, HIDE_ATTR, isOwn, (batch) => safely('update', () => onBatch(batch), undefined));

  const setRevealAttr = () => {
    const root = doc.documentElement;
    if (!root) return;
    const value = [...revealed].join(' ');
    if (value) root.setAttribute(REVEAL_ATTR, value);
    else root.removeAttribute(REVEAL_ATTR);
  };

  const mark = (el: Element, kind: HideKind) => {
    const kinds = marked.get(el) ?? [];
    if (!kinds.includes(kind)) kinds.push(kind);
    marked.set(el, kinds);
    if (!showingAll) el.setAttribute(HIDE_ATTR, kinds.join(' '));
  };

  const applyBlocks = (blocks: HiddenBlock[]) => {
    const spans: { node: Text; start: number; end: number }[] = [];
    for (const b of blocks) {
      if (b.alreadyInvisible || !kindEnabled(current, b.kind)) continue;
      if (b.element && b.element.isConnected) mark(b.element, b.kind);
      else if (b.span) spans.push(b.span);
    }
    if (spans.length && !showingAll) inline.wrap(spans);
  };

  /** Put everything back exactly as the page had it. */
  const unapply = () => {
    for (const el of marked.keys()) el.removeAttribute(HIDE_ATTR);
    for (const [el, css] of forcedStyles) {
      if (css === null) el.removeAttribute('style');
      else el.setAttribute('style', css);
    }
    forcedStyles.clear();
    inline.unwrapAll();
    title.restore();
    banner.hide();
    doc.documentElement?.removeAttribute(REVEAL_ATTR);
    style.uninstall();
    observer.discard();
  };

  const apply = () => {
    if (!analysis) return;
    style.install();
    setRevealAttr();
    for (const [el, kinds] of marked) if (el.isConnected) el.setAttribute(HIDE_ATTR, kinds.join(' '));
    applyBlocks(analysis.hidden.filter((b) => !b.element));
    if (analysis.titleHijacked && analysis.title) title.apply(analysis.title);
    banner.show({ clone: analysis.clone, parasite: analysis.parasite, getMessage: hooks.getMessage });
    observer.discard();
  };

  const runAnalysis = () => {
    if (stopped) return;
    const root = doc.documentElement;
    // Our hiding must not look like the page's own: switch it off while styles are read.
    // This happens inside one task, so nothing is painted in between.
    root?.setAttribute(MEASURE_ATTR, '');
    try {
      analysis = hooks.analyze(doc, url, current);
    } catch (e) {
      warn('analysis', e);
    } finally {
      root?.removeAttribute(MEASURE_ATTR);
    }
    if (!analysis) return;
    // Blocks marked while the page was loading stay marked (no flash); report them too.
    const known = new Set(analysis.hidden.map((b) => b.element).filter(Boolean));
    const extra = early.filter((b) => b.element && !known.has(b.element) && b.element.isConnected);
    if (extra.length) analysis = { ...analysis, hidden: [...analysis.hidden, ...extra] };
    early.length = 0;
    applyBlocks(analysis.hidden.filter((b) => b.element));
    if (!showingAll) apply();
    observer.discard();
    safely('onAnalysis', () => hooks.onAnalysis(analysis!), undefined);
  };

  /** Light judgement of content added after (or before) the full analysis. */
  const judgeAdded = (els: Element[]): HiddenBlock[] => {
    const ctx = createContext(doc, url, current);
    // Facts straight from the DOM of the added subtrees: a document index per batch would walk
    // the whole page on every frame while it parses (O(document) per batch, same answers).
    const facts = createFacts(ctx, { indexed: false });
    const found: HiddenBlock[] = [];
    for (const el of els.slice(0, 200)) {
      if (marked.has(el) || isOwn(el) || el.closest(`[${HIDE_ATTR}]`)) continue;
      // Floating boxes among the added subtree only (never a whole-page style scan per frame).
      const inside = [el, ...Array.from(el.querySelectorAll('*')).slice(0, 200)];
      const floating = inside.find((f) => ctx.styles.floating(f));
      const ov = floating ? judgeOverlay(facts, floating) : null;
      if (ov) {
        found.push(ov);
        continue;
      }
      const hid = judgeHidden(facts, el);
      if (hid) {
        found.push(hid);
        continue;
      }
      const text = collectText(el);
      if (text.length >= 6 && text.length <= 3000 && !ctx.isInvisible(el)) {
        const v = judgeLine(text);
        if (v.spam) found.push({ kind: 'spam-line', category: 'spam', reason: v.reason, text: text.slice(0, 300), element: el });
      }
    }
    return found;
  };

  const onBatch = (batch: Batch) => {
    if (stopped) return;
    let changed = false;
    if (!showingAll) {
      // The site removed or changed our attribute: put it back.
      for (const el of batch.unmarked) {
        const kinds = marked.get(el);
        if (kinds && el.getAttribute(HIDE_ATTR) !== kinds.join(' ')) el.setAttribute(HIDE_ATTR, kinds.join(' '));
      }
      // The site forced display with an !important inline style on a hidden block.
      for (const el of batch.restyled) {
        if (!marked.has(el) || !/display\s*:[^;]*!important/i.test(el.getAttribute('style') || '')) continue;
        if (/display\s*:\s*none\s*!important/i.test(el.getAttribute('style') || '')) continue;
        if (!forcedStyles.has(el)) forcedStyles.set(el, el.getAttribute('style'));
        (el as HTMLElement).style.setProperty('display', 'none', 'important');
      }
    }
    if (batch.added.length) {
      const found = judgeAdded(batch.added);
      if (found.length) {
        changed = true;
        applyBlocks(found);
        if (!analysis) early.push(...found);
        if (analysis) analysis = { ...analysis, hidden: [...analysis.hidden, ...found.filter((b) => kindEnabled(current, b.kind))] };
      }
    }
    observer.discard();
    if (batch.added.length && hooks.onAdded) safely('onAdded', () => hooks.onAdded!(batch.added), undefined);
    if (changed && analysis) safely('onAnalysis', () => hooks.onAnalysis(analysis!), undefined);
  };

  const onReady = () => safely('first analysis', runAnalysis, undefined);

  safely('start', () => {
    style.install();
    observer.start();
    if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', onReady, { once: true });
    else onReady();
  }, undefined);

  return {
    get analysis() {
      return analysis;
    },
    setKindRevealed(kind, show) {
      safely('reveal', () => {
        if (show) revealed.add(kind);
        else revealed.delete(kind);
        if (!showingAll) setRevealAttr();
        observer.discard();
      }, undefined);
    },
    showAll(show) {
      safely('show all', () => {
        if (show === showingAll) return;
        showingAll = show;
        if (show) unapply();
        else apply();
      }, undefined);
    },
    revealedKinds: () => [...revealed],
    isShowingAll: () => showingAll,
    update(next) {
      safely('update settings', () => {
        current = next;
        unapply();
        marked.clear();
        runAnalysis();
      }, undefined);
    },
    reanalyze() {
      safely('reanalyze', runAnalysis, undefined);
    },
    amend(change) {
      safely('amend', () => {
        if (stopped || !analysis) return;
        analysis = change(analysis);
        hooks.onAnalysis(analysis);
      }, undefined);
    },
    stop() {
      safely('stop', () => {
        stopped = true;
        doc.removeEventListener('DOMContentLoaded', onReady);
        observer.stop();
        unapply();
        marked.clear();
      }, undefined);
    },
  };
}

/** The banner, loaded on the first page that needs one; hide() before it arrives wins. */
function lazyBanner(doc: Document, load: CleanerHooks['loadBanner']): Banner {
  let real: Banner | null = null;
  let wanted: BannerInput | null = null;
  let loading = false;
  return {
    show(input) {
      if (real) return real.show(input);
      if (!input.clone && !input.parasite) return;
      wanted = input;
      if (loading || !load) return;
      loading = true;
      load().then(
        (create) => {
          real = create(doc);
          if (wanted) real.show(wanted);
        },
        (e) => {
          loading = false;
          warn('loading the banner', e);
        },
      );
    },
    hide() {
      wanted = null;
      real?.hide();
    },
  };
}
