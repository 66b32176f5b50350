// The content script's settings reader. Settings that are stored in the current version and
// pass a strict check are used as they are; anything else (nothing stored is fine too: the
// defaults) goes through the full store (validation, repairs, migrations), which the caller
// loads lazily. The check accepts only objects the validator would return unchanged with no
// repair, so both roads give the same settings (settings-fast.test.ts checks that property).
import { ALL_KINDS } from '../core/kinds';
import { SCRIPT_TARGETS } from '../core/types';
import { fromItems, isOurKey, readStored } from './settings-read';
import {
  DEFAULT_SETTINGS,
  READER_FONTS,
  READER_RANGES,
  READER_THEMES,
  SENSITIVITIES,
  SETTINGS_VERSION,
  SITE_FLAGS,
  type Settings,
} from './settings-schema';
import type { StorageBackend, StorageChange } from './settings-store';
import type { SettingsRepair } from './settings-validate';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const oneOf = (list: readonly string[], v: unknown): boolean => typeof v === 'string' && list.includes(v);
const KEYS = ['version', 'kinds', 'sensitivity', 'script', 'sites', 'reader', 'userRules', 'allSites'];
const READER_KEYS = ['theme', 'font', 'fontSize', 'lineHeight', 'width', 'indent', 'vertical'] as const;
// Lower-case host names and *.wildcards, as normalizeHost() writes them (a subset of what it accepts).
const HOST = /^(?:\*\.(?=[a-z0-9_-]+\.))?[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*$/;

function sameKeys(o: Obj, keys: readonly string[]): boolean {
  const own = Object.keys(o);
  return own.length === keys.length && keys.every((k) => k in o);
}

function readerOk(r: unknown): boolean {
  if (!isObj(r) || !sameKeys(r, READER_KEYS)) return false;
  const num = (v: unknown, range: { min: number; max: number }) => typeof v === 'number' && Number.isFinite(v) && v >= range.min && v <= range.max;
  return (
    oneOf(READER_THEMES, r.theme) &&
    oneOf(READER_FONTS, r.font) &&
    num(r.fontSize, READER_RANGES.fontSize) &&
    num(r.lineHeight, READER_RANGES.lineHeight) &&
    num(r.width, READER_RANGES.width) &&
    typeof r.indent === 'boolean' &&
    typeof r.vertical === 'boolean'
  );
}

function siteOk(host: string, v: unknown): boolean {
  // The last label starts with a letter (never an IPv4 form that URL parsing rewrites); no
  // punycode (URL parsing validates it): those hosts take the full road.
  if (!HOST.test(host) || host.length > 253 || !/^[a-z][a-z0-9_-]*$/.test(host.slice(host.lastIndexOf('.') + 1)) || host.includes('xn--') || !isObj(v)) return false;
  const keys = Object.keys(v);
  if (!keys.length) return false;
  return keys.every((k) => (k === 'convert' ? oneOf(SCRIPT_TARGETS, v[k]) : oneOf(SITE_FLAGS, k) && typeof v[k] === 'boolean'));
}

/** True when `raw` is complete, current and valid as it is (the validator would not change it). */
export function isCurrentSettings(raw: unknown): raw is Settings {
  if (!isObj(raw) || !sameKeys(raw, KEYS) || raw.version !== SETTINGS_VERSION) return false;
  const { kinds, sites } = raw;
  return (
    isObj(kinds) &&
    Object.entries(kinds).every(([k, on]) => oneOf(ALL_KINDS, k) && typeof on === 'boolean') &&
    oneOf(SENSITIVITIES, raw.sensitivity) &&
    oneOf(SCRIPT_TARGETS, raw.script) &&
    isObj(sites) &&
    Object.entries(sites).every(([host, site]) => siteOk(host, site)) &&
    readerOk(raw.reader) &&
    typeof raw.userRules === 'string' &&
    typeof raw.allSites === 'boolean'
  );
}

/**
 * Current, valid stored settings, or the defaults when nothing is stored; null when the full
 * store has to judge them (old version, repairs, unreadable pieces).
 */
export async function readSettingsFast(backend: StorageBackend): Promise<Settings | null> {
  const { items } = await readStored(backend);
  const repairs: SettingsRepair[] = [];
  const raw = fromItems(items, repairs);
  if (raw === undefined) return structuredClone(DEFAULT_SETTINGS);
  return !repairs.length && isCurrentSettings(raw) ? raw : null;
}

/** Calls `cb` once a change to the stored settings has settled (one save fires several events). */
export function onStoredSettingsChange(backend: StorageBackend, cb: () => void): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  backend.onChanged?.addListener((changes: Record<string, StorageChange>, area: string) => {
    if (area !== 'sync' && area !== 'local') return;
    if (!Object.keys(changes).some((k) => isOurKey(k) || k === 'settingsArea')) return;
    clearTimeout(timer);
    timer = setTimeout(cb, 30);
  });
}
