// Settings storage, written against a minimal storage interface so it runs under tests with an
// in-memory fake (settings.ts binds it to browser.storage).
//
// Layout (same keys in storage.sync and, on fallback, storage.local):
//   settings   -> the small fields { version, kinds, sensitivity, script, reader, allSites,
//                 parts: { sites: n, rules: m } }
//   sites.0 .. sites.<n-1>  -> pieces of JSON.stringify(sites)   (each piece < 8 KB in UTF-8)
//   rules.0 .. rules.<m-1>  -> pieces of the user rules text
// storage.sync allows 8 KB per item and 100 KB in all: the two values that grow with use (site
// list, user rules) are cut into pieces. Everything is written with ONE set() call (the browser
// applies it as a whole, so a reader never sees new pieces with an old count), then stale
// pieces are removed.
// Fallback: when sync is missing, fails, or the data is over its quota, everything goes to
// storage.local and local `settingsArea` = { area: 'local', reason } says so (the options page
// shows it). Every save tries sync first, so the fallback heals itself once data fits again.
import { DEFAULT_SETTINGS, type Settings, type SiteSettings } from './settings-schema';
import { AREA_KEY, CORE_KEY, fromItems, isOurKey, readStored, readStoredArea } from './settings-read';
import { structuredCloneSettings, validateSettings, type SettingsRepair } from './settings-validate';

export { fromItems } from './settings-read';

export interface StorageLike {
  get(keys?: null | string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export interface StorageChange {
  oldValue?: unknown;
  newValue?: unknown;
}

export interface StorageBackend {
  /** Undefined when the browser has no storage.sync (or it is disabled). */
  sync?: StorageLike;
  local: StorageLike;
  onChanged?: {
    addListener(cb: (changes: Record<string, StorageChange>, area: string) => void): void;
    removeListener(cb: (changes: Record<string, StorageChange>, area: string) => void): void;
  };
}

export type AreaReason = 'quota' | 'unavailable' | 'error';
export interface AreaInfo {
  area: 'sync' | 'local';
  reason?: AreaReason;
}

export interface LoadReport {
  settings: Settings;
  repairs: SettingsRepair[];
  migrations: string[];
  fromVersion: number;
  area: AreaInfo;
}

// Chrome's storage.sync limits (Firefox's are the same or larger).
export const SYNC_QUOTA_BYTES = 102_400;
export const SYNC_QUOTA_BYTES_PER_ITEM = 8_192;
export const SYNC_MAX_ITEMS = 512;
/** Budget for one piece: item size = key + JSON of the value, in UTF-8; leave a margin. */
const PIECE_BYTES = 7_800;

const BACKUP_KEY = 'settingsBackup';

/** Bytes a character costs inside a JSON string in UTF-8 (upper bound). */
function charCost(code: number): number {
  if (code === 0x22 || code === 0x5c) return 2;
  if (code < 0x20) return 6;
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  return 3; // BMP; a surrogate pair is 4 bytes = 2 + 2, still within 3 + 3
}

/** Cuts a string into pieces whose JSON form fits the per-item budget. Never splits a surrogate pair. */
export function splitPieces(text: string, budget = PIECE_BYTES): string[] {
  const pieces: string[] = [];
  let start = 0;
  let bytes = 2;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const cost = charCost(code);
    const highSurrogate = code >= 0xd800 && code <= 0xdbff;
    if (bytes + cost + (highSurrogate ? 3 : 0) > budget) {
      pieces.push(text.slice(start, i));
      start = i;
      bytes = 2;
    }
    bytes += cost;
  }
  if (start < text.length || pieces.length === 0) pieces.push(text.slice(start));
  return text === '' ? [] : pieces;
}

export function itemBytes(key: string, value: unknown): number {
  return new TextEncoder().encode(key + JSON.stringify(value)).length;
}

/** Settings -> the items to store. */
export function toItems(s: Settings): Record<string, unknown> {
  const sites = splitPieces(JSON.stringify(s.sites));
  const rules = splitPieces(s.userRules);
  const { sites: _sites, userRules: _rules, ...core } = s;
  const items: Record<string, unknown> = { [CORE_KEY]: { ...core, parts: { sites: sites.length, rules: rules.length } } };
  sites.forEach((p, i) => (items[`sites.${i}`] = p));
  rules.forEach((p, i) => (items[`rules.${i}`] = p));
  return items;
}

function isQuotaError(e: unknown): boolean {
  return /quota|QUOTA_BYTES|MAX_ITEMS|MAX_WRITE_OPERATIONS/i.test(String((e as Error)?.message ?? e));
}

function totalBytes(items: Record<string, unknown>): number {
  let n = 0;
  for (const [k, v] of Object.entries(items)) n += itemBytes(k, v);
  return n;
}

export interface SettingsStore {
  load(): Promise<LoadReport>;
  save(s: Settings): Promise<AreaInfo>;
  update(fn: (s: Settings) => Settings): Promise<Settings>;
  onChanged(cb: (s: Settings) => void): () => void;
}

export function createSettingsStore(backend: StorageBackend): SettingsStore {
  // Writes from this context happen one after another, so update() never loses a concurrent update.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const next = queue.then(job, job);
    queue = next.catch(() => undefined);
    return next;
  };

