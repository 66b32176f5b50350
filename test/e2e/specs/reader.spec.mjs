// The clean view end to end: opened with {type:'open-reader'} (as the popup, shortcut and menu
// do), it shows every article block and no must-hide text, Esc closes it back to the same
// scroll position with the page untouched; screenshots of light, dark and vertical modes; time
// to open vs Readability.parse of the same page, in Chromium.
// Contract with the reader (src/reader): host <qingdu-reader id="qingdu-reader-host"> with an
// open shadow root, <html data-qingdu-reader="open"> while open, performance measures
// qingdu:reader-build (openReader itself), qingdu:reader-frame (the first frame: focus, style,
// layout, paint), qingdu:reader-open (build + frame) and qingdu:reader-paint (wall clock from
// openReader to after the first frame, with the wait for it).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..', '..');
const corpus = process.env.QINGDU_CORPUS ?? resolve(root, '..', 'shared', 'corpus');
const SEEDS = ['000', '001', '002', '003', '004'];
// A spread: gov and news sites, GBK and UTF-8, injected spam of several kinds.
const PAGES = ['gne-gzggw-1', 'gne-sxmu-1', 'gne-163-1', 'gne-qq-2', 'gne-cjn-1', 'gne-xds-1'];
const INJECTED = ['gne-163-2--combo', 'gne-gzggw-1--hidden-links', 'gne-sxmu-1--footer-farm', 'gne-cjn-1--overlay', 'gne-xds-1--mirror'];

const isReady = () => performance.getEntriesByName('qingdu:ready').length > 0;
const squeeze = (s) => (s || '').normalize('NFKC').replace(/[\s\p{P}\p{S}]+/gu, '');

function truthOf(dir, id) {
  return JSON.parse(readFileSync(join(corpus, dir, id + '.truth.json'), 'utf8'));
}

/** The cases: path under /corpus/, and the texts that must never show in the view. */
function cases() {
  const out = [];
  for (const id of SEEDS) {
    const t = truthOf('seeds', id);
    out.push({ name: 'seed ' + id, path: `corpus/seeds/${id}.html`, mustHide: [...(t.mustHide ?? []), ...(t.mustNotExtract ?? [])] });
  }
  for (const id of PAGES) out.push({ name: id, path: `corpus/pages/${id}.html`, mustHide: [] });
  for (const id of INJECTED) {
    const t = truthOf('injected', id);
    out.push({ name: id, path: `corpus/injected/${id}.html`, mustHide: [...(t.mustHide ?? []), ...(t.mustNotExtract ?? [])] });
  }
  return out;
}

const blockTexts = (b) => (b.type === 'list' ? b.items : b.type === 'table' ? b.rows.flat() : b.type === 'image' ? [b.caption] : [b.text]);

/** In the page: the view's state (read through the open shadow root). */
function viewState() {
  const host = document.getElementById('qingdu-reader-host');
  const root = host?.shadowRoot;
  return {
    open: !!root,
    attr: document.documentElement.getAttribute('data-qingdu-reader'),
    text: root?.querySelector('article')?.textContent ?? '',
    focusInView: !!root && document.activeElement === host && !!root.activeElement,
    dialog: root?.querySelector('[role=dialog]')?.getAttribute('aria-modal') ?? null,
    openMs: performance.getEntriesByName('qingdu:reader-open').at(-1)?.duration ?? NaN,
    buildMs: performance.getEntriesByName('qingdu:reader-build').at(-1)?.duration ?? NaN,
    paintMs: performance.getEntriesByName('qingdu:reader-paint').at(-1)?.duration ?? NaN,
    scrollY: window.scrollY,
    // Styled at all (the sheets are adopted, or <style> where unsupported)?
    styled: !!host && getComputedStyle(host).position === 'fixed' && getComputedStyle(document.documentElement).overflow === 'hidden'
      && getComputedStyle(root.querySelector('.qd-root')).display === 'flex',
  };
}

/** Opens a page without waiting for its (unreachable, remote) images and scripts to load. */
async function load(h, path) {
  const page = await h.newPage();
  await page.goto(h.govUrl(path), { waitUntil: 'domcontentloaded', timeout: 20_000 });
  return page;
}

/** In the page: focus is inside the view (it moves there in the frame after opening). */
function focusedInView() {
  const host = document.getElementById('qingdu-reader-host');
  return !!host && document.activeElement === host && !!host.shadowRoot?.activeElement;
}

