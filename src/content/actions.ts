// What the content script does only when someone asks: the popup's state, script conversion,
// the clean view and the element picker. Built into the lazy part `details` (with the page's
// details, which the popup, the clean view and the converter read anyway), so none of it is in
// the script every page loads. It reaches the script's state through a ContentHost.
import type { PageState, ToContent } from '../platform/messages';
import type { ScriptTarget } from '../core/types';
import { toJSON } from '../core/serialize';
import type { PageConverter } from './convert';
import type { ContentHost } from './state';

/** The messages handled here; the rest (show/reveal, settings) stay in the content script. */
export type ActionMessage = Exclude<ToContent, { type: 'set-kind-revealed' | 'show-all' | 'settings-changed' }>;

const currentScript = (h: ContentHost): 'original' | ScriptTarget => h.ui.converterNow?.current ?? 'original';

async function pageState(h: ContentHost): Promise<PageState> {
  const analysis = await h.currentAnalysis();
  const cleaner = h.cleaner();
  return {
    analysis: toJSON(analysis),
    revealedKinds: cleaner ? cleaner.revealedKinds() : [],
    showAll: cleaner ? cleaner.isShowingAll() : true,
    script: currentScript(h),
    readerOpen: !!h.ui.reader?.open,
  };
}

/** The script "toggle" goes to: the user's default, or simplified when the page already is traditional. */
async function toggleTarget(h: ContentHost): Promise<'original' | ScriptTarget> {
  if (currentScript(h) !== 'original') return 'original';
  const pageScript = (await h.currentAnalysis()).script;
  return pageScript === 'traditional' ? 'cn' : h.settings().script;
}

function converter(h: ContentHost): Promise<PageConverter> {
  const ui = h.ui;
  ui.converter ??= h.loadLazy('convert').then((m) => (ui.converterNow = m.createPageConverter(document, { isOwnUi: h.isOwnUi })));
  ui.converter.catch(() => (ui.converter = null));
  return ui.converter;
}

async function convertTo(h: ContentHost, target: 'original' | ScriptTarget): Promise<void> {
  if (target === 'original') h.ui.converterNow?.restore();
  else await (await converter(h)).convert(target);
}

async function openReader(h: ContentHost): Promise<void> {
  const ui = h.ui;
  if (ui.reader?.open) return;
  const [{ openReader: open, loadTextConverter }, analysis] = await Promise.all([h.loadLazy('reader'), h.currentAnalysis()]);
  if (ui.reader?.open) return;
  const from = analysis.script === 'traditional' ? 't' : 'cn';
  ui.reader = open(document, analysis, {
    prefs: h.settings().reader,
    script: currentScript(h),
    loadConverter: (target) => loadTextConverter(from, target),
    onClose: () => {
      ui.reader = null;
    },
    onPrefsChange: (prefs) => {
      h.setSettings({ ...h.settings(), reader: prefs });
      // Merge into what is stored now, not this tab's copy: another tab may have saved since.
      h.loadLazy('settings')
        .then((m) => m.updateSettings((stored) => ({ ...stored, reader: prefs })))
        .catch((e) => h.warn('saving reader preferences', e));
    },
    onScriptChange: (target) => {
      convertTo(h, target).catch((e) => h.warn('converting', e));
    },
    getMessage: h.getMessage,
  });
}

function closeReader(h: ContentHost): void {
  h.ui.reader?.close();
  h.ui.reader = null;
}

async function startPicker(h: ContentHost): Promise<void> {
  const ui = h.ui;
  if (ui.picker) return;
  const { startPicker: start } = await h.loadLazy('picker');
  if (ui.picker) return;
  ui.picker = start(document, {
    host: h.host,
    getMessage: h.getMessage,
    onSave: (rule) => {
      ui.picker = null;
      h.loadLazy('settings')
        .then((m) => m.addUserRule(rule))
        .then((settings) => h.applySettings(settings))
        .catch((e) => h.warn('saving the rule', e));
    },
    onCancel: () => {
      ui.picker = null;
    },
  });
}

export async function runAction(h: ContentHost, msg: ActionMessage): Promise<unknown> {
  switch (msg.type) {
    case 'get-state':
      return pageState(h);
    case 'convert':
      await convertTo(h, msg.target);
      return { ok: true };
    case 'toggle-script':
      await convertTo(h, await toggleTarget(h));
      return { ok: true };
    case 'open-reader':
      await openReader(h);
      return { ok: true };
    case 'close-reader':
      closeReader(h);
      return { ok: true };
    case 'toggle-reader':
      if (h.ui.reader?.open) closeReader(h);
      else await openReader(h);
      return { ok: true };
    case 'start-picker':
      await startPicker(h);
      return { ok: true };
  }
}
