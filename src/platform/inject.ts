// Makes sure a tab has our content script: gov.cn pages get it from the manifest; any other
// page (mirror copies live on arbitrary hosts) gets it on demand through activeTab +
// scripting when the user clicks the toolbar button, a menu item or a shortcut.
import { browser } from './browser';
import { sendToTab } from './tabs';

const PING_TIMEOUT_MS = 1500;
const READY_TIMEOUT_MS = 5000;

type Ping = 'present' | 'absent';

/**
 * Asks the tab's content script for its state. No listener -> the message rejects at once
 * ("Receiving end does not exist"). A listener that is busy (analysis still running) counts as
 * present so we never inject a second copy.
 */
async function ping(tabId: number): Promise<Ping> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<Ping>((resolve) => {
    timer = setTimeout(() => resolve('present'), PING_TIMEOUT_MS);
  });
  const reply = sendToTab(tabId, { type: 'get-state' }).then(
    (): Ping => 'present',
    (): Ping => 'absent',
  );
  try {
    return await Promise.race([reply, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The content script file exactly as the built manifest lists it for gov.cn pages (one classic
 * script, built as an IIFE). Reading it from the manifest keeps one copy of the script and needs no
 * bundler-specific import.
 */
function contentScriptFile(): string | undefined {
  return browser.runtime.getManifest().content_scripts?.[0]?.js?.[0];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Returns true when the tab's content script answers (already there, or injected now).
 * False when the page cannot be scripted (browser pages, the web store, no permission).
 */
export async function ensureContentScript(tabId: number): Promise<boolean> {
  if ((await ping(tabId)) === 'present') return true;
  const file = contentScriptFile();
  if (!file) return false;
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [file] });
  } catch (e) {
    console.warn('qingdu: cannot inject into tab', tabId, e);
    return false;
  }
  // The script loads its settings before it listens: wait for it to answer.
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if ((await ping(tabId)) === 'present') return true;
    await sleep(50);
  }
  return false;
}
