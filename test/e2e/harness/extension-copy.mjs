// The e2e tests load a copy of the built extension whose manifest also holds the host
// permission for http://127.0.0.1/*. Why: activeTab (what lets the real popup inject into any
// page after a click) cannot be granted by automation, and the test control page must read
// tab URLs of fixture pages. Everything else is byte-for-byte the build under test.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const TEST_HOST_PERMISSIONS = ['http://127.0.0.1/*'];

export function testCopy(distDir, label) {
  const dir = mkdtempSync(join(tmpdir(), `qingdu-e2e-${label}-ext-`));
  cpSync(distDir, dir, { recursive: true });
  const file = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  manifest.host_permissions = [...new Set([...(manifest.host_permissions ?? []), ...TEST_HOST_PERMISSIONS])];
  writeFileSync(file, JSON.stringify(manifest, null, 2));
  return dir;
}
