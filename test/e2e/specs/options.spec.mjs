// The options page end to end (helper H6): settings reach open tabs without a reload (through
// storage events), a malformed import changes nothing, the element picker saves a rule that hides
// the block after a reload, and settings survive restarting the browser with the same profile.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { testCopy } from '../harness/extension-copy.mjs';

const ARTICLE = 'gov/article.html';
const isReady = () => performance.getEntriesByName('qingdu:ready').length > 0;
const optionsReady = () => document.body.dataset.ready === 'true';

// Functions below run inside the page (serialised by the driver): each must be self-contained.
/** Visible to a person: rendered with a size, not display:none / visibility:hidden anywhere up the tree. */
const visible = (sel) => {
  const el = document.querySelector(sel);
  if (!el) throw new Error('no ' + sel);
  if (typeof el.checkVisibility === 'function') return el.checkVisibility({ visibilityProperty: true, opacityProperty: true });
  return el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
};
const hidden = (sel) => {
  const el = document.querySelector(sel);
  if (!el) throw new Error('no ' + sel);
  if (typeof el.checkVisibility === 'function') return !el.checkVisibility({ visibilityProperty: true, opacityProperty: true });
  return el.getClientRects().length === 0 || getComputedStyle(el).visibility === 'hidden';
};

function toggle({ sel, checked }) {
  const el = document.querySelector(sel);
  if (!el) throw new Error('no ' + sel);
  if (el.checked !== checked) el.click();
  return el.checked;
}

/** Types into the rules textarea like a person (input event), then leaves it (blur saves at once). */
function typeRules(text) {
  const area = document.querySelector('[data-testid=rules]');
  area.focus();
  area.value = text;
  area.dispatchEvent(new Event('input', { bubbles: true }));
  area.blur();
  return true;
}

/** Gives the import <input type=file> a file, as choosing one in the dialog would. */
function chooseFile({ name, text }) {
  const input = document.querySelector('[data-testid=import-file]');
  const dt = new DataTransfer();
  dt.items.add(new File([text], name, { type: 'application/json' }));
  input.files = dt.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  return true;
}

const storedRules = async (h) => {
  const all = await h.storage('get', null, 'sync');
  const n = all.settings?.parts?.rules ?? 0;
  let text = '';
  for (let i = 0; i < n; i++) text += all[`rules.${i}`] ?? '';
  return text;
};

/** Back to a blank slate: no settings in sync, none left in local by a fallback, marker on sync. */
async function resetSettings(h) {
  await h.storage('clear', null, 'sync');
  const page = await h.openExtensionPage('options.html');
  await page.evaluate(async () => {
    const api = globalThis.browser ?? globalThis.chrome;
    const local = await api.storage.local.get(null);
    const ours = Object.keys(local).filter((k) => k === 'settings' || /^(sites|rules)\.\d+$/.test(k));
    if (ours.length) await api.storage.local.remove(ours);
    await api.storage.local.set({ settingsArea: { area: 'sync' } });
  });
  await page.close();
}

