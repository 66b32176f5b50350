// Content script entry: a thin face on the engine. It loads the settings, starts the cleaner
// (analysis + hiding), answers the popup/background messages, and loads the heavy parts
// (script conversion dictionaries, clean view, element picker) only when they are first used.
// Readiness and timing are published as performance marks, not DOM attributes, so the page's
// serialisation stays exactly the page's own.
import { browser, t } from '../platform/browser';
import { addUserRule, loadSettings, onSettingsChanged, updateSettings } from '../platform/settings';
import { DEFAULT_SETTINGS, siteSettingsFor, toAnalyzeSettings, type Settings } from '../platform/settings-schema';
import { isToContent, type PageState, type ToContent } from '../platform/messages';
import { toJSON } from '../core/serialize';
import { analyze, ensureSummary } from '../core/analyze';
import type { Analysis, ScriptTarget } from '../core/types';
import { startCleaner, type Cleaner } from './cleaner';
import { createPageConverter, type PageConverter } from './convert';
import { applyRepairs } from './repairs';

type ReaderModule = typeof import('../reader/index');
type ReaderHandle = ReturnType<ReaderModule['openReader']>;

const LOADED = Symbol.for('qingdu.content');
const OWN_UI = 'qingdu-ui';

interface State {
  settings: Settings;
  cleaner: Cleaner | null;
  converter: PageConverter;
  reader: ReaderHandle | null;
  picker: { stop(): void } | null;
  /** Text repairs applied to the live page (undone while the user shows everything). */
  repairs: { undo(): void } | null;
  firstRepairs: Analysis['repairs'] | null;
  /** Analysis for pages where the user switched Qingdu off: computed on demand, never applied. */
  passive: Analysis | null;
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

/** The latest analysis, its summary filled in (deferred at page load, computed on first ask). */
function currentAnalysis(s: State): Analysis {
  if (s.cleaner?.analysis) return ensureSummary(s.cleaner.analysis);
  s.passive ??= analyze(document, location.href, toAnalyzeSettings(s.settings));
  return s.passive;
}

function pageState(s: State): PageState {
  return {
    analysis: toJSON(currentAnalysis(s)),
    revealedKinds: s.cleaner ? s.cleaner.revealedKinds() : [],
    showAll: s.cleaner ? s.cleaner.isShowingAll() : true,
    script: s.converter.current,
    readerOpen: !!s.reader?.open,
  };
}

/** The script "toggle" goes to: the user's default, or simplified when the page already is traditional. */
function toggleTarget(s: State): 'original' | ScriptTarget {
  if (s.converter.current !== 'original') return 'original';
  const pageScript = currentAnalysis(s).script;
  return pageScript === 'traditional' ? 'cn' : s.settings.script;
}

async function convertTo(s: State, target: 'original' | ScriptTarget): Promise<void> {
  if (target === 'original') s.converter.restore();
  else await s.converter.convert(target);
}

async function openReader(s: State): Promise<void> {
  if (s.reader?.open) return;
  const { openReader: open } = (await import('../reader/index')) as ReaderModule;
  const { loadTextConverter } = await import('../core/script/convert');
  const from = currentAnalysis(s).script === 'traditional' ? 't' : 'cn';
  s.reader = open(document, currentAnalysis(s), {
    prefs: s.settings.reader,
    script: s.converter.current,
    loadConverter: (target) => loadTextConverter(from, target),
    onClose: () => {
      s.reader = null;
    },
    onPrefsChange: (prefs) => {
      s.settings = { ...s.settings, reader: prefs };
      // Merge into what is stored now, not this tab's copy: another tab may have saved since.
      updateSettings((stored) => ({ ...stored, reader: prefs })).catch((e) => warn('saving reader preferences', e));
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
  const { startPicker: start } = await import('./picker');
  s.picker = start(document, {
    host,
    getMessage,
    onSave: (rule) => {
      s.picker = null;
      addUserRule(rule)
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
      await convertTo(s, toggleTarget(s));
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
      applySettings(s, await loadSettings());
      return { ok: true };
  }
}

function reportBadge(a: Analysis): void {
  const count = a.hidden.filter((h) => h.category === 'spam').length;
  browser.runtime.sendMessage({ type: 'badge', count }).catch(() => {
    /* the background may be asleep or reloading: the next analysis reports again */
  });
}

function startCleaning(s: State): void {
  const t0 = performance.now();
  let first = true;
  let summaryQueued = false;
  s.cleaner = startCleaner(document, location.href, toAnalyzeSettings(s.settings), {
    getMessage,
    onAnalysis: (a: Analysis) => {
      reportBadge(a);
      if (first) {
        first = false;
        if (!s.cleaner?.isShowingAll()) setRepairs(s, true);
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
          if (s.cleaner?.analysis) ensureSummary(s.cleaner.analysis);
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
 * Applies the first analysis' repairs to the page (on), or puts the original text back (off).
 * Only the first analysis counts: later ones see the already repaired text and would find
 * nothing (or the hidden <rt> again), so re-deriving from them would undo good repairs.
 */
function setRepairs(s: State, on: boolean): void {
  s.repairs?.undo();
  s.repairs = null;
  if (on && !s.firstRepairs) s.firstRepairs = s.cleaner?.analysis?.repairs ?? null;
  const list = s.firstRepairs;
  if (on && list && list.length) {
    try {
      s.repairs = applyRepairs(document, list);
    } catch (e) {
      warn('repairing text', e);
    }
  }
}

function applySettings(s: State, settings: Settings): void {
  s.settings = settings;
  s.passive = null;
  const site = siteSettingsFor(settings, host);
  if (site.disabled) {
    setRepairs(s, false);
    s.cleaner?.stop();
    s.cleaner = null;
    return;
  }
  if (s.cleaner) s.cleaner.update(toAnalyzeSettings(settings));
  else startCleaning(s);
}

async function main(): Promise<void> {
  const g = globalThis as unknown as Record<symbol, boolean>;
  if (g[LOADED]) return; // injected twice (activeTab click on a page the manifest already matched)
  g[LOADED] = true;

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
    converter: createPageConverter(document, { isOwnUi }),
    reader: null,
    picker: null,
    repairs: null,
    firstRepairs: null,
    passive: null,
  };

  browser.runtime.onMessage.addListener((msg: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id || !isToContent(msg)) return undefined;
    return handle(s, msg).catch((e: unknown) => {
      warn(`message ${msg.type}`, e);
      return { ok: false, error: String((e as Error)?.message ?? e) };
    });
  });
  onSettingsChanged((next) => applySettings(s, next));

  if (!siteSettingsFor(settings, host).disabled) startCleaning(s);
}

main().catch((e) => warn('start', e));
