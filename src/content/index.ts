// Content script entry: a thin face on the engine. It loads the settings, starts the cleaner
// (analysis + hiding), answers the popup/background messages, and loads everything else only
// when it is used or when the page needs it (lazy-load.ts): the script converter, text repairs
// (when repair-check.ts finds a candidate), the summary (at idle, or when asked), the banner
// (clones and parasites), user rules (when the user has some), the full settings store (when
// stored settings are not current and valid), the clean view and the picker. The page's details
// (date, source, 信息公开 fields, script) and the handlers of the popup's requests (actions.ts)
// load only when someone asks for them (the lazy part `details`).
// This file is built as one classic script (IIFE) that starts synchronously at document_start.
// Readiness and timing are published as performance marks, not DOM attributes, so the page's
// serialisation stays exactly the page's own.
import { onMessage, sendMessage, storageBackend, t } from '../platform/ext';
import { onStoredSettingsChange, readSettingsFast } from '../platform/settings-fast';
import { DEFAULT_SETTINGS, siteSettingsFor, toAnalyzeSettings, type Settings } from '../platform/settings-schema';
import { isToContent, type ToContent } from '../platform/messages';
import { analyzeWith, detailsPending, fillDetails, fillSummary, type AnalyzeStages, type RepairStage, type RepairedFields } from '../core/pipeline';
import type { Analysis, AnalyzeSettings } from '../core/types';
import { startCleaner, type Cleaner } from './cleaner';
import type { ContentHost, UiState } from './state';
import type { ActionMessage } from './actions';
import { loadLazy, type LazyParts } from './lazy-load';
import { probeRepairStage, subtreeMayNeedRepair } from './repair-check';
import { createContext } from '../core/page/context';

type RepairModule = LazyParts['repair'];

const LOADED = Symbol.for('qingdu.content');
const OWN_UI = 'qingdu-ui';

interface State {
  settings: Settings;
  cleaner: Cleaner | null;
  /** The converter, clean view and picker (actions.ts). */
  ui: UiState;
  /** Text repairs applied to the live page (undone while the user shows everything). */
  repairs: { undo(): void }[];
  firstRepairs: Analysis['repairs'] | null;
  /** Analysis for pages where the user switched Qingdu off: computed on demand, never applied. */
  passive: Analysis | null;
  /** The optional analysis stages loaded so far (user rules, repairs). */
  stages: Partial<AnalyzeStages>;
  repairModule: RepairModule | null;
  /** The latest analysis was made without the repair stage although the page may need it. */
  repairsPending: boolean;
  /** Settles when the pending repair stage has been finished (or has failed). */
  repairsDone: Promise<void> | null;
  /** Counts page analyses, so that a late repair stage only finishes the analysis it belongs to. */
  analysisSeq: number;
}

const host = location.hostname.toLowerCase();
const getMessage = (key: string, subs?: string[]): string => t(key, subs);

function warn(where: string, e: unknown): void {
  console.warn(`[Qingdu] ${where}:`, e);
}

function isOwnUi(node: Node): boolean {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return !!el?.closest?.(`[data-${OWN_UI}], qingdu-banner, qingdu-reader, qingdu-picker`);
}

const hasRules = (settings: Settings): boolean => !!settings.userRules.trim();

/** Loads the stages these settings need before an analysis (user rules). */
async function ensureStages(s: State, settings: Settings): Promise<void> {
  if (hasRules(settings) && !s.stages.userRules) {
    try {
      s.stages.userRules = (await loadLazy('rules')).applyUserRules;
    } catch (e) {
      warn('loading user rules', e);
    }
  }
}

async function loadRepairs(s: State): Promise<RepairModule> {
  const m = await loadLazy('repair');
  s.repairModule = m;
  s.stages.repairs = { findRepairs: m.findRepairs, repairText: m.repairText };
  return m;
}

/**
 * The page analysis for the cleaner: the loaded stages, and until the repair module is loaded a
 * probe that says whether the page could need it. If so, the module is loaded and only the
 * repair stage is redone on this analysis's facts (the spam is hidden meanwhile).
 */
function analyzePage(s: State, doc: Document, url: string, settings: AnalyzeSettings): Analysis {
  const probe = s.stages.repairs ? null : probeRepairStage();
  let redo: ((stage: RepairStage) => RepairedFields) | null = null;
  const a = analyzeWith(doc, url, settings, {
    summary: false,
    stages: probe ? { ...s.stages, repairs: probe } : s.stages,
    onRepairDraft: probe ? (f) => (redo = f) : undefined,
  });
  const seq = ++s.analysisSeq;
  s.repairsPending = !!probe?.needed;
  if (probe?.needed) {
    const draft = redo as ((stage: RepairStage) => RepairedFields) | null;
    s.repairsDone = loadRepairs(s).then(
      (m) => {
        // A newer analysis (a settings change, new content) was made with the module loaded.
        if (seq !== s.analysisSeq) return;
        s.repairsPending = false;
        if (!draft || !s.cleaner) return;
        const fields = draft({ findRepairs: m.findRepairs, repairText: m.repairText });
        s.cleaner.amend((cur) => ({ ...cur, ...fields, summary: [], summaryPending: true }));
      },
      (e) => {
        if (seq === s.analysisSeq) s.repairsPending = false;
        warn('loading text repairs', e);
      },
    );
  }
  return a;
}

