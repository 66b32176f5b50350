// Content script entry: a thin face on the engine. It loads the settings, starts the cleaner
// (analysis + hiding), answers the popup/background messages, and loads everything else only
// when it is used or when the page needs it (lazy-load.ts): the script converter, text repairs
// (when repair-check.ts finds a candidate), the summary (at idle, or when asked), the banner
// (clones and parasites), user rules (when the user has some), the full settings store (when
// stored settings are not current and valid), the clean view and the picker.
// This file is built as one classic script (IIFE) that starts synchronously at document_start.
// Readiness and timing are published as performance marks, not DOM attributes, so the page's
// serialisation stays exactly the page's own.
import { onMessage, sendMessage, storageBackend, t } from '../platform/ext';
import { onStoredSettingsChange, readSettingsFast } from '../platform/settings-fast';
import { DEFAULT_SETTINGS, siteSettingsFor, toAnalyzeSettings, type Settings } from '../platform/settings-schema';
import { isToContent, type PageState, type ToContent } from '../platform/messages';
import { toJSON } from '../core/serialize';
import { analyzeWith, fillSummary, type AnalyzeStages, type RepairStage, type RepairedFields } from '../core/pipeline';
import type { Analysis, AnalyzeSettings, ScriptTarget } from '../core/types';
import { startCleaner, type Cleaner } from './cleaner';
import type { PageConverter } from './convert';
import { loadLazy, type LazyParts } from './lazy-load';
import { probeRepairStage, subtreeMayNeedRepair } from './repair-check';
import { createContext } from '../core/page/context';

type ReaderHandle = ReturnType<LazyParts['reader']['openReader']>;
type RepairModule = LazyParts['repair'];

const LOADED = Symbol.for('qingdu.content');
const OWN_UI = 'qingdu-ui';

interface State {
  settings: Settings;
  cleaner: Cleaner | null;
  converter: Promise<PageConverter> | null;
  /** The converter once loaded (its `current` is needed synchronously). */
  converterNow: PageConverter | null;
  reader: ReaderHandle | null;
  picker: { stop(): void } | null;
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

/** The latest analysis, complete (summary filled in; repairs when the page needs them). */
async function currentAnalysis(s: State): Promise<Analysis> {
  if (s.cleaner?.analysis) {
    if (s.repairsPending && s.repairsDone) await s.repairsDone;
    if (s.cleaner.analysis) return summarized(s.cleaner.analysis);
  }
  if (!s.passive) {
    await ensureStages(s, s.settings);
    if (!s.stages.repairs) await loadRepairs(s);
    s.passive = analyzeWith(document, location.href, toAnalyzeSettings(s.settings), { stages: s.stages, summary: false });
  }
  return summarized(s.passive);
}

const currentScript = (s: State): 'original' | ScriptTarget => s.converterNow?.current ?? 'original';

async function pageState(s: State): Promise<PageState> {
  return {
    analysis: toJSON(await currentAnalysis(s)),
    revealedKinds: s.cleaner ? s.cleaner.revealedKinds() : [],
    showAll: s.cleaner ? s.cleaner.isShowingAll() : true,
    script: currentScript(s),
    readerOpen: !!s.reader?.open,
  };
}

/** The script "toggle" goes to: the user's default, or simplified when the page already is traditional. */
async function toggleTarget(s: State): Promise<'original' | ScriptTarget> {
  if (currentScript(s) !== 'original') return 'original';
  const pageScript = (await currentAnalysis(s)).script;
  return pageScript === 'traditional' ? 'cn' : s.settings.script;
}

function converter(s: State): Promise<PageConverter> {
  s.converter ??= loadLazy('convert').then((m) => (s.converterNow = m.createPageConverter(document, { isOwnUi })));
  s.converter.catch(() => (s.converter = null));
  return s.converter;
}

async function convertTo(s: State, target: 'original' | ScriptTarget): Promise<void> {
  if (target === 'original') s.converterNow?.restore();
  else await (await converter(s)).convert(target);
}

async function openReader(s: State): Promise<void> {
  if (s.reader?.open) return;
  const [{ openReader: open, loadTextConverter }, analysis] = await Promise.all([loadLazy('reader'), currentAnalysis(s)]);
  if (s.reader?.open) return;
  const from = analysis.script === 'traditional' ? 't' : 'cn';
  s.reader = open(document, analysis, {
    prefs: s.settings.reader,
    script: currentScript(s),
    loadConverter: (target) => loadTextConverter(from, target),
    onClose: () => {
      s.reader = null;
    },
    onPrefsChange: (prefs) => {
      s.settings = { ...s.settings, reader: prefs };
      // Merge into what is stored now, not this tab's copy: another tab may have saved since.
      loadLazy('settings')
        .then((m) => m.updateSettings((stored) => ({ ...stored, reader: prefs })))
        .catch((e) => warn('saving reader preferences', e));
    },
    onScriptChange: (target) => {
      convertTo(s, target).catch((e) => warn('converting', e));
    },
    getMessage,
  });
}

function closeReader(s: State): void {
  s.reader?.close();
  s.reader = null;
}

async function startPicker(s: State): Promise<void> {
  if (s.picker) return;
  const { startPicker: start } = await loadLazy('picker');
  if (s.picker) return;
  s.picker = start(document, {
    host,
    getMessage,
    onSave: (rule) => {
      s.picker = null;
      loadLazy('settings')
        .then((m) => m.addUserRule(rule))
        .then((settings) => applySettings(s, settings))
        .catch((e) => warn('saving the rule', e));
    },
    onCancel: () => {
      s.picker = null;
    },
  });
}

async function handle(s: State, msg: ToContent): Promise<unknown> {
  switch (msg.type) {
    case 'get-state':
      return pageState(s);
    case 'set-kind-revealed':
      s.cleaner?.setKindRevealed(msg.kind, msg.revealed);
      return { ok: true };
    case 'show-all':
      s.cleaner?.showAll(msg.show);
      setRepairs(s, !msg.show);
      return { ok: true };
    case 'convert':
      await convertTo(s, msg.target);
      return { ok: true };
    case 'toggle-script':
      await convertTo(s, await toggleTarget(s));
      return { ok: true };
    case 'open-reader':
      await openReader(s);
      return { ok: true };
    case 'close-reader':
      closeReader(s);
      return { ok: true };
    case 'toggle-reader':
      if (s.reader?.open) closeReader(s);
      else await openReader(s);
      return { ok: true };
    case 'start-picker':
      await startPicker(s);
      return { ok: true };
    case 'settings-changed':
      await applySettings(s, await loadSettings());
      return { ok: true };
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
  if (site.convert) convertTo(s, site.convert).catch((e) => warn('automatic conversion', e));
  if (site.reader) openReader(s).catch((e) => warn('automatic clean view', e));
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
    converter: null,
    converterNow: null,
    reader: null,
    picker: null,
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
