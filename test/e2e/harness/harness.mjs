// The `h` object every e2e test receives. Specs only use this and the common subset of the
// Playwright / Puppeteer Page API (evaluate(fn, oneArg), click, title, screenshot, close, ...).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** Short names for the built extension pages (crxjs keeps the source paths). */
const PAGE_ALIASES = {
  'popup.html': 'src/popup/index.html',
  'options.html': 'src/options/index.html',
};

export const GOV_HOST = 'www.example.gov.cn';

/**
 * One per browser: holds the control page (an extension page kept open for the whole run, from
 * which tabs are queried and messages sent, like the popup does).
 */
export class Session {
  constructor(driver, { port, screenshotDir }) {
    this.driver = driver;
    this.port = port;
    this.screenshotDir = screenshotDir;
    this.control = null;
  }

  extensionUrl(path) {
    const [file, rest] = splitQuery(path.replace(/^\//, ''));
    return this.driver.extensionBase + (PAGE_ALIASES[file] ?? file) + rest;
  }

  async start() {
    this.control = await this.driver.newPage();
    await this.driver.goto(this.control, this.extensionUrl('options.html'));
    // Fail early and clearly when the extension APIs are not reachable from the control page.
    const ok = await this.control.evaluate(() => typeof (globalThis.browser ?? globalThis.chrome)?.tabs?.query === 'function');
    if (!ok) throw new Error('control page has no tabs API (is the extension loaded?)');
  }

  /**
   * Runs fn(api, arg) inside the control page, where api is browser (Firefox) or chrome.
   * Sent as a source string: extension pages forbid eval, but the driver's own evaluation is
   * exempt from the page's CSP.
   */
  async inExtension(fn, arg) {
    const expr = `(async () => { const api = globalThis.browser ?? globalThis.chrome; return (${fn.toString()})(api, ${JSON.stringify(arg ?? null)}); })()`;
    return this.control.evaluate(expr);
  }

  /** Builds the harness object for one test; pages it opens are closed afterwards. */
  forTest(testName) {
    const s = this;
    const opened = [];
    const h = {
      browser: s.driver.name,
      assert,
      port: s.port,
      govHost: GOV_HOST,
      url: (path = '') => `http://127.0.0.1:${s.port}/${path.replace(/^\//, '')}`,
      govUrl: (path = '', host = GOV_HOST) => `http://${host}:${s.port}/${path.replace(/^\//, '')}`,
      extensionUrl: (path) => s.extensionUrl(path),
      async newPage(url) {
        const page = await s.driver.newPage();
        opened.push(page);
        if (url) await s.driver.goto(page, url);
        return page;
      },
      async openExtensionPage(path) {
        return h.newPage(s.extensionUrl(path));
      },
      async goto(page, url) {
        await s.driver.goto(page, url);
      },
      async tabIdFor(urlSubstring) {
        // The tab may still be settling: retry briefly.
        for (let i = 0; i < 40; i++) {
          const id = await s.inExtension(async (api, sub) => {
            const tabs = await api.tabs.query({});
            return tabs.find((t) => (t.url ?? '').includes(sub))?.id ?? null;
          }, urlSubstring);
          if (id !== null) return id;
          await sleep(100);
        }
        throw new Error(`no tab whose URL contains ${urlSubstring}`);
      },
      async send(tabId, message) {
        return s.inExtension((api, { tabId, message }) => api.tabs.sendMessage(tabId, message), { tabId, message });
      },
      /** ensureContentScript via the background ({type:'inject'}), as the popup would. */
      async inject(tabId) {
        const reply = await s.inExtension((api, tabId) => api.runtime.sendMessage({ type: 'inject', tabId }), tabId);
        return reply?.ok === true;
      },
      /** The action badge text the background set for a tab ('' when none). */
      async badgeText(tabId) {
        return s.inExtension((api, tabId) => api.action.getBadgeText({ tabId }), tabId);
      },
      /** storage.<area>.get/set/clear from the extension (area 'local' or 'sync'). */
      async storage(op, value = null, area = 'local') {
        return s.inExtension(async (api, { op, value, area }) => {
          const st = api.storage[area];
          if (op === 'get') return st.get(value ?? null);
          if (op === 'set') return st.set(value);
          if (op === 'clear') return st.clear();
          throw new Error('storage op ' + op);
        }, { op, value, area });
      },
      /** Polls fn(arg) in the page until it returns something truthy; returns that value. */
      async waitFor(page, fn, arg, timeoutMs = 10_000) {
        const deadline = Date.now() + timeoutMs;
        let last;
        for (;;) {
          try {
            last = await page.evaluate(fn, arg);
            if (last) return last;
          } catch (e) {
            last = e;
          }
          if (Date.now() > deadline) throw new Error(`waitFor timed out after ${timeoutMs} ms (last: ${String(last)}): ${fn}`);
          await sleep(100);
        }
      },
      async screenshot(page, name) {
        mkdirSync(s.screenshotDir, { recursive: true });
        const path = join(s.screenshotDir, `${s.driver.name}-${name}.png`);
        await page.screenshot({ path });
        return path;
      },
      sleep,
    };
    const cleanup = async () => {
      for (const page of opened) await page.close().catch(() => {});
    };
    return { h, cleanup, testName };
  }
}

function splitQuery(path) {
  const i = path.search(/[?#]/);
  return i < 0 ? [path, ''] : [path.slice(0, i), path.slice(i)];
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
