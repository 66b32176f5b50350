// Script conversion benchmark (issue 5): dictionary load, converter build, first and repeat
// conversion of every corpus page, as ratios to a bare walk over the same text nodes with an
// identity function. Run: `node scripts/dev/bench-script.mjs [--runs N] [--json FILE]`.
// `benchScript(pages)` is exported for the lead's `npm run bench`.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import { loadTextConverter } from '../../src/core/script/convert';
import { guessScript } from '../../src/core/script/detect';
import { createPageConverter } from '../../src/content/convert';

export interface ScriptBenchPage { id: string; html: string }
export interface ScriptBenchResult {
  /** import() of opencc-js core + the cn->t preset (module evaluation of the dictionaries). */
  dictLoadMs: number;
  /** Building the cn->tw converter (tries) once the modules are loaded. */
  buildMs: number;
  t2cnLoadAndBuildMs: number;
  pages: { id: string; textNodes: number; chars: number; walkMs: number; firstMs: number; repeatMs: number; restoreMs: number }[];
  median: { walkMs: number; firstMs: number; repeatMs: number; firstRatio: number; repeatRatio: number; firstWithBuildRatio: number };
}

const now = () => performance.now();
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : 0;
};
const round = (x: number) => Math.round(x * 100) / 100;

function bareWalk(doc: Document): { ms: number; nodes: number; chars: number } {
  const identity = (s: string) => s;
  const t = now();
  const walker = doc.createTreeWalker(doc.documentElement, 4 /* SHOW_TEXT */);
  let nodes = 0;
  let chars = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const out = identity((n as Text).data);
    nodes++;
    chars += out.length;
  }
  return { ms: now() - t, nodes, chars };
}

export async function benchScript(pages: ScriptBenchPage[], runs = 3): Promise<ScriptBenchResult> {
  let t = now();
  await import('opencc-js/core');
  await import('opencc-js/preset/cn2t');
  const dictLoadMs = now() - t;
  t = now();
  await loadTextConverter('cn', 'tw');
  const buildMs = now() - t;
  t = now();
  await loadTextConverter('t', 'cn');
  const t2cnLoadAndBuildMs = now() - t;

  const rows: ScriptBenchResult['pages'] = [];
  for (const page of pages) {
    const walks: number[] = [];
    const firsts: number[] = [];
    const repeats: number[] = [];
    const restores: number[] = [];
    let nodes = 0;
    let chars = 0;
    for (let r = 0; r < runs; r++) {
      const doc = new JSDOM(page.html).window.document;
      const w = bareWalk(doc);
      walks.push(w.ms);
      nodes = w.nodes;
      chars = w.chars;
      const target = guessScript(doc.body?.textContent || '') === 'traditional' ? 'cn' : 'tw';
      const c = createPageConverter(doc, { isOwnUi: () => false, sliceMs: 1e9 });
      t = now();
      await c.convert(target);
      firsts.push(now() - t);
      t = now();
      c.restore();
      restores.push(now() - t);
      t = now();
      await c.convert(target);
      repeats.push(now() - t);
      c.restore();
    }
    rows.push({ id: page.id, textNodes: nodes, chars, walkMs: round(median(walks)), firstMs: round(median(firsts)), repeatMs: round(median(repeats)), restoreMs: round(median(restores)) });
  }
  const walkMs = median(rows.map((r) => r.walkMs));
  const firstMs = median(rows.map((r) => r.firstMs));
  const repeatMs = median(rows.map((r) => r.repeatMs));
  return {
    dictLoadMs: round(dictLoadMs),
    buildMs: round(buildMs),
    t2cnLoadAndBuildMs: round(t2cnLoadAndBuildMs),
    pages: rows,
    median: {
      walkMs: round(walkMs),
      firstMs: round(firstMs),
      repeatMs: round(repeatMs),
      firstRatio: round(median(rows.map((r) => r.firstMs / Math.max(r.walkMs, 0.01)))),
      repeatRatio: round(median(rows.map((r) => r.repeatMs / Math.max(r.walkMs, 0.01)))),
      firstWithBuildRatio: round(median(rows.map((r) => (r.firstMs + buildMs) / Math.max(r.walkMs, 0.01)))),
    },
  };
}

// CLI entry (the bundled file is run directly).
if (process.argv[1] && /bench-script/.test(process.argv[1])) {
  const corpus = resolve(process.cwd(), '../shared/corpus/pages');
  const argv = process.argv.slice(2);
  const runs = Number(argv[argv.indexOf('--runs') + 1]) || 3;
  const pages = readdirSync(corpus).filter((f) => f.endsWith('.html')).sort().map((f) => ({ id: f.slice(0, -5), html: readFileSync(join(corpus, f), 'utf8') }));
  const res = await benchScript(pages, runs);
  for (const p of res.pages) console.log(`${p.id.padEnd(24)} nodes ${String(p.textNodes).padStart(5)} walk ${p.walkMs.toFixed(2).padStart(7)} first ${p.firstMs.toFixed(2).padStart(8)} repeat ${p.repeatMs.toFixed(2).padStart(8)} restore ${p.restoreMs.toFixed(2).padStart(6)}`);
  console.log(`dictionary load (import core + cn2t preset): ${res.dictLoadMs} ms; cn->tw build: ${res.buildMs} ms; t->cn load+build: ${res.t2cnLoadAndBuildMs} ms`);
  console.log(`median over ${res.pages.length} pages: walk ${res.median.walkMs} ms, first ${res.median.firstMs} ms (x${res.median.firstRatio}; with build x${res.median.firstWithBuildRatio}), repeat ${res.median.repeatMs} ms (x${res.median.repeatRatio})`);
  const json = argv.indexOf('--json');
  if (json >= 0) writeFileSync(argv[json + 1], JSON.stringify(res, null, 2));
}
