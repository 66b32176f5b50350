// Types shared by the content script (index.ts) and its on-use actions (actions.ts, loaded with
// the lazy part `details`): the page's state and what the actions may ask of the script.
import type { Analysis } from '../core/types';
import type { Settings } from '../platform/settings-schema';
import type { PageConverter } from './convert';
import type { LazyParts, loadLazy } from './lazy-load';
import type { Cleaner } from './cleaner';

type ReaderHandle = ReturnType<LazyParts['reader']['openReader']>;

/** What only the user's actions create: the converter, the clean view, the picker. */
export interface UiState {
  converter: Promise<PageConverter> | null;
  /** The converter once loaded (its `current` is needed synchronously). */
  converterNow: PageConverter | null;
  reader: ReaderHandle | null;
  picker: { stop(): void } | null;
}

/** The content script as its on-use actions see it. */
export interface ContentHost {
  host: string;
  ui: UiState;
  /** The cleaner, while Qingdu is on for this site. */
  cleaner(): Cleaner | null;
  settings(): Settings;
  /** Keeps this tab's copy of the settings (the caller stores them). */
  setSettings(settings: Settings): void;
  applySettings(settings: Settings): Promise<void>;
  /** The latest analysis, complete (summary, details, repairs). */
  currentAnalysis(): Promise<Analysis>;
  loadLazy: typeof loadLazy;
  isOwnUi(node: Node): boolean;
  getMessage(key: string, subs?: string[]): string;
  warn(where: string, e: unknown): void;
}