async function openView(h, page, path) {
  await h.waitFor(page, isReady);
  const tabId = await h.tabIdFor(path);
  const state = await h.send(tabId, { type: 'get-state' });
  const reply = await h.send(tabId, { type: 'open-reader' });
  h.assert.equal(reply?.ok, true, JSON.stringify(reply));
  await h.waitFor(page, () => !!document.getElementById('qingdu-reader-host')?.shadowRoot?.querySelector('article:not([data-pending])'));
  return { tabId, state };
}

/**
 * Waits for the clone/parasite banner where the analysis calls for one: it is a lazy part that
 * may arrive after qingdu:ready, and its host would otherwise count as a change to the page.
 */
async function bannerSettled(h, page, path) {
  const { analysis } = await h.send(await h.tabIdFor(path), { type: 'get-state' });
  if (analysis.clone || analysis.parasite) await h.waitFor(page, () => !!document.querySelector('qingdu-banner'));
}

/** Scrolls the page (before opening) to a point it can reach, and returns it. */
async function scrollPage(page) {
  return page.evaluate(() => {
    const max = document.documentElement.scrollHeight - innerHeight;
    window.scrollTo(0, Math.max(0, Math.min(400, max)));
    return window.scrollY;
  });
}

function checkOpenCloseOnly(c) {
  return async (h) => {
    const page = await load(h, c.path);
    await h.waitFor(page, isReady);
    const y = await scrollPage(page);
    await openView(h, page, c.path);
    await h.waitFor(page, focusedInView);
    const open = await page.evaluate(viewState);
    h.assert.equal(open.attr, 'open');
    h.assert.equal(open.dialog, 'true');
    h.assert.ok(open.styled, 'the view is styled (host fixed, page scroll locked)');
    h.assert.ok(open.focusInView, 'focus moved into the view');
    await page.keyboard.press('Escape');
    await h.waitFor(page, () => !document.getElementById('qingdu-reader-host'));
    const closed = await page.evaluate(viewState);
    h.assert.equal(closed.attr, null, 'attribute removed');
    h.assert.equal(closed.scrollY, y, 'scroll position restored');
  };
}

function checkFull(c) {
  return async (h) => {
    const page = await load(h, c.path);
    await h.waitFor(page, isReady);
    const y = await scrollPage(page);
    await bannerSettled(h, page, c.path);
    const before = await page.evaluate(() => document.documentElement.outerHTML);
    const { state } = await openView(h, page, c.path);
    await h.waitFor(page, focusedInView);
    const v = await page.evaluate(viewState);
    h.assert.ok(v.open && v.attr === 'open', 'view open');
    h.assert.ok(v.styled, 'the view is styled (host fixed, page scroll locked)');
    h.assert.ok(v.focusInView, 'focus moved into the view');
    const text = squeeze(v.text);
    const blocks = state.analysis.blocks;
    h.assert.ok(blocks.length > 0, 'the analysis has blocks');
    for (const b of blocks) for (const s of blockTexts(b)) h.assert.ok(text.includes(squeeze(s)), `${c.name}: block missing from the view: ${s.slice(0, 40)}`);
    for (const m of c.mustHide) {
      const s = squeeze(m);
      if (s.length >= 6) h.assert.ok(!text.includes(s), `${c.name}: must-hide text in the view: ${m.slice(0, 40)}`);
    }
    // Blocks below the first screen skip layout until scrolled near (content-visibility), with
    // a size estimate; scrolled to, they are laid out and show.
    const later = await page.evaluate(() => {
      const root = document.getElementById('qingdu-reader-host').shadowRoot;
      const all = root.querySelectorAll('.qd-body > .qd-later');
      const last = all[all.length - 1];
      if (!last) return null;
      const cs = getComputedStyle(last);
      const out = { n: all.length, cv: cs.contentVisibility, size: cs.containIntrinsicBlockSize };
      last.scrollIntoView();
      return out;
    });
    if (later) {
      h.assert.equal(later.cv, 'auto');
      h.assert.match(later.size, /^auto \d/);
      // Printed, every block is laid out.
      if (page.emulateMedia) {
        await page.emulateMedia({ media: 'print' });
        const printed = await page.evaluate(() => {
          const all = document.getElementById('qingdu-reader-host').shadowRoot.querySelectorAll('.qd-body > .qd-later');
          return getComputedStyle(all[all.length - 1]).contentVisibility;
        });
        await page.emulateMedia({ media: 'screen' });
        h.assert.equal(printed, 'visible');
      }
      await h.waitFor(page, () => {
        const all = document.getElementById('qingdu-reader-host').shadowRoot.querySelectorAll('.qd-body > .qd-later');
        // Scroll again on each try: the print/screen switch above lays the view out afresh and
        // the estimated sizes above the block move it.
        all[all.length - 1].scrollIntoView();
        const r = all[all.length - 1].getBoundingClientRect();
        return r.height > 0 && r.bottom > 0 && r.top < innerHeight;
      });
    }
    await page.keyboard.press('Escape');
    await h.waitFor(page, () => !document.getElementById('qingdu-reader-host'));
    const after = await page.evaluate(viewState);
    h.assert.equal(after.attr, null);
    h.assert.equal(after.scrollY, y, `${c.name}: scroll position restored`);
    const markup = await page.evaluate(() => document.documentElement.outerHTML);
    h.assert.ok(markup === before, `${c.name}: page markup changed after close: ${firstDifference(before, markup)}`);
  };
}

