// The top of the popup: what the page is (title, source · date · column, document number,
// reading time), its warnings, and its summary. All page text goes in as text nodes.
import type { AnalysisJSON } from '../core/serialize';
import { el, safeHttpUrl } from './dom';
import { t } from './i18n';
import type { PopupHandlers } from './model';

/** 信息公开 fields worth showing in a glance, in this order. */
const DOC_FIELDS: Array<[field: string, key: string]> = [
  ['发文字号', 'popup_doc_number'],
  ['索引号', 'popup_index_number'],
];

export function metaLine(a: AnalysisJSON): string {
  return [a.source || a.site.name, a.published, a.site.column].filter((s) => s && s.trim()).join(' · ');
}

export function renderHeader(a: AnalysisJSON): HTMLElement {
  const head = el('header', { class: 'card-head' });
  head.append(el('h1', { class: 'title', 'data-testid': 'title' }, a.title || a.servedTitle || t('popup_untitled')));
  const meta = metaLine(a);
  if (meta) head.append(el('p', { class: 'meta', 'data-testid': 'meta' }, meta));
  const doc = DOC_FIELDS.filter(([f]) => a.docInfo[f]);
  if (doc.length) {
    const dl = el('dl', { class: 'docinfo', 'data-testid': 'docinfo' });
    for (const [f, key] of doc) dl.append(el('dt', {}, t(key)), el('dd', {}, a.docInfo[f]));
    head.append(dl);
  }
  if (a.isArticle && a.stats.chars > 0) {
    head.append(el('p', { class: 'stats', 'data-testid': 'stats' }, t('popup_stats', Math.max(1, a.stats.readingMinutes), a.stats.chars.toLocaleString())));
  }
  return head;
}

export function renderWarnings(a: AnalysisJSON, h: PopupHandlers): HTMLElement[] {
  const out: HTMLElement[] = [];
  if (a.clone) {
    const w = el('div', { class: 'warning', role: 'note', 'data-testid': 'warning', 'data-warning': 'clone' }, t('popup_clone', a.clone.original));
    const href = safeHttpUrl(a.clone.originalUrl) ?? safeHttpUrl('https://' + a.clone.original + '/');
    if (href) {
      const link = el('a', { href, class: 'warning-link' }, t('popup_open_original'));
      // Popup links must open a tab explicitly; a plain navigation would replace the popup.
      link.addEventListener('click', (e) => {
        e.preventDefault();
        h.openUrl(href);
      });
      w.append(' ', link);
    }
    out.push(w);
  }
  if (a.parasite) out.push(el('div', { class: 'warning', role: 'note', 'data-testid': 'warning', 'data-warning': 'parasite' }, t('popup_parasite')));
  if (a.titleHijacked) {
    out.push(el('div', { class: 'warning', role: 'note', 'data-testid': 'warning', 'data-warning': 'title' }, t('popup_title_hijacked', a.servedTitle)));
  }
  return out;
}

export function renderSummary(a: AnalysisJSON): HTMLElement {
  if (!a.isArticle) return el('p', { class: 'no-article', 'data-testid': 'no-article' }, t('popup_no_article'));
  if (!a.summary.length) return el('p', { class: 'no-article', 'data-testid': 'no-summary' }, t('popup_no_summary'));
  const section = el('section', { class: 'summary', 'aria-labelledby': 'summary-h' }, el('h2', { id: 'summary-h', class: 'section-h' }, t('popup_summary_heading')));
  const list = el('ol', { 'data-testid': 'summary' });
  for (const s of a.summary) list.append(el('li', {}, s));
  section.append(list);
  return section;
}
