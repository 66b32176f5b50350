// Bundles scripts/dev/bench-script.ts with rolldown (no TS runner in the toolchain) and runs it.
// `node scripts/dev/bench-script.mjs [--runs N] [--json FILE]`
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('../..', import.meta.url));
const out = join(root, 'node_modules/.qd-bench-script');
mkdirSync(out, { recursive: true });
execFileSync('npx', ['rolldown', 'scripts/dev/bench-script.ts', '--platform', 'node', '--format', 'esm', '-d', out, '--external', 'jsdom', '--log-level=silent'], { cwd: root, stdio: 'inherit' });
execFileSync(process.execPath, [join(out, 'bench-script.js'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
