// Options page. Every control writes storage at once (updateSettings); content scripts in open
// tabs follow through storage events (onSettingsChanged in the orchestrator), so no message is
// broadcast. Changes made elsewhere (the popup, another device) re-render this page the same way.
import { browser, t as translate } from '../platform/browser';
import { ALL_KINDS, categoryOf, defaultKindOn } from '../core/kinds';
import { SCRIPT_TARGETS, type HideKind, type ScriptTarget } from '../core/types';
import { loadSettingsReport, onSettingsChanged, saveSettingsWhere, updateSettings, type AreaInfo } from '../platform/settings';
import {
  DEFAULT_SETTINGS,
  READER_FONTS,
  READER_RANGES,
  READER_THEMES,
  SENSITIVITIES,
  type ReaderPrefs,
  type Settings,
} from '../platform/settings-schema';
import { structuredCloneSettings } from '../platform/settings-validate';
import { initBackup } from './backup';
import type { OptionsContext, Translate } from './context';
import { byId, h, options } from './dom';
import { initRules } from './rules-view';
import { initSites } from './sites';

const t: Translate = (key, subs) => translate(key, subs);
const ALL_URLS = '<all_urls>';

let settings: Settings = structuredCloneSettings(DEFAULT_SETTINGS);
let area: AreaInfo = { area: 'sync' };
const renderers: (() => void)[] = [];

