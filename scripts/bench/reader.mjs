// Bench plug-in: time to open the clean view on an existing Analysis vs Readability.parse (jsdom).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export default async function ({ root, argv }) {
  const runs = argv.includes('--runs') ? argv[argv.indexOf('--runs') + 1] : '3';
  console.log('Clean view open vs Readability.parse (src/reader/bench/open-vs-readability.mjs)');
  const text = execFileSync(process.execPath, [join(root, 'src/reader/bench/open-vs-readability.mjs'), '--runs', runs], { cwd: root, encoding: 'utf8' });
  process.stdout.write(text);
  const last = text.trim().split('\n').filter((l) => /median/i.test(l)).pop() ?? '';
  return { summary: last };
}
