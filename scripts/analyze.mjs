// `npm run -s analyze -- FILE...`: runs the built CLI, building the Node library first when it is
// missing or older than the sources (so the command works straight after a clone).
import { existsSync, statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'dist/node/cli.js');

function newestSource(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newestSource(p));
    else if (/\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name)) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

const stale = !existsSync(cli) || statSync(cli).mtimeMs < Math.max(newestSource(join(root, 'src/core')), newestSource(join(root, 'src/cli')), newestSource(join(root, 'src/node')));
if (stale) {
  process.stderr.write('qingdu: building the command-line tool (dist/node)…\n');
  execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '-c', 'vite.node.config.ts', '--logLevel', 'error'], {
    cwd: root,
    stdio: ['ignore', 2, 2],
  });
}
const { runCli } = await import('../dist/node/cli-lib.js').catch(() => ({ runCli: null }));
if (runCli) process.exitCode = await runCli(process.argv.slice(2));
else await import(cli);