/** Where two serialisations part, with some context from each (for the failure message). */
function firstDifference(a, b) {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const at = (s) => JSON.stringify(s.slice(Math.max(0, i - 60), i + 100));
  return `lengths ${a.length} → ${b.length}, first difference at ${i}: before ${at(a)}, after ${at(b)}`;
}

/** Clicks a toolbar control inside the view by its data-action. */
function clickAction(action) {
  const root = document.getElementById('qingdu-reader-host').shadowRoot;
  const el = root.querySelector(`[data-action="${action}"]`);
  if (!el) throw new Error('no control ' + action);
  el.click();
  return true;
}
/** Sets a control of the 排版 panel (built when first opened), then closes the panel again. */
function chooseAction({ action, value }) {
  const root = document.getElementById('qingdu-reader-host').shadowRoot;
  const settings = root.querySelector('[data-action="settings"]');
  if (settings.getAttribute('aria-expanded') !== 'true') settings.click();
  const el = root.querySelector(`[data-action="${action}"]`);
  if (value === undefined) {
    el.click();
    settings.click();
    return el.getAttribute('aria-pressed');
  }
  el.value = value;
  el.dispatchEvent(new Event('change'));
  settings.click();
  return el.value;
}

async function readabilityMs(page) {
  const require = createRequire(import.meta.url);
  const src = readFileSync(require.resolve('@mozilla/readability/Readability.js'), 'utf8');
  return page.evaluate(`(() => {
    ${src}
    const runs = [];
    let chars = 0;
    for (let i = 0; i < 5; i++) {
      const clone = document.cloneNode(true);
      const t0 = performance.now();
      const r = new Readability(clone).parse();
      runs.push(performance.now() - t0);
      chars = r?.textContent?.length ?? 0;
    }
    runs.sort((a, b) => a - b);
    return { ms: runs[2], chars };
  })()`);
}

const tests = [];
for (const c of cases()) {
  tests.push({ name: `${c.name}: opens with every block, no must-hide text, Esc restores scroll`, browsers: ['chromium'], run: checkFull(c) });
}
tests.push({
  name: 'works on a page with a strict CSP',
  browsers: ['chromium', 'firefox'],
  run: checkOpenCloseOnly({ name: 'csp', path: 'gov/article.html?csp=strict' }),
});
for (const c of cases().filter((x) => x.name.startsWith('seed') || x.name === 'gne-gzggw-1')) {
  tests.push({ name: `${c.name}: opens and closes (Firefox)`, browsers: ['firefox'], run: checkOpenCloseOnly(c) });
}

