// What the popup knows while it is open, and the actions its controls can ask for. The render
// functions take these and nothing else, so they are tested with fake states under jsdom.
import type { PageState } from '../platform/messages';
import type { SiteSettings } from '../platform/settings-schema';
import type { HideKind, ScriptTarget } from '../core/types';

export type Phase =
  | { kind: 'loading' }
  /** A page no extension may script (chrome://, the web store, about:, the PDF viewer). */
  | { kind: 'restricted' }
  /** The user chose "never run here" for this site. */
  | { kind: 'disabled' }
  /** The content script did not answer (page still loading, or injection refused). */
  | { kind: 'error'; detail: string }
  | { kind: 'ready'; state: PageState };

export interface PopupModel {
  phase: Phase;
  /** The page's host ("" when unknown or not http(s)): the key for per-site settings. */
  host: string;
  site: SiteSettings;
  /** settings.script: the default conversion target. */
  defaultScript: ScriptTarget;
}

export interface PopupHandlers {
  openReader(): void;
  convert(target: 'original' | ScriptTarget): void;
  copySummary(format: 'text' | 'markdown'): void;
  report(): void;
  pick(): void;
  setKindRevealed(kind: HideKind, revealed: boolean): void;
  showAll(show: boolean): void;
  setSite(patch: Partial<SiteSettings>): void;
  openUrl(url: string): void;
}