function localise(): void {
  document.documentElement.lang = t('options_html_lang') === 'options_html_lang' ? 'zh-CN' : t('options_html_lang');
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = t(el.dataset.i18n!);
  for (const el of document.querySelectorAll<HTMLInputElement>('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder!);
}

// ---- status line ----
let statusTimer: ReturnType<typeof setTimeout> | undefined;
function status(message: string, action?: { label: string; run(): void }, timeoutMs = 4000): void {
  const line = byId('status');
  clearTimeout(statusTimer);
  line.replaceChildren(h('span', { text: message }));
  if (action) {
    const b = h('button', { type: 'button', class: 'link', text: action.label, 'data-testid': 'undo' });
    b.addEventListener('click', () => {
      line.replaceChildren();
      action.run();
    });
    line.append(' ', b);
  }
  line.classList.add('shown');
  statusTimer = setTimeout(() => {
    line.classList.remove('shown');
    line.replaceChildren();
  }, timeoutMs);
}

function showArea(): void {
  const note = byId('storage-note');
  note.hidden = false;
  note.textContent = area.area === 'sync' ? t('options_storage_sync') : t(`options_storage_local_${area.reason ?? 'error'}`);
  note.classList.toggle('warn', area.area === 'local');
}

async function commit(fn: (s: Settings) => Settings): Promise<void> {
  settings = fn(settings);
  try {
    settings = await updateSettings(fn);
    status(t('options_saved'));
  } catch (e) {
    status(t('options_save_failed', [String(e)]));
  }
  render();
}

async function replace(next: Settings): Promise<void> {
  settings = next;
  try {
    area = await saveSettingsWhere(next);
    showArea();
  } catch (e) {
    status(t('options_save_failed', [String(e)]));
  }
  render();
}

const ctx: OptionsContext = { t, get: () => settings, commit, replace, status, render: () => render() };

// ---- what to hide ----
function kindKey(kind: HideKind): string {
  return kind.replace(/-/g, '_');
}
function initKinds(): void {
  const spam = byId('kinds-spam');
  const noise = byId('kinds-noise');
  for (const kind of ALL_KINDS) {
    const id = `kind-${kind}`;
    const box = h('input', { type: 'checkbox', role: 'switch', id, 'data-testid': id, 'aria-describedby': `${id}-desc` });
    box.addEventListener('change', () => {
      const on = box.checked;
      void commit((s) => {
        const kinds = { ...s.kinds };
        // Store only a choice that differs from the default, so improved defaults reach everyone else.
        if (on === defaultKindOn(kind)) delete kinds[kind];
        else kinds[kind] = on;
        return { ...s, kinds };
      });
    });
    const row = h('div', { class: 'switch-row' }, box, h('label', { for: id, text: t(`options_kind_${kindKey(kind)}`) }), h('p', { class: 'desc', id: `${id}-desc`, text: t(`options_kind_${kindKey(kind)}_desc`) }));
    (categoryOf(kind) === 'spam' ? spam : noise).append(row);
  }
  renderers.push(() => {
    for (const kind of ALL_KINDS) byId<HTMLInputElement>(`kind-${kind}`).checked = settings.kinds[kind] ?? defaultKindOn(kind);
  });
}

// ---- selects ----
function initSelects(): void {
  const sensitivity = byId<HTMLSelectElement>('sensitivity');
  const script = byId<HTMLSelectElement>('script');
  sensitivity.addEventListener('change', () => {
    const v = sensitivity.value as Settings['sensitivity'];
    void commit((s) => ({ ...s, sensitivity: v }));
  });
  script.addEventListener('change', () => {
    const v = script.value as ScriptTarget;
    void commit((s) => ({ ...s, script: v }));
  });
  renderers.push(() => {
    options(sensitivity, SENSITIVITIES.map((v) => ({ value: v, label: t(`options_sensitivity_${v}`) })), settings.sensitivity);
    options(script, SCRIPT_TARGETS.map((v) => ({ value: v, label: t(`options_script_${v}`) })), settings.script);
  });
}

// ---- clean view ----
function initReader(): void {
  const theme = byId<HTMLSelectElement>('reader-theme');
  const font = byId<HTMLSelectElement>('reader-font');
  const setReader = (patch: Partial<ReaderPrefs>) => void commit((s) => ({ ...s, reader: { ...s.reader, ...patch } }));
  theme.addEventListener('change', () => setReader({ theme: theme.value as ReaderPrefs['theme'] }));
  font.addEventListener('change', () => setReader({ font: font.value as ReaderPrefs['font'] }));
  const numbers = Object.keys(READER_RANGES) as (keyof typeof READER_RANGES)[];
  for (const key of numbers) {
    const input = byId<HTMLInputElement>(`reader-${key}`);
    const range = READER_RANGES[key];
    input.min = String(range.min);
    input.max = String(range.max);
    input.step = String(range.step);
    input.addEventListener('change', () => {
      const v = Number(input.value);
      const ok = input.value !== '' && Number.isFinite(v) && v >= range.min && v <= range.max;
      input.setAttribute('aria-invalid', ok ? 'false' : 'true');
      if (ok) setReader({ [key]: v });
      else status(t('options_reader_range', [String(range.min), String(range.max)]));
    });
  }
  for (const key of ['indent', 'vertical'] as const) {
    const box = byId<HTMLInputElement>(`reader-${key}`);
    box.addEventListener('change', () => setReader({ [key]: box.checked }));
  }
  renderers.push(() => {
    options(theme, READER_THEMES.map((v) => ({ value: v, label: t(`options_reader_theme_${v}`) })), settings.reader.theme);
    options(font, READER_FONTS.map((v) => ({ value: v, label: t(`options_reader_font_${v}`) })), settings.reader.font);
    for (const key of numbers) {
      const input = byId<HTMLInputElement>(`reader-${key}`);
      if (document.activeElement !== input) input.value = String(settings.reader[key]);
    }
    byId<HTMLInputElement>('reader-indent').checked = settings.reader.indent;
    byId<HTMLInputElement>('reader-vertical').checked = settings.reader.vertical;
  });
}

// ---- run on all sites ----
function initAllSites(): void {
  const box = byId<HTMLInputElement>('all-sites');
  const note = byId('all-sites-status');
  box.addEventListener('change', async () => {
    note.textContent = '';
    if (box.checked) {
      // Asked at the moment the user asks, inside the click: browsers only show the prompt then.
      let granted = false;
      try {
        granted = await browser.permissions.request({ origins: [ALL_URLS] });
      } catch {
        granted = false;
      }
      if (!granted) {
        box.checked = false;
        note.textContent = t('options_all_sites_denied');
        return;
      }
      await commit((s) => ({ ...s, allSites: true }));
    } else {
      await commit((s) => ({ ...s, allSites: false }));
      // Give the permission back: Qingdu should not hold access it no longer uses.
      await browser.permissions.remove({ origins: [ALL_URLS] }).catch(() => false);
    }
  });
  renderers.push(() => {
    box.checked = settings.allSites;
  });
}

function render(): void {
  for (const r of renderers) {
    try {
      r();
    } catch (e) {
      console.warn('qingdu options: render', e);
    }
  }
}

async function main(): Promise<void> {
  localise();
  initKinds();
  initSelects();
  initReader();
  initAllSites();
  renderers.push(initSites(ctx).render);
  renderers.push(initRules(ctx).render);
  initBackup(ctx);

  const report = await loadSettingsReport();
  settings = report.settings;
  area = report.area;
  showArea();
  const repairNote = byId('repair-note');
  const notes: string[] = [];
  if (report.migrations.length) notes.push(t('options_migrated', [String(report.fromVersion)]));
  if (report.repairs.length) notes.push(t('options_repaired', [String(report.repairs.length), report.repairs.map((r) => r.path).join(', ')]));
  repairNote.hidden = notes.length === 0;
  repairNote.textContent = notes.join(' ');
  // The permission may have been removed in the browser's own settings.
  if (settings.allSites && !(await browser.permissions.contains({ origins: [ALL_URLS] }).catch(() => true))) {
    byId('all-sites-status').textContent = t('options_all_sites_lost');
  }
  render();
  document.body.dataset.ready = 'true';
  onSettingsChanged((s) => {
    settings = s;
    render();
  });
}

main().catch((e) => {
  console.error('qingdu options', e);
  status(t('options_save_failed', [String(e)]), undefined, 60_000);
});
