// Reading stored settings without validating them: which area holds them and the raw object
// they make. Kept apart from settings-store.ts (which validates and migrates) so the content
// script can read current, valid settings without loading the validator (settings-fast.ts).
import { V0_KEYS } from './settings-migrate';
import type { AreaInfo, StorageBackend } from './settings-store';
import type { SettingsRepair } from './settings-validate';

export const CORE_KEY = 'settings';
export const AREA_KEY = 'settingsArea';
const PIECE_RE = /^(sites|rules)\.\d+$/;

export function isOurKey(k: string): boolean {
  return k === CORE_KEY || PIECE_RE.test(k) || (V0_KEYS as readonly string[]).includes(k);
}

/** The area the settings live in (local `settingsArea` says so when it is not sync). */
export async function readStoredArea(backend: StorageBackend): Promise<AreaInfo> {
  try {
    const v = (await backend.local.get(AREA_KEY))[AREA_KEY] as AreaInfo | undefined;
    if (v && (v.area === 'local' || v.area === 'sync')) return v;
  } catch {
    /* fall through */
  }
  return backend.sync ? { area: 'sync' } : { area: 'local', reason: 'unavailable' };
}

/** Every item of the area that holds the settings. Never throws. */
export async function readStored(backend: StorageBackend): Promise<{ items: Record<string, unknown>; area: AreaInfo }> {
  let area = await readStoredArea(backend);
  let items: Record<string, unknown> = {};
  if (area.area === 'sync' && backend.sync) {
  try {
      items = await backend.sync.get(null);
    } catch {
      area = { area: 'local', reason: 'unavailable' };
    }
    // Nothing in sync but something in local (e.g. the marker was lost): use local.
    if (area.area === 'sync' && !(CORE_KEY in items)) {
      const local = await backend.local.get(null).catch(() => ({}) as Record<string, unknown>);
      if (CORE_KEY in local) {
        items = local;
        area = { area: 'local', reason: 'error' };
      }
    }
  }
  if (area.area === 'local') items = await backend.local.get(null).catch(() => ({}) as Record<string, unknown>);
  return { items, area };
}

/** Stored items -> the raw settings object (unvalidated), or undefined when nothing is stored. */
export function fromItems(items: Record<string, unknown>, repairs: SettingsRepair[]): unknown {
  if (!(CORE_KEY in items)) {
    // Version 0 kept flat keys at the top level of storage.
    if (V0_KEYS.some((k) => k in items)) {
      const v0: Record<string, unknown> = {};
      for (const k of V0_KEYS) if (k in items) v0[k] = items[k];
      return v0;
    }
    return undefined;
  }
  let core = items[CORE_KEY];
  if (typeof core === 'string') {
  try {
      core = JSON.parse(core);
      repairs.push({ path: '(root)', problem: 'stored as a JSON string' });
    } catch {
      /* validateSettings reports it */
    }
  }
  if (typeof core !== 'object' || core === null || Array.isArray(core)) return core;
  const { parts, ...rest } = core as Record<string, unknown> & { parts?: { sites?: unknown; rules?: unknown } };
  const raw: Record<string, unknown> = { ...rest };
  const join = (name: 'sites' | 'rules'): string | undefined => {
    const count = parts && typeof parts === 'object' ? (parts as Record<string, unknown>)[name] : undefined;
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) return undefined;
    let text = '';
    for (let i = 0; i < count; i++) {
      const piece = items[`${name}.${i}`];
      if (typeof piece !== 'string') {
        repairs.push({ path: name === 'sites' ? 'sites' : 'userRules', problem: `piece ${i} of ${count} is missing` });
        return name === 'rules' ? text : undefined; // partial rules are better than none; partial JSON is useless
      }
      text += piece;
    }
    return text;
  };
  const sitesText = join('sites');
  if (sitesText !== undefined) {
  try {
      raw.sites = sitesText === '' ? {} : JSON.parse(sitesText);
    } catch {
      repairs.push({ path: 'sites', problem: 'stored site list is not valid JSON' });
    }
  } else if ('sites' in rest) raw.sites = rest.sites;
  const rulesText = join('rules');
  if (rulesText !== undefined) raw.userRules = rulesText;
  return raw;
}

