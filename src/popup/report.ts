// The "report a defaced page" text (issue 3 §5): short plain text a reader pastes into the
// national 我为政府网站找错 platform. Pure: analysis + time in, text out, so it is tested exactly.
import type { AnalysisJSON } from '../core/serialize';
import { firstWords } from './group';
import { t as defaultT } from './i18n';

/** The national platform for reporting errors on government websites. */
export const REPORT_URL = 'https://zfwzzc.www.gov.cn/';
export const MAX_SAMPLES = 5;
const SAMPLE_CHARS = 60;

type Translate = (key: string, ...subs: Array<string | number>) => string;

/** Evidence that the page was tampered with: only then does the popup offer the report. */
export function looksDefaced(a: AnalysisJSON): boolean {
  return a.titleHijacked || a.clone !== null || a.parasite || a.hidden.some((h) => h.category === 'spam');
}

/** Up to MAX_SAMPLES distinct spam texts, visible blocks first (what the reader actually saw). */
export function spamSamples(a: AnalysisJSON, max = MAX_SAMPLES): string[] {
  const spam = a.hidden.filter((h) => h.category === 'spam' && h.text.trim());
  const ordered = [...spam.filter((h) => !h.alreadyInvisible), ...spam.filter((h) => h.alreadyInvisible)];
  const out: string[] = [];
  for (const h of ordered) {
    const s = firstWords(h.text, SAMPLE_CHARS);
    if (!out.includes(s)) out.push(s);
    if (out.length === max) break;
  }
  return out;
}

/** "2024-05-01 09:03 (UTC+08:00)" in the reader's local time, stated so the site owner can convert it. */
export function formatReportTime(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const off = -now.getTimezoneOffset();
  const sign = off >= 0 ? '+' : '-';
  const abs = Math.abs(off);
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())} ${p(now.getHours())}:${p(now.getMinutes())} (UTC${sign}${p(Math.floor(abs / 60))}:${p(abs % 60)})`;
}

export function buildReport(a: AnalysisJSON, now: Date, t: Translate = defaultT): string {
  const lines: string[] = [t('popup_report_heading'), t('popup_report_url', a.url), t('popup_report_time', formatReportTime(now))];
  if (a.titleHijacked) {
    lines.push(t('popup_report_hijacked', a.servedTitle));
    if (a.title) lines.push(t('popup_report_real_title', a.title));
  } else if (a.title) {
    lines.push(t('popup_report_title', a.title));
  }
  const samples = spamSamples(a);
  const total = a.hidden.filter((h) => h.category === 'spam').length;
  if (samples.length) {
    lines.push(t('popup_report_samples', total));
    samples.forEach((s, i) => lines.push(`${i + 1}. ${s}`));
  }
  if (a.clone) lines.push(t('popup_report_clone', a.clone.original + (a.clone.originalUrl ? ` (${a.clone.originalUrl})` : '')));
  else lines.push(t('popup_report_no_clone'));
  if (a.parasite) lines.push(t('popup_report_parasite'));
  lines.push(t('popup_report_footer'));
  return lines.join('\n');
}
