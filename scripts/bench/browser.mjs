// Bench plug-in: in Debian's Chromium with dist/chrome loaded, the content script's own
// main-thread time on load (the `qingdu:analyze` measure it records) and the time from its start
// to the first applied analysis (`qingdu:ready`), beside Readability.parse run in the same page
// on a clone of the same document. Skipped with a message when Chromium or the build is missing.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';

const PAGES = ['pages/gne-gzggw-1.html', 'pages/gne-163-1.html', 'pages/gne-qq-qq.html', 'pages/gne-toutiao-toutiao.html', 'pages/gne-sxmu-1.html',
  'pages/gne-baijiahao-1.html', 'seeds/000.html', 'seeds/001.html', 'seeds/002.html', 'seeds/003.html', 'seeds/004.html'];

export default async function ({ root, argv }) {
  if (argv.includes('--no-browser')) return { skipped: 'asked' };
  // QINGDU_DIST lets a developer bench a private build (e.g. /tmp/x with chrome/ inside).
  const dist = join(process.env.QINGDU_DIST ?? join(root, 'dist'), 'chrome');
  if (!existsSync('/usr/bin/chromium') || !existsSync(join(dist, 'manifest.json'))) {
    console.log('Chromium: skipped (needs /usr/bin/chromium and npm run build)');
    return { skipped: 'no chromium or build' };
  }
  const { startServer } = await import(join(root, 'test/e2e/harness/server.mjs'));
  const { launchChromium } = await import(join(root, 'test/e2e/harness/chromium.mjs'));
  const readabilitySrc = readFileSync(createRequire(join(root, 'package.json')).resolve('@mozilla/readability/Readability.js'), 'utf8');
  const server = await startServer({ fixturesDir: join(root, 'test/e2e/fixtures'), corpusDir: resolve(root, '../shared/corpus') });
  const { Session } = await import(join(root, 'test/e2e/harness/harness.mjs'));
  const driver = await launchChromium({ distDir: dist });
  const session = new Session(driver, { port: server.port, screenshotDir: join(root, 'test-results/screenshots') });
  await session.start();
  const { h } = session.forTest('bench');
  const rows = [];
  try {
    for (const path of PAGES) {
      const page = await driver.newPage();
      await driver.goto(page, `http://www.example.gov.cn:${server.port}/corpus/${path}`);
      let m = null;
      for (let i = 0; i < 100 && !m; i++) {
        m = await page.evaluate(() => {
          const a = performance.getEntriesByName('qingdu:analyze')[0];
          const r = performance.getEntriesByName('qingdu:ready')[0];
          return a && r ? { analyze: a.duration, ready: r.duration } : null;
        });
        if (!m) await new Promise((r) => setTimeout(r, 100));
      }
      const readability = await page.evaluate(
        `(() => { ${readabilitySrc}; const times = []; for (let i = 0; i < 3; i++) { const d = document.cloneNode(true); const t = performance.now(); new Readability(d).parse(); times.push(performance.now() - t); } return times.sort((a, b) => a - b)[1]; })()`,
      );
      // The clean view, opened the way the popup opens it, on the analysis already made.
      const tabId = await h.tabIdFor(path);
      await h.send(tabId, { type: 'open-reader' });
      let open = NaN;
      for (let i = 0; i < 50 && !Number.isFinite(open); i++) {
        open = await page.evaluate(() => performance.getEntriesByName('qingdu:reader-open')[0]?.duration ?? NaN);
        if (!Number.isFinite(open)) await new Promise((r) => setTimeout(r, 100));
      }
      rows.push({ page: path, analyzeMs: m?.analyze ?? NaN, readyMs: m?.ready ?? NaN, readabilityMs: readability, readerOpenMs: open });
      await page.close();
    }
  } finally {
    await driver.close().catch(() => {});
    await server.close?.();
  }
  console.log('Chromium: content script on load (ms)');
  console.log('page'.padEnd(28) + ' analyze   ready  Readab.  a/read  reader  r/read');
  for (const r of rows)
    console.log(r.page.padEnd(28) + r.analyzeMs.toFixed(1).padStart(8) + r.readyMs.toFixed(1).padStart(8) + r.readabilityMs.toFixed(1).padStart(9) + (r.analyzeMs / r.readabilityMs).toFixed(2).padStart(8) +
      r.readerOpenMs.toFixed(1).padStart(8) + (r.readerOpenMs / r.readabilityMs).toFixed(2).padStart(8));
  const med = (xs) => { const s = xs.filter(Number.isFinite).sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN; };
  const summary = { medianAnalyzeMs: med(rows.map((r) => r.analyzeMs)), medianReadyMs: med(rows.map((r) => r.readyMs)), medianReadabilityMs: med(rows.map((r) => r.readabilityMs)), medianRatio: med(rows.map((r) => r.analyzeMs / r.readabilityMs)),
    medianReaderOpenMs: med(rows.map((r) => r.readerOpenMs)), medianReaderRatio: med(rows.map((r) => r.readerOpenMs / r.readabilityMs)),
    readerFasterOn: rows.filter((r) => r.readerOpenMs < r.readabilityMs).length };
  console.log(`median: analyze ${summary.medianAnalyzeMs.toFixed(1)} ms, first analysis applied ${summary.medianReadyMs.toFixed(1)} ms after start, Readability ${summary.medianReadabilityMs.toFixed(1)} ms, ratio ${summary.medianRatio.toFixed(2)}`);
  console.log(`median: clean view open ${summary.medianReaderOpenMs.toFixed(1)} ms = ${summary.medianReaderRatio.toFixed(2)} × Readability.parse; faster than Readability on ${summary.readerFasterOn}/${rows.length} pages`);
  return { rows, summary };
}
