// The popup's glue: finds the target tab, makes sure the content script is there, asks it for
// its state, renders, and turns the user's clicks into messages and settings writes. Every
// browser call is contained: the popup shows a message, never an uncaught exception.
import { loadTextConverter } from '../core/script/convert';
import { summaryToMarkdown, summaryToText, type ExportLabels } from '../core/markdown';
import type { ScriptTarget } from '../core/types';
import { browser } from '../platform/browser';
import { ensureContentScript } from '../platform/inject';
import type { PageState, ToContent } from '../platform/messages';
import { loadSettings, updateSite } from '../platform/settings';
import { DEFAULT_SETTINGS, siteSettingsFor, type Settings, type SiteSettings } from '../platform/settings-schema';
import { sendToTab, activeTabId } from '../platform/tabs';
import { copyText } from './clipboard';
import { setMessageSource, t } from './i18n';
import type { PopupHandlers, PopupModel } from './model';
import { renderPopup, setStatus } from './render';
import { REPORT_URL, buildReport } from './report';
import { hostOf, isRestrictedUrl } from './restricted';
import { inPageScript } from './script-view';

const STATE_TIMEOUT_MS = 8000;

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    p.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e) => (clearTimeout(timer), reject(e)),
    );
  });
}

/** Time from opening the popup to its first card, for docs/popup.md (read by the e2e spec). */
function markReady(): void {
  try {
    if (!performance.getEntriesByName('qingdu:popup-ready').length) performance.measure('qingdu:popup-ready', { start: 0, end: performance.now() });
  } catch {
    /* timing is optional */
  }
}

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** `?tab=<id>` targets a given tab (the e2e tests open the popup as a tab of its own). */
export function tabFromQuery(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('tab');
  const id = raw === null ? NaN : Number(raw);
  return Number.isInteger(id) && id >= 0 ? id : undefined;
}

function exportLabels(): Partial<ExportLabels> {
  return {
    source: t('popup_export_source'),
    published: t('popup_export_published'),
    author: t('popup_export_author'),
    editor: t('popup_export_editor'),
    link: t('popup_export_link'),
    summary: t('popup_export_summary'),
    image: t('popup_export_image'),
  };
}

export async function startPopup(root: HTMLElement, statusEl: HTMLElement): Promise<void> {
  setMessageSource((key, subs) => browser.i18n.getMessage(key, subs));
  document.documentElement.lang = t('popup_lang');
  document.title = t('extName');

  let settings: Settings = DEFAULT_SETTINGS;
  let tabId: number | undefined;
  let tabUrl: string | undefined;
  const model: PopupModel = { phase: { kind: 'loading' }, host: '', site: {}, defaultScript: DEFAULT_SETTINGS.script };
  const render = () => renderPopup(root, model, handlers);
  const status = (key: string, kind: 'ok' | 'error' = 'ok', ...subs: string[]) => setStatus(statusEl, t(key, ...subs), kind);
  const pageState = (): PageState | null => (model.phase.kind === 'ready' ? model.phase.state : null);

  const applySettings = (s: Settings) => {
    settings = s;
    model.defaultScript = s.script;
    model.site = model.host ? siteSettingsFor(s, model.host) : {};
  };

  async function refresh(): Promise<void> {
    if (tabId === undefined) return;
    try {
      const state = await inPageScript(await withTimeout(sendToTab(tabId, { type: 'get-state' }), STATE_TIMEOUT_MS), loadTextConverter);
      if (!model.host) {
        model.host = hostOf(state.analysis.url);
        applySettings(settings);
      }
      model.phase = { kind: 'ready', state };
      markReady();
    } catch (e) {
      model.phase = { kind: 'error', detail: errorText(e) };
    }
    render();
  }

  /** Sends a command to the page, then shows the page's new state. */
  async function command(msg: ToContent, andThen: 'refresh' | 'close' = 'refresh'): Promise<void> {
    if (tabId === undefined) return;
    try {
      const reply = (await withTimeout(sendToTab(tabId, msg), STATE_TIMEOUT_MS)) as { ok?: boolean; error?: string };
      if (reply && reply.ok === false) status('popup_action_failed', 'error', reply.error ?? '');
      else if (andThen === 'close') return window.close();
    } catch (e) {
      status('popup_action_failed', 'error', errorText(e));
    }
    await refresh();
  }

  async function copy(text: string, doneKey: string): Promise<boolean> {
    try {
      await copyText(text);
      status(doneKey);
      return true;
    } catch (e) {
      status('popup_copy_failed', 'error', errorText(e));
      return false;
    }
  }

  const handlers: PopupHandlers = {
    openReader: () => void command({ type: 'open-reader' }, 'close'),
    pick: () => void command({ type: 'start-picker' }, 'close'),
    convert: (target: 'original' | ScriptTarget) => void command({ type: 'convert', target }),
    setKindRevealed: (kind, revealed) => void command({ type: 'set-kind-revealed', kind, revealed }),
    showAll: (show) => void command({ type: 'show-all', show }),
    copySummary: (format) => {
      const s = pageState();
      if (!s) return;
      const o = { labels: exportLabels() };
      void copy(format === 'markdown' ? summaryToMarkdown(s.analysis, o) : summaryToText(s.analysis, o), format === 'markdown' ? 'popup_copied_markdown' : 'popup_copied');
    },
    report: async () => {
      const s = pageState();
      if (!s) return;
      // Copy first: opening the tab takes focus from the popup (and closes it in Chrome).
      if (!(await copy(buildReport(s.analysis, new Date()), 'popup_report_copied'))) return;
      try {
        await browser.tabs.create({ url: REPORT_URL });
      } catch (e) {
        status('popup_action_failed', 'error', errorText(e));
      }
    },
    setSite: async (patch: Partial<SiteSettings>) => {
      if (!model.host) return;
      try {
        applySettings(await updateSite(model.host, patch));
        status('popup_saved');
      } catch (e) {
        status('popup_action_failed', 'error', errorText(e));
      }
      // The content script also listens to storage changes; this makes the change immediate.
      if (tabId !== undefined) sendToTab(tabId, { type: 'settings-changed' }).catch(() => undefined);
      if (model.site.disabled) model.phase = { kind: 'disabled' };
      else if (model.phase.kind === 'disabled') return load(tabUrl);
      render();
    },
    openUrl: (url) => {
      browser.tabs.create({ url }).catch((e: unknown) => status('popup_action_failed', 'error', errorText(e)));
    },
  };

  /** Finds out whether the page can be analysed at all, then asks it for its state. */
  async function load(url: string | undefined): Promise<void> {
    if (tabId === undefined || isRestrictedUrl(url)) model.phase = { kind: 'restricted' };
    else if (model.site.disabled) model.phase = { kind: 'disabled' };
    // Injection refused: a page no extension may touch, or one we have no access to.
    else if (!(await ensureContentScript(tabId))) model.phase = { kind: 'restricted' };
    else return refresh();
    render();
  }

  render();
  try {
    tabId = tabFromQuery(location.search) ?? (await activeTabId());
    if (tabId !== undefined) tabUrl = (await browser.tabs.get(tabId).catch(() => undefined))?.url;
    model.host = hostOf(tabUrl);
    applySettings(await loadSettings().catch(() => DEFAULT_SETTINGS));
    await load(tabUrl);
  } catch (e) {
    model.phase = { kind: 'error', detail: errorText(e) };
    render();
  }
}
