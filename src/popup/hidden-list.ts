// What Qingdu hid on the page: the counts, and an expandable list grouped by kind with a switch
// per kind and one to show everything (issue 3 §4). The switches reflect PageState.
import type { HideKind } from '../core/types';
import type { PageState } from '../platform/messages';
import { el } from './dom';
import { countHidden, groupHidden, type HiddenGroup } from './group';
import { t } from './i18n';
import type { PopupHandlers } from './model';

export const kindLabel = (kind: HideKind): string => t('popup_kind_' + kind.replace(/-/g, '_'));

export function countsText(state: PageState): string {
  const c = countHidden(state.analysis.hidden);
  if (c.spam === 0 && c.noise === 0) return t('popup_counts_none');
  return t('popup_counts', c.spam, c.noise);
}

export function switchInput(id: string, checked: boolean, disabled: boolean, onChange: (checked: boolean) => void, testid?: string): HTMLInputElement {
  const input = el('input', { type: 'checkbox', role: 'switch', id, class: 'switch', 'data-testid': testid });
  input.checked = checked;
  input.disabled = disabled;
  input.addEventListener('change', () => onChange(input.checked));
  return input;
}

function renderGroup(g: HiddenGroup, state: PageState, h: PopupHandlers): HTMLElement {
  const id = 'kind-' + g.kind;
  const hiding = !state.showAll && !state.revealedKinds.includes(g.kind);
  const head = el(
    'div',
    { class: 'group-head' },
    switchInput(id, hiding, state.showAll, (on) => h.setKindRevealed(g.kind, !on)),
    el('label', { for: id }, kindLabel(g.kind), ' ', el('span', { class: 'badge' }, String(g.items.length))),
  );
  const items = el('ul', { class: 'items' });
  for (const it of g.items) {
    items.append(
      el(
        'li',
        {},
        el('span', { class: 'snippet' }, it.firstWords || '—'),
        el('span', { class: 'reason' }, it.reason + (it.alreadyInvisible ? ' · ' + t('popup_already_invisible') : '')),
      ),
    );
  }
  return el('section', { class: 'group ' + g.category, 'data-kind': g.kind }, head, items);
}

export function renderHidden(state: PageState, h: PopupHandlers): HTMLElement {
  const wrap = el('section', { class: 'hidden' });
  wrap.append(el('p', { class: 'counts', 'data-testid': 'counts' }, countsText(state)));
  const groups = groupHidden(state.analysis.hidden);
  if (!groups.length) return wrap;
  const details = el('details', { class: 'hidden-list', 'data-testid': 'hidden-list' }, el('summary', {}, t('popup_hidden_list')));
  details.append(
    el(
      'div',
      { class: 'group-head show-all' },
      switchInput('show-all', state.showAll, false, (on) => h.showAll(on), 'show-all'),
      el('label', { for: 'show-all' }, t('popup_show_all')),
    ),
  );
  for (const g of groups) details.append(renderGroup(g, state, h));
  wrap.append(details);
  return wrap;
}