async function summarized(a: Analysis): Promise<Analysis> {
  if (a.summaryPending) fillSummary(a, (await loadLazy('summary')).summarize);
  return a;
}

/**
 * Fills in what the load path leaves out: the summary and the details (date, source, 信息公开
 * fields, script), both read only when someone asks (the popup, the clean view, a conversion).
 */
async function completed(a: Analysis): Promise<Analysis> {
  const details = detailsPending(a) ? loadLazy('details') : null;
  await summarized(a);
  if (details) fillDetails(a, await details);
  return a;
}

/** The latest analysis, complete (summary and details filled in; repairs when the page needs them). */
async function currentAnalysis(s: State): Promise<Analysis> {
  if (s.cleaner?.analysis) {
    if (s.repairsPending && s.repairsDone) await s.repairsDone;
    if (s.cleaner.analysis) return completed(s.cleaner.analysis);
  }
  if (!s.passive) {
    await ensureStages(s, s.settings);
    if (!s.stages.repairs) await loadRepairs(s);
    s.passive = analyzeWith(document, location.href, toAnalyzeSettings(s.settings), { stages: s.stages, summary: false });
  }
  return completed(s.passive);
}

/** The content script as its on-use actions (actions.ts, in the lazy part `details`) see it. */
function hostFor(s: State): ContentHost {
  return {
    host,
    ui: s.ui,
    cleaner: () => s.cleaner,
    settings: () => s.settings,
    setSettings: (settings) => {
      s.settings = settings;
    },
    applySettings: (settings) => applySettings(s, settings),
    currentAnalysis: () => currentAnalysis(s),
    loadLazy,
    isOwnUi,
    getMessage,
    warn,
  };
}

async function runAction(s: State, msg: ActionMessage): Promise<unknown> {
  return (await loadLazy('details')).runAction(hostFor(s), msg);
}

async function handle(s: State, msg: ToContent): Promise<unknown> {
  switch (msg.type) {
    case 'set-kind-revealed':
      s.cleaner?.setKindRevealed(msg.kind, msg.revealed);
      return { ok: true };
    case 'show-all':
      s.cleaner?.showAll(msg.show);
      setRepairs(s, !msg.show);
      return { ok: true };
    case 'settings-changed':
      await applySettings(s, await loadSettings());
      return { ok: true };
    default:
      return runAction(s, msg);
  }
}

function reportBadge(a: Analysis): void {
  sendMessage({ type: 'badge', count: a.hidden.filter((h) => h.category === 'spam').length });
}

function startCleaning(s: State): void {
  const t0 = performance.now();
  let first = true;
  let summaryQueued = false;
  s.cleaner = startCleaner(document, location.href, toAnalyzeSettings(s.settings), {
    getMessage,
    analyze: (doc, url, settings) => analyzePage(s, doc, url, settings),
    loadBanner: () => loadLazy('banner').then((m) => m.createBanner),
    onAdded: (els) => repairAdded(s, els),
    onAnalysis: (a: Analysis) => {
      reportBadge(a);
      // Repairs come from the first analysis made with everything the page needs.
      // (`a`, not s.cleaner.analysis: the first analysis may run inside startCleaner, before
      // s.cleaner is assigned, when the page was parsed while the settings loaded.)
      if (!s.firstRepairs && !s.repairsPending && !s.cleaner?.isShowingAll()) setRepairs(s, true, a);
      // Ready = the first analysis made with every stage the page needs is applied (on pages
      // with text to repair, the re-analysis once the repair module has loaded).
      if (first && !s.repairsPending) {
        first = false;
        publishTiming(t0, a);
        afterFirstAnalysis(s);
      }
      // The summary was left out of the load path; fill it in when the page is idle, so neither
      // the popup nor the clean view waits for sentence segmentation (10–20 ms on first use in
      // Chromium). One pending job at a time, for whichever analysis is latest by then: pages
      // that keep mutating re-analyse often, and a stale summary is wasted work.
      if (!summaryQueued) {
        summaryQueued = true;
        whenIdle(() => {
          summaryQueued = false;
          const latest = s.cleaner?.analysis;
          if (latest?.summaryPending) summarized(latest).catch((e) => warn('summary', e));
        });
      }
    },
  });
}

function whenIdle(fn: () => void): void {
  const run = () => {
    try {
      fn();
    } catch (e) {
      warn('idle work', e);
    }
  };
  const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number }).requestIdleCallback;
  if (idle) idle(run, { timeout: 3000 });
  else setTimeout(run, 200);
}

