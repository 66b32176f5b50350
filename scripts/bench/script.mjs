// Bench plug-in: script conversion (first conversion incl. converter build, repeat conversion,
// dictionary load) as ratios to a bare identity walk over the same text nodes.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default async function ({ root, argv }) {
  const dir = mkdtempSync(join(tmpdir(), 'qingdu-bench-script-'));
  const out = join(dir, 'script.json');
  const runs = argv.includes('--runs') ? argv[argv.indexOf('--runs') + 1] : '3';
  console.log('Script conversion (scripts/dev/bench-script.mjs)');
  execFileSync(process.execPath, [join(root, 'scripts/dev/bench-script.mjs'), '--runs', runs, '--json', out], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  const res = JSON.parse(readFileSync(out, 'utf8'));
  rmSync(dir, { recursive: true, force: true });
  return { median: res.median, dictLoadMs: res.dictLoadMs, buildMs: res.buildMs, t2cnLoadAndBuildMs: res.t2cnLoadAndBuildMs };
}
