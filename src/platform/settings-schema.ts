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

/** Allowed values and ranges, shared by the validator and the options page. */
export const SENSITIVITIES = ['low', 'normal', 'high'] as const satisfies readonly AnalyzeSettings['sensitivity'][];
export const READER_THEMES = ['system', 'light', 'sepia', 'dark'] as const satisfies readonly ReaderPrefs['theme'][];
export const READER_FONTS = ['sans', 'serif', 'kai'] as const satisfies readonly ReaderPrefs['font'][];
export const READER_RANGES = {
  fontSize: { min: 14, max: 32, step: 1 },
  lineHeight: { min: 1.4, max: 2.4, step: 0.1 },
  width: { min: 20, max: 60, step: 1 },
} as const;
/** Boolean switches of a site entry (convert is a ScriptTarget). */
export const SITE_FLAGS = ['clean', 'reader', 'disabled'] as const;

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
