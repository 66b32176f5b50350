// Dev tool: where extraction time goes, per stage, over the labelled pages.
import { JSDOM } from 'jsdom';
import { Readability } from '@mozilla/readability';
import { createContext } from '../../src/core/page/context';
import { readMeta } from '../../src/core/page/meta';
import { collectStats } from '../../src/core/extract/stats';
import { extractArticle } from '../../src/core/extract/index';
import { summarize } from '../../src/core/summary/index';
import { DEFAULT_ANALYZE_SETTINGS } from '../../src/core/kinds';
import { pageIds, readPage, urlFor } from '../../test/helpers/corpus';
const now = () => performance.now();
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const t: Record<string, number[]> = { walk: [], stats: [], meta: [], extract: [], summary: [], ours: [], readability: [], ratio: [] };
for (const id of pageIds()) {
  const url = urlFor(id);
  const doc = new JSDOM(readPage(id), { url }).window.document;
  // Each stage 5 times on a fresh context; the minimum is the cost without machine noise.
  const best = (k: string, f: () => void) => { let m = Infinity; for (let i = 0; i < 5; i++) { const a = now(); f(); m = Math.min(m, now() - a); } t[k].push(m); };
  const parts: string[] = [];
  const w = (n: Node) => { for (let c = n.firstChild; c; c = c.nextSibling) { if (c.nodeType === 3) parts.push((c as Text).data); else if (c.nodeType === 1) w(c); } };
  best('walk', () => w(doc.body));
  const fresh = () => createContext(doc, url, DEFAULT_ANALYZE_SETTINGS);
  best('stats', () => collectStats(fresh(), doc.body));
  let title = '';
  best('meta', () => { title = readMeta(fresh(), { servedTitleIsSpam: false }).title; });
  let body = '';
  best('extract', () => { body = extractArticle(fresh(), title).body; });
  best('summary', () => summarize(body, title));
  const n = t.summary.length - 1;
  t.ours.push(t.meta[n] + t.extract[n] + t.summary[n]);
  let r = Infinity;
  for (let i = 0; i < 3; i++) { const d = new JSDOM(readPage(id), { url }).window.document; const a = now(); new Readability(d).parse(); r = Math.min(r, now() - a); }
  t.readability.push(r);
  t.ratio.push(t.ours[n] / r);
}
for (const k of Object.keys(t)) console.log(k.padEnd(12), 'median', med(t[k]).toFixed(3), 'max', Math.max(...t[k]).toFixed(2));
