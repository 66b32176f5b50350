// Access to ../shared/corpus by path (never copied into the repo) and jsdom parsing.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { JSDOM } from 'jsdom';

export const CORPUS = resolve(__dirname, '../../../shared/corpus');
export const hasCorpus = existsSync(CORPUS);

export interface Label {
  id: string;
  url?: string;
  kind: 'gov' | 'news' | 'other';
  title: string;
  published: string;
  source_name: string;
  author: string;
  editor: string;
  body_selectors: string[];
  body_exclude_selectors: string[];
  noise: { kind: string; selector: string }[];
  notes?: string;
}

export interface Truth {
  id: string;
  base: string;
  technique: string;
  realTitle: string;
  realTitleSimplified?: string;
  pageTitle: string;
  titleHijacked: boolean;
  published: string;
  source_name: string;
  bodyExpected: string;
  mustHide: string[];
  mustNotExtract: string[];
  noise: { kind: string; selector?: string; text?: string }[];
  cloneOf?: string | null;
  servedUrl?: string;
  repairs?: unknown[];
  inlineSpam?: string;
  [k: string]: unknown;
}

export const pageIds = (): string[] =>
  readdirSync(join(CORPUS, 'pages')).filter((f) => f.endsWith('.html')).map((f) => f.slice(0, -5)).sort();

export const injectedIds = (): string[] =>
  readdirSync(join(CORPUS, 'injected')).filter((f) => f.endsWith('.html')).map((f) => f.slice(0, -5)).sort();

export const seedIds = (): string[] =>
  readdirSync(join(CORPUS, 'seeds')).filter((f) => f.endsWith('.html')).map((f) => f.slice(0, -5)).sort();

export const readPage = (id: string): string => readFileSync(join(CORPUS, 'pages', id + '.html'), 'utf8');
export const readLabel = (id: string): Label => JSON.parse(readFileSync(join(CORPUS, 'labels', id + '.json'), 'utf8'));
export const readExpectedBody = (id: string): string => readFileSync(join(CORPUS, 'expected', id + '.body.txt'), 'utf8');
export const readExpectedNoise = (id: string): { kind: string; selector: string; text: string }[] =>
  JSON.parse(readFileSync(join(CORPUS, 'expected', id + '.noise.json'), 'utf8'));

/** An injected variant or a seed: its HTML and truth. `dir` is 'injected' or 'seeds'. */
export function readVariant(dir: 'injected' | 'seeds', id: string): { html: string; truth: Truth } {
  return {
    html: readFileSync(join(CORPUS, dir, id + '.html'), 'utf8'),
    truth: JSON.parse(readFileSync(join(CORPUS, dir, id + '.truth.json'), 'utf8')),
  };
}

/** The URL a page is served at: the truth's servedUrl (mirrors), the label's url, or a stand-in. */
export function urlFor(id: string, truth?: Truth): string {
  if (truth?.servedUrl) return truth.servedUrl;
  const base = truth?.base ?? id;
  try {
    const l = readLabel(base);
    if (l.url) return l.url;
  } catch {
    /* seeds have no label */
  }
  return `http://example.com/${base}.html`;
}

export function parse(html: string, url: string): Document {
  return new JSDOM(html, { url }).window.document;
}

/**
 * The first `perDir` real pages and the first `perDir` seeds, each parsed on first use with a
 * made-up URL: the sample the unit tests' "agrees with the plain DOM reading" loops run over.
 */
export function* corpusSample(perDir: number): Generator<{ name: string; url: string; doc: Document }> {
  for (const dir of ['pages', 'seeds']) {
    for (const name of readdirSync(join(CORPUS, dir)).filter((f) => f.endsWith('.html')).slice(0, perDir)) {
      const url = `http://example.com/${name}`;
      yield { name, url, doc: parse(readFileSync(join(CORPUS, dir, name), 'utf8'), url) };
    }
  }
}

/** Same squeeze as ../shared/corpus/tools/score.mjs: no whitespace, punctuation or symbols. */
export const squeeze = (s: string): string => (s || '').normalize('NFKC').replace(/[\s\p{P}\p{S}]+/gu, '');

/** Bag-of-units F1, as ../shared/corpus/tools/score.mjs defines it. */
export function units(text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const u of text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{N}]+/gu) || []) m.set(u, (m.get(u) || 0) + 1);
  return m;
}
export function score(got: string, want: string): { precision: number; recall: number; f1: number } {
  const g = units(got), w = units(want);
  let inter = 0, ng = 0, nw = 0;
  for (const [u, c] of g) { ng += c; inter += Math.min(c, w.get(u) || 0); }
  for (const c of w.values()) nw += c;
  const precision = ng ? inter / ng : nw ? 0 : 1;
  const recall = nw ? inter / nw : 1;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}
