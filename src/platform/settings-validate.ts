// Validation of stored or imported settings. Reading never throws and never resets everything:
// each invalid field is repaired to its default, valid fields are kept, and every repair is
// reported (path + problem) so the options page and the tests can say what happened.
// Import is strict: the same checks, but any repair rejects the file (nothing changes).
import { ALL_KINDS } from '../core/kinds';
import { SCRIPT_TARGETS, type HideKind, type ScriptTarget } from '../core/types';
import { migrateSettings } from './settings-migrate';
import {
  DEFAULT_READER,
  DEFAULT_SETTINGS,
  READER_FONTS,
  READER_RANGES,
  READER_THEMES,
  SENSITIVITIES,
  SETTINGS_VERSION,
  SITE_FLAGS,
  type ReaderPrefs,
  type Settings,
  type SiteSettings,
} from './settings-schema';

export interface SettingsRepair {
  /** Dotted path of the field, e.g. "reader.fontSize", "sites.example.gov.cn", "(root)". */
  path: string;
  problem: string;
}

export interface ValidationResult {
  settings: Settings;
  repairs: SettingsRepair[];
  /** Migrations that ran, by name. */
  migrations: string[];
  /** Version the data was stored with. */
  fromVersion: number;
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown): string => {
  let s: string;
  try {
    s = typeof v === 'string' ? JSON.stringify(v) : v === undefined ? 'undefined' : (JSON.stringify(v) ?? String(v));
  } catch {
    s = String(v);
  }
  return s.length > 40 ? s.slice(0, 37) + '...' : s;
};
const oneOf = <T extends string>(list: readonly T[], v: unknown): v is T => typeof v === 'string' && (list as readonly string[]).includes(v);

/** "https://WWW.Gov.cn/x" -> "www.gov.cn"; "*.gov.cn" kept; anything that is not a host -> null. */
export function normalizeHost(input: string): string | null {
  let s = input.trim().toLowerCase();
  if (!s) return null;
  let wildcard = false;
  if (s.startsWith('*.')) {
    wildcard = true;
    s = s.slice(2);
  }
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(s) ? s : 'http://' + s);
    s = url.hostname;
  } catch {
    return null;
  }
  if (s.endsWith('.')) s = s.slice(0, -1);
  if (!/^(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*$/.test(s) && !/^\[[0-9a-f:.]+\]$/.test(s)) return null;
  if (wildcard && !s.includes('.')) return null;
  return (wildcard ? '*.' : '') + s;
}

function validateKinds(v: unknown, repairs: SettingsRepair[]): Settings['kinds'] {
  if (v === undefined) return {};
  if (!isObj(v)) {
    repairs.push({ path: 'kinds', problem: `expected an object, got ${show(v)}` });
    return {};
  }
  const out: Settings['kinds'] = {};
  for (const [k, on] of Object.entries(v)) {
    if (!(ALL_KINDS as readonly string[]).includes(k)) repairs.push({ path: `kinds.${k}`, problem: 'unknown kind' });
    else if (typeof on !== 'boolean') repairs.push({ path: `kinds.${k}`, problem: `expected true/false, got ${show(on)}` });
    else out[k as HideKind] = on;
  }
  return out;
}

function validateSite(host: string, v: unknown, repairs: SettingsRepair[]): SiteSettings | null {
  if (!isObj(v)) {
    repairs.push({ path: `sites.${host}`, problem: `expected an object, got ${show(v)}` });
    return null;
  }
  const out: SiteSettings = {};
  for (const [k, val] of Object.entries(v)) {
    if ((SITE_FLAGS as readonly string[]).includes(k)) {
      if (typeof val === 'boolean') out[k as (typeof SITE_FLAGS)[number]] = val;
      else repairs.push({ path: `sites.${host}.${k}`, problem: `expected true/false, got ${show(val)}` });
    } else if (k === 'convert') {
      if (oneOf(SCRIPT_TARGETS, val)) out.convert = val;
      else if (val !== undefined) repairs.push({ path: `sites.${host}.convert`, problem: `unknown script target ${show(val)}` });
    } else repairs.push({ path: `sites.${host}.${k}`, problem: 'unknown site setting' });
  }
  return out;
}

