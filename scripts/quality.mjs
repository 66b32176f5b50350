// `node scripts/quality.mjs [--write]`: every quality number in docs/quality.md, measured in one
// run over ../shared/corpus with the built library (dist/node) and Readability beside it.
// --write replaces the block between the quality markers in docs/quality.md.
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { JSDOM } from 'jsdom';
import { Readability } from '@mozilla/readability';

const root = fileURLToPath(new URL('..', import.meta.url));
const corpus = join(root, '../shared/corpus');
if (!existsSync(join(root, 'dist/node/index.js')) || process.argv.includes('--rebuild'))
  execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '-c', 'vite.node.config.ts', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
const lib = await import(join(root, 'dist/node/index.js'));
const { score, squeeze } = await import(join(corpus, 'tools/score.mjs'));

const read = (...p) => readFileSync(join(corpus, ...p), 'utf8');
const json = (...p) => JSON.parse(read(...p));
const ids = (dir, suffix = '.html') => readdirSync(join(corpus, dir)).filter((f) => f.endsWith(suffix)).map((f) => f.slice(0, -suffix.length)).sort();
const pct = (n, d) => (d ? `${((100 * n) / d).toFixed(1)}% (${n}/${d})` : 'n/a');
const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const covers = (hidden, text) => {
  const t = squeeze(text);
  if (!t) return true;
  const parts = hidden.map((h) => squeeze(h.text)).filter((s) => s.length >= 2);
  if (parts.some((s) => s.includes(t) || (s.length >= 0.8 * t.length && t.includes(s)))) return true;
  // Or hidden in pieces (a panel hidden item by item): the pieces inside it cover 80% of it.
  return parts.filter((s) => t.includes(s)).reduce((n, s) => n + s.length, 0) >= 0.8 * t.length;
};
const norm = (s) => (s || '').replace(/\s+/g, ' ').trim();

// ---- real pages
const rows = [];
for (const id of ids('pages')) {
  const label = json('labels', id + '.json');
  const html = read('pages', id + '.html');
  const url = label.url || `http://example.com/${id}.html`;
  const want = read('expected', id + '.body.txt');
  const a = lib.analyze(new JSDOM(html, { url }).window.document, url);
  const r = new Readability(new JSDOM(html, { url }).window.document).parse();
  const noise = json('expected', id + '.noise.json');
  const visibleHidden = a.hidden.filter((h) => !h.alreadyInvisible);
  const paras = want.split('\n').filter((l) => squeeze(l).length >= 8);
  const hiddenParas = paras.filter((l) => visibleHidden.some((h) => squeeze(h.text).includes(squeeze(l))));
  const target = noise.filter((n) => n.kind === 'recommendation' || n.kind === 'share');
  rows.push({
    id,
    kind: label.kind,
    f1: score(a.body, want).f1,
    readF1: r ? score(r.textContent || '', want).f1 : 0,
    titleOk: norm(a.title) === norm(label.title),
    title: a.title,
    wantTitle: label.title,
    dateShown: !!label.published,
    dateOk: a.published === label.published,
    date: a.published,
    wantDate: label.published,
    sourceShown: !!label.source_name,
    sourceOk: norm(a.source) === norm(label.source_name),
    source: a.source,
    wantSource: label.source_name,
    hiddenParas: hiddenParas.length,
    noiseTarget: target.length,
    noiseHidden: target.filter((n) => covers(visibleHidden, n.text)).length,
    repairs: a.repairs.length,
    summary: a.summary.length,
  });
}

