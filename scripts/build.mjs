#!/usr/bin/env node
// `npm run build`: the Chrome and Firefox extensions from one vite config (BROWSER picks the
// target), then the Node library/CLI when vite.node.config.ts exists, then a size summary.
// Steps run one after another (vite builds are CPU bound; CI has 2 cores).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = resolve(import.meta.dirname, '..');
const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');

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

const only = process.argv.slice(2); // e.g. `node scripts/build.mjs firefox`
const want = (t) => only.length === 0 || only.includes(t);

for (const browser of ['chrome', 'firefox']) {
  if (want(browser)) run(browser, ['build', '--logLevel', 'warn'], { BROWSER: browser });
}
if (want('node') && existsSync(join(root, 'vite.node.config.ts'))) {
  run('node', ['build', '-c', 'vite.node.config.ts', '--logLevel', 'warn']);
}

// Size summary: what the browser loads on every gov.cn page is the content script's entry.
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
function dirSize(dir) {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    total += s.isDirectory() ? dirSize(p) : s.size;
  }
  return total;
}
for (const browser of ['chrome', 'firefox']) {
  const dist = join(root, 'dist', browser);
  if (!want(browser) || !existsSync(join(dist, 'manifest.json'))) continue;
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
  const loader = manifest.content_scripts?.[0]?.js?.[0];
  // crxjs emits a tiny loader that import()s the real entry; find that entry in the loader.
  let entry = loader;
  const loaderText = loader ? readFileSync(join(dist, loader), 'utf8') : '';
  const m = loaderText.match(/getURL\(\s*["']([^"']+)["']\s*\)/);
  if (m) entry = m[1].replace(/^\//, '');
  const bytes = entry ? readFileSync(join(dist, entry)) : Buffer.alloc(0);
  console.log(
    `size: ${browser}: content script ${entry} ${kb(bytes.length)} (${kb(gzipSync(bytes).length)} gz); ` +
      `whole extension ${kb(dirSize(dist))}`,
  );
}