  const readArea = (): Promise<AreaInfo> => readStoredArea(backend);

  async function loadRaw(): Promise<LoadReport> {
    const repairs: SettingsRepair[] = [];
    const { items, area } = await readStored(backend);
    const raw = fromItems(items, repairs);
    const result = validateSettings(raw);
    return { ...result, repairs: [...repairs, ...result.repairs], area };
  }

  async function saveNow(input: Settings): Promise<AreaInfo> {
    // Never store something we could not read back.
    const s = validateSettings(input).settings;
    const items = toItems(s);
    let area: AreaInfo = { area: 'sync' };
    if (!backend.sync) area = { area: 'local', reason: 'unavailable' };
    else if (totalBytes(items) > SYNC_QUOTA_BYTES * 0.95 || Object.keys(items).length > SYNC_MAX_ITEMS) area = { area: 'local', reason: 'quota' };
    else {
      try {
        await backend.sync.set(items);
      } catch (e) {
        area = { area: 'local', reason: isQuotaError(e) ? 'quota' : 'error' };
      }
    }
    const target = area.area === 'sync' ? backend.sync! : backend.local;
    if (area.area === 'local') await backend.local.set(items);
    // Remove pieces (and v0 flat keys) the new data no longer uses.
    try {
      const stored = await target.get(null);
      const stale = Object.keys(stored).filter((k) => isOurKey(k) && !(k in items));
      if (stale.length) await target.remove(stale);
    } catch {
      /* stale pieces are ignored on read: the count in `settings` is what counts */
    }
    if (area.area === 'sync') {
      // Once sync holds the data, the local copy is stale: drop it so it can never win on read.
      const local = await backend.local.get(null).catch(() => ({}) as Record<string, unknown>);
      const old = Object.keys(local).filter(isOurKey);
      if (old.length) await backend.local.remove(old).catch(() => undefined);
    }
    await backend.local.set({ [AREA_KEY]: area }).catch(() => undefined);
    return area;
  }

  async function load(): Promise<LoadReport> {
    try {
      const report = await loadRaw();
      if (report.migrations.length) {
        // Keep what was stored before the migration, then store the migrated form.
        await serial(async () => {
          const area = await readArea();
          const store = area.area === 'sync' && backend.sync ? backend.sync : backend.local;
          const before = await store.get(null).catch(() => ({}));
          await backend.local.set({ [BACKUP_KEY]: { fromVersion: report.fromVersion, savedAt: new Date().toISOString(), items: before } });
          report.area = await saveNow(report.settings);
        }).catch(() => undefined);
      }
      return report;
    } catch (e) {
      // Reading must never throw: defaults, and say why.
      return {
        settings: structuredCloneSettings(DEFAULT_SETTINGS),
        repairs: [{ path: '(root)', problem: `could not read storage: ${String(e)}` }],
        migrations: [],
        fromVersion: DEFAULT_SETTINGS.version,
        area: { area: 'local', reason: 'error' },
      };
    }
  }

  return {
    load,
    save: (s) => serial(() => saveNow(s)),
    update(fn) {
      return serial(async () => {
        const { settings } = await loadRaw();
        const next = validateSettings(fn(settings)).settings;
        await saveNow(next);
        return next;
      });
    },
    onChanged(cb) {
      if (!backend.onChanged) return () => undefined;
      let last = '';
      let timer: ReturnType<typeof setTimeout> | undefined;
      const listener = (changes: Record<string, StorageChange>, areaName: string) => {
        if (areaName !== 'sync' && areaName !== 'local') return;
        if (!Object.keys(changes).some((k) => isOurKey(k) || k === AREA_KEY)) return;
        // One save fires several events (set, then remove of stale pieces): read once they settle.
        clearTimeout(timer);
        timer = setTimeout(() => {
          void loadRaw().then(({ settings }) => {
            const json = JSON.stringify(settings);
            if (json === last) return;
            last = json;
            cb(settings);
          }, () => undefined);
        }, 30);
      };
      backend.onChanged.addListener(listener);
      return () => {
        clearTimeout(timer);
        backend.onChanged?.removeListener(listener);
      };
    },
  };
}

/** A patch for one site: undefined or false-like "off" values remove the key; an empty entry is removed. */
export function patchSite(s: Settings, host: string, patch: Partial<SiteSettings>): Settings {
  const entry: SiteSettings = { ...s.sites[host] };
  for (const [k, v] of Object.entries(patch) as [keyof SiteSettings, SiteSettings[keyof SiteSettings]][]) {
    if (v === undefined) delete entry[k];
    else (entry as Record<string, unknown>)[k] = v;
  }
  const sites = { ...s.sites };
  if (Object.keys(entry).length) sites[host] = entry;
  else delete sites[host];
  return { ...s, sites };
}

/** Appends a rule unless the exact line is already there. */
export function appendRule(s: Settings, rule: string): Settings {
  const line = rule.trim();
  if (!line) return s;
  const lines = s.userRules.split(/\r?\n/);
  if (lines.some((l) => l.trim() === line)) return s;
  const text = s.userRules.replace(/\s+$/, '');
  return { ...s, userRules: text ? `${text}\n${line}` : line };
}
