// The page's details: date, source, author, editor, site and 信息公开 fields. Only the popup,
// the clean view and exports show them, so the content script reads them on demand (its lazy
// part `details`); analyze() reads them with the title (meta.ts). They are read from the facts
// the title reader gathered (the page's text lines, JSON-LD, the title found), never from a
// context: the page's context may be long gone when the popup asks.
// The visible page is preferred over machine data for the date (it says whether a time is
// shown); gov meta tags are preferred for the source (the CMS states them).
import type { Analysis, SiteInfo } from '../types';
import { metaContent, ldString, elementsNamed } from './metaread';
import type { TextLine } from './textlines';
import { machineDate, parseDate, yearFromUrl } from './dates';
import { findAuthor, findEditor, followedSource, labelledSource, unlabelledSource } from './byline';
import { readDocInfo } from './docinfo';

/** What the title reader found on the page, all the details need (see readTitle in meta.ts). */
export interface MetaDraft {
  doc: Document;
  url: string;
  /** The title as the title reader found it (before the pipeline's spam-title fallbacks). */
  title: string;
  lines: TextLine[];
  ld: Record<string, unknown>[];
}

/** The Analysis fields this module fills. */
export type PageDetails = Pick<Analysis, 'published' | 'source' | 'author' | 'editor' | 'site' | 'docInfo'>;

const EMPTY_SITE: SiteInfo = { name: '', domain: '', column: '' };
/** Details of a page that has none (or that have not been read yet). */
export const noDetails = (): PageDetails => ({ published: '', source: '', author: '', editor: '', site: EMPTY_SITE, docInfo: {} });
const squeeze = (s: string): string => s.normalize('NFKC').replace(/[\s\p{P}\p{S}]+/gu, '');

const META_DATES = ['PubDate', 'pubdate', 'publishdate', 'firstpublishedtime', 'article:published_time', 'og:release_date', 'datePublished', 'ptime', 'apub:time', 'dateUpdate', 'weibo:article:create_at', 'publish_time', 'Maketime'];
const DATE_LABEL = /(发布时间|发布日期|发表时间|发表日期|发表于|发稿时间|发文日期|上传时间|更新时间|时间|日期)\s*[：:]?\s*/g;
const SCRIPT_DATE = /["']?(?:publish_?time|pubtime|pubDate|publishDate|datePublished|ptime)["']?\s*[:=]\s*["']([^"']{8,30})["']/;

/** Where the headline sits among the lines: the first short line that is the title. */
function titleLine(lines: TextLine[], title: string): number {
  const t = squeeze(title);
  if (!t) return -1;
  for (let i = 0; i < lines.length; i++) {
    const s = squeeze(lines[i].text);
    if (s.length >= t.length && s.length <= t.length + 12 && s.includes(t)) return i;
  }
  return -1;
}

interface DateHit {
  date: string;
  line: number;
  index: number;
  length: number;
  /** The text the date was read from, when it spans several lines. */
  text?: string;
}

function labelledDate(lines: TextLine[], from: number, to: number, year: number): DateHit | null {
  for (let i = Math.max(0, from); i < Math.min(lines.length, to); i++) {
    const text = lines[i].text;
    if (text.length > 300) continue;
    DATE_LABEL.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = DATE_LABEL.exec(text))) {
      const start = m.index + m[0].length;
      let rest = text.slice(start, start + 40);
      let line = i;
      if (!rest.trim() && i + 1 < lines.length) {
        rest = lines[i + 1].text.slice(0, 40);
        line = i + 1;
      }
      const d = parseDate(rest, year);
      if (d && d.index <= 2) return { date: d.date, line, index: line === i ? start + d.index : d.index, length: 10 };
    }
  }
  return null;
}

