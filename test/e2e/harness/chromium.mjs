// Chromium (Debian's /usr/bin/chromium) with the extension loaded, driven by playwright-core.
// No browser download: executablePath points at the system browser.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testCopy } from './extension-copy.mjs';

export async function launchChromium({ distDir, executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium' }) {
  const ext = testCopy(distDir, 'chromium');
  const profile = mkdtempSync(join(tmpdir(), 'qingdu-e2e-chromium-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
    args: [
      `--disable-extensions-except=${ext}`,
      `--load-extension=${ext}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      // Every *.gov.cn host is this machine (the URL keeps the server's port); every other
      // host name fails at once, so saved pages' external resources cannot hang a test.
      '--host-resolver-rules=MAP *.gov.cn 127.0.0.1, EXCLUDE 127.0.0.1, EXCLUDE localhost, MAP * ~NOTFOUND',
      // http://x.gov.cn must stay http (no automatic HTTPS upgrade attempts).
      '--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable',
      '--lang=zh-CN',
    ],
  });
  let [worker] = context.serviceWorkers();
  if (!worker) worker = await context.waitForEvent('serviceworker', { timeout: 15_000 });
  const extensionId = new URL(worker.url()).host;
  // The persistent context opens one blank tab; keep it as the harness's control page later.
  return {
    name: 'chromium',
    context,
    extensionBase: `chrome-extension://${extensionId}/`,
    worker,
    async newPage() {
      return context.newPage();
    },
    async goto(page, url, { waitUntil = 'load' } = {}) {
      await page.goto(url, { waitUntil, timeout: 20_000 });
    },
    pages: () => context.pages(),
    async close() {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
      rmSync(ext, { recursive: true, force: true });
    },
  };
}
