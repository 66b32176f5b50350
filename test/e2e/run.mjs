#!/usr/bin/env node
// End-to-end runner: loads dist/chrome into Chromium (playwright-core) and dist/firefox into
// Firefox ESR (puppeteer-core over WebDriver BiDi), serves fixtures and the shared corpus from
// 127.0.0.1, and runs every test/e2e/specs/*.spec.mjs in each browser it lists.
//
//   node test/e2e/run.mjs [--browser chromium|firefox] [--only substring]
//
// A spec module: export default [{ name, browsers: ['chromium', 'firefox'], async run(h) {} }].
// Output: an `ok`/`FAIL` line per test and browser, per-browser totals, and last exactly one
// line `N passed, N failed`. Exit code 1 when anything failed.
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer } from './harness/server.mjs';
import { launchChromium } from './harness/chromium.mjs';
import { launchFirefox } from './harness/firefox.mjs';
import { Session } from './harness/harness.mjs';

const TEST_TIMEOUT_MS = 30_000;
const root = resolve(import.meta.dirname, '..', '..');
const BROWSERS = ['chromium', 'firefox'];

function parseArgs(argv) {
  const opts = { browsers: BROWSERS, only: '' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a.startsWith('--browser')) {
      const b = value();
      if (!BROWSERS.includes(b)) throw new Error(`unknown browser ${b} (chromium|firefox)`);
      opts.browsers = [b];
    } else if (a.startsWith('--only')) opts.only = value();
    else throw new Error(`unknown argument ${a}`);
  }
  return opts;
}

async function loadSpecs(only) {
  const dir = join(root, 'test', 'e2e', 'specs');
  const files = readdirSync(dir).filter((f) => f.endsWith('.spec.mjs')).sort();
  const tests = [];
  for (const f of files) {
    let list;
    try {
      list = (await import(pathToFileURL(join(dir, f)).href)).default;
      if (!Array.isArray(list)) throw new Error(`${f}: default export must be an array of tests`);
    } catch (e) {
      // A broken spec file fails (once per browser) without stopping the others.
      list = [{ name: '(spec file does not load)', run: () => Promise.reject(e) }];
    }
    for (const t of list) {
      const id = `${f.replace(/\.spec\.mjs$/, '')}: ${t.name}`;
      if (only && !id.includes(only)) continue;
      tests.push({ ...t, id, browsers: t.browsers ?? BROWSERS });
    }
  }
  return tests;
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, fail) => {
    timer = setTimeout(() => fail(new Error(`${what} timed out after ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function describe(err) {
  const text = err?.stack ?? String(err);
  return text.split('\n').slice(0, 8).map((l) => '    ' + l).join('\n');
}

async function runBrowser(name, tests, server) {
  const counts = { passed: 0, failed: 0 };
  const started = Date.now();
  // QINGDU_DIST lets a developer test a private build (a folder with chrome/ and firefox/ inside).
  const dist = join(process.env.QINGDU_DIST ?? join(root, 'dist'), name === 'chromium' ? 'chrome' : 'firefox');
  let driver;
  let session;
  try {
    if (!existsSync(join(dist, 'manifest.json'))) throw new Error(`${dist} is missing: run npm run build first`);
    driver = name === 'chromium'
      ? await withTimeout(launchChromium({ distDir: dist }), 60_000, 'launching chromium')
      : await withTimeout(launchFirefox({ distDir: dist, serverPort: server.port }), 60_000, 'launching firefox');
    session = new Session(driver, { port: server.port, screenshotDir: join(root, 'test-results', 'screenshots') });
    await withTimeout(session.start(), 30_000, 'opening the control page');
  } catch (e) {
    // The browser could not start: every test of this browser fails, with the reason.
    console.log(`FAIL ${name}: browser setup\n${describe(e)}`);
    counts.failed += tests.length;
    for (const t of tests) console.log(`FAIL ${name.padEnd(8)} ${t.id} (browser did not start)`);
    await driver?.close();
    return counts;
  }
  for (const t of tests) {
    const { h, cleanup } = session.forTest(t.id);
    const t0 = Date.now();
    try {
      await withTimeout(Promise.resolve().then(() => t.run(h)), t.timeout ?? TEST_TIMEOUT_MS, 'test');
      counts.passed++;
      console.log(`ok   ${name.padEnd(8)} ${t.id} (${Date.now() - t0} ms)`);
    } catch (e) {
      counts.failed++;
      console.log(`FAIL ${name.padEnd(8)} ${t.id} (${Date.now() - t0} ms)\n${describe(e)}`);
    }
    await withTimeout(cleanup(), 10_000, 'closing pages').catch(() => {});
  }
  await withTimeout(driver.close(), 20_000, 'closing the browser').catch(() => {});
  console.log(`${name}: ${counts.passed} passed, ${counts.failed} failed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return counts;
}

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(String(e.message ?? e));
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  const tests = await loadSpecs(opts.only);
  if (tests.length === 0) {
    console.log(`no e2e test matches ${JSON.stringify(opts.only)}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  const server = await startServer({
    fixturesDir: join(root, 'test', 'e2e', 'fixtures'),
    corpusDir: process.env.QINGDU_CORPUS ?? resolve(root, '..', 'shared', 'corpus'),
  });
  const total = { passed: 0, failed: 0 };
  try {
    for (const name of opts.browsers) {
      const mine = tests.filter((t) => t.browsers.includes(name));
      if (mine.length === 0) continue;
      const c = await runBrowser(name, mine, server);
      total.passed += c.passed;
      total.failed += c.failed;
    }
  } finally {
    await server.close();
  }
  console.log(`${total.passed} passed, ${total.failed} failed`);
  process.exit(total.failed > 0 ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
