// Typed access to tabs: every message to a content script goes through sendToTab so the
// reply type follows from the message type (see messages.ts).
import { browser } from './browser';
import type { ContentReply, ToContent } from './messages';

/** Sends a message to the content script of a tab. Rejects when no content script listens. */
export async function sendToTab<M extends ToContent>(tabId: number, msg: M): Promise<ContentReply<M>> {
  return (await browser.tabs.sendMessage(tabId, msg)) as ContentReply<M>;
}

/** The id of the active tab in the current window, or undefined (e.g. a devtools window). */
export async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}
