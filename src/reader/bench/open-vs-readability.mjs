#!/usr/bin/env node
// `node src/reader/bench/open-vs-readability.mjs [--runs N]`
// Time to open the clean view (openReader on an Analysis already computed, as the content
// script does) against Readability.parse of the same page, in jsdom, on every corpus page and
// seed. Parsing and analyze() are not timed. Prints per-page and median ms and the ratio.
// The reader and the engine are bundled on the fly with rolldown (TypeScript in, ESM out).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { rolldown } from 'rolldown';
import { JSDOM } from 'jsdom';
import { Readability } from '@mozilla/readability';

const root = resolve(import.meta.dirname, '..', '..', '..');
const corpus = resolve(root, '..', 'shared', 'corpus');
const argv = process.argv.slice(2);
const runs = Number(argv[argv.indexOf('--runs') + 1] || 5) || 5;

const out = mkdtempSync(join(tmpdir(), 'qingdu-reader-bench-'));
const entry = join(out, 'entry.ts');
const { writeFileSync } = await import('node:fs');
writeFileSync(
  entry,
  `export { openReader } from ${JSON.stringify(join(root, 'src/reader/index.ts'))};\nexport { analyze } from ${JSON.stringify(join(root, 'src/core/analyze.ts'))};\n`,
);
const bundle = await rolldown({ input: entry, platform: 'node', logLevel: 'silent' });
await bundle.write({ file: join(out, 'bundle.mjs'), format: 'esm' });
const { openReader, analyze } = await import(pathToFileURL(join(out, 'bundle.mjs')).href);
rmSync(out, { recursive: true, force: true });

const pages = [];
for (const f of readdirSync(join(corpus, 'pages')).filter((f) => f.endsWith('.html')).sort()) {
  const id = f.slice(0, -5);
  const label = JSON.parse(readFileSync(join(corpus, 'labels', id + '.json'), 'utf8'));
  pages.push({ id, html: readFileSync(join(corpus, 'pages', f), 'utf8'), url: label.url || `http://example.com/${id}.html` });
}
for (const f of readdirSync(join(corpus, 'seeds')).filter((f) => f.endsWith('.html')).sort()) {
  const id = f.slice(0, -5);
  const truth = JSON.parse(readFileSync(join(corpus, 'seeds', id + '.truth.json'), 'utf8'));
  pages.push({ id: 'seed-' + id, html: readFileSync(join(corpus, 'seeds', f), 'utf8'), url: truth.servedUrl || 'http://example.gov.cn/' });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const opts = {
  prefs: { theme: 'system', font: 'serif', fontSize: 19, lineHeight: 1.9, width: 36, indent: true, vertical: false },
  script: 'original',
  loadConverter: async () => (s) => s,
  onClose() {},
  onPrefsChange() {},
  onScriptChange() {},
  getMessage: () => '',
};

const rows = [];
for (const p of pages) {
  const open = [];
  const read = [];
  for (let i = 0; i < runs; i++) {
    const doc = new JSDOM(p.html, { url: p.url }).window.document;
    const a = analyze(doc, p.url);
    let t = performance.now();
    const h = openReader(doc, a, opts);
    open.push(performance.now() - t);
    h.close();
    const doc2 = new JSDOM(p.html, { url: p.url }).window.document;
    t = performance.now();
    new Readability(doc2).parse();
    read.push(performance.now() - t);
    // Closed jsdom windows are released only once the event loop turns (see scripts/bench.mjs).
    doc.defaultView.close();
    doc2.defaultView.close();
    await new Promise((resolve) => setImmediate(resolve));
  }
  rows.push({ id: p.id, open: median(open), readability: median(read) });
}
const w = Math.max(...rows.map((r) => r.id.length));
console.log('page'.padEnd(w), 'open ms'.padStart(9), 'Readability ms'.padStart(15), 'ratio'.padStart(7));
for (const r of rows) console.log(r.id.padEnd(w), r.open.toFixed(2).padStart(9), r.readability.toFixed(2).padStart(15), (r.open / r.readability).toFixed(3).padStart(7));
const mo = median(rows.map((r) => r.open));
const mr = median(rows.map((r) => r.readability));
const faster = rows.filter((r) => r.open < r.readability).length;
console.log(`median: open ${mo.toFixed(2)} ms, Readability.parse ${mr.toFixed(2)} ms, ratio ${(mo / mr).toFixed(3)}; open faster on ${faster}/${rows.length} pages (${runs} runs each)`);
