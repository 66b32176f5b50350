// The popup's buttons: clean view, script switch, copy summary, report, picker.
import { SCRIPT_TARGETS, type ScriptTarget } from '../core/types';
import type { PageState } from '../platform/messages';
import { el } from './dom';
import { t } from './i18n';
import type { PopupHandlers } from './model';
import { looksDefaced } from './report';
import { nextScript } from './script-choice';

export const scriptLabel = (s: 'original' | ScriptTarget): string => t('popup_script_' + s);

function button(label: string, testid: string, onClick: () => void, cls = 'btn'): HTMLButtonElement {
  const b = el('button', { type: 'button', class: cls, 'data-testid': testid }, label);
  b.addEventListener('click', onClick);
  return b;
}

export function renderScriptSwitch(state: PageState, defaultScript: ScriptTarget, h: PopupHandlers): HTMLElement {
  const next = nextScript(state.script, state.analysis.script, defaultScript);
  const label = next === 'original' ? t('popup_restore_original') : t('popup_convert_to', scriptLabel(next));
  const select = el('select', { id: 'script-select', 'data-testid': 'script-select', 'aria-label': t('popup_script_select') });
  for (const s of ['original', ...SCRIPT_TARGETS] as const) {
    const o = el('option', { value: s }, scriptLabel(s));
    o.selected = s === state.script;
    select.append(o);
  }
  select.addEventListener('change', () => h.convert(select.value as 'original' | ScriptTarget));
  return el('div', { class: 'row script' }, button(label, 'script-toggle', () => h.convert(next)), select);
}

export function renderActions(state: PageState, defaultScript: ScriptTarget, h: PopupHandlers): HTMLElement {
  const a = state.analysis;
  const box = el('section', { class: 'actions', 'aria-label': t('popup_actions') });
  if (a.isArticle) box.append(el('div', { class: 'row' }, button(t('popup_open_reader'), 'open-reader', () => h.openReader(), 'btn primary')));
  box.append(renderScriptSwitch(state, defaultScript, h));
  if (a.isArticle && a.summary.length) {
    box.append(
      el(
        'div',
        { class: 'row' },
        button(t('popup_copy_text'), 'copy-text', () => h.copySummary('text')),
        button(t('popup_copy_markdown'), 'copy-markdown', () => h.copySummary('markdown')),
      ),
    );
  }
  const tools = el('div', { class: 'row' }, button(t('popup_pick'), 'pick', () => h.pick()));
  if (looksDefaced(a)) tools.append(button(t('popup_report'), 'report', () => h.report(), 'btn warn'));
  box.append(tools);
  return box;
}
