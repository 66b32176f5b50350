// The single door to browser APIs: everything outside src/platform reaches the WebExtension
// API through this module (core never does). The polyfill gives the promise-based `browser`
// namespace in Chrome too.
import browser from 'webextension-polyfill';

export { browser };
export type { Runtime, Tabs, Menus, Storage, Scripting, Permissions } from 'webextension-polyfill';

/**
 * A localised string. Falls back to the key itself when the message is missing (or when the
 * i18n API is unavailable, e.g. under tests), so a missing string is visible, never blank.
 */
export function t(key: string, substitutions?: string | string[]): string {
  try {
    const message = browser.i18n.getMessage(key, substitutions);
    return message || key;
  } catch {
    return key;
  }
}
