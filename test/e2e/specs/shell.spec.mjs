// The extension shell end to end: content script on a gov.cn page, the badge, injection on any
// page, the popup showing the page's title and summary, the options page persisting a setting.
// Contract with the other parts:
//   - the content script records a performance measure 'qingdu:ready' after its first analysis
//     (visible from the page: it leaves the DOM untouched) and answers {type:'get-state'};
//   - the popup, opened as a tab with ?tab=<id>, shows [data-testid=title], [data-testid=summary];
//   - the options page has a [data-testid=sensitivity] <select> that saves on change.
const ARTICLE = 'gov/article.html';
const TITLE = '示例市召开2024年城市更新工作推进会';

const isReady = () => performance.getEntriesByName('qingdu:ready').length > 0;

/** Sets a <select> like a user would (works the same in Playwright and Puppeteer). */
function choose({ sel, value }) {
  const el = document.querySelector(sel);
  if (!el) throw new Error('no ' + sel);
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
  return el.value;
}

export default [
  {
    name: 'manifest: exactly the declared permissions, strict extension-page CSP',
    browsers: ['chromium', 'firefox'],
    async run(h) {
      const page = await h.openExtensionPage('options.html');
      const m = await page.evaluate(() => (globalThis.browser ?? globalThis.chrome).runtime.getManifest());
      h.assert.deepEqual([...m.permissions].sort(), ['activeTab', 'contextMenus', 'scripting', 'storage']);
      h.assert.deepEqual(m.optional_host_permissions, ['<all_urls>']);
      h.assert.equal(m.content_security_policy.extension_pages, "script-src 'self'; object-src 'self'");
      h.assert.equal(m.content_scripts[0].run_at, 'document_start');
      h.assert.deepEqual(m.content_scripts[0].matches, ['*://*.gov.cn/*']);
      if (h.browser === 'firefox') h.assert.ok(Array.isArray(m.background.scripts), 'Firefox uses background.scripts');
      else h.assert.ok(m.background.service_worker, 'Chrome uses a service worker');
    },
  },
  {
    name: 'content script runs on a gov.cn page and answers get-state',
    browsers: ['chromium', 'firefox'],
    async run(h) {
      const page = await h.newPage(h.govUrl(ARTICLE));
      await h.waitFor(page, isReady);
      const tabId = await h.tabIdFor(ARTICLE);
      const state = await h.send(tabId, { type: 'get-state' });
      h.assert.equal(state.analysis.title, TITLE);
      h.assert.ok(state.analysis.body.includes('老旧小区改造126个'), 'body extracted');
    },
  },
  {
    name: 'content script (and its lazy chunks) run on a page with a strict CSP',
    browsers: ['chromium', 'firefox'],
    async run(h) {
      const page = await h.newPage(h.govUrl(ARTICLE + '?csp=strict'));
      await h.waitFor(page, isReady);
      // Lazy chunk: the script conversion dictionary loads on demand.
      const tabId = await h.tabIdFor(ARTICLE + '?csp=strict');
      const reply = await h.send(tabId, { type: 'convert', target: 'tw' });
      h.assert.equal(reply.ok, true, JSON.stringify(reply));
      await h.waitFor(page, () => document.body.innerText.includes('會議'));
    },
  },
  {
    name: 'badge shows the number of spam blocks hidden',
    browsers: ['chromium', 'firefox'],
    async run(h) {
      const page = await h.newPage(h.govUrl(ARTICLE));
      await h.waitFor(page, isReady);
      const tabId = await h.tabIdFor(ARTICLE);
      let text = '';
      for (let i = 0; i < 50 && !text; i++) {
        text = await h.badgeText(tabId);
        if (!text) await h.sleep(100);
      }
      h.assert.match(text, /^[1-9]\d*\+?$/, `badge text "${text}"`);
    },
  },
  {
    name: 'injects the content script into a non-gov page on demand',
    browsers: ['chromium', 'firefox'],
    async run(h) {
      const page = await h.newPage(h.url('plain.html'));
      const tabId = await h.tabIdFor('/plain.html');
      h.assert.equal(await page.evaluate(isReady), false, 'not there before');
      h.assert.equal(await h.inject(tabId), true);
      await h.waitFor(page, isReady);
      // Injecting again must not start a second copy.
      h.assert.equal(await h.inject(tabId), true);
      const state = await h.send(tabId, { type: 'get-state' });
      h.assert.equal(state.analysis.title, TITLE);
    },
  },
  {
    name: 'popup shows the page title and summary',
    browsers: ['chromium', 'firefox'],
    async run(h) {
      const page = await h.newPage(h.govUrl(ARTICLE));
      await h.waitFor(page, isReady);
      const tabId = await h.tabIdFor(ARTICLE);
      const popup = await h.openExtensionPage(`popup.html?tab=${tabId}`);
      const title = await h.waitFor(popup, () => document.querySelector('[data-testid=title]')?.textContent?.trim());
      h.assert.equal(title, TITLE);
      const summary = await h.waitFor(popup, () => document.querySelector('[data-testid=summary]')?.textContent?.trim());
      h.assert.ok(summary.length >= 20, `summary "${summary}"`);
      await h.screenshot(popup, 'popup');
    },
  },
  {
    name: 'options page saves a setting that survives a reload',
    browsers: ['chromium', 'firefox'],
    async run(h) {
      await h.storage('clear');
      await h.storage('clear', null, 'sync');
      const url = h.extensionUrl('options.html');
      const page = await h.newPage(url);
      const sel = '[data-testid=sensitivity]';
      const before = await h.waitFor(page, (s) => document.querySelector(s)?.value, sel);
      const options = await page.evaluate((s) => [...document.querySelector(s).options].map((o) => o.value), sel);
      const next = options.find((v) => v !== before);
      h.assert.ok(next, `a second sensitivity option (have ${options})`);
      await page.evaluate(choose, { sel, value: next });
      // Saving is asynchronous: wait until the value reaches storage (local or sync).
      const stored = async () => JSON.stringify([await h.storage('get'), await h.storage('get', null, 'sync')]);
      for (let i = 0; i < 50 && !(await stored()).includes(next); i++) await h.sleep(100);
      // A fresh load of the page shows the saved value.
      await h.goto(page, url);
      // The page fills the form from storage asynchronously: wait for the saved value to show.
      const shown = await h
        .waitFor(page, ({ sel, next }) => document.querySelector(sel)?.value === next, { sel, next }, 5_000)
        .catch(() => false);
      h.assert.equal(shown ? next : await page.evaluate((s) => document.querySelector(s)?.value, sel), next);
      await h.storage('clear');
      await h.storage('clear', null, 'sync');
    },
  },
];