/** Per-site automatic conversion and clean view, once the page is analysed. */
function afterFirstAnalysis(s: State): void {
  const site = siteSettingsFor(s.settings, host);
  if (site.convert) runAction(s, { type: 'convert', target: site.convert }).catch((e) => warn('automatic conversion', e));
  if (site.reader) runAction(s, { type: 'open-reader' }).catch((e) => warn('automatic clean view', e));
}

function publishTiming(t0: number, a: Analysis): void {
  try {
    performance.measure('qingdu:analyze', { start: performance.now() - a.ms, duration: a.ms });
    performance.measure('qingdu:ready', { start: t0, end: performance.now() });
  } catch {
    /* older engines without measure options: timing is optional */
  }
}

/**
 * Applies the first complete analysis' repairs to the page (on), or puts the original text back
 * (off). Only that analysis counts: later ones see the already repaired text and would find
 * nothing (or the hidden <rt> again), so re-deriving from them would undo good repairs.
 * Content added later is repaired by repairAdded().
 */
function setRepairs(s: State, on: boolean, from: Analysis | null = s.cleaner?.analysis ?? null): void {
  for (const r of s.repairs) r.undo();
  s.repairs = [];
  if (on && !s.firstRepairs) s.firstRepairs = from?.repairs ?? null;
  const list = s.firstRepairs;
  if (on && list && list.length && s.repairModule) {
    try {
      s.repairs.push(s.repairModule.applyRepairs(document, list));
    } catch (e) {
      warn('repairing text', e);
    }
  }
}

/**
 * Repairs content the page adds after the first analysis (pinyin or mojibake that loads late),
 * reversibly like the first repairs. The page's whole text stays the context that tells lost
 * characters apart; only repairs inside the added elements are applied.
 */
function repairAdded(s: State, els: Element[]): void {
  if (!s.firstRepairs || !s.cleaner || s.cleaner.isShowingAll()) return;
  const fresh = els.filter((el) => el.isConnected && !isOwnUi(el) && subtreeMayNeedRepair(el));
  if (!fresh.length) return;
  const run = (m: RepairModule) => {
    if (!s.cleaner || s.cleaner.isShowingAll()) return;
    const targets = fresh.filter((el) => el.isConnected);
    const inside = (n: Node | undefined) => !!n && targets.some((el) => el.contains(n));
    const ctx = createContext(document, location.href, toAnalyzeSettings(s.settings));
    const found = m.findRepairs(ctx, null, '').filter((r) => (r.kind === 'ruby' ? (r.elements ?? []).some(inside) : inside(r.node)));
    if (found.length) s.repairs.push(m.applyRepairs(document, found));
  };
  if (s.repairModule) run(s.repairModule);
  else loadRepairs(s).then(run, (e) => warn('loading text repairs', e));
}

async function loadSettings(): Promise<Settings> {
  const backend = storageBackend();
  if (!backend) return DEFAULT_SETTINGS;
  const fast = await readSettingsFast(backend);
  return fast ?? (await loadLazy('settings')).loadSettings();
}

async function applySettings(s: State, settings: Settings): Promise<void> {
  if (JSON.stringify(settings) === JSON.stringify(s.settings) && s.cleaner) return;
  s.settings = settings;
  s.passive = null;
  const site = siteSettingsFor(settings, host);
  if (site.disabled) {
    setRepairs(s, false);
    s.cleaner?.stop();
    s.cleaner = null;
    return;
  }
  await ensureStages(s, settings);
  if (s.settings !== settings) return; // a newer change arrived meanwhile
  if (s.cleaner) s.cleaner.update(toAnalyzeSettings(settings));
  else startCleaning(s);
}

async function main(): Promise<void> {
  const g = globalThis as unknown as Record<symbol, boolean>;
  if (g[LOADED]) return; // injected twice (activeTab click on a page the manifest already matched)
  g[LOADED] = true;
  try {
    performance.mark('qingdu:start'); // when our code starts (the e2e suite compares it with DOMContentLoaded)
  } catch {
    /* timing is optional */
  }

  let settings: Settings;
  try {
    settings = await loadSettings();
  } catch (e) {
    warn('loading settings', e);
    settings = DEFAULT_SETTINGS;
  }
  const s: State = {
    settings,
    cleaner: null,
    ui: { converter: null, converterNow: null, reader: null, picker: null },
    repairs: [],
    firstRepairs: null,
    passive: null,
    stages: {},
    repairModule: null,
    repairsPending: false,
    repairsDone: null,
    analysisSeq: 0,
  };

  onMessage((msg) => {
    if (!isToContent(msg)) return undefined;
    return handle(s, msg).catch((e: unknown) => {
      warn(`message ${msg.type}`, e);
      return { ok: false, error: String((e as Error)?.message ?? e) };
    });
  });
  const backend = storageBackend();
  if (backend) {
    onStoredSettingsChange(backend, () => {
      loadSettings()
        .then((next) => applySettings(s, next))
        .catch((e) => warn('settings change', e));
    });
  }

  if (siteSettingsFor(settings, host).disabled) return;
  await ensureStages(s, settings);
  startCleaning(s);
}

main().catch((e) => warn('start', e));
