// The article and its summary as Markdown or plain text, for "copy" in the clean view and the
// popup. Pure: works on the fields Analysis and AnalysisJSON share. Page text is untrusted, so
// Markdown syntax in it is escaped and only http(s) links/images are emitted.
import type { ArticleBlock } from './types';

/** The fields both Analysis and AnalysisJSON carry that an export needs. */
export interface ExportSource {
  title: string;
  url: string;
  source: string;
  published: string;
  author: string;
  editor: string;
  docInfo: Record<string, string>;
  blocks: ArticleBlock[];
  summary: string[];
}

/** Labels written around the text; Chinese (simplified) by default, callers may pass localized ones. */
export interface ExportLabels {
  source: string;
  published: string;
  author: string;
  editor: string;
  link: string;
  summary: string;
  image: string;
}

export const DEFAULT_EXPORT_LABELS: ExportLabels = {
  source: '来源',
  published: '发布时间',
  author: '作者',
  editor: '编辑',
  link: '原文链接',
  summary: '摘要',
  image: '图片',
};

export interface ExportOptions {
  labels?: Partial<ExportLabels>;
}

const labelsOf = (o?: ExportOptions): ExportLabels => ({ ...DEFAULT_EXPORT_LABELS, ...(o?.labels ?? {}) });

/** Only web links survive an export: a javascript: or file: URL must never become clickable. */
export function isWebUrl(url: string): boolean {
  return /^https?:\/\/[^\s/?#]+/i.test(url.trim());
}

/** Escape characters that Markdown would read as syntax, inline. */
export function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, (c) => '\\' + c);
}

/** Escape inline syntax and what would start a block at the beginning of a line. */
export function escapeLine(text: string): string {
  return escapeInline(text)
    .replace(/^(\s*)([#+\-=])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** A URL safe inside <...> link destinations: no spaces, angle brackets or line breaks. */
const mdUrl = (url: string): string => url.trim().replace(/[\s<>]/g, (c) => encodeURIComponent(c));

const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();

function metaParts(a: ExportSource, l: ExportLabels): string[] {
  const parts: string[] = [];
  if (a.source) parts.push(`${l.source}：${oneLine(a.source)}`);
  if (a.published) parts.push(`${l.published}：${oneLine(a.published)}`);
  if (a.author) parts.push(`${l.author}：${oneLine(a.author)}`);
  if (a.editor) parts.push(`${l.editor}：${oneLine(a.editor)}`);
  return parts;
}

function mdTable(rows: string[][]): string {
  const width = Math.max(0, ...rows.map((r) => r.length));
  if (!width) return '';
  const cell = (s: string | undefined) => escapeInline(oneLine(s ?? '')) || ' ';
  const line = (r: string[]) => '| ' + Array.from({ length: width }, (_, i) => cell(r[i])).join(' | ') + ' |';
  const [head, ...rest] = rows;
  return [line(head), '| ' + Array.from({ length: width }, () => '---').join(' | ') + ' |', ...rest.map(line)].join('\n');
}

function mdBlock(b: ArticleBlock, l: ExportLabels): string {
  switch (b.type) {
    case 'heading':
      return '#'.repeat(Math.min(6, Math.max(2, b.level + 1))) + ' ' + escapeInline(oneLine(b.text));
    case 'paragraph':
      return escapeLine(oneLine(b.text));
    case 'quote':
      return '> ' + escapeInline(oneLine(b.text));
    case 'list':
      return b.items.map((it, i) => (b.ordered ? `${i + 1}. ` : '- ') + escapeInline(oneLine(it))).join('\n');
    case 'table':
      return mdTable(b.rows);
    case 'image': {
      const alt = escapeInline(oneLine(b.alt || b.caption || l.image));
      const img = isWebUrl(b.src) ? `![${alt}](<${mdUrl(b.src)}>)` : `[${l.image}：${alt}]`;
      return b.caption ? img + '\n\n*' + escapeInline(oneLine(b.caption)) + '*' : img;
    }
  }
}

const linkLine = (a: ExportSource, l: ExportLabels): string =>
  isWebUrl(a.url) ? `${l.link}：<${mdUrl(a.url)}>` : a.url ? `${l.link}：${escapeInline(oneLine(a.url))}` : '';

export function articleToMarkdown(a: ExportSource, o?: ExportOptions): string {
  const l = labelsOf(o);
  const out: string[] = [];
  if (a.title) out.push('# ' + escapeInline(oneLine(a.title)));
  const meta = metaParts(a, l).map(escapeInline);
  if (meta.length) out.push(meta.join(' · '));
  const info = Object.entries(a.docInfo || {}).filter(([k, v]) => k && v);
  if (info.length) out.push(mdTable(info.map(([k, v]) => [k, v])));
  for (const b of a.blocks) {
    const s = mdBlock(b, l);
    if (s.trim()) out.push(s);
  }
  const link = linkLine(a, l);
  if (link) out.push('---', link);
  return out.join('\n\n') + '\n';
}

function textBlock(b: ArticleBlock, l: ExportLabels): string {
  switch (b.type) {
    case 'heading':
    case 'paragraph':
    case 'quote':
      return oneLine(b.text);
    case 'list':
      return b.items.map((it, i) => (b.ordered ? `${i + 1}. ` : '• ') + oneLine(it)).join('\n');
    case 'table':
      return b.rows.map((r) => r.map(oneLine).join('\t')).join('\n');
    case 'image':
      return b.caption ? oneLine(b.caption) : b.alt ? `[${l.image}：${oneLine(b.alt)}]` : '';
  }
}

export function articleToText(a: ExportSource, o?: ExportOptions): string {
  const l = labelsOf(o);
  const out: string[] = [];
  if (a.title) out.push(oneLine(a.title));
  const meta = metaParts(a, l);
  if (meta.length) out.push(meta.join(' · '));
  const info = Object.entries(a.docInfo || {}).filter(([k, v]) => k && v);
  if (info.length) out.push(info.map(([k, v]) => `${oneLine(k)}：${oneLine(v)}`).join('\n'));
  for (const b of a.blocks) {
    const s = textBlock(b, l);
    if (s.trim()) out.push(s);
  }
  if (a.url) out.push(`${l.link}：${a.url.trim()}`);
  return out.join('\n\n') + '\n';
}

export function summaryToMarkdown(a: ExportSource, o?: ExportOptions): string {
  const l = labelsOf(o);
  const out: string[] = [];
  if (a.title) out.push('# ' + escapeInline(oneLine(a.title)));
  const meta = metaParts(a, l).map(escapeInline);
  if (meta.length) out.push(meta.join(' · '));
  if (a.summary.length) out.push(`**${escapeInline(l.summary)}**`, a.summary.map((s) => '- ' + escapeInline(oneLine(s))).join('\n'));
  const link = linkLine(a, l);
  if (link) out.push(link);
  return out.join('\n\n') + '\n';
}

export function summaryToText(a: ExportSource, o?: ExportOptions): string {
  const l = labelsOf(o);
  const out: string[] = [];
  if (a.title) out.push(oneLine(a.title));
  const meta = metaParts(a, l);
  if (meta.length) out.push(meta.join(' · '));
  if (a.summary.length) out.push(`${l.summary}：\n` + a.summary.map((s) => '• ' + oneLine(s)).join('\n'));
  if (a.url) out.push(`${l.link}：${a.url.trim()}`);
  return out.join('\n\n') + '\n';
}
