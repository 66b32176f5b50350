// The one typed message protocol between popup / options / background and the content script.
// Add a message here (a new union member) rather than sending ad-hoc objects.
import type { AnalysisJSON } from '../core/serialize';
import type { HideKind, ScriptTarget } from '../core/types';

/** What the content script reports about its tab. */
export interface PageState {
  analysis: AnalysisJSON;
  /** Kinds the user has revealed again on this tab. */
  revealedKinds: HideKind[];
  /** Everything revealed (the page is in its original state). */
  showAll: boolean;
  /** Current script of the page: 'original' or the target it was converted to. */
  script: 'original' | ScriptTarget;
  readerOpen: boolean;
}

/** Messages to the content script (popup, background). */
export type ToContent =
  | { type: 'get-state' }
  | { type: 'set-kind-revealed'; kind: HideKind; revealed: boolean }
  | { type: 'show-all'; show: boolean }
  | { type: 'convert'; target: 'original' | ScriptTarget }
  | { type: 'toggle-script' }
  | { type: 'open-reader' }
  | { type: 'close-reader' }
  | { type: 'toggle-reader' }
  | { type: 'start-picker' }
  | { type: 'settings-changed' };

/** Messages to the background (content script, popup, options). */
export type ToBackground =
  | { type: 'badge'; count: number }
  | { type: 'inject'; tabId: number };

export type ContentReply<M extends ToContent> = M extends { type: 'get-state' } ? PageState : { ok: boolean; error?: string };

export function isToContent(m: unknown): m is ToContent {
  return typeof m === 'object' && m !== null && typeof (m as { type?: unknown }).type === 'string';
}
