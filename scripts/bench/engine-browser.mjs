// Bench plug-in: analyze() against Readability.parse in Debian's Chromium, like for like.
// The engine (src/core, every stage, summary included) is bundled here into one minified classic
// script, as the content script is built, and evaluated in each corpus page's main world next to
// Readability.js: no extension, so nothing has touched the page. Both run on the rendered page
// after load — analyze() on the live document (it only reads it; its visibility checks need the
// layout), Readability.parse on a clone (it rewrites the document it is given; the clone is not
// timed) — the first call in the page (code compiled on first use) and the median of WARM more.
// The content script's own cost at load, cold and before the first layout, is in browser.mjs.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';

const WARM = 5;
const med = (xs) => { const s = xs.filter(Number.isFinite).sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN; };

async function bundleCore(root) {
  const dir = mkdtempSync(join(tmpdir(), 'qingdu-core-'));
  const entry = join(dir, 'entry.ts');
  writeFileSync(entry, `export { analyze } from ${JSON.stringify(join(root, 'src/core/analyze.ts'))};\nexport { DEFAULT_ANALYZE_SETTINGS } from ${JSON.stringify(join(root, 'src/core/kinds.ts'))};\n`);
  const { build } = await import(join(root, 'node_modules/vite/dist/node/index.js'));
  await build({
    configFile: false, root, logLevel: 'silent', publicDir: false,
    // As the extension is built: the browser-only paths (computed styles, native selectors).
    define: { __QINGDU_BROWSER__: 'true' },
    build: { outDir: join(dir, 'out'), target: 'chrome120', minify: true, write: true, emptyOutDir: true, modulePreload: false,
      lib: { entry, formats: ['iife'], name: 'QingduCore', fileName: () => 'core.js' } },
  });
  const src = readFileSync(join(dir, 'out/core.js'), 'utf8');
  rmSync(dir, { recursive: true, force: true });
  return src;
}

export default async function ({ root, argv }) {
  if (argv.includes('--no-browser')) return { skipped: 'asked' };
  if (!existsSync('/usr/bin/chromium')) {
    console.log('Chromium engine bench: skipped (needs /usr/bin/chromium)');
    return { skipped: 'no chromium' };
  }
  const corpus = resolve(root, '../shared/corpus');
  const pages = [
    ...readdirSync(join(corpus, 'pages')).filter((f) => f.endsWith('.html')).sort().map((f) => `pages/${f}`),
    ...readdirSync(join(corpus, 'seeds')).filter((f) => f.endsWith('.html')).sort().map((f) => `seeds/${f}`),
  ];
  const coreSrc = await bundleCore(root);
  const readabilitySrc = readFileSync(createRequire(join(root, 'package.json')).resolve('@mozilla/readability/Readability.js'), 'utf8');
  const { startServer } = await import(join(root, 'test/e2e/harness/server.mjs'));
  const { chromium } = await import(join(root, 'node_modules/playwright-core/index.mjs'));
  const server = await startServer({ fixturesDir: join(root, 'test/e2e/fixtures'), corpusDir: corpus });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const rows = [];
  try {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    for (const path of pages) {
      const page = await ctx.newPage();
      try {
        // 127.0.0.1, not a *.gov.cn name: this browser has no extension, and the URL is what
        // analyze() is told anyway.
        await page.goto(`http://127.0.0.1:${server.port}/corpus/${path}`, { waitUntil: 'load', timeout: 20_000 });
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))); // after the first frame
        const ours = await page.evaluate(`(() => { ${coreSrc}; const times = []; let n = 0;
          for (let i = 0; i <= ${WARM}; i++) { const t = performance.now(); const a = QingduCore.analyze(document, location.href, QingduCore.DEFAULT_ANALYZE_SETTINGS); times.push(performance.now() - t); n = a.hidden.length; }
          return { times, hidden: n }; })()`);
        const theirs = await page.evaluate(`(() => { ${readabilitySrc}; const times = [];
          for (let i = 0; i <= ${WARM}; i++) { const d = document.cloneNode(true); const t = performance.now(); new Readability(d).parse(); times.push(performance.now() - t); }
          return times; })()`);
        rows.push({ page: path, analyzeFirstMs: ours.times[0], analyzeMs: med(ours.times.slice(1)), readabilityFirstMs: theirs[0], readabilityMs: med(theirs.slice(1)), hidden: ours.hidden });
      } catch (e) {
        console.log(`Chromium engine bench: ${path}: ${String(e?.message ?? e).split('\n')[0]}`);
      } finally {
        await page.close();
      }
    }
  } finally {
    await browser.close().catch(() => {});
    await server.close?.();
  }
  const f1 = (x) => x.toFixed(1);
  console.log('Chromium, in the page after load: analyze() vs Readability.parse (ms; warm = median of ' + WARM + ' after the first)');
  console.log('page'.padEnd(34) + ' analyze  Readab.   ratio | 1st an.  1st Rd.   ratio');
  for (const r of rows)
    console.log(r.page.padEnd(34) + f1(r.analyzeMs).padStart(8) + f1(r.readabilityMs).padStart(9) + (r.analyzeMs / r.readabilityMs).toFixed(2).padStart(8) + ' |' +
      f1(r.analyzeFirstMs).padStart(8) + f1(r.readabilityFirstMs).padStart(9) + (r.analyzeFirstMs / r.readabilityFirstMs).toFixed(2).padStart(8));
  const summary = {
    pages: rows.length,
    medianAnalyzeMs: med(rows.map((r) => r.analyzeMs)), medianReadabilityMs: med(rows.map((r) => r.readabilityMs)),
    medianRatio: med(rows.map((r) => r.analyzeMs / r.readabilityMs)), fasterOn: rows.filter((r) => r.analyzeMs < r.readabilityMs).length,
    medianAnalyzeFirstMs: med(rows.map((r) => r.analyzeFirstMs)), medianReadabilityFirstMs: med(rows.map((r) => r.readabilityFirstMs)),
    medianFirstRatio: med(rows.map((r) => r.analyzeFirstMs / r.readabilityFirstMs)), firstFasterOn: rows.filter((r) => r.analyzeFirstMs < r.readabilityFirstMs).length,
  };
  console.log(`median (Chromium, in page): analyze ${f1(summary.medianAnalyzeMs)} ms vs Readability.parse ${f1(summary.medianReadabilityMs)} ms; per page ${summary.medianRatio.toFixed(2)} ×, faster on ${summary.fasterOn}/${rows.length}` +
    ` | first call: ${f1(summary.medianAnalyzeFirstMs)} vs ${f1(summary.medianReadabilityFirstMs)} ms; per page ${summary.medianFirstRatio.toFixed(2)} ×, faster on ${summary.firstFasterOn}/${rows.length}`);
  return { rows, summary };
}