function validateSites(v: unknown, repairs: SettingsRepair[]): Settings['sites'] {
  if (v === undefined) return {};
  if (!isObj(v)) {
    repairs.push({ path: 'sites', problem: `expected an object, got ${show(v)}` });
    return {};
  }
  const out: Settings['sites'] = {};
  for (const [key, entry] of Object.entries(v)) {
    const host = normalizeHost(key);
    if (!host) {
      repairs.push({ path: `sites.${key}`, problem: 'not a host name' });
      continue;
    }
    const site = validateSite(host, entry, repairs);
    // An entry with no setting left means nothing; dropping it keeps sync storage small.
    if (site && Object.keys(site).length) out[host] = { ...out[host], ...site };
  }
  return out;
}

function validateNumber(path: string, v: unknown, range: { min: number; max: number }, fallback: number, repairs: SettingsRepair[]): number {
  if (typeof v === 'number' && Number.isFinite(v) && v >= range.min && v <= range.max) return v;
  repairs.push({ path, problem: typeof v === 'number' && Number.isFinite(v) ? `${v} is outside ${range.min}–${range.max}` : `expected a number, got ${show(v)}` });
  return fallback;
}

function validateReader(v: unknown, repairs: SettingsRepair[]): ReaderPrefs {
  if (v === undefined) return { ...DEFAULT_READER };
  if (!isObj(v)) {
    repairs.push({ path: 'reader', problem: `expected an object, got ${show(v)}` });
    return { ...DEFAULT_READER };
  }
  const out: ReaderPrefs = { ...DEFAULT_READER };
  const bad = (k: string, val: unknown) => repairs.push({ path: `reader.${k}`, problem: `invalid value ${show(val)}` });
  for (const [k, val] of Object.entries(v)) {
    if (val === undefined) continue;
    switch (k) {
      case 'theme':
        if (oneOf(READER_THEMES, val)) out.theme = val;
        else bad(k, val);
        break;
      case 'font':
        if (oneOf(READER_FONTS, val)) out.font = val;
        else bad(k, val);
        break;
      case 'fontSize':
      case 'lineHeight':
      case 'width':
        out[k] = validateNumber(`reader.${k}`, val, READER_RANGES[k], DEFAULT_READER[k], repairs);
        break;
      case 'indent':
      case 'vertical':
        if (typeof val === 'boolean') out[k] = val;
        else bad(k, val);
        break;
      default:
        repairs.push({ path: `reader.${k}`, problem: 'unknown reader setting' });
    }
  }
  return out;
}

function validateRules(v: unknown, repairs: SettingsRepair[]): string {
  if (v === undefined) return '';
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) {
    // A list of lines is what the user meant; keep every rule.
    repairs.push({ path: 'userRules', problem: 'a list of lines, joined into text' });
    return v.join('\n');
  }
  repairs.push({ path: 'userRules', problem: `expected text, got ${show(v)}` });
  return '';
}

const KNOWN = new Set(['version', 'kinds', 'sensitivity', 'script', 'sites', 'reader', 'userRules', 'allSites']);

/** Repairs a (migrated) settings object. Never throws. */
export function repairSettings(raw: Obj, repairs: SettingsRepair[] = []): Settings {
  const s: Settings = {
    version: SETTINGS_VERSION,
    kinds: validateKinds(raw.kinds, repairs),
    sensitivity: DEFAULT_SETTINGS.sensitivity,
    script: DEFAULT_SETTINGS.script,
    sites: validateSites(raw.sites, repairs),
    reader: validateReader(raw.reader, repairs),
    userRules: validateRules(raw.userRules, repairs),
    allSites: DEFAULT_SETTINGS.allSites,
  };
  if (oneOf(SENSITIVITIES, raw.sensitivity)) s.sensitivity = raw.sensitivity;
  else if (raw.sensitivity !== undefined) repairs.push({ path: 'sensitivity', problem: `invalid value ${show(raw.sensitivity)}` });
  if (oneOf(SCRIPT_TARGETS, raw.script)) s.script = raw.script as ScriptTarget;
  else if (raw.script !== undefined) repairs.push({ path: 'script', problem: `unknown script target ${show(raw.script)}` });
  if (typeof raw.allSites === 'boolean') s.allSites = raw.allSites;
  else if (raw.allSites !== undefined) repairs.push({ path: 'allSites', problem: `expected true/false, got ${show(raw.allSites)}` });
  for (const k of Object.keys(raw)) if (!KNOWN.has(k)) repairs.push({ path: k, problem: 'unknown setting' });
  return s;
}

