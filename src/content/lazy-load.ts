// Loads the content script's lazy parts. The content script is one classic script (IIFE) that
// runs synchronously at document_start; the parts a page needs only on use or in rare cases are
// ES modules built at fixed paths (vite.config.ts, LAZY_PARTS) and imported by their extension
// URL. They are web-accessible to the pages the content script runs on, nothing else.

export interface LazyParts {
  convert: typeof import('./lazy/convert');
  repair: typeof import('./lazy/repair');
  summary: typeof import('./lazy/summary');
  details: typeof import('./lazy/details');
  banner: typeof import('./lazy/banner');
  rules: typeof import('./lazy/rules');
  reader: typeof import('./lazy/reader');
  picker: typeof import('./lazy/picker');
  settings: typeof import('./lazy/settings');
}
export type LazyName = keyof LazyParts;

/** Where the build puts a lazy part (kept in step with vite.config.ts). */
export const lazyPath = (name: LazyName): string => `assets/lazy/${name}.js`;

type Importer = (name: LazyName) => Promise<unknown>;

// The URL is only known at run time (the IIFE build would inline a module imported by a literal
// path, and the opencc dictionaries behind it). Written exactly as `chrome.runtime.getURL(...)`
// inside import(): addons-linter accepts that form (and only that form) as a safe import; Firefox
// content scripts have `chrome` too.
declare const chrome: { runtime: { getURL(path: string): string } };
let importer: Importer = (name) => import(/* @vite-ignore */ chrome.runtime.getURL(lazyPath(name)));
const loaded = new Map<LazyName, Promise<unknown>>();

export function loadLazy<K extends LazyName>(name: K): Promise<LazyParts[K]> {
  let p = loaded.get(name);
  if (!p) {
    p = importer(name);
    // A mark per part loaded, for the e2e suite (which parts a page loaded without being asked).
    p.then(() => {
      try {
        performance.mark(`qingdu:lazy:${name}`);
      } catch {
        /* timing is optional */
      }
    }, () => {});
    // A failed load (extension reloaded, network hiccup on a file URL) may be retried later.
    p.catch(() => loaded.delete(name));
    loaded.set(name, p);
  }
  return p as Promise<LazyParts[K]>;
}

/** Tests (Node, no extension URL) load the parts from source instead. */
export function setLazyImporter(fn: Importer): void {
  importer = fn;
  loaded.clear();
}
