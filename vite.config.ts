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

/** The content script's lazy parts: src/content/lazy/NAME.ts -> assets/lazy/NAME.js (lazy-load.ts). */
const LAZY_PARTS = ['convert', 'repair', 'summary', 'details', 'banner', 'rules', 'reader', 'picker', 'settings'];
const CONTENT_SCRIPT = 'src/content/index.ts';

/**
 * The content script is one classic script (crxjs IIFE build: it runs synchronously at
 * document_start, no async loader). Its lazy parts are ES modules emitted here at fixed paths and
 * imported at run time by extension URL; they, their static imports and their own lazy chunks
 * (opencc dictionaries) are made web-accessible on http(s) pages: gov.cn, where the manifest
 * runs the script, and any page it is injected into on demand (activeTab; mirror copies live
 * anywhere) or registered for (the optional <all_urls> grant).
 */
function contentLazyParts(): Plugin & { renderCrxManifest(m: ManifestLike, bundle: Bundle): ManifestLike } {
  const files = LAZY_PARTS.map((name) => `assets/lazy/${name}.js`);
  return {
    name: 'qingdu:content-lazy-parts',
    apply: 'build',
    buildStart() {
      LAZY_PARTS.forEach((name, i) =>
        this.emitFile({ type: 'chunk', id: resolve(root, `src/content/lazy/${name}.ts`), fileName: files[i], preserveSignature: 'strict' }),
      );
    },
    renderCrxManifest(manifest, bundle) {
      const resources = new Set<string>();
      const visit = (file: string) => {
        const chunk = bundle[file];
        if (resources.has(file) || !chunk) return;
        resources.add(file);
        if (chunk.type !== 'chunk') return;
        for (const f of [...chunk.imports, ...chunk.dynamicImports]) visit(f);
      };
      files.forEach(visit);
      const war = (manifest.web_accessible_resources ??= []);
      const entry: WebAccessible = { matches: ['http://*/*', 'https://*/*'], resources: [...resources].sort() };
      if (browser === 'chrome') entry.use_dynamic_url = false;
      war.push(entry);
      return manifest;
    },
  };
}
type Bundle = Record<string, { type: 'chunk'; imports: string[]; dynamicImports: string[] } | { type: 'asset' }>;
type WebAccessible = { matches?: string[]; resources: string[]; use_dynamic_url?: boolean };
type ManifestLike = { web_accessible_resources?: WebAccessible[] };

export default defineConfig({
  plugins: [
    crx({ manifest: manifestFor(browser), browser, contentScripts: { standaloneFiles: [CONTENT_SCRIPT] } }),
    contentLazyParts(),
  ],
  // Only a browser runs this build: the engine drops its no-layout style path (page/visibility.ts).
  // crxjs hands it to the content script's IIFE build too.
  define: { __QINGDU_BROWSER__: 'true' },
  build: {
    // QINGDU_DIST=/tmp/x builds into /tmp/x/chrome and /tmp/x/firefox (the layout test/e2e/run.mjs
    // reads with the same variable), so a private build never overwrites the shared dist/.
    outDir: resolve(process.env.QINGDU_DIST ?? resolve(root, 'dist'), browser),
    emptyOutDir: true,
    // Otherwise vite may add <link rel=modulepreload> tags, which would land in host pages.
    modulePreload: false,
    target: browser === 'firefox' ? 'firefox128' : 'chrome120',
    // QINGDU_SOURCEMAP=1: source maps (also for the content-script IIFE) for scripts/size-report.mjs.
    sourcemap: process.env.QINGDU_SOURCEMAP === '1',
    chunkSizeWarningLimit: 2000,
  },
  // Extension pages must not pull anything remote; keep the dev server local-only.
  server: { host: '127.0.0.1', strictPort: false },
});
