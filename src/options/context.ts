// What every part of the options page shares: the current settings, a way to change them
// (written to storage at once: open tabs follow through storage events), and the status line.
import type { Settings } from '../platform/settings-schema';

export type Translate = (key: string, subs?: string | string[]) => string;

export interface OptionsContext {
  t: Translate;
  get(): Settings;
  /** Applies fn to the current settings and to the stored ones (so a concurrent change elsewhere is kept). */
  commit(fn: (s: Settings) => Settings): Promise<void>;
  /** Replaces everything (import, reset, undo). */
  replace(s: Settings): Promise<void>;
  /** A short message; with an action button (e.g. Undo) when given. */
  status(message: string, action?: { label: string; run(): void }, timeoutMs?: number): void;
  render(): void;
}
