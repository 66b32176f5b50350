// `npm run setup`: everything a newcomer needs on a fresh machine, in one command.
// 1. browsers + CJK font for the end-to-end tests (Debian/Ubuntu as root; otherwise says what to install)
// 2. npm ci   3. build both extensions and the CLI   4. run the CLI on the bundled sample page
// Uses only Node built-ins so it runs before node_modules exists.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = (cmd) => {
  console.error(`\n$ ${cmd}`);
  execSync(cmd, { cwd: root, stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
};
const has = (cmd) => {
  try {
    execSync(`command -v ${cmd}`, { stdio: 'ignore', shell: '/bin/sh' });
    return true;
  } catch {
    return false;
  }
};

const missing = [];
if (!has('chromium')) missing.push('chromium');
if (!has('firefox-esr') && !has('firefox')) missing.push('firefox-esr');
if (!existsSync('/usr/share/fonts/truetype/wqy/wqy-microhei.ttc')) missing.push('fonts-wqy-microhei');
if (missing.length) {
  if (process.getuid?.() === 0 && has('apt-get')) {
    run('apt-get update -qq');
    run(`apt-get install -y -qq ${missing.join(' ')}`);
  } else {
    console.error(`\nNote: the end-to-end tests need ${missing.join(', ')} (Debian packages). Install them, e.g.\n  sudo apt-get install ${missing.join(' ')}\nThe build and the unit tests work without them.`);
  }
}

run('npm ci --no-audit --no-fund');
run('npm run build');
run('node scripts/analyze.mjs --pretty --url http://qinghe-copy.example.com/zwgk/t20241118_1001.html samples/hacked-notice.html');
console.error('\nDone. Load dist/chrome or dist/firefox into your browser (see README), or run `npm test`.');