export default [
  {
    name: 'turning a kind off on the options page shows that block in an open tab, without reload',
    browsers: ['chromium'],
    async run(h) {
      await resetSettings(h);
      const page = await h.newPage(h.govUrl(ARTICLE));
      await h.waitFor(page, isReady);
      const options = await h.openExtensionPage('options.html');
      await h.waitFor(options, optionsReady);
      // The fixture's link farm is always hidden by default; its share bar once noise detection
      // recognises it (checked too when it is hidden at the start).
      const cases = [{ kind: 'link-farm', sel: '.links-farm' }];
      if (await page.evaluate(hidden, '.share')) cases.push({ kind: 'share', sel: '.share' });
      else console.log('     note: the fixture share bar is not hidden by default; share switch not exercised');
      for (const { kind, sel } of cases) {
        await h.waitFor(page, hidden, sel);
        const box = `[data-testid="kind-${kind}"]`;
        h.assert.equal(await options.evaluate((b) => document.querySelector(b).checked, box), true, `${kind} hiding is on by default`);
        await options.evaluate(toggle, { sel: box, checked: false });
        await h.waitFor(page, visible, sel);
        const stored = await h.storage('get', 'settings', 'sync');
        h.assert.equal(stored.settings.kinds[kind], false);
        // And back on: hidden again, still without a reload.
        await options.evaluate(toggle, { sel: box, checked: true });
        await h.waitFor(page, hidden, sel);
      }
      await resetSettings(h);
    },
  },
  {
    name: 'a rule typed on the options page hides its block in an open tab; bad lines are reported by number',
    browsers: ['chromium'],
    async run(h) {
      await resetSettings(h);
      const page = await h.newPage(h.govUrl(ARTICLE));
      await h.waitFor(page, isReady);
      h.assert.ok(await page.evaluate(visible, '.info'));
      const options = await h.openExtensionPage('options.html');
      await h.waitFor(options, optionsReady);
      await options.evaluate(typeRules, `! my rules\n${h.govHost}##.info\n##div[\n||ads.example^`);
      const errors = await h.waitFor(options, () => {
        const items = [...document.querySelectorAll('[data-testid=rules-errors] li')];
        return items.length ? items.map((li) => li.dataset.line) : null;
      });
      h.assert.deepEqual(errors, ['3', '4']);
      await h.waitFor(page, hidden, '.info');
      h.assert.match(await storedRules(h), /##\.info/);
      await resetSettings(h);
      await h.waitFor(page, visible, '.info');
    },
  },
  {
    name: 'a 100 KB rules list: parse time in the browser (printed), kept locally when over the sync quota',
    browsers: ['chromium'],
    async run(h) {
      await resetSettings(h);
      const options = await h.openExtensionPage('options.html');
      await h.waitFor(options, optionsReady);
      const list = (tag) => {
        const out = [];
        let size = 0;
        for (let i = 0; size < 100 * 1024; i++) {
          const l = `site${i % 300}.gov.cn##div[id^="BAIDU_SSP_${tag}${i}"] > .ad_item${tag}${i}:not(.keep), .相关推荐${tag}${i}`;
          out.push(l);
          size += l.length + 1;
        }
        return out;
      };
      // Each list has selectors the page has never seen (no engine cache): three cold parses.
      const times = [];
      let lines = [];
      for (const tag of ['a', 'b', 'c']) {
        lines = list(tag);
        const ms = await options.evaluate((text) => {
          const area = document.querySelector('[data-testid=rules]');
          area.value = text;
          area.dispatchEvent(new Event('input', { bubbles: true }));
          return document.querySelector('[data-testid=rules-summary]').dataset.parseMs;
        }, lines.join('\n'));
        times.push(Number(ms));
      }
      await options.evaluate(() => document.querySelector('[data-testid=rules]').blur());
      const kb = Math.round((lines.join('\n').length) / 1024);
      console.log(`     ${h.browser}: ${lines.length} rules (${kb} KB) parsed in ${times.map((t) => t.toFixed(1)).join(', ')} ms (cold, first includes JIT warm-up)`);
      h.assert.ok(Math.min(...times) < 200, `parse took ${times} ms`);
      const note = await h.waitFor(options, async () => {
        const api = globalThis.chrome;
        const where = (await api.storage.local.get('settingsArea')).settingsArea;
        return where?.area === 'local' ? where.reason : '';
      });
      h.assert.equal(note, 'quota');
      // Reopened, the page says where the settings are and shows every rule.
      const again = await h.openExtensionPage('options.html');
      await h.waitFor(again, optionsReady);
      h.assert.equal(await again.evaluate(() => document.querySelector('[data-testid=rules]').value.split('\n').length), lines.length);
      h.assert.ok(await again.evaluate(() => document.querySelector('[data-testid=storage-note]').classList.contains('warn')));
      await resetSettings(h);
    },
  },
  {
    name: 'importing a malformed file shows what is wrong and changes nothing',
    browsers: ['chromium'],
    async run(h) {
      await resetSettings(h);
      const options = await h.openExtensionPage('options.html');
      await h.waitFor(options, optionsReady);
      await options.evaluate(() => {
        const el = document.querySelector('[data-testid=sensitivity]');
        el.value = 'high';
        el.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await h.waitFor(options, async () => {
        const api = globalThis.browser ?? globalThis.chrome;
        return (await api.storage.sync.get('settings')).settings?.sensitivity === 'high';
      });
      const before = await h.storage('get', null, 'sync');

      const errorText = () => document.querySelector('[data-testid=import-error]').textContent;
      const changedError = (prev) => {
        const now = document.querySelector('[data-testid=import-error]').textContent;
        return now !== prev ? now : '';
      };
      await options.evaluate(chooseFile, { name: 'broken.json', text: '{"version": 1, "kinds": {' });
      const e1 = await h.waitFor(options, errorText);
      h.assert.match(e1, /JSON/);
      await options.evaluate(chooseFile, { name: 'wrong.json', text: JSON.stringify({ app: 'qingdu', settings: { version: 1, reader: { fontSize: 500 } } }) });
      const e2 = await h.waitFor(options, changedError, e1);
      h.assert.match(e2, /reader\.fontSize/);
      await h.sleep(300);
      h.assert.deepEqual(await h.storage('get', null, 'sync'), before, 'storage unchanged');
      h.assert.equal(await options.evaluate(() => document.querySelector('[data-testid=sensitivity]').value), 'high');

      // A valid file is applied, and can be undone.
      await options.evaluate(chooseFile, { name: 'good.json', text: JSON.stringify({ app: 'qingdu', settings: { version: 1, sensitivity: 'low' } }) });
      await h.waitFor(options, () => document.querySelector('[data-testid=sensitivity]').value === 'low');
      await options.click('[data-testid=undo]');
      await h.waitFor(options, () => document.querySelector('[data-testid=sensitivity]').value === 'high');
      await resetSettings(h);
    },
  },
  {
    name: 'the element picker saves a rule for the site; the block is hidden after a reload',
    browsers: ['chromium'],
    async run(h) {
      await resetSettings(h);
      const page = await h.newPage(h.govUrl(ARTICLE));
      await h.waitFor(page, isReady);
      const tabId = await h.tabIdFor(ARTICLE);
      await page.bringToFront();
      const reply = await h.send(tabId, { type: 'start-picker' });
      h.assert.equal(reply.ok, true);
      await h.waitFor(page, () => !!document.querySelector('qingdu-picker'));
      await page.hover('.info');
      await page.click('.info');
      await page.keyboard.press('Enter');
      await h.waitFor(page, () => !document.querySelector('qingdu-picker'));
      let rules = '';
      for (let i = 0; i < 50 && !rules; i++) {
        rules = await storedRules(h);
        if (!rules) await h.sleep(100);
      }
      h.assert.equal(rules, `${h.govHost}##div.info`);
      // Clicking while picking must not have reached the page (no navigation, no selection change).
      await page.reload();
      await h.waitFor(page, isReady);
      await h.waitFor(page, hidden, '.info');
      h.assert.ok(await page.evaluate(visible, '.content'), 'the article stays visible');
      await resetSettings(h);
    },
  },
  {
    name: 'settings survive restarting the browser with the same profile',
    browsers: ['chromium'],
    timeout: 90_000,
    async run(h) {
      const dist = join(process.env.QINGDU_DIST ?? resolve(import.meta.dirname, '..', '..', '..', 'dist'), 'chrome');
      const ext = testCopy(dist, 'chromium');
      const profile = mkdtempSync(join(tmpdir(), 'qingdu-e2e-options-profile-'));
      const launch = async () => {
        const context = await chromium.launchPersistentContext(profile, {
          executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
          headless: true,
          args: [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`, '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
        });
        let [worker] = context.serviceWorkers();
        if (!worker) worker = await context.waitForEvent('serviceworker', { timeout: 15_000 });
        const page = await context.newPage();
        await page.goto(`chrome-extension://${new URL(worker.url()).host}/src/options/index.html`);
        await page.waitForFunction(optionsReady);
        return { context, page };
      };
      try {
        let { context, page } = await launch();
        await page.evaluate(() => {
          const el = document.querySelector('[data-testid=sensitivity]');
          el.value = 'low';
          el.dispatchEvent(new Event('change', { bubbles: true }));
        });
        await page.evaluate(typeRules, 'www.example.gov.cn##.kept-rule');
        await page.evaluate(toggle, { sel: '[data-testid="kind-nav"]', checked: true });
        await page.waitForFunction(async () => {
          const api = globalThis.chrome;
          const s = (await api.storage.sync.get(null)) ?? {};
          return s.settings?.sensitivity === 'low' && s.settings?.kinds?.nav === true && s['rules.0'] === 'www.example.gov.cn##.kept-rule';
        });
        // Let the browser's storage backend settle, as after a person closes a tab and quits.
        await h.sleep(1000);
        await context.close();
        ({ context, page } = await launch());
        const seen = await page.evaluate(() => ({
          sensitivity: document.querySelector('[data-testid=sensitivity]').value,
          rules: document.querySelector('[data-testid=rules]').value,
          nav: document.querySelector('[data-testid="kind-nav"]').checked,
          repaired: document.querySelector('[data-testid=repair-note]').hidden,
        }));
        h.assert.deepEqual(seen, { sensitivity: 'low', rules: 'www.example.gov.cn##.kept-rule', nav: true, repaired: true });
        await context.close();
      } finally {
        rmSync(profile, { recursive: true, force: true });
        rmSync(ext, { recursive: true, force: true });
      }
    },
  },
];
