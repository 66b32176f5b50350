// `node scripts/screenshots.mjs`: regenerates the README pictures (docs/images/) from the built
// extension in Debian's Chromium with a Chinese interface: the popup and the clean view on
// seed page 000 (a defaced mirror copy) served from a *.gov.cn host on 127.0.0.1.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Chromium on Linux takes its UI (and so the extension's) locale from these, but only when the
// locale's resources are installed: Debian ships them in chromium-l10n (the tests do not need it).
if (!existsSync('/usr/lib/chromium/locales/zh-CN.pak'))
  console.warn('screenshots: no zh-CN locale for Chromium; the pictures will show the English interface (apt-get install chromium-l10n)');
process.env.LANGUAGE = 'zh_CN';
process.env.LANG = process.env.LC_ALL = 'zh_CN.UTF-8';
const root = fileURLToPath(new URL('..', import.meta.url));
const { startServer } = await import(join(root, 'test/e2e/harness/server.mjs'));
const { launchChromium } = await import(join(root, 'test/e2e/harness/chromium.mjs'));
const { Session } = await import(join(root, 'test/e2e/harness/harness.mjs'));

const server = await startServer({ fixturesDir: join(root, 'test/e2e/fixtures'), corpusDir: resolve(root, '../shared/corpus') });
const driver = await launchChromium({ distDir: join(root, 'dist/chrome') });
const session = new Session(driver, { port: server.port, screenshotDir: join(root, 'docs/images') });
await session.start();
const { h } = session.forTest('screenshots');
try {
  const page = await h.newPage(h.govUrl('corpus/seeds/000.html'));
  await h.waitFor(page, () => performance.getEntriesByName('qingdu:ready').length > 0, undefined, 20_000);
  const tabId = await h.tabIdFor('seeds/000.html');
  await page.setViewportSize({ width: 1100, height: 760 });
  await page.screenshot({ path: join(root, 'docs/images/page-cleaned.png') });
  const popup = await h.openExtensionPage(`popup.html?tab=${tabId}`);
  await popup.setViewportSize({ width: 400, height: 900 });
  await h.waitFor(popup, () => !!document.querySelector('[data-testid=summary] li'), undefined, 15_000);
  await popup.screenshot({ path: join(root, 'docs/images/popup.png') });
  await page.bringToFront();
  await h.send(tabId, { type: 'open-reader' });
  await h.waitFor(page, () => document.documentElement.hasAttribute('data-qingdu-reader'));
  await h.sleep(500);
  await page.screenshot({ path: join(root, 'docs/images/reader.png') });
  console.log('wrote docs/images/page-cleaned.png, popup.png, reader.png');
} finally {
  await driver.close();
  await server.close();
}
