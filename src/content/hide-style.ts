// The one stylesheet that hides what Qingdu marks. Elements carry data-qingdu-hide="kind …";
// <html> may carry data-qingdu-reveal="kind …|all" (what the reader chose to see again) and
// data-qingdu-measuring while an analysis reads computed styles (so our own hiding never looks
// like the page's). `display:none !important` on an attribute selector beats the site's CSS.
// The sheet is adopted (document.adoptedStyleSheets) where possible so it never appears in the
// page's serialisation; otherwise a <style> is appended to <html> and removed on "show all".
import { ALL_KINDS } from '../core/kinds';

export const HIDE_ATTR = 'data-qingdu-hide';
export const REVEAL_ATTR = 'data-qingdu-reveal';
export const MEASURE_ATTR = 'data-qingdu-measuring';

export function hideCss(): string {
  return ALL_KINDS.map(
    (k) =>
      `html:not([${REVEAL_ATTR}~="${k}"]):not([${REVEAL_ATTR}~="all"]):not([${MEASURE_ATTR}]) [${HIDE_ATTR}~="${k}"]{display:none!important}`,
  ).join('\n');
}

export interface HideStyle {
  install(): void;
  uninstall(): void;
}

export function createHideStyle(doc: Document): HideStyle {
  const css = hideCss();
  let sheet: CSSStyleSheet | null = null;
  let styleEl: HTMLStyleElement | null = null;
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  const canAdopt = !!view && 'adoptedStyleSheets' in doc && typeof view.CSSStyleSheet === 'function';
  return {
    install() {
      if (canAdopt) {
        try {
          if (!sheet) {
            sheet = new view!.CSSStyleSheet();
            sheet.replaceSync(css);
          }
          if (!doc.adoptedStyleSheets.includes(sheet)) doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
          return;
        } catch {
          /* fall back to a <style> element */
        }
      }
      if (!styleEl) {
        styleEl = doc.createElement('style');
        styleEl.setAttribute('data-qingdu-ui', '');
        styleEl.textContent = css;
      }
      if (!styleEl.isConnected) (doc.head || doc.documentElement).appendChild(styleEl);
    },
    uninstall() {
      if (sheet) {
        try {
          doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
        } catch {
          /* nothing adopted */
        }
      }
      styleEl?.remove();
    },
  };
}
