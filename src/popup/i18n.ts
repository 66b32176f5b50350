// Localised strings for the popup. The message source is injectable so the render functions can
// be tested under jsdom with the real messages.json files (see i18n-test.ts); in the extension it
// is the browser's i18n.getMessage, which picks zh_CN / zh_TW / en from the UI language.

export type GetMessage = (key: string, substitutions?: string[]) => string;

// Until main.ts connects the browser's i18n (through src/platform/browser.ts), keys show as-is.
let source: GetMessage = (k) => k;

export function setMessageSource(fn: GetMessage): void {
  source = fn;
}

/** The message for `key`, or the key itself when it is missing (visible, never an exception). */
export function t(key: string, ...subs: Array<string | number>): string {
  try {
    const m = source(key, subs.map(String));
    return m || key;
  } catch {
    return key;
  }
}