// ---- injected variants and seeds
const inj = [];
const variants = [...ids('injected').map((id) => ['injected', id]), ...ids('seeds').map((id) => ['seeds', id])];
for (const [dir, id] of variants) {
  const truth = json(dir, id + '.truth.json');
  const url = truth.servedUrl || (existsSync(join(corpus, 'labels', (truth.base || '') + '.json')) && json('labels', truth.base + '.json').url) || `http://example.com/${id}.html`;
  const a = lib.analyze(new JSDOM(read(dir, id + '.html'), { url }).window.document, url);
  const spam = a.hidden.filter((h) => h.category === 'spam');
  const bodySq = squeeze(a.body + a.summary.join(''));
  const leaks = (truth.mustNotExtract || []).flatMap((m) =>
    m.split(/[|｜\n_,，]+/).map(squeeze).filter((p) => p.length >= 6 && bodySq.includes(p)),
  );
  const visibleHidden = a.hidden.filter((h) => !h.alreadyInvisible).map((h) => squeeze(h.text));
  const bodyLines = (truth.bodyExpected || '').split('\n').map(squeeze).filter((l) => l.length >= 12);
  inj.push({
    hiddenParas: bodyLines.filter((l) => visibleHidden.some((s) => s.includes(l.slice(0, 12)))).length,
    bodyLines: bodyLines.length,
    id,
    technique: truth.technique,
    mustHide: truth.mustHide.length,
    mustHideOk: truth.mustHide.filter((m) => covers(spam, m)).length,
    mustHideAny: truth.mustHide.filter((m) => covers(a.hidden.filter((h) => !h.alreadyInvisible), m)).length,
    titleCase: truth.titleHijacked,
    titleOk: truth.titleHijacked ? a.titleHijacked && norm(a.title) === norm(truth.realTitle) : !a.titleHijacked,
    mirror: !!truth.cloneOf,
    cloneOk: truth.cloneOf ? a.clone?.original === truth.cloneOf : a.clone === null,
    leaks: leaks.length,
    inlineOk: truth.inlineSpam ? !squeeze(a.body).includes(squeeze(truth.inlineSpam)) : true,
    f1: score(a.body, truth.bodyExpected).f1,
    repairsWanted: (truth.repairs || []).length,
  });
}

