// The popup end to end (helper H7): opened as a tab with ?tab=<id> on fixture pages served on a
// *.gov.cn host. Checks what a person sees (title, date, summary), that hostile page text stays
// text, that the controls reach the page (show everything, script switch) and the settings
// (per-site switch), and saves light and dark screenshots for the README.
const ARTICLE = 'gov/article.html';
const TITLE = '示例市召开2024年城市更新工作推进会';
const HOSTILE = 'hostile.html';

const isReady = () => performance.getEntriesByName('qingdu:ready').length > 0;

/** Waits until the popup has rendered its card, or fails with the message it shows instead. */
const rendered = () => {
  if (document.querySelector('[data-testid=card]')) return 'card';
  const msg = document.querySelector('[data-testid=error], [data-testid=restricted], [data-testid=disabled]');
  return msg ? 'message: ' + msg.textContent : '';
};

async function openPopupFor(h, path) {
  const page = await h.newPage(h.govUrl(path));
  await h.waitFor(page, isReady);
  const tabId = await h.tabIdFor(path);
  const popup = await h.openExtensionPage(`popup.html?tab=${tabId}`);
  const what = await h.waitFor(popup, rendered);
  h.assert.equal(what, 'card', 'popup rendered its card');
  return { page, tabId, popup };
}

const text = (testid) => document.querySelector(`[data-testid="${testid}"]`)?.textContent ?? null;

/** A popup-sized viewport (Playwright and Puppeteer name this differently). */
async function popupViewport(popup) {
  const height = Math.min(1200, Math.max(300, await popup.evaluate(() => document.documentElement.scrollHeight)));
  if (typeof popup.setViewportSize === 'function') await popup.setViewportSize({ width: 412, height });
  else await popup.setViewport({ width: 412, height });
}

/**
 * Emulates prefers-color-scheme. Playwright does it natively; Puppeteer over WebDriver BiDi
 * (Firefox) cannot, so there the page's own `(prefers-color-scheme: dark)` rules are copied out
 * of their media block into a style element, which is what the browser would apply.
 */
async function colorScheme(popup, scheme) {
  if (typeof popup.emulateMedia === 'function') return popup.emulateMedia({ colorScheme: scheme });
  await popup.evaluate((scheme) => {
    document.getElementById('e2e-scheme')?.remove();
    if (scheme !== 'dark') return;
    const css = [];
    for (const sheet of document.styleSheets) {
      for (const rule of sheet.cssRules) {
        if (rule instanceof CSSMediaRule && /prefers-color-scheme:\s*dark/.test(rule.conditionText)) for (const r of rule.cssRules) css.push(r.cssText);
      }
    }
    const style = document.createElement('style');
    style.id = 'e2e-scheme';
    style.textContent = css.join('\n');
    document.head.append(style);
  }, scheme);
}

