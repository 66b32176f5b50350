// Per-site list: search, add, and the four switches per site. A site outside gov.cn needs the
// browser's permission before Qingdu may run there by itself: asked for at the click that needs it.
import { browser } from '../platform/browser';
import { SCRIPT_TARGETS, type ScriptTarget } from '../core/types';
import type { SiteSettings } from '../platform/settings-schema';
import { patchSite } from '../platform/settings-store';
import { normalizeHost } from '../platform/settings-validate';
import type { OptionsContext } from './context';
import { byId, h } from './dom';

/** Hosts the manifest already covers: no extra permission needed. */
export function coveredByManifest(host: string): boolean {
  const bare = host.replace(/^\*\./, '');
  return bare === 'gov.cn' || bare.endsWith('.gov.cn');
}

export function originFor(host: string): string {
  return `*://${host}/*`;
}

/** Asks for the host permission. Must be the first await in a click/submit handler (user gesture). */
export async function requestHost(host: string): Promise<boolean> {
  if (coveredByManifest(host)) return true;
  try {
    return await browser.permissions.request({ origins: [originFor(host)] });
  } catch {
    return false;
  }
}

export function filterHosts(hosts: string[], query: string): string[] {
  const q = query.trim().toLowerCase();
  const sorted = [...hosts].sort((a, b) => a.replace(/^\*\./, '').localeCompare(b.replace(/^\*\./, '')));
  return q ? sorted.filter((x) => x.includes(q)) : sorted;
}

export function initSites(ctx: OptionsContext): { render(): void } {
  const { t } = ctx;
  const rows = byId<HTMLTableSectionElement>('site-rows');
  const search = byId<HTMLInputElement>('site-search');
  const empty = byId('site-empty');
  const table = byId('site-table');
  const form = byId<HTMLFormElement>('site-add');
  const input = byId<HTMLInputElement>('site-add-input');
  const error = byId('site-add-error');

  const setSite = (host: string, patch: Partial<SiteSettings>) => ctx.commit((s) => patchSite(s, host, patch));

  function row(host: string, site: SiteSettings): HTMLTableRowElement {
    const label = (key: string) => `${t(key)} — ${host}`;
    const check = (key: 'clean' | 'reader' | 'disabled', msg: string) => {
      const box = h('input', { type: 'checkbox', checked: !!site[key], 'aria-label': label(msg), 'data-testid': `site-${key}` });
      box.addEventListener('change', async () => {
        const on = box.checked;
        if (on && key === 'clean' && !(await requestHost(host))) {
          box.checked = false;
          ctx.status(t('options_site_permission_denied', [host]));
          return;
        }
        await setSite(host, { [key]: on });
      });
      return h('td', {}, box);
    };
    const convert = h('select', { 'aria-label': label('options_site_convert'), 'data-testid': 'site-convert' });
    convert.append(h('option', { value: '', text: t('options_site_convert_off') }));
    for (const target of SCRIPT_TARGETS) convert.append(h('option', { value: target, text: t(`options_script_${target}`) }));
    convert.value = site.convert ?? '';
    convert.addEventListener('change', () => void setSite(host, { convert: (convert.value || undefined) as ScriptTarget | undefined }));
    const remove = h('button', { type: 'button', class: 'link', text: t('options_site_remove'), 'aria-label': label('options_site_remove') });
    remove.addEventListener('click', () => {
      const before = ctx.get().sites[host];
      void ctx.commit((s) => {
        const sites = { ...s.sites };
        delete sites[host];
        return { ...s, sites };
      });
      ctx.status(t('options_site_removed', [host]), { label: t('options_undo'), run: () => void ctx.commit((s) => ({ ...s, sites: { ...s.sites, [host]: before } })) });
    });
    return h('tr', { 'data-host': host }, h('th', { scope: 'row', text: host }), check('clean', 'options_site_clean'), h('td', {}, convert), check('reader', 'options_site_reader'), check('disabled', 'options_site_disabled'), h('td', {}, remove));
  }

  function render(): void {
    const sites = ctx.get().sites;
    const all = Object.keys(sites);
    const shown = filterHosts(all, search.value);
    // Keep focus where it was when a change elsewhere re-renders the table.
    const focused = document.activeElement;
    const focusHost = focused && rows.contains(focused) ? focused.closest('tr')?.getAttribute('data-host') : null;
    const focusTestId = focused?.getAttribute('data-testid');
    rows.replaceChildren(...shown.map((host) => row(host, sites[host])));
    if (focusHost) rows.querySelector<HTMLElement>(`tr[data-host="${CSS.escape(focusHost)}"] [data-testid="${focusTestId}"]`)?.focus();
    table.hidden = shown.length === 0;
    empty.hidden = shown.length > 0;
    empty.textContent = all.length ? t('options_site_nomatch') : t('options_site_empty');
  }

  search.addEventListener('input', render);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.textContent = '';
    const host = normalizeHost(input.value);
    if (!host) {
      error.textContent = t('options_site_invalid', [input.value.trim()]);
      input.setAttribute('aria-invalid', 'true');
      return;
    }
    input.removeAttribute('aria-invalid');
    if (!ctx.get().sites[host]) {
      const granted = await requestHost(host);
      if (!granted) ctx.status(t('options_site_permission_denied', [host]));
      await setSite(host, { clean: granted });
    }
    input.value = '';
    search.value = '';
    render();
    rows.querySelector<HTMLElement>(`tr[data-host="${CSS.escape(host)}"] input`)?.focus();
  });
  return { render };
}
