// The WebExtension API for the content script, without webextension-polyfill (≈ 10 KB that
// every page would load). Firefox has the promise-based `browser`; Chromium's MV3 `chrome`
// returns promises from the calls used here (storage get, runtime.sendMessage). The one
// difference that matters, answering a message asynchronously, is handled by onMessage().
// Extension pages and the background keep using ./browser (the polyfill).
import type { Browser } from 'webextension-polyfill';
import type { StorageBackend } from './settings-store';

type Global = { browser?: Browser; chrome?: Browser };

/** The native API object (`browser` in Firefox, `chrome` in Chromium); undefined outside an extension. */
export function ext(): Browser | undefined {
  const g = globalThis as unknown as Global;
  return g.browser?.runtime?.id ? g.browser : g.chrome?.runtime?.id ? g.chrome : undefined;
}

/** A localised string; the key itself when missing or outside an extension (like browser.ts t()). */
export function t(key: string, substitutions?: string | string[]): string {
  try {
    return ext()?.i18n.getMessage(key, substitutions) || key;
  } catch {
    return key;
  }
}

/**
 * Listens to messages from this extension. `handle` returns a promise for the reply, or
 * undefined to leave the message to others. The reply goes through sendResponse (kept open by
 * returning true), which both browsers support; Chromium ignores a returned promise.
 */
export function onMessage(handle: (msg: unknown) => Promise<unknown> | undefined): void {
  const api = ext();
  if (!api) return;
  const id = api.runtime.id;
  api.runtime.onMessage.addListener(((msg: unknown, sender: { id?: string }, sendResponse: (r: unknown) => void) => {
    if (sender.id !== id) return undefined;
    const reply = handle(msg);
    if (!reply) return undefined;
    reply.then(sendResponse, (e: unknown) => sendResponse({ ok: false, error: String((e as Error)?.message ?? e) }));
    return true;
  }) as unknown as Parameters<Browser['runtime']['onMessage']['addListener']>[0]);
}

/** Fire-and-forget message to the background; never rejects. */
export function sendMessage(msg: unknown): void {
  try {
    const p = ext()?.runtime.sendMessage(msg) as Promise<unknown> | undefined;
    p?.catch(() => {
      /* the background may be asleep or reloading */
    });
  } catch {
    /* extension context invalidated (reloaded): nothing to tell */
  }
}

/** storage.sync (when usable) and storage.local, as the settings code reads them. */
export function storageBackend(): StorageBackend | undefined {
  const storage = ext()?.storage;
  return storage ? backendOf(storage) : undefined;
}

/** The settings code's view of a storage API (native here, the polyfill's in settings.ts). */
export function backendOf(storage: Browser['storage']): StorageBackend {
  let sync: StorageBackend['sync'];
  try {
    // Some builds (and Firefox with sync disabled by policy) have no usable storage.sync.
    sync = storage.sync && typeof storage.sync.get === 'function' ? storage.sync : undefined;
  } catch {
    sync = undefined;
  }
  return { sync, local: storage.local, onChanged: storage.onChanged };
}