tests.push({
  name: 'screenshots: light, dark, sepia, vertical; the back button closes',
  browsers: ['chromium'],
  timeout: 60_000,
  async run(h) {
    const path = 'corpus/seeds/000.html';
    const page = await load(h, path);
    await openView(h, page, path);
    await page.evaluate(chooseAction, { action: 'theme', value: 'light' });
    await h.sleep(250);
    await h.screenshot(page, 'reader-light');
    await page.evaluate(chooseAction, { action: 'theme', value: 'dark' });
    await h.sleep(250);
    await h.screenshot(page, 'reader-dark');
    await page.evaluate(chooseAction, { action: 'theme', value: 'sepia' });
    h.assert.equal(await page.evaluate(chooseAction, { action: 'vertical' }), 'true');
    await h.sleep(250);
    const vertical = await page.evaluate(() => {
      const root = document.getElementById('qingdu-reader-host').shadowRoot;
      const a = root.querySelector('article');
      return getComputedStyle(a).writingMode;
    });
    h.assert.equal(vertical, 'vertical-rl');
    await h.screenshot(page, 'reader-vertical');
    // The settings panel, opened, for the docs.
    h.assert.equal(await page.evaluate(chooseAction, { action: 'vertical' }), 'false');
    await page.evaluate(chooseAction, { action: 'theme', value: 'light' });
    await page.evaluate(clickAction, 'settings');
    await h.sleep(250);
    await h.screenshot(page, 'reader-settings');
    // Reset the remembered preferences for later tests, then close with the back button.
    await page.evaluate(chooseAction, { action: 'theme', value: 'system' });
    await page.evaluate(clickAction, 'back');
    await h.waitFor(page, () => !document.getElementById('qingdu-reader-host'));
  },
});

tests.push({
  name: 'a hostile page: nothing active in the view',
  browsers: ['chromium'],
  async run(h) {
    const path = 'hostile.html';
    const page = await load(h, path);
    await openView(h, page, path);
    const bad = await page.evaluate(() => {
      const root = document.getElementById('qingdu-reader-host').shadowRoot;
      const out = [];
      for (const el of root.querySelectorAll('script, iframe, object, embed')) out.push(el.tagName);
      for (const el of root.querySelectorAll('*'))
        for (const a of el.attributes) if (a.name.startsWith('on') || /^\s*javascript:/i.test(a.value)) out.push(`${el.tagName} ${a.name}`);
      return out;
    });
    h.assert.deepEqual(bad, []);
    h.assert.notEqual(await page.evaluate(() => document.title), 'PWNED', 'no page script ran');
  },
});

tests.push({
  name: 'time to open the view vs Readability.parse (corpus pages)',
  browsers: ['chromium'],
  timeout: 120_000,
  async run(h) {
    const rows = [];
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    for (const c of cases()) {
      const page = await load(h, c.path);
      // Five opens, median: warmed up like the five Readability runs it is compared with.
      const opens = [];
      const builds = [];
      const paints = [];
      for (let i = 1; i <= 5; i++) {
        await openView(h, page, c.path);
        await h.waitFor(page, (n) => performance.getEntriesByName('qingdu:reader-paint').length >= n, i);
        const v = await page.evaluate(viewState);
        opens.push(v.openMs);
        builds.push(v.buildMs);
        paints.push(v.paintMs);
        await page.keyboard.press('Escape');
        await h.waitFor(page, () => !document.getElementById('qingdu-reader-host'));
      }
      const readability = await readabilityMs(page);
      const r2 = (x) => Math.round(x * 100) / 100;
      rows.push({ page: c.name, openMs: r2(median(opens)), buildMs: r2(median(builds)), paintMs: r2(median(paints)), readabilityMs: r2(readability.ms), readabilityChars: readability.chars });
      await page.close();
    }
    const dir = join(root, 'test-results');
    mkdirSync(dir, { recursive: true });
    const summary = {
      // open = build + first frame (what the user waits for, without the wait for the vsync);
      // build = openReader alone; paint = wall clock to after the first frame.
      openMedian: median(rows.map((r) => r.openMs)),
      buildMedian: median(rows.map((r) => r.buildMs)),
      paintMedian: median(rows.map((r) => r.paintMs)),
      readabilityMedian: median(rows.map((r) => r.readabilityMs)),
      openRatioMedian: median(rows.map((r) => r.openMs / r.readabilityMs)),
      openFasterOn: rows.filter((r) => r.openMs < r.readabilityMs).length,
      rows,
    };
    writeFileSync(join(dir, 'reader-timing.json'), JSON.stringify(summary, null, 1));
    for (const r of rows) h.assert.ok(r.openMs >= r.buildMs && Number.isFinite(r.openMs), `${r.page}: open measured after the first frame`);
    // The view's own work (DOM built and inserted, no second extraction) stays well under a
    // Readability.parse. The whole open, with the browser's first frame, is reported in
    // reader-timing.json and by npm run bench; it is not asserted (see docs/reader.md).
    h.assert.ok(summary.buildMedian < summary.readabilityMedian, JSON.stringify(summary));
  },
});

export default tests;
