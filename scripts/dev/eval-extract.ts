// Dev tool: extraction + metadata quality and speed over the labelled corpus, beside Readability.
// Run: scripts/dev/run-eval.sh [--readability] [--analyze] [--injected] [-v] [id...]
import { JSDOM } from 'jsdom';
import { Readability } from '@mozilla/readability';
import { createContext } from '../../src/core/page/context';
import { readMeta } from '../../src/core/page/meta';
import { extractArticle } from '../../src/core/extract/index';
import { summarize } from '../../src/core/summary/index';
import { analyze } from '../../src/core/analyze';
import { DEFAULT_ANALYZE_SETTINGS } from '../../src/core/kinds';
import { pageIds, readPage, readLabel, readExpectedBody, urlFor, score, injectedIds, readVariant } from '../../test/helpers/corpus';

const args = process.argv.slice(2);
const withRead = args.includes('--readability');
const withAnalyze = args.includes('--analyze');
const withInjected = args.includes('--injected');
const verbose = args.includes('-v');
const only = args.filter((a) => !a.startsWith('-'));
const now = () => performance.now();
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)] : 0; };
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

let f1s: number[] = [], rf1s: number[] = [], titleOk = 0, dateOk = 0, dateN = 0, srcOk = 0, srcN = 0;
const ratios: number[] = [], extractMs: number[] = [], readMs: number[] = [], anMs: number[] = [];
for (const id of pageIds()) {
  if (only.length && !only.includes(id)) continue;
  const html = readPage(id);
  const label = readLabel(id);
  const url = urlFor(id);
  const want = readExpectedBody(id);
  const doc = new JSDOM(html, { url }).window.document;
  const t0 = now();
  const ctx = createContext(doc, url, DEFAULT_ANALYZE_SETTINGS);
  const meta = readMeta(ctx, { servedTitleIsSpam: false });
  const art = extractArticle(ctx, meta.title);
  const sum = summarize(art.body, meta.title);
  const t1 = now();
  extractMs.push(t1 - t0);
  const f1 = score(art.body, want).f1;
  const p = score(art.body, want);
  f1s.push(f1);
  const tOk = norm(meta.title) === norm(label.title);
  const dOk = meta.published === label.published;
  const sOk = meta.source === label.source_name;
  titleOk += +tOk;
  if (label.published) { dateN++; dateOk += +dOk; }
  if (label.source_name) { srcN++; srcOk += +sOk; }
  let rf1 = NaN;
  if (withRead) {
    const d2 = new JSDOM(html, { url }).window.document;
    const r0 = now();
    const r = new Readability(d2).parse();
    const r1 = now();
    readMs.push(r1 - r0);
    rf1 = score(r?.textContent || '', want).f1;
    rf1s.push(rf1);
    if (withAnalyze) {
      const d3 = new JSDOM(html, { url }).window.document;
      const a0 = now();
      analyze(d3, url);
      const a1 = now();
      anMs.push(a1 - a0);
      ratios.push((a1 - a0) / (r1 - r0));
    }
  }
  console.log(
    `${id.padEnd(24)} F1 ${f1.toFixed(3)} (p ${p.precision.toFixed(2)} r ${p.recall.toFixed(2)})${withRead ? ` R ${rf1.toFixed(3)}` : ''} ` +
      `T${tOk ? '+' : '-'} D${label.published ? (dOk ? '+' : '-') : ' '} S${label.source_name ? (sOk ? '+' : '-') : ' '} ${art.isArticle ? 'A' : 'x'}${art.pagination ? ` pg${art.pagination.current}/${art.pagination.total}` : ''} ${(t1 - t0).toFixed(0)}ms`,
  );
  if (verbose || !tOk) if (!tOk) console.log(`    title: got ${JSON.stringify(meta.title)} want ${JSON.stringify(label.title)}`);
  if (!dOk && label.published !== meta.published) console.log(`    date: got ${meta.published} want ${label.published}`);
  if (!sOk) console.log(`    source: got ${JSON.stringify(meta.source)} want ${JSON.stringify(label.source_name)} | author ${meta.author}/${label.author} editor ${meta.editor}/${label.editor}`);
  if (verbose) {
    console.log('    meta', JSON.stringify({ author: meta.author, editor: meta.editor, site: meta.site, docInfo: meta.docInfo }));
    console.log('    summary', JSON.stringify(sum));
  }
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / (xs.length || 1);
console.log(`\nbody F1 mean ${mean(f1s).toFixed(4)}  >=0.95: ${f1s.filter((f) => f >= 0.95).length}/${f1s.length}${withRead ? `  Readability mean ${mean(rf1s).toFixed(4)} >=0.95: ${rf1s.filter((f) => f >= 0.95).length}` : ''}`);
console.log(`title ${titleOk}/${f1s.length}  date ${dateOk}/${dateN}  source ${srcOk}/${srcN}`);
console.log(`meta+extract+summary median ${median(extractMs).toFixed(1)}ms${withRead ? `  Readability median ${median(readMs).toFixed(1)}ms` : ''}${withAnalyze ? `  analyze median ${median(anMs).toFixed(1)}ms  ratio median ${median(ratios).toFixed(3)}` : ''}`);

if (withInjected) {
  let n = 0, tok = 0; const fs: number[] = [];
  for (const vid of injectedIds()) {
    const { html, truth } = readVariant('injected', vid);
    const url = urlFor(vid, truth);
    const doc = new JSDOM(html, { url }).window.document;
    const a = analyze(doc, url);
    n++;
    const ok = norm(a.title) === norm(truth.realTitle) || (truth.realTitleSimplified && norm(a.title) === norm(truth.realTitleSimplified));
    tok += +!!ok;
    const f = score(a.body, truth.bodyExpected).f1;
    fs.push(f);
    if (!ok || f < 0.95) console.log(`${vid.padEnd(34)} F1 ${f.toFixed(3)} T${ok ? '+' : '-'}${ok ? '' : ' got ' + JSON.stringify(a.title)}`);
  }
  console.log(`injected: title ${tok}/${n}, body F1 mean ${mean(fs).toFixed(4)}, >=0.95 ${fs.filter((f) => f >= 0.95).length}/${n}`);
}
