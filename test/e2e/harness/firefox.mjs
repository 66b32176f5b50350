// Firefox ESR with the extension installed, driven by puppeteer-core 24 over WebDriver BiDi
// (Debian has no geckodriver; nothing is downloaded). The moz-extension UUID is pinned by a pref
// so extension page URLs are known before install.
import puppeteer from 'puppeteer-core';
import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { testCopy } from './extension-copy.mjs';

export async function launchFirefox({ distDir, serverPort, executablePath = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr' }) {
  const ext = testCopy(distDir, 'firefox');
  const manifest = JSON.parse(readFileSync(join(ext, 'manifest.json'), 'utf8'));
  const geckoId = manifest.browser_specific_settings?.gecko?.id;
  if (!geckoId) throw new Error('dist/firefox/manifest.json has no gecko id');
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
      // *.gov.cn -> this machine: our static server doubles as the proxy for every http and
      // https request; it serves *.gov.cn from the fixtures and refuses every other host at
      // once (saved pages' external resources cannot hang a test). Firefox never proxies
      // 127.0.0.1 itself (allow_hijacking_localhost is false): fixture URLs and the BiDi
      // socket go direct.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': serverPort,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': serverPort,
      'network.proxy.share_proxy_settings': false,
      'network.dns.disablePrefetch': true,
      'network.prefetch-next': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': false,
      // Keep http://x.gov.cn on http.
      'dom.security.https_first': false,
      'dom.security.https_first_pbm': false,
      'dom.security.https_first_schemeless': false,
      'dom.security.https_only_mode': false,
      'intl.locale.requested': 'zh-CN',
      'intl.accept_languages': 'zh-CN, zh, en',
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
    },
  });
  try {
    await browser.installExtension(ext);
  } catch (e) {
    await browser.close().catch(() => {});
    throw e;
  }
  return {
    name: 'firefox',
    browser,
    extensionBase: `moz-extension://${uuid}/`,
    async newPage() {
      return browser.newPage();
    },
    async goto(page, url, { waitUntil = 'load' } = {}) {
      if (url.startsWith('moz-extension:')) {
        // Navigation events are not reported for extension pages over BiDi (goto would wait
        // until its timeout): start the navigation, then poll the document itself.
        // Mark the current document so a reload of the same URL is not mistaken for done.
        await page.evaluate(() => { globalThis.__qingduStale = true; }).catch(() => {});
        page.goto(url, { waitUntil: 'load', timeout: 30_000 }).catch(() => {});
        const deadline = Date.now() + 20_000;
        for (;;) {
          const done = await page
            .evaluate(
              (u) => !globalThis.__qingduStale && location.href.startsWith(u.split('#')[0]) && document.readyState === 'complete',
              url,
            )
            .catch(() => false);
          if (done) break;
          if (Date.now() > deadline) throw new Error(`timed out loading ${url}`);
          await new Promise((r) => setTimeout(r, 50));
        }
      } else {
        await page.goto(url, { waitUntil, timeout: 20_000 });
      }
    },
    pages: () => browser.pages(),
    async close() {
      await browser.close().catch(() => {});
      rmSync(ext, { recursive: true, force: true });
    },
  };
}