/** Stored value (anything) -> valid Settings, with the list of repairs and migrations. Never throws. */
export function validateSettings(raw: unknown): ValidationResult {
  const repairs: SettingsRepair[] = [];
  let value = raw;
  if (typeof value === 'string') {
    // A settings object stored as a JSON string by an old or buggy writer.
    try {
      value = JSON.parse(value);
      repairs.push({ path: '(root)', problem: 'stored as a JSON string' });
    } catch {
      repairs.push({ path: '(root)', problem: 'text that is not JSON' });
      value = undefined;
    }
  }
  if (value === undefined || value === null) {
    if (raw === null) repairs.push({ path: '(root)', problem: 'null' });
    return { settings: structuredCloneSettings(DEFAULT_SETTINGS), repairs, migrations: [], fromVersion: SETTINGS_VERSION };
  }
  if (!isObj(value)) {
    repairs.push({ path: '(root)', problem: `expected an object, got ${show(value)}` });
    return { settings: structuredCloneSettings(DEFAULT_SETTINGS), repairs, migrations: [], fromVersion: SETTINGS_VERSION };
  }
  let migrated;
  try {
    migrated = migrateSettings(value);
  } catch (e) {
    // A migration must never lose the rest: validate the object as if it were current.
    repairs.push({ path: '(root)', problem: `migration failed: ${String(e)}` });
    migrated = { value: { ...value, version: SETTINGS_VERSION }, from: SETTINGS_VERSION, applied: [], newer: false };
  }
  if (migrated.newer) repairs.push({ path: 'version', problem: `written by a newer Qingdu (version ${migrated.from}); kept what this version knows` });
  const settings = repairSettings(migrated.value, repairs);
  return { settings, repairs, migrations: migrated.applied, fromVersion: migrated.from };
}

export function structuredCloneSettings(s: Settings): Settings {
  return JSON.parse(JSON.stringify(s)) as Settings;
}

// ---- Import (strict) ----

export type ImportErrorCode = 'not-json' | 'not-object' | 'not-qingdu' | 'newer-version' | 'invalid-fields';

export type ImportResult =
  | { ok: true; settings: Settings; migrations: string[] }
  | { ok: false; code: ImportErrorCode; detail: string };

/** What export writes: a wrapper that says what the file is. */
export interface ExportFile {
  app: 'qingdu';
  exported: string;
  settings: Settings;
}

export function toExportFile(s: Settings, now = new Date()): ExportFile {
  return { app: 'qingdu', exported: now.toISOString(), settings: s };
}

/** Parses an imported file. Any problem rejects the whole file, with the reason; nothing is half-applied. */
export function parseImport(text: string): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, code: 'not-json', detail: e instanceof Error ? e.message : String(e) };
  }
  if (!isObj(data)) return { ok: false, code: 'not-object', detail: Array.isArray(data) ? 'a list' : show(data) };
  let body: unknown = data;
  if ('app' in data) {
    if (data.app !== 'qingdu') return { ok: false, code: 'not-qingdu', detail: `app is ${show(data.app)}` };
    body = data.settings;
    if (!isObj(body)) return { ok: false, code: 'not-object', detail: `settings is ${show(body)}` };
  }
  const obj = body as Obj;
  if (!Object.keys(obj).some((k) => KNOWN.has(k)) && migrateSettings(obj).from !== 0) {
    return { ok: false, code: 'not-qingdu', detail: Object.keys(obj).slice(0, 5).join(', ') || '{}' };
  }
  const result = validateSettings(obj);
  if (result.fromVersion > SETTINGS_VERSION) return { ok: false, code: 'newer-version', detail: String(result.fromVersion) };
  if (result.repairs.length) {
    return { ok: false, code: 'invalid-fields', detail: result.repairs.slice(0, 5).map((r) => `${r.path}: ${r.problem}`).join('; ') + (result.repairs.length > 5 ? ` (+${result.repairs.length - 5})` : '') };
  }
  return { ok: true, settings: result.settings, migrations: result.migrations };
}
