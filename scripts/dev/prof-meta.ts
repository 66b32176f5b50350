// Dev tool: cost of each metadata reader, median over the labelled pages.
import { JSDOM } from 'jsdom';
import { createContext } from '../../src/core/page/context';
import { findTitle } from '../../src/core/page/title';
import { textLines } from '../../src/core/page/textlines';
import { jsonLd } from '../../src/core/page/metaread';
import { readDocInfo } from '../../src/core/page/docinfo';
import { DEFAULT_ANALYZE_SETTINGS } from '../../src/core/kinds';
import { pageIds, readPage, urlFor } from '../../test/helpers/corpus';
const now = () => performance.now();
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const t: Record<string, number[]> = { title: [], lines: [], ld: [], docinfo: [], scripts: [] };
for (const id of pageIds()) {
  const url = urlFor(id);
  const doc = new JSDOM(readPage(id), { url }).window.document;
  const best = (k: string, f: () => void) => { let m = Infinity; for (let i = 0; i < 3; i++) { const a = now(); f(); m = Math.min(m, now() - a); } t[k].push(m); };
  const ctx = () => createContext(doc, url, DEFAULT_ANALYZE_SETTINGS);
  best('title', () => findTitle(ctx(), { servedTitleIsSpam: false, ld: '' }));
  let text = '';
  best('lines', () => { text = textLines(ctx()).map((l) => l.text).join('\n'); });
  best('ld', () => jsonLd(doc));
  best('docinfo', () => readDocInfo(doc, text));
  best('scripts', () => { for (const s of Array.from(doc.getElementsByTagName('script'))) (s.textContent || '').match(/publish_?time/); });
}
for (const k of Object.keys(t)) console.log(k.padEnd(8), 'median', med(t[k]).toFixed(2), 'max', Math.max(...t[k]).toFixed(2));
