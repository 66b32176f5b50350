// One vite config for both extension builds. BROWSER=chrome|firefox picks the target; the
// manifest.json at the top level is the single source and is adjusted here per browser.
import { defineConfig } from 'vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import type { Plugin } from 'vite';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

type Browser = 'chrome' | 'firefox';

const browser: Browser = process.env.BROWSER === 'firefox' ? 'firefox' : 'chrome';
const root = import.meta.dirname;
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string };

/** Firefox's add-on id; also the key the e2e harness uses to pin the moz-extension UUID. */
export const GECKO_ID = 'qingdu@qingdu.app';

function manifestFor(target: Browser): ManifestV3Export {
  const base = JSON.parse(readFileSync(resolve(root, 'manifest.json'), 'utf8'));
  base.version = pkg.version;
  if (target === 'firefox') {
    // Firefox MV3 has no service workers for extensions: an event page listed under scripts.
    base.background = { scripts: [base.background.service_worker], type: 'module' };
    base.browser_specific_settings = {
      gecko: {
        id: GECKO_ID,
        strict_min_version: '142.0',
        data_collection_permissions: { required: ['none'] },
      },
    };
  }
  return base as ManifestV3Export;
}

/**
 * crxjs makes the content script's chunks web-accessible only on the pages its manifest entry
 * matches (gov.cn). The same loader is injected on demand (activeTab) into any http(s) page —
 * mirror copies live anywhere — and there its dynamic import() of those chunks must succeed too.
 */
function contentChunksOnAllPages(): Plugin & { renderCrxManifest(m: ManifestLike): ManifestLike } {
  return {
    name: 'qingdu:content-chunks-on-all-pages',
    enforce: 'post',
    renderCrxManifest(manifest) {
      for (const war of manifest.web_accessible_resources ?? []) {
        if (war.matches) war.matches = ['http://*/*', 'https://*/*'];
      }
      return manifest;
    },
  };
}
type ManifestLike = { web_accessible_resources?: { matches?: string[]; resources: string[] }[] };

export default defineConfig({
  plugins: [crx({ manifest: manifestFor(browser), browser }), contentChunksOnAllPages()],
  build: {
    outDir: `dist/${browser}`,
    emptyOutDir: true,
    // Otherwise vite may add <link rel=modulepreload> tags, which would land in host pages.
    modulePreload: false,
    target: browser === 'firefox' ? 'firefox128' : 'chrome120',
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
  },
  // Extension pages must not pull anything remote; keep the dev server local-only.
  server: { host: '127.0.0.1', strictPort: false },
});
