// `npm run bench [-- --json FILE] [--runs N] [--no-browser] [--as-parsed]`
// Measures analyze() against Readability.parse() (the reference) and a bare TreeWalker pass over
// the text nodes (the floor) on every corpus page, in the same process, each on a fresh jsdom
// parse (parsing is not timed). Prints per-page and median ms and the ratios. These machines are
// shared and noisy: read the ratios, not the absolute numbers.
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import v8 from 'node:v8';
import vm from 'node:vm';
import { JSDOM } from 'jsdom';
import { Readability } from '@mozilla/readability';

const root = fileURLToPath(new URL('..', import.meta.url));
const corpus = join(root, '../shared/corpus');
const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : dflt;
};
const runs = Number(opt('--runs', 5));
const jsonOut = argv.includes('--json') ? opt('--json', 'bench.json') : null;
const asParsed = argv.includes('--as-parsed');

if (!existsSync(join(root, 'dist/node/index.js')) || argv.includes('--rebuild')) {
  execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '-c', 'vite.node.config.ts', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
}
const lib = await import(join(root, 'dist/node/index.js'));

const pages = [];
for (const f of readdirSync(join(corpus, 'pages')).sort()) {
  if (!f.endsWith('.html')) continue;
  const id = f.slice(0, -5);
  const label = JSON.parse(readFileSync(join(corpus, 'labels', id + '.json'), 'utf8'));
  pages.push({ id, html: readFileSync(join(corpus, 'pages', f), 'utf8'), url: label.url || `http://example.com/${id}.html` });
}
for (const f of readdirSync(join(corpus, 'seeds')).sort()) {
  if (!f.endsWith('.html')) continue;
  const id = f.slice(0, -5);
  const truth = JSON.parse(readFileSync(join(corpus, 'seeds', id + '.truth.json'), 'utf8'));
  pages.push({ id: 'seed-' + id, html: readFileSync(join(corpus, 'seeds', f), 'utf8'), url: truth.servedUrl || 'http://example.gov.cn/' });
}

// Each parse is a whole jsdom window; close it after use or the heap grows to gigabytes and
// garbage-collection pauses land on whichever tool runs next. A closed window is only released
// once the event loop turns (measured: a synchronous loop of 60 parses of a 361 KB page keeps
// ~1 GB alive, one setImmediate after each close keeps none), so every close is awaited.
//
// The parse also leaves the new document in V8's young generation (measured: 7–13 MB used after a
// parse, ~3 MB of it live), and the first scavenge inside the timed call copies all of it: work
// the parse caused, landing on whichever tool happens to fill the space. So each timed call
// starts after two scavenges that move the parsed page to the old generation (not timed; a full
// GC instead shrinks the young generation and slows both tools). `--as-parsed` times the loop as
// it was before (2026-12-07); every run also reports that loop's ratio, interleaved, so the two
// can be compared on the same code and machine state.
const collect = globalThis.gc ?? (v8.setFlagsFromString('--expose-gc'), vm.runInNewContext('gc'));
const parse = (p, asParsed = false) => {
  const d = new JSDOM(p.html, { url: p.url }).window.document;
  if (!asParsed) {
    collect({ type: 'minor' });
    collect({ type: 'minor' });
  }
  return d;
};
const done = (d) => {
  d.defaultView?.close();
  return new Promise((resolve) => setImmediate(resolve));
};
const time = (fn) => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : 0;
};

/** The floor: visit every text node once and touch its data (what any extractor must at least do). */
function floorWalk(doc) {
  const w = doc.createTreeWalker(doc.body || doc.documentElement, 4);
  let n = 0;
  for (let t = w.nextNode(); t; t = w.nextNode()) n += t.data.length;
  return n;
}

