// Per-site memory (issue 7 §5): the popup writes the same per-site settings the options page shows.
import type { ScriptTarget } from '../core/types';
import type { SiteSettings } from '../platform/settings-schema';
import { el } from './dom';
import { switchInput } from './hidden-list';
import { t } from './i18n';
import type { PopupHandlers } from './model';

export function renderSiteSwitches(host: string, site: SiteSettings, convertTarget: ScriptTarget, h: PopupHandlers): HTMLElement | null {
  if (!host) return null;
  const row = (id: string, checked: boolean, disabled: boolean, label: string, onChange: (on: boolean) => void) =>
    el('div', { class: 'group-head' }, switchInput(id, checked, disabled, onChange, id), el('label', { for: id }, label));
  const off = site.disabled === true;
  return el(
    'section',
    { class: 'site', 'aria-labelledby': 'site-h' },
    el('h2', { id: 'site-h', class: 'section-h' }, t('popup_site_heading', host)),
    row('site-clean', site.clean === true, off, t('popup_site_clean'), (on) => h.setSite({ clean: on })),
    // Off writes `convert: undefined`: settings.updateSite drops undefined fields.
    row('site-convert', site.convert !== undefined, off, t('popup_site_convert'), (on) => h.setSite({ convert: on ? convertTarget : undefined })),
    row('site-disabled', off, false, t('popup_site_disabled'), (on) => h.setSite({ disabled: on })),
  );
}