export default [
  {
    name: 'popup shows the title, date and summary of a fixture page (light and dark screenshots)',
    browsers: ['chromium', 'firefox'],
    async run(h) {
      const { popup } = await openPopupFor(h, ARTICLE);
      h.assert.equal(await popup.evaluate(text, 'title'), TITLE);
      const ms = await popup.evaluate(() => performance.getEntriesByName('qingdu:popup-ready')[0]?.duration ?? -1);
      console.log(`     ${h.browser}: popup opened to card in ${Math.round(ms)} ms`);
      const meta = await popup.evaluate(text, 'meta');
      h.assert.match(meta, /2024-03-18/, `meta "${meta}"`);
      h.assert.match(meta, /示例市住房和城乡建设局/, `meta "${meta}"`);
      const items = await popup.evaluate(() => [...document.querySelectorAll('[data-testid=summary] li')].map((li) => li.textContent));
      h.assert.ok(items.length >= 1 && items.length <= 5, `summary items ${JSON.stringify(items)}`);
      h.assert.ok(items.some((s) => s.includes('城市更新')), `summary ${JSON.stringify(items)}`);
      h.assert.match(await popup.evaluate(text, 'counts'), /\d/);
      // The served <title> is spam: the popup says so and offers the report.
      h.assert.ok(await popup.evaluate(() => !!document.querySelector('[data-warning=title]')), 'hijacked-title warning');
      h.assert.ok(await popup.evaluate(() => !!document.querySelector('[data-testid=report]')), 'report button');
      // Opens the list of hidden blocks for the screenshot (a real click on <summary>).
      await popup.click('[data-testid=hidden-list] > summary');
      await popupViewport(popup);
      await colorScheme(popup, 'light');
      await h.screenshot(popup, 'popup-light');
      await colorScheme(popup, 'dark');
      const bg = await popup.evaluate(() => getComputedStyle(document.body).backgroundColor);
      h.assert.notEqual(bg, 'rgb(255, 255, 255)', 'dark scheme applied');
      await h.screenshot(popup, 'popup-dark');
    },
  },
  {
    name: 'hostile page text (<img onerror>, <script>) is shown as literal text and runs nothing',
    browsers: ['chromium', 'firefox'],
    async run(h) {
      const { page, popup } = await openPopupFor(h, HOSTILE);
      const title = await popup.evaluate(text, 'title');
      h.assert.ok(title.includes("<img src=x onerror=document.title='PWNED'>"), `title "${title}"`);
      h.assert.ok(title.includes('<script>alert(1)</script>'), `title "${title}"`);
      const summary = await popup.evaluate(text, 'summary');
      h.assert.ok(summary && /<script>|<img src=x/.test(summary), `summary "${summary}"`);
      const found = await popup.evaluate(() => ({
        imgs: document.querySelectorAll('#app img').length,
        scripts: document.querySelectorAll('#app script, #app iframe, #app object').length,
        handlers: [...document.querySelectorAll('#app *')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
        title: document.title,
      }));
      h.assert.deepEqual({ imgs: found.imgs, scripts: found.scripts, handlers: found.handlers }, { imgs: 0, scripts: 0, handlers: 0 });
      h.assert.notEqual(found.title, 'PWNED');
      h.assert.notEqual(await page.evaluate(() => document.title), 'PWNED');
      await popupViewport(popup);
      await h.screenshot(popup, 'popup-hostile');
    },
  },
  {
    name: 'popup "show everything" switch restores the page and hides again',
    browsers: ['chromium', 'firefox'],
    async run(h) {
      const { page, tabId, popup } = await openPopupFor(h, ARTICLE);
      const state = await h.send(tabId, { type: 'get-state' });
      const visible = state.analysis.hidden.find((b) => b.category === 'spam' && !b.alreadyInvisible && b.text.length >= 4);
      h.assert.ok(visible, 'a visible spam block on the fixture');
      const probe = visible.text.replace(/\s+/g, '').slice(0, 4);
      const pageHas = (s) => document.body.innerText.replace(/\s+/g, '').includes(s);
      h.assert.equal(await page.evaluate(pageHas, probe), false, 'spam hidden at first');
      await popup.click('[data-testid=hidden-list] > summary');
      await popup.click('[data-testid=show-all]');
      await h.waitFor(page, pageHas, probe);
      await h.waitFor(popup, () => document.querySelector('[data-testid=show-all]')?.checked === true);
      h.assert.equal((await h.send(tabId, { type: 'get-state' })).showAll, true);
      await popup.click('[data-testid=show-all]');
      await h.waitFor(page, (s) => !document.body.innerText.replace(/\s+/g, '').includes(s), probe);
    },
  },
  {
    name: 'popup script switch converts the page and back',
    browsers: ['chromium', 'firefox'],
    async run(h) {
      const { page, popup } = await openPopupFor(h, ARTICLE);
      const before = await popup.evaluate(text, 'script-toggle');
      await popup.click('[data-testid=script-toggle]');
      await h.waitFor(page, () => document.body.innerText.includes('會議'));
      await h.waitFor(popup, (b) => document.querySelector('[data-testid=script-toggle]')?.textContent !== b, before);
      h.assert.notEqual(await popup.evaluate(() => document.querySelector('[data-testid=script-select]').value), 'original');
      // The popup's own text follows the page's script.
      await h.waitFor(popup, () => document.querySelector('[data-testid=title]')?.textContent.includes('推進會'));
      await popup.click('[data-testid=script-toggle]');
      await h.waitFor(page, () => document.body.innerText.includes('会议') && !document.body.innerText.includes('會議'));
      await h.waitFor(popup, () => document.querySelector('[data-testid=script-select]')?.value === 'original');
      h.assert.equal(await popup.evaluate(text, 'title'), TITLE);
    },
  },
  {
    name: 'popup per-site switch writes the site settings',
    browsers: ['chromium', 'firefox'],
    async run(h) {
      await h.storage('clear');
      await h.storage('clear', null, 'sync');
      const { popup } = await openPopupFor(h, ARTICLE);
      h.assert.equal(await popup.evaluate(() => document.querySelector('[data-testid=site-clean]').checked), false);
      await popup.click('[data-testid=site-clean]');
      await h.waitFor(popup, () => document.querySelector('[data-testid=status]')?.textContent);
      const stored = JSON.stringify([await h.storage('get'), await h.storage('get', null, 'sync')]);
      h.assert.ok(stored.includes(h.govHost), `settings mention the host: ${stored.slice(0, 400)}`);
      // A fresh popup reflects the saved switch.
      const tabId = await h.tabIdFor(ARTICLE);
      const again = await h.openExtensionPage(`popup.html?tab=${tabId}`);
      await h.waitFor(again, rendered);
      h.assert.equal(await again.evaluate(() => document.querySelector('[data-testid=site-clean]').checked), true);
      await h.storage('clear');
      await h.storage('clear', null, 'sync');
    },
  },
  {
    name: 'popup on a page no extension may script says so',
    browsers: ['chromium', 'firefox'],
    async run(h) {
      // An extension page stands in for chrome:// and about: pages (tabs.query hides their URLs
      // from an extension without the "tabs" permission, so the test could not find the tab).
      await h.openExtensionPage('options.html#not-scriptable');
      const tabId = await h.tabIdFor('#not-scriptable');
      const popup = await h.openExtensionPage(`popup.html?tab=${tabId}`);
      const msg = await h.waitFor(popup, () => document.querySelector('[data-testid=restricted]')?.textContent);
      h.assert.ok(msg.length > 5, msg);
      h.assert.equal(await popup.evaluate(() => document.querySelectorAll('#app button').length), 0);
    },
  },
];
