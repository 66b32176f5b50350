#!/usr/bin/env node
// `npm test`: everything CI checks, in order — typecheck, build (both extensions + Node
// library), web-ext lint of the Firefox build, vitest (unit + corpus), end-to-end in Chromium
// and in Firefox. Prints each step's outcome and ends with exactly one line
// `N passed, N failed` counting every vitest test, every e2e test and typecheck/build/lint as
// one test each. Exit code 1 when anything failed.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const results = [];

/** Runs a command with live output; resolves { code, out } (out = captured stdout). */
function exec(cmd, args, { capture = false } = {}) {
  return new Promise((done) => {
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', capture ? 'pipe' : 'inherit', 'inherit'], env: process.env });
    let out = '';
    if (capture) {
      child.stdout.on('data', (d) => {
        out += d;
        process.stdout.write(d);
      });
    }
    child.on('error', (e) => {
      console.log(String(e));
      done({ code: 1, out });
    });
    child.on('close', (code) => done({ code: code ?? 1, out }));
  });
}

async function step(name, fn) {
  console.log(`\n=== ${name}`);
  const t0 = Date.now();
  let r;
  try {
    r = await fn();
  } catch (e) {
    console.log(String(e?.stack ?? e));
    r = { passed: 0, failed: 1 };
  }
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  results.push({ name, ...r, secs });
  console.log(`=== ${name}: ${r.failed ? 'FAILED' : 'ok'} (${r.passed} passed, ${r.failed} failed) in ${secs} s${r.note ? ' — ' + r.note : ''}`);
  return r;
}

const one = (ok, note) => ({ passed: ok ? 1 : 0, failed: ok ? 0 : 1, note });

await step('typecheck', async () => one((await exec(bin('tsc'), ['--noEmit', '-p', '.'])).code === 0));

const build = await step('build', async () => one((await exec(process.execPath, ['scripts/build.mjs'])).code === 0));
const built = build.failed === 0;

await step('web-ext lint (dist/firefox)', async () => {
  if (!built) return one(false, 'skipped: build failed');
  const { code, out } = await exec(bin('web-ext'), ['lint', '--source-dir', 'dist/firefox', '--self-hosted=false', '--output=json', '--no-input'], { capture: true });
  let report;
  try {
    report = JSON.parse(out.slice(out.indexOf('{')));
  } catch {
    return one(false, `exit ${code}, unreadable report`);
  }
  const { errors = 0, warnings = 0, notices = 0 } = report.summary ?? {};
  for (const m of [...(report.errors ?? []), ...(report.warnings ?? [])]) console.log(`  ${m._type}: ${m.code} ${m.file ?? ''} ${m.message}`);
  return one(code === 0 && errors === 0 && warnings === 0, `${errors} errors, ${warnings} warnings, ${notices} notices`);
});

await step('vitest (unit + corpus)', async () => {
  const outDir = join(root, 'test-results');
  mkdirSync(outDir, { recursive: true });
  const jsonFile = join(outDir, 'vitest.json');
  rmSync(jsonFile, { force: true });
  const { code } = await exec(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${jsonFile}`]);
  if (!existsSync(jsonFile)) return one(false, `vitest exited ${code} without a report`);
  const r = JSON.parse(readFileSync(jsonFile, 'utf8'));
  // Skipped / todo tests count as failures: every test must run.
  const notRun = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  // A file that fails to load has no tests in the counts: count each such suite once.
  const brokenFiles = (r.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0).length;
  const failed = (r.numFailedTests ?? 0) + notRun + brokenFiles + (code !== 0 && !r.numFailedTests && !brokenFiles ? 1 : 0);
  return { passed: r.numPassedTests ?? 0, failed, note: `${(r.testResults ?? []).length} files${notRun ? `, ${notRun} skipped` : ''}${brokenFiles ? `, ${brokenFiles} files failed to load` : ''}` };
});

for (const browser of ['chromium', 'firefox']) {
  await step(`e2e ${browser}`, async () => {
    if (!built) return one(false, 'skipped: build failed');
    const { code, out } = await exec(process.execPath, ['test/e2e/run.mjs', '--browser', browser], { capture: true });
    const m = [...out.matchAll(/^(\d+) passed, (\d+) failed$/gm)].pop();
    if (!m) return one(false, `runner exited ${code} without a summary`);
    const passed = Number(m[1]);
    const failed = Number(m[2]) + (code !== 0 && Number(m[2]) === 0 ? 1 : 0);
    return { passed, failed };
  });
}

console.log('\n=== summary');
for (const r of results) console.log(`${r.failed ? 'FAIL' : 'ok  '} ${r.name.padEnd(28)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed ${r.secs.padStart(6)} s`);
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
