// Renders the whole popup from its model. Re-rendering replaces the card; what the user was doing
// (which list was open, which control had focus) is carried over so keyboard use is not lost.
import { renderActions } from './actions';
import { renderHeader, renderSummary, renderWarnings } from './card';
import { el } from './dom';
import { renderHidden } from './hidden-list';
import { t } from './i18n';
import type { PopupHandlers, PopupModel } from './model';
import { cycleTarget } from './script-choice';
import { renderSiteSwitches } from './site-switches';

export function buildPopup(model: PopupModel, h: PopupHandlers): HTMLElement[] {
  const { phase } = model;
  const convertTarget = cycleTarget(phase.kind === 'ready' ? phase.state.analysis.script : 'simplified', model.defaultScript);
  const site = renderSiteSwitches(model.host, model.site, convertTarget, h);
  const message = (key: string, testid: string, extra?: string) =>
    el('p', { class: 'message ' + testid, 'data-testid': testid }, t(key), extra ? el('span', { class: 'detail' }, ' ' + extra) : null);
  switch (phase.kind) {
    case 'loading':
      return [message('popup_loading', 'loading')];
    case 'restricted':
      return [message('popup_restricted', 'restricted')];
    case 'disabled':
      return [message('popup_disabled_here', 'disabled'), ...(site ? [site] : [])];
    case 'error':
      return [message('popup_no_response', 'error'), ...(site ? [site] : [])];
    case 'ready': {
      const a = phase.state.analysis;
      const card = el('article', { class: 'card', 'data-testid': 'card' }, renderHeader(a), ...renderWarnings(a, h), renderSummary(a));
      return [card, renderHidden(phase.state, h), renderActions(phase.state, model.defaultScript, h), ...(site ? [site] : [])];
    }
  }
}

export function renderPopup(root: HTMLElement, model: PopupModel, h: PopupHandlers): void {
  const wasOpen = root.querySelector('details.hidden-list')?.hasAttribute('open') ?? false;
  // Ids and test ids are the popup's own constants (never page text), so they are safe in selectors.
  const active = root.contains(document.activeElement) ? (document.activeElement as HTMLElement) : null;
  const selector = active?.id ? `#${active.id}` : active?.dataset.testid ? `[data-testid="${active.dataset.testid}"]` : '';
  root.replaceChildren(...buildPopup(model, h));
  if (wasOpen) root.querySelector('details.hidden-list')?.setAttribute('open', '');
  if (selector) root.querySelector<HTMLElement>(selector)?.focus();
}

/** The aria-live status line ("copied", errors); it lives outside the re-rendered root. */
export function setStatus(statusEl: HTMLElement, text: string, kind: 'ok' | 'error' = 'ok'): void {
  statusEl.textContent = text;
  statusEl.dataset.kind = kind;
}