const rows = [];
for (const p of pages) {
  // Warm-up once per page so JIT compilation is not charged to the first tool measured.
  let w = parse(p);
  lib.analyze(w, p.url);
  await done(w);
  w = parse(p);
  new Readability(w).parse();
  await done(w);
  const a = [], r = [], f = [];
  const stages = {};
  const old = { a: [], r: [] };
  for (let i = 0; i < runs; i++) {
    // The loop as it was, before or after this run's main loop in turn.
    const asParsedRun = async () => {
      let d = parse(p, true);
      old.a.push(time(() => lib.analyze(d, p.url)));
      await done(d);
      d = parse(p, true);
      old.r.push(time(() => new Readability(d).parse()));
      await done(d);
    };
    if (!asParsed && i % 2) await asParsedRun();
    let d = parse(p, asParsed);
    let result;
    a.push(time(() => (result = lib.analyze(d, p.url))));
    for (const [k, v] of Object.entries(result.timings || {})) (stages[k] ||= []).push(v);
    await done(d);
    d = parse(p, asParsed);
    r.push(time(() => new Readability(d).parse()));
    await done(d);
    d = parse(p, asParsed);
    f.push(time(() => floorWalk(d)));
    await done(d);
    if (!asParsed && !(i % 2)) await asParsedRun();
  }
  const row = {
    id: p.id,
    kb: Math.round(Buffer.byteLength(p.html) / 1024),
    analyze: median(a),
    readability: median(r),
    floor: median(f),
    stages: Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, median(v)])),
  };
  if (!asParsed) row.asParsed = { analyze: median(old.a), readability: median(old.r), vsReadability: median(old.a) / median(old.r) };
  row.vsReadability = row.analyze / row.readability;
  row.vsFloor = row.analyze / Math.max(row.floor, 0.001);
  rows.push(row);
}

const fmt = (x, d = 2) => x.toFixed(d).padStart(8);
console.log(`analyze() vs Readability.parse() vs bare text walk — ${pages.length} pages, median of ${runs} runs each (ms)${asParsed ? ', as parsed (--as-parsed)' : ', parsed page promoted before each timed call'}`);
console.log('page'.padEnd(28) + '    KB' + ' analyze' + ' readab.' + '   floor' + '  a/read' + ' a/floor' + '   spam' + ' extract');
for (const r of rows) {
  console.log(
    r.id.padEnd(28) + String(r.kb).padStart(6) + fmt(r.analyze) + fmt(r.readability) + fmt(r.floor) + fmt(r.vsReadability) + fmt(r.vsFloor, 1) +
      fmt(r.stages.spam ?? 0) + fmt(r.stages['extract+noise'] ?? 0),
  );
}
const summary = {
  pages: rows.length,
  runs,
  medianAnalyzeMs: median(rows.map((r) => r.analyze)),
  medianReadabilityMs: median(rows.map((r) => r.readability)),
  medianFloorMs: median(rows.map((r) => r.floor)),
  medianRatioVsReadability: median(rows.map((r) => r.vsReadability)),
  medianRatioVsFloor: median(rows.map((r) => r.vsFloor)),
  loop: asParsed ? 'as parsed' : 'parsed page promoted',
  asParsed: asParsed
    ? null
    : {
        medianAnalyzeMs: median(rows.map((r) => r.asParsed.analyze)),
        medianReadabilityMs: median(rows.map((r) => r.asParsed.readability)),
        medianRatioVsReadability: median(rows.map((r) => r.asParsed.vsReadability)),
      },
  medianStageMs: Object.fromEntries(
    [...new Set(rows.flatMap((r) => Object.keys(r.stages)))].map((k) => [k, median(rows.map((r) => r.stages[k] ?? 0))]),
  ),
};
console.log('');
console.log(`median analyze ${summary.medianAnalyzeMs.toFixed(2)} ms, Readability ${summary.medianReadabilityMs.toFixed(2)} ms, floor ${summary.medianFloorMs.toFixed(2)} ms`);
console.log(`median ratio analyze/Readability ${summary.medianRatioVsReadability.toFixed(3)}, analyze/floor ${summary.medianRatioVsFloor.toFixed(1)}`);
console.log(`median stage ms: ${Object.entries(summary.medianStageMs).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')}`);
if (summary.asParsed) {
  const o = summary.asParsed;
  console.log(`as parsed (the loop before 2026-12-07, same runs interleaved): median analyze ${o.medianAnalyzeMs.toFixed(2)} ms, Readability ${o.medianReadabilityMs.toFixed(2)} ms, median ratio ${o.medianRatioVsReadability.toFixed(3)}`);
}

const extra = {};
const benchDir = join(root, 'scripts/bench');
if (existsSync(benchDir)) {
  // Area benchmarks (script conversion, clean view, browser timings) plug in as scripts/bench/*.mjs,
  // each exporting `default async ({ pages, lib, root, argv }) => object` and printing its own lines.
  for (const f of readdirSync(benchDir).filter((f) => f.endsWith('.mjs')).sort()) {
    const mod = await import(join(benchDir, f));
    console.log('');
    try {
      extra[f.replace(/\.mjs$/, '')] = await mod.default({ pages, lib, root, argv });
    } catch (e) {
      console.log(`${f}: failed: ${e.message}`);
    }
  }
}

if (jsonOut) {
  writeFileSync(jsonOut, JSON.stringify({ summary, rows, extra }, null, 2));
  console.log(`\nwrote ${jsonOut}`);
}