// ---- report
const n = rows.length;
const sorted = [...rows].sort((x, y) => x.f1 - y.f1);
const lines = [];
lines.push(`Measured ${new Date().toISOString().slice(0, 10)} by \`node scripts/quality.mjs\` over ${n} labelled real pages and ${inj.length} injected/seed pages.`);
lines.push('');
lines.push('### Extraction and metadata (real pages)');
lines.push('');
lines.push('| measure | Qingdu | Readability 0.6 (same run) | target |');
lines.push('|---|---|---|---|');
lines.push(`| body F1, mean | ${mean(rows.map((r) => r.f1)).toFixed(4)} | ${mean(rows.map((r) => r.readF1)).toFixed(4)} | ≥ 0.98 and above Readability |`);
lines.push(`| pages with body F1 ≥ 0.95 | ${pct(rows.filter((r) => r.f1 >= 0.95).length, n)} | ${pct(rows.filter((r) => r.readF1 >= 0.95).length, n)} | ≥ 95% |`);
lines.push(`| title exact | ${pct(rows.filter((r) => r.titleOk).length, n)} | | ≥ 97% |`);
lines.push(`| published right (pages that show one) | ${pct(rows.filter((r) => r.dateShown && r.dateOk).length, rows.filter((r) => r.dateShown).length)} | | ≥ 95% |`);
lines.push(`| published empty where the page shows none | ${pct(rows.filter((r) => !r.dateShown && r.dateOk).length, rows.filter((r) => !r.dateShown).length)} | | |`);
lines.push(`| source right (pages that show one) | ${pct(rows.filter((r) => r.sourceShown && r.sourceOk).length, rows.filter((r) => r.sourceShown).length)} | | ≥ 90% |`);
lines.push(`| pages with a summary | ${pct(rows.filter((r) => r.summary >= 1).length, n)} | | |`);
lines.push('');
lines.push('### Spam and noise');
lines.push('');
const techniques = [...new Set(inj.map((r) => r.technique))].sort();
lines.push('| measure | result | target |');
lines.push('|---|---|---|');
const mh = inj.reduce((s, r) => s + r.mustHide, 0), mhOk = inj.reduce((s, r) => s + r.mustHideOk, 0);
lines.push(`| must-hide blocks hidden (any kind) | ${pct(inj.reduce((s, r) => s + r.mustHideAny, 0), mh)} | |`);
lines.push(`| must-hide blocks reported with category spam | ${pct(mhOk, mh)} | ≥ 99% |`);
const tc = inj.filter((r) => r.titleCase);
lines.push(`| hijacked titles detected with the real title | ${pct(tc.filter((r) => r.titleOk).length, tc.length)} | 100% |`);
lines.push(`| clean titles not flagged | ${pct(inj.filter((r) => !r.titleCase && r.titleOk).length, inj.filter((r) => !r.titleCase).length)} | 100% |`);
const mi = inj.filter((r) => r.mirror);
lines.push(`| mirror copies: clone.original right | ${pct(mi.filter((r) => r.cloneOk).length, mi.length)} | 100% |`);
lines.push(`| non-mirror pages with no clone verdict | ${pct(inj.filter((r) => !r.mirror && r.cloneOk).length, inj.filter((r) => !r.mirror).length)} | 100% |`);
lines.push(`| pages leaking hidden/injected text into body or summary | ${inj.filter((r) => r.leaks > 0).length} of ${inj.length} | 0 |`);
lines.push(`| inline spam phrase kept out of the body | ${pct(inj.filter((r) => r.technique === 'inline' && r.inlineOk).length, inj.filter((r) => r.technique === 'inline').length)} | 100% |`);
lines.push(`| article paragraphs hidden on real pages | ${rows.reduce((s, r) => s + r.hiddenParas, 0)} | 0 |`);
lines.push(`| article paragraphs hidden on injected/seed pages | ${inj.reduce((s, r) => s + r.hiddenParas, 0)} of ${inj.reduce((s, r) => s + r.bodyLines, 0)} | 0 |`);
const nt = rows.reduce((s, r) => s + r.noiseTarget, 0), nh = rows.reduce((s, r) => s + r.noiseHidden, 0);
lines.push(`| labelled recommendation + share blocks hidden | ${pct(nh, nt)} | ≥ 90% |`);
lines.push(`| repairs reported on real pages (nothing to repair) | ${rows.reduce((s, r) => s + r.repairs, 0)} | 0 |`);
lines.push('');
lines.push('| technique | pages | must-hide hidden (any kind) | as spam | title ok | clone ok | leaks | body F1 mean |');
lines.push('|---|---|---|---|---|---|---|---|');
for (const t of techniques) {
  const rs = inj.filter((r) => r.technique === t);
  lines.push(`| ${t} | ${rs.length} | ${rs.reduce((s, r) => s + r.mustHideAny, 0)}/${rs.reduce((s, r) => s + r.mustHide, 0)} | ${rs.reduce((s, r) => s + r.mustHideOk, 0)} | ${rs.filter((r) => r.titleOk).length}/${rs.length} | ${rs.filter((r) => r.cloneOk).length}/${rs.length} | ${rs.reduce((s, r) => s + r.leaks, 0)} | ${mean(rs.map((r) => r.f1)).toFixed(4)} |`);
}
lines.push('');
lines.push('### Per page (real pages, worst body F1 first)');
lines.push('');
lines.push('| page | kind | body F1 | Readability F1 | title | date | source | noise hidden |');
lines.push('|---|---|---|---|---|---|---|---|');
for (const r of sorted) {
  const mark = (ok, got, want) => (ok ? '✓' : `✗ got “${got}” want “${want}”`);
  lines.push(`| ${r.id} | ${r.kind} | ${r.f1.toFixed(3)} | ${r.readF1.toFixed(3)} | ${mark(r.titleOk, r.title, r.wantTitle)} | ${mark(r.dateOk, r.date, r.wantDate)} | ${mark(r.sourceOk, r.source, r.wantSource)} | ${r.noiseHidden}/${r.noiseTarget} |`);
}
const report = lines.join('\n');
console.log(report);

if (process.argv.includes('--write')) {
  const file = join(root, 'docs/quality.md');
  const begin = '<!-- quality:begin -->', end = '<!-- quality:end -->';
  const doc = existsSync(file) ? readFileSync(file, 'utf8') : `# Quality\n\n${begin}\n${end}\n`;
  const i = doc.indexOf(begin), j = doc.indexOf(end);
  const next = i >= 0 && j > i ? doc.slice(0, i + begin.length) + '\n' + report + '\n' + doc.slice(j) : doc + `\n${begin}\n${report}\n${end}\n`;
  writeFileSync(file, next);
  console.error(`wrote ${file}`);
}