function plainDate(lines: TextLine[], from: number, to: number, year: number): DateHit | null {
  for (let i = Math.max(0, from); i < Math.min(lines.length, to); i++) {
    let text = lines[i].text;
    if (text.length > 160) continue;
    // A date spread over small elements ("2019" / "09/07" / "19:02") reads as one line.
    for (let j = i + 1; j < Math.min(lines.length, i + 5) && text.length <= 40 && lines[j].text.length <= 16; j++) text += ' ' + lines[j].text;
    const d = parseDate(text, year);
    if (d) {
      const m = text.slice(d.index).match(/^[\d\s年月日/.:：T-]+/);
      return { date: d.date, line: i, index: d.index, length: m ? m[0].trimEnd().length : 10, text };
    }
  }
  return null;
}

function machinePublished(doc: Document, ld: Record<string, unknown>[]): string {
  for (const n of META_DATES) {
    const v = metaContent(doc, n);
    const d = v && machineDate(v, false);
    if (d) return d;
  }
  const l = ldString(ld, 'datePublished', 'pubDate', 'dateCreated', 'upDate');
  if (l && machineDate(l, false)) return machineDate(l, false);
  // = doc.querySelector('time[datetime]') without compiling the selector (a jsdom cost per document).
  const time = elementsNamed(doc, 'time').find((t) => t.hasAttribute('datetime'));
  if (time && machineDate(time.getAttribute('datetime') || '', false)) return machineDate(time.getAttribute('datetime') || '', false);
  for (const el of elementsNamed(doc, 'script')) {
    // s.src / s.type without the URL parse: src is non-empty exactly when the attribute is present.
    const s = el as HTMLScriptElement;
    const html = s.namespaceURI === 'http://www.w3.org/1999/xhtml';
    const src = html ? s.hasAttribute('src') : s.src;
    const type = html ? s.getAttribute('type') || '' : s.type;
    if (src || (type && !/javascript|^$/i.test(type))) continue;
    const m = (s.textContent || '').match(SCRIPT_DATE);
    if (m && machineDate(m[1], false)) return machineDate(m[1], false);
  }
  return '';
}

export function readDetails(draft: MetaDraft): PageDetails {
  const { doc, lines, ld, title } = draft;
  try {
    const tIdx = titleLine(lines, title);
    const near = tIdx >= 0 ? tIdx : 0;
    const machine = machinePublished(doc, ld);
    const year = machine ? +machine.slice(0, 4) : yearFromUrl(draft.url);

    // Date: the metadata line under the headline, then a labelled date anywhere, then machine data.
    const hit =
      labelledDate(lines, near, near + 12, year) ||
      (tIdx >= 0 ? plainDate(lines, tIdx + 1, tIdx + 6, year) : null) ||
      labelledDate(lines, 0, lines.length, year);
    let published = hit ? hit.date : machine;

    // Source: gov meta, the metadata line, a name beside the date, an account name beside a follow
    // button under the headline, then a labelled line anywhere.
    let source = metaContent(doc, 'ContentSource', 'source', 'og:article:source');
    if (!source) source = labelledSource(lines, near - 1, near + 10);
    if (!source && hit && hit.line >= near && hit.line <= near + 6) source = unlabelledSource(hit.text ?? lines[hit.line].text, hit.index, hit.length);
    if (!source && tIdx >= 0) source = followedSource(lines, tIdx + 1, tIdx + 3);
    if (!source) source = labelledSource(lines, 0, lines.length);
    source = source.replace(/\s*(作者|编辑|责任编辑|记者)\s*[：:].*$/u, '').trim();

    const bodyStart = lines.slice(near + 1, near + 12).map((l) => l.text).join('\n');
    const author = findAuthor(lines, near, near + 8, bodyStart);
    const editor = findEditor(lines);
    const pageText = lines.map((l) => l.text).join('\n');
    const docInfo = readDocInfo(doc, pageText);
    if (!published && docInfo['发布日期']) published = machineDate(docInfo['发布日期'], true);

    return {
      published,
      source,
      author,
      editor,
      site: {
        name: metaContent(doc, 'SiteName', 'og:site_name'),
        domain: metaContent(doc, 'SiteDomain'),
        column: metaContent(doc, 'ColumnName', 'lanmu'),
      },
      docInfo,
    };
  } catch {
    return noDetails();
  }
}
