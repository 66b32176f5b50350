// Migrations of stored settings from older versions. Each is a small pure function from the
// object of version N to the object of version N+1; loading runs them in order, then the
// validator repairs whatever is still wrong. Pure: no browser APIs, so every step has a test.
import { SETTINGS_VERSION } from './settings-schema';

type Obj = Record<string, unknown>;

export interface Migration {
  from: number;
  to: number;
  name: string;
  run(old: Obj): Obj;
}

/**
 * Version 0 (Qingdu 0.0.x, before the schema had a version) stored flat keys:
 *   hideSpam, hideRecommend, hideShare, hideTools, hideNav, hideFooter, hideComments: boolean
 *   level: 1 | 2 | 3                     (detection sensitivity)
 *   target: 'zh-CN' | 'zh-Hant' | 'zh-TW' | 'zh-TW-phrases' | 'zh-HK'
 *   autoCleanSites, autoConvertSites, readerSites, blacklist: string[] of hosts
 *   fontSize: number | '18px', lineHeight: number, theme: 'auto' | 'day' | 'night' | 'sepia',
 *   serif: boolean, filters: string[] (one rule per entry), everywhere: boolean
 */
export const V0_KEYS = [
  'hideSpam', 'hideRecommend', 'hideShare', 'hideTools', 'hideNav', 'hideFooter', 'hideComments',
  'level', 'target', 'autoCleanSites', 'autoConvertSites', 'readerSites', 'blacklist',
  'fontSize', 'lineHeight', 'theme', 'serif', 'filters', 'everywhere',
] as const;

const V0_TARGETS: Record<string, string> = {
  'zh-CN': 'cn', 'zh-Hans': 'cn', 'zh-Hant': 't', 'zh-TW': 'tw', 'zh-TW-phrases': 'twp', 'zh-HK': 'hk',
};
const V0_THEMES: Record<string, string> = { auto: 'system', day: 'light', night: 'dark', sepia: 'sepia' };
const V0_LEVELS: Record<string, string> = { '1': 'low', '2': 'normal', '3': 'high' };

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** 0 -> 1: flat keys become the structured schema. Unknown values pass through for the validator to judge. */
export function migrate0to1(old: Obj): Obj {
  const kinds: Obj = {};
  const setKinds = (key: string, ids: string[]) => {
    if (typeof old[key] === 'boolean') for (const id of ids) kinds[id] = old[key];
  };
  // v0 had one switch for all spam; v1 keeps spam on unless the user had turned it off.
  setKinds('hideSpam', ['spam-line', 'link-farm', 'hidden-links', 'overlay', 'inline-spam', 'search-reflection']);
  setKinds('hideRecommend', ['recommendation', 'related']);
  setKinds('hideShare', ['share']);
  setKinds('hideTools', ['page-tools']);
  setKinds('hideNav', ['nav']);
  setKinds('hideFooter', ['footer']);
  setKinds('hideComments', ['comment']);

  const sites: Record<string, Obj> = {};
  const mark = (key: string, patch: Obj) => {
    for (const host of strings(old[key])) sites[host] = { ...sites[host], ...patch };
  };
  const target = typeof old.target === 'string' ? V0_TARGETS[old.target] : undefined;
  mark('autoCleanSites', { clean: true });
  mark('autoConvertSites', { convert: target ?? 'tw' });
  mark('readerSites', { reader: true });
  mark('blacklist', { disabled: true });

  const reader: Obj = {};
  if (old.fontSize !== undefined) reader.fontSize = typeof old.fontSize === 'string' ? parseFloat(old.fontSize) : old.fontSize;
  if (old.lineHeight !== undefined) reader.lineHeight = old.lineHeight;
  if (typeof old.theme === 'string') reader.theme = V0_THEMES[old.theme] ?? old.theme;
  if (typeof old.serif === 'boolean') reader.font = old.serif ? 'serif' : 'sans';

  const out: Obj = { version: 1, kinds, sites, reader };
  if (old.level !== undefined) out.sensitivity = V0_LEVELS[String(old.level)] ?? old.level;
  if (old.target !== undefined) out.script = target ?? old.target;
  if (old.filters !== undefined) out.userRules = Array.isArray(old.filters) ? strings(old.filters).join('\n') : old.filters;
  if (old.everywhere !== undefined) out.allSites = old.everywhere;
  return out;
}

export const MIGRATIONS: readonly Migration[] = [{ from: 0, to: 1, name: 'flat-keys-to-schema', run: migrate0to1 }];

/** The version an object was stored with. No version + flat v0 keys = 0; no version + v1 keys = current. */
export function detectVersion(raw: Obj): number {
  const v = raw.version;
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  if (Number.isInteger(n) && n >= 0) return n;
  if (V0_KEYS.some((k) => k in raw) && !('kinds' in raw) && !('sites' in raw)) return 0;
  return SETTINGS_VERSION;
}

export interface MigrationResult {
  value: Obj;
  /** Version the object was stored with. */
  from: number;
  /** Names of the migrations that ran, in order. */
  applied: string[];
  /** True when the object comes from a newer Qingdu than this one (validated as far as we know it). */
  newer: boolean;
}

export function migrateSettings(raw: Obj, migrations: readonly Migration[] = MIGRATIONS): MigrationResult {
  const from = detectVersion(raw);
  let value = raw;
  let version = from;
  const applied: string[] = [];
  for (;;) {
    const step = migrations.find((m) => m.from === version);
    if (!step || version >= SETTINGS_VERSION) break;
    value = step.run(value);
    version = step.to;
    applied.push(step.name);
  }
  return { value: { ...value, version: Math.min(version, SETTINGS_VERSION) }, from, applied, newer: from > SETTINGS_VERSION };
}
