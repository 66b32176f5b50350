// The content script's start and its lazy parts, end to end:
//   - it is one classic script that starts synchronously at document_start: its 'qingdu:start'
//     mark comes before DOMContentLoaded (the old crxjs async loader started it 60–320 ms late);
//   - text repairs reach content the page adds later (pinyin loaded after the first analysis),
//     reversibly: "show everything" puts the added text back as the page wrote it;
//   - the page's details (date, source, 信息公开 fields, script, the article's pager) are not read
//     at load, and load with the popup's first request, also on a page whose CSP forbids every script.
const ARTICLE = 'gov/article.html';
const isReady = () => performance.getEntriesByName('qingdu:ready').length > 0;

/** In the page: when our code started, relative to navigation start and to DOMContentLoaded. */
function startTiming() {
  const start = performance.getEntriesByName('qingdu:start')[0]?.startTime ?? NaN;
  const nav = performance.getEntriesByType('navigation')[0];
  const ready = performance.getEntriesByName('qingdu:ready')[0];
  return { start, dcl: nav?.domContentLoadedEventStart ?? NaN, ready: ready ? ready.startTime + ready.duration : NaN };
}

export default [
  {
    name: 'content script starts before DOMContentLoaded (gov fixture and three corpus pages)',
    browsers: ['chromium', 'firefox'],
    async run(h) {
      const rows = [];
      for (const path of [ARTICLE, 'corpus/seeds/000.html', 'corpus/seeds/002.html', 'corpus/injected/gne-cjn-1--overlay.html']) {
        const page = await h.newPage(h.govUrl(path));
        await h.waitFor(page, isReady);
        const t = await page.evaluate(startTiming);
        rows.push({ path, ...t });
        h.assert.ok(t.start < t.dcl, `${path}: started at ${t.start} ms, DOMContentLoaded at ${t.dcl} ms`);
        await page.close();
      }
      console.log(`     ${h.browser}: start / DOMContentLoaded / ready (ms since navigation): ` +
        rows.map((r) => `${r.path.split('/').pop()} ${r.start.toFixed(1)} / ${r.dcl.toFixed(1)} / ${r.ready.toFixed(1)}`).join('; '));
    },
  },
  {
    name: 'pinyin added after the first analysis is repaired on the live page, and show-all restores it',
    browsers: ['chromium', 'firefox'],
    async run(h) {
      const page = await h.newPage(h.govUrl(ARTICLE));
      await h.waitFor(page, isReady);
      await page.evaluate(() => {
        const p = document.createElement('p');
        p.id = 'late';
        p.textContent = '我们要坚持党的领(lǐng)导，建强(qiáng)基层组织。';
        document.body.append(p);
      });
      const repaired = await h.waitFor(page, () => {
        const t = document.getElementById('late')?.textContent;
        return t && !t.includes('(') ? t : null;
      });
      h.assert.equal(repaired, '我们要坚持党的领导，建强基层组织。');
      const tabId = await h.tabIdFor(ARTICLE);
      await h.send(tabId, { type: 'show-all', show: true });
      const restored = await page.evaluate(() => document.getElementById('late').textContent);
      h.assert.equal(restored, '我们要坚持党的领(lǐng)导，建强(qiáng)基层组织。');
    },
  },
  {
    name: 'the details part loads on the first request, not at load (strict CSP page)',
    browsers: ['chromium', 'firefox'],
    async run(h) {
      const path = ARTICLE + '?csp=strict';
      const page = await h.newPage(h.govUrl(path));
      await h.waitFor(page, isReady);
      await h.sleep(500); // past the idle summary: that part may load by itself, this one not
      const lazyLoaded = (name) => performance.getEntriesByName(`qingdu:lazy:${name}`).length > 0;
      h.assert.equal(await page.evaluate(lazyLoaded, 'details'), false, 'details part loaded before it was asked for');
      const state = await h.send(await h.tabIdFor(path), { type: 'get-state' });
      const a = state.analysis;
      h.assert.match(a.published, /^2024-03-18/, JSON.stringify(a.published));
      h.assert.match(a.source, /示例市住房和城乡建设局/, JSON.stringify(a.source));
      h.assert.equal(a.script, 'simplified');
      h.assert.equal(a.title, '示例市召开2024年城市更新工作推进会');
      h.assert.equal(await page.evaluate(lazyLoaded, 'details'), true, 'the check sees the part once loaded');
    },
  },
  {
    name: "a paged article's pager is read with the details, on the first request (corpus page)",
    browsers: ['chromium', 'firefox'],
    async run(h) {
      const path = 'corpus/pages/gne-guancha-guancha.html';
      const page = await h.newPage(h.govUrl(path));
      await h.waitFor(page, isReady);
      const lazyLoaded = (name) => performance.getEntriesByName(`qingdu:lazy:${name}`).length > 0;
      h.assert.equal(await page.evaluate(lazyLoaded, 'details'), false, 'details part loaded before it was asked for');
      const state = await h.send(await h.tabIdFor(path), { type: 'get-state' });
      h.assert.equal(state.analysis.isArticle, true);
      h.assert.deepEqual(state.analysis.pagination, { current: 1, total: 2 });
    },
  },
];