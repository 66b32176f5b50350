// Runs the content script by itself beyond gov.cn (which the manifest covers): on every site when
// settings.allSites is on and the optional <all_urls> permission is granted, otherwise on the
// hosts marked "clean automatically" whose permission the user granted. One dynamic registration
// (id 'qingdu-all-sites') is kept in step with the settings and the permissions.
import { browser } from '../platform/browser';
import { loadSettings, onSettingsChanged } from '../platform/settings';
import type { Settings } from '../platform/settings-schema';

export const AUTO_SCRIPT_ID = 'qingdu-all-sites';
const ALL_URLS = '<all_urls>';
/** Pages the manifest's content script already gets: never inject a second copy there. */
const MANIFEST_MATCHES = ['*://*.gov.cn/*'];

function coveredByManifest(host: string): boolean {
  const bare = host.replace(/^\*\./, '');
  return bare === 'gov.cn' || bare.endsWith('.gov.cn');
}

/** The match patterns to register for these settings, given what the user has granted. Pure. */
export async function matchesFor(s: Settings, granted: (origin: string) => Promise<boolean>): Promise<string[]> {
  if (s.allSites && (await granted(ALL_URLS))) return [ALL_URLS];
  const out: string[] = [];
  for (const [host, site] of Object.entries(s.sites)) {
    if (!site.clean || site.disabled || coveredByManifest(host)) continue;
    const origin = `*://${host}/*`;
    if (await granted(origin)) out.push(origin);
  }
  return out;
}

/** The built content script (crxjs loader) exactly as the manifest lists it, like inject.ts. */
function contentScriptFile(): string | undefined {
  return browser.runtime.getManifest().content_scripts?.[0]?.js?.[0];
}

let running: Promise<void> = Promise.resolve();
let lastKey = '';

async function sync(): Promise<void> {
  const settings = await loadSettings();
  const matches = await matchesFor(settings, (origin) => browser.permissions.contains({ origins: [origin] }).catch(() => false));
  const file = contentScriptFile();
  const key = JSON.stringify([matches, file]);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [AUTO_SCRIPT_ID] }).catch(() => []);
  if (key === lastKey && (existing.length > 0) === (matches.length > 0)) return;
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [AUTO_SCRIPT_ID] });
  lastKey = key;
  if (!matches.length || !file) return;
  await browser.scripting.registerContentScripts([
    {
      id: AUTO_SCRIPT_ID,
      matches,
      excludeMatches: MANIFEST_MATCHES,
      js: [file],
      runAt: 'document_start',
      allFrames: false,
    },
  ]);
}

function resync(): void {
  running = running.then(sync).catch((e) => console.warn('qingdu: auto sites', e));
}

export function initAutoSites(): void {
  // Listeners at top level (called synchronously from the background entry) so they wake it.
  browser.permissions.onAdded.addListener(resync);
  browser.permissions.onRemoved.addListener(resync);
  onSettingsChanged(resync);
  browser.runtime.onStartup.addListener(resync);
  browser.runtime.onInstalled.addListener(resync);
  resync();
}
