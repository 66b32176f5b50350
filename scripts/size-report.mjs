#!/usr/bin/env node
// What the content script (the IIFE every gov.cn page loads at document_start) is made of:
// each source file's share of the minified bytes and its marginal gzipped cost (gz of the whole
// script minus gz of the script with that file's bytes cut out), then the same per folder.
//   node scripts/size-report.mjs [--no-build] [--top N] [--dir /tmp/x] [--json]
// Builds the Chrome extension with source maps into --dir (default /tmp/qingdu-size; never the
// shared dist/) via QINGDU_DIST + QINGDU_SOURCEMAP, then reads src/content/index.js and its map.
// Marginal costs do not add up to the total (gzip shares context between files); they say how
// much the script would shrink if that file alone left it.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const dir = resolve(opt('--dir', '/tmp/qingdu-size'));
const top = Number(opt('--top', 40));

if (!args.includes('--no-build')) {
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), 'chrome'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, QINGDU_DIST: dir, QINGDU_SOURCEMAP: '1' },
  });
  if (r.status !== 0) process.exit(r.status || 1);
}

const dist = join(dir, 'chrome');
const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
const script = manifest.content_scripts[0].js[0];
const code = readFileSync(join(dist, script), 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '');
const map = JSON.parse(readFileSync(join(dist, script + '.map'), 'utf8'));

// ---- source map: owner (source index, -1 = unmapped) of every UTF-16 unit of the code --------
const B64 = Object.fromEntries([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, i) => [c, i]));
function decodeSegment(s) {
  const out = [];
  let value = 0;
  let shift = 0;
  for (const c of s) {
    const d = B64[c];
    value += (d & 31) << shift;
    if (d & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}
const owner = new Int32Array(code.length).fill(-1);
{
  const lineStarts = [0];
  for (let i = 0; i < code.length; i++) if (code[i] === '\n') lineStarts.push(i + 1);
  let src = 0;
  map.mappings.split(';').forEach((line, li) => {
    if (li >= lineStarts.length) return;
    const start = lineStarts[li];
    const end = li + 1 < lineStarts.length ? lineStarts[li + 1] : code.length;
    let col = 0;
    const segs = [];
    for (const seg of line.split(',')) {
      if (!seg) continue;
      const f = decodeSegment(seg);
      col += f[0];
      if (f.length >= 4) {
        src += f[1];
        segs.push([col, src]); // (line/column deltas in f[2], f[3] are not needed here)
      } else segs.push([col, -1]);
    }
    for (let k = 0; k < segs.length; k++) {
      const from = start + segs[k][0];
      const to = k + 1 < segs.length ? start + segs[k + 1][0] : end;
      owner.fill(segs[k][1], from, Math.min(to, end));
    }
  });
}

// ---- costs -----------------------------------------------------------------------------------
const gz = (s) => gzipSync(Buffer.from(s, "utf8")).length;
const total = { raw: Buffer.byteLength(code), gz: gz(code) };
const name = (i) => (i < 0 ? '(unmapped: wrapper, helpers)' : map.sources[i].replace(/^(\.\.\/)+/, '').replace(/^.*?\/src\//, 'src/'));

/** Raw bytes and marginal gz of the code units whose owner passes `keep`. */
function cost(test) {
  let kept = '';
  let raw = 0;
  let runStart = 0;
  for (let i = 0; i <= code.length; i++) {
    const inside = i < code.length && test(owner[i]);
    const prevInside = i > 0 && test(owner[i - 1]);
    if (inside && !prevInside) {
      kept += code.slice(runStart, i);
    } else if (!inside && prevInside) {
      raw += Buffer.byteLength(code.slice(runStart, i));
    }
    if (inside !== prevInside) runStart = i;
  }
  if (!test(owner[code.length - 1])) kept += code.slice(runStart);
  return { raw, gz: total.gz - gz(kept) };
}

const files = new Map();
for (const o of new Set(owner)) files.set(name(o), { ...cost((x) => x === o) });
const folders = new Map();
for (const f of files.keys()) {
  const folder = f.includes('/') ? f.slice(0, f.lastIndexOf('/')) : f;
  if (!folders.has(folder)) {
    const members = new Set([...new Set(owner)].filter((o) => {
      const n = name(o);
      return (n.includes('/') ? n.slice(0, n.lastIndexOf('/')) : n) === folder;
    }));
    folders.set(folder, cost((x) => members.has(x)));
  }
}

const kb = (n) => (n / 1024).toFixed(1).padStart(5);
const table = (title, m, limit) => {
  console.log(`\n${title}\n   raw KB   gz KB (marginal)`);
  [...m].sort((a, b) => b[1].gz - a[1].gz).slice(0, limit).forEach(([k, v]) => console.log(`   ${kb(v.raw)}   ${kb(v.gz)}   ${k}`));
};
if (args.includes('--json')) {
  console.log(JSON.stringify({ total, files: Object.fromEntries(files), folders: Object.fromEntries(folders) }, null, 1));
} else {
  console.log(`content script ${script}: ${kb(total.raw)} KB, ${kb(total.gz)} KB gz, ${files.size} sources`);
  table('by folder', folders, Infinity);
  table(`by file (top ${top})`, files, top);
}
