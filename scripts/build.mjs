#!/usr/bin/env node
// `npm run build`: the Chrome and Firefox extensions from one vite config (BROWSER picks the
// target), then the Node library/CLI when vite.node.config.ts exists, then a size summary.
// Steps run one after another (vite builds are CPU bound; CI has 2 cores).
//   node scripts/build.mjs [chrome] [firefox] [node]   (default: all)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = resolve(import.meta.dirname, '..');
const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
// QINGDU_DIST=/tmp/x: the extension builds go to /tmp/x/chrome and /tmp/x/firefox (vite.config.ts
// and vite.node.config.ts read it too: the library goes to /tmp/x/node; test/e2e/run.mjs tests that layout).
const distRoot = resolve(process.env.QINGDU_DIST ?? join(root, 'dist'));

function run(label, args, env = {}) {
  const started = Date.now();
  const r = spawnSync(process.execPath, [vite, ...args], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, ...env },
  });
  const ok = r.status === 0;
  console.log(`build: ${label} ${ok ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (!ok) process.exit(r.status || 1);
}

const only = process.argv.slice(2);
const want = (t) => only.length === 0 || only.includes(t);

for (const browser of ['chrome', 'firefox']) {
  if (want(browser)) run(browser, ['build', '--logLevel', 'warn'], { BROWSER: browser });
}
if (want('node') && existsSync(join(root, 'vite.node.config.ts'))) {
  run('node', ['build', '-c', 'vite.node.config.ts', '--logLevel', 'warn']);
}

// ---- size summary --------------------------------------------------------------------------
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const STATIC_IMPORT = /(?:\bimport|\bfrom)\s*["'](\.{1,2}\/[^"']+)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["'`](\.{1,2}\/[^"'`]+)["'`]\s*\)/g;

function dirSize(dir) {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    total += s.isDirectory() ? dirSize(p) : s.size;
  }
  return total;
}

/** A chunk and everything it imports statically (paths relative to dist). */
function staticClosure(dist, entry) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file) || !existsSync(join(dist, file))) return;
    seen.add(file);
    const text = readFileSync(join(dist, file), 'utf8');
    for (const m of text.matchAll(STATIC_IMPORT)) visit(posix.join(posix.dirname(file), m[1]));
  };
  visit(entry);
  return [...seen];
}

/** Bytes behind the import() calls of `files` (not already loaded with them). */
function lazyBytes(dist, files) {
  const counted = new Set(files);
  let total = 0;
  for (const f of files) {
    const text = readFileSync(join(dist, f), 'utf8');
    for (const m of text.matchAll(DYNAMIC_IMPORT)) {
      for (const g of staticClosure(dist, posix.join(posix.dirname(f), m[1]))) {
        if (counted.has(g)) continue;
        counted.add(g);
        total += statSync(join(dist, g)).size;
      }
    }
  }
  return total;
}

for (const browser of ['chrome', 'firefox']) {
  const dist = join(distRoot, browser);
  if (!want(browser) || !existsSync(join(dist, 'manifest.json'))) continue;
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
  const script = manifest.content_scripts?.[0]?.js?.[0];
  if (!script) continue;
  // The content script is one classic script (IIFE) that runs at document_start; with the old
  // crxjs async loader, the entry it import()s plus that entry's static imports load too.
  const m = readFileSync(join(dist, script), 'utf8').match(/getURL\(\s*["'`]([^"'`]+)["'`]\s*\)/);
  const entry = m ? m[1].replace(/^\//, '') : script;
  const files = [...new Set([script, ...staticClosure(dist, entry)])];
  const bytes = Buffer.concat(files.map((f) => readFileSync(join(dist, f))));
  // Lazy parts: everything web-accessible to pages (the modules the content script imports by
  // URL on use, their shared chunks and the opencc dictionaries behind them).
  const war = new Set((manifest.web_accessible_resources ?? []).flatMap((w) => w.resources).filter((f) => !files.includes(f)));
  const lazy = [...war].reduce((n, f) => n + (existsSync(join(dist, f)) ? statSync(join(dist, f)).size : 0), 0) + lazyBytes(dist, files);
  const partGz = new Map(
    [...war]
      .filter((f) => f.startsWith('assets/lazy/') && f.endsWith('.js'))
      .map((f) => [posix.basename(f, '.js'), gzipSync(Buffer.concat(staticClosure(dist, f).map((g) => readFileSync(join(dist, g))))).length]),
  );
  const gz = gzipSync(bytes).length;
  console.log(
    `size: ${browser}: content script ${kb(bytes.length)} (${kb(gz)} gz) in ${files.length} file(s); ` +
      `lazy chunks ${kb(lazy)}; whole extension ${kb(dirSize(dist))}`,
  );
  if (partGz.size) console.log(`size: ${browser}: lazy parts with their static imports, gz: ${[...partGz].map(([n, b]) => `${n} ${kb(b)}`).join(', ')}`);
  // What every page loads before the user touches anything (docs/build.md, "What a page loads"):
  // the content script at document_start, then the summary part when the page is idle.
  const idle = partGz.get('summary') ?? 0;
  console.log(`size: ${browser}: every page before first use: ${kb(gz)} gz at load + ${kb(idle)} gz at idle (summary) = ${kb(gz + idle)} gz`);
}
