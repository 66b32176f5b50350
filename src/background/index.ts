// Background: thin on purpose. It sets the per-tab badge the content script asks for, and turns
// context-menu clicks and keyboard commands into ToContent messages, injecting the content
// script first (activeTab) when the page is not a gov.cn page. All listeners are registered
// synchronously at top level: the Chrome service worker / Firefox event page can be restarted
// at any time and only top-level listeners wake it.
import { browser, t, type Menus, type Runtime, type Tabs } from '../platform/browser';
import { ensureContentScript } from '../platform/inject';
import type { ToBackground, ToContent } from '../platform/messages';
import { activeTabId, sendToTab } from '../platform/tabs';
import { initAutoSites } from './auto-sites';
import { setSpamBadge } from './badge';

type TabAction = Extract<ToContent, { type: 'toggle-reader' | 'toggle-script' | 'start-picker' }>['type'];

const MENU: Record<string, { action: TabAction; title: string }> = {
  'qingdu-reader': { action: 'toggle-reader', title: 'menu_open_reader' },
  'qingdu-script': { action: 'toggle-script', title: 'menu_toggle_script' },
  'qingdu-picker': { action: 'start-picker', title: 'menu_pick_element' },
};

const COMMANDS: Record<string, TabAction> = {
  'toggle-reader': 'toggle-reader',
  'toggle-script': 'toggle-script',
};

async function runOnTab(tabId: number | undefined, action: TabAction): Promise<void> {
  if (tabId === undefined || tabId < 0) return;
  try {
    if (!(await ensureContentScript(tabId))) return;
    await sendToTab(tabId, { type: action });
  } catch (e) {
    console.warn('qingdu: action failed', action, e);
  }
}

async function createMenus(): Promise<void> {
  // removeAll first: menus survive restarts in some browsers and duplicate ids are an error.
  await browser.contextMenus.removeAll();
  for (const [id, { title }] of Object.entries(MENU)) {
    browser.contextMenus.create({ id, title: t(title), contexts: ['page', 'selection', 'frame'] });
  }
}

function isToBackground(m: unknown): m is ToBackground {
  return typeof m === 'object' && m !== null && typeof (m as { type?: unknown }).type === 'string';
}

function onMessage(message: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined {
  // Only our own content scripts and pages talk to us.
  if (sender.id !== browser.runtime.id || !isToBackground(message)) return undefined;
  switch (message.type) {
    case 'badge': {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return undefined;
      return setSpamBadge(tabId, message.count).then(() => ({ ok: true }));
    }
    case 'inject':
      return ensureContentScript(message.tabId).then((ok) => ({ ok }));
    default:
      return undefined;
  }
}

browser.runtime.onMessage.addListener(onMessage);

browser.runtime.onInstalled.addListener(() => {
  createMenus().catch((e) => console.warn('qingdu: menus', e));
});
browser.runtime.onStartup.addListener(() => {
  createMenus().catch((e) => console.warn('qingdu: menus', e));
});

browser.contextMenus.onClicked.addListener((info: Menus.OnClickData, tab?: Tabs.Tab) => {
  const entry = MENU[String(info.menuItemId)];
  if (entry) void runOnTab(tab?.id, entry.action);
});

browser.commands.onCommand.addListener((command: string, tab?: Tabs.Tab) => {
  const action = COMMANDS[command];
  if (!action) return;
  void (async () => runOnTab(tab?.id ?? (await activeTabId()), action))();
});

try {
  initAutoSites();
} catch (e) {
  console.warn('qingdu: auto sites', e);
}
