// The one settings schema: shape and defaults. Pure (no browser APIs) so core, tests and the
// options page can share it. Validation, repair and migrations live beside it (settings-validate.ts).
import type { AnalyzeSettings, HideKind, ScriptTarget } from '../core/types';

export const SETTINGS_VERSION = 1;

export interface SiteSettings {
  /** Clean automatically on this site (beyond gov.cn needs the optional host permission). */
  clean?: boolean;
  /** Convert automatically to this script on load. */
  convert?: ScriptTarget;
  /** Open the clean view automatically. */
  reader?: boolean;
  /** Never run here. */
  disabled?: boolean;
}

export interface ReaderPrefs {
  theme: 'system' | 'light' | 'sepia' | 'dark';
  font: 'sans' | 'serif' | 'kai';
  fontSize: number; // px, 14–32
  lineHeight: number; // 1.4–2.4
  width: number; // characters per line, 20–60
  indent: boolean; // 2em first-line indent instead of paragraph spacing
  vertical: boolean; // 直排, right to left
}

export interface Settings {
  version: number;
  kinds: Partial<Record<HideKind, boolean>>;
  sensitivity: AnalyzeSettings['sensitivity'];
  /** Default conversion target when the user toggles script. */
  script: ScriptTarget;
  /** Keyed by host ("example.gov.cn") or a wildcard ("*.gov.cn"). */
  sites: Record<string, SiteSettings>;
  reader: ReaderPrefs;
  userRules: string;
  /** Clean automatically on every site (requires the optional <all_urls> permission). */
  allSites: boolean;
}

export const DEFAULT_READER: ReaderPrefs = {
  theme: 'system',
  font: 'serif',
  fontSize: 19,
  lineHeight: 1.9,
  width: 36,
  indent: true,
  vertical: false,
};

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  kinds: {},
  sensitivity: 'normal',
  script: 'tw',
  sites: {},
  reader: DEFAULT_READER,
  userRules: '',
  allSites: false,
};

export function toAnalyzeSettings(s: Settings): AnalyzeSettings {
  return { kinds: s.kinds, sensitivity: s.sensitivity, userRules: s.userRules };
}

/** Settings for a host: the exact host first, then the closest wildcard ("*.gov.cn"). */
export function siteSettingsFor(s: Settings, host: string): SiteSettings {
  if (s.sites[host]) return s.sites[host];
  const parts = host.split('.');
  for (let i = 1; i < parts.length; i++) {
    const key = '*.' + parts.slice(i).join('.');
    if (s.sites[key]) return s.sites[key];
  }
  return {};
}
