// Settings API for every part of the extension (content script, popup, options, background).
// Storage layout, quota handling and fallback: settings-store.ts; validation: settings-validate.ts.
// Changes reach open tabs through storage events: onSettingsChanged() listens to
// browser.storage.onChanged, so no 'settings-changed' message has to be broadcast.
import { browser } from './browser';
import { backendOf } from './ext';
import type { Settings, SiteSettings } from './settings-schema';
import { appendRule, createSettingsStore, patchSite, type AreaInfo, type LoadReport, type SettingsStore } from './settings-store';

let store: SettingsStore | undefined;


function getStore(): SettingsStore {
  store ??= createSettingsStore(backendOf(browser.storage));
  return store;
}

/** Validated, migrated settings. Never throws (defaults when storage cannot be read). */
export async function loadSettings(): Promise<Settings> {
  return (await getStore().load()).settings;
}

/** The settings plus what loading repaired/migrated and where they are stored (for the options page). */
export function loadSettingsReport(): Promise<LoadReport> {
  return getStore().load();
}

export async function saveSettings(s: Settings): Promise<void> {
  await getStore().save(s);
}

/** Saves and says where the data went (sync, or local with the reason). */
export function saveSettingsWhere(s: Settings): Promise<AreaInfo> {
  return getStore().save(s);
}

export function updateSettings(fn: (s: Settings) => Settings): Promise<Settings> {
  return getStore().update(fn);
}

export function updateSite(host: string, patch: Partial<SiteSettings>): Promise<Settings> {
  return getStore().update((s) => patchSite(s, host.toLowerCase(), patch));
}

export function addUserRule(rule: string): Promise<Settings> {
  return getStore().update((s) => appendRule(s, rule));
}

/** Calls cb with the new settings whenever they change (in any context). Returns an unsubscribe function. */
export function onSettingsChanged(cb: (s: Settings) => void): () => void {
  return getStore().onChanged(cb);
}

export type { AreaInfo, LoadReport };
