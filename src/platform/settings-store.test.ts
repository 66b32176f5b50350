import { describe, expect, it } from 'vitest';
import {
  appendRule,
  createSettingsStore,
  fromItems,
  itemBytes,
  patchSite,
  splitPieces,
  SYNC_QUOTA_BYTES,
  SYNC_QUOTA_BYTES_PER_ITEM,
  toItems,
  type StorageBackend,
  type StorageChange,
  type StorageLike,
} from './settings-store';
import { DEFAULT_SETTINGS, type Settings } from './settings-schema';

type Listener = (changes: Record<string, StorageChange>, area: string) => void;

/** In-memory storage area that enforces Chrome's sync quotas when asked to. */
class FakeArea implements StorageLike {
  data: Record<string, unknown> = {};
  writes = 0;
  failNext: string | null = null;
  constructor(
    private name: string,
    private listeners: Set<Listener>,
    private quota = false,
  ) {}
  async get(keys?: null | string | string[]) {
    const copy = JSON.parse(JSON.stringify(this.data)) as Record<string, unknown>;
    if (keys == null) return copy;
    const list = Array.isArray(keys) ? keys : [keys];
    return Object.fromEntries(list.filter((k) => k in copy).map((k) => [k, copy[k]]));
  }
  async set(items: Record<string, unknown>) {
    if (this.failNext) {
      const m = this.failNext;
      this.failNext = null;
      throw new Error(m);
    }
    if (this.quota) {
      for (const [k, v] of Object.entries(items)) {
        if (itemBytes(k, v) > SYNC_QUOTA_BYTES_PER_ITEM) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
      }
      const next = { ...this.data, ...items };
      let total = 0;
      for (const [k, v] of Object.entries(next)) total += itemBytes(k, v);
      if (total > SYNC_QUOTA_BYTES) throw new Error('QUOTA_BYTES quota exceeded');
    }
    this.writes++;
    const changes: Record<string, StorageChange> = {};
    for (const [k, v] of Object.entries(items)) {
      changes[k] = { oldValue: this.data[k], newValue: v };
      this.data[k] = JSON.parse(JSON.stringify(v));
    }
    for (const l of this.listeners) l(changes, this.name);
  }
  async remove(keys: string | string[]) {
    const changes: Record<string, StorageChange> = {};
    for (const k of Array.isArray(keys) ? keys : [keys]) {
      changes[k] = { oldValue: this.data[k] };
      delete this.data[k];
    }
    for (const l of this.listeners) l(changes, this.name);
  }
}

function fakeBackend(opts: { sync?: boolean } = {}) {
  const listeners = new Set<Listener>();
  const sync = new FakeArea('sync', listeners, true);
  const local = new FakeArea('local', listeners);
  const backend: StorageBackend = {
    sync: opts.sync === false ? undefined : sync,
    local,
    onChanged: { addListener: (l) => listeners.add(l), removeListener: (l) => listeners.delete(l) },
  };
  return { backend, sync, local };
}

const SAMPLE: Settings = {
  ...DEFAULT_SETTINGS,
  kinds: { share: false },
  sites: { 'www.gov.cn': { clean: true } },
  userRules: 'www.gov.cn##.share\n##.ad',
};

/** ~60 KB of rules with Chinese text (3 bytes a character in UTF-8). */
function bigRules(lines = 1500): string {
  return Array.from({ length: lines }, (_, i) => `site${i}.gov.cn##div[title="相关推荐${i}"] > .猜你喜欢`).join('\n');
}

describe('pieces', () => {
  it('split pieces fit the per-item quota and join back exactly', () => {
    const text = bigRules(400) + '\u{20BB7}"\\\n' + '𠮷'.repeat(5000);
    const pieces = splitPieces(text);
    expect(pieces.length).toBeGreaterThan(3);
    for (const [i, p] of pieces.entries()) expect(itemBytes(`rules.${i}`, p)).toBeLessThanOrEqual(SYNC_QUOTA_BYTES_PER_ITEM);
    expect(pieces.join('')).toBe(text);
    // no piece starts with a lone low surrogate
    for (const p of pieces) expect(/^[\uDC00-\uDFFF]/.test(p)).toBe(false);
  });
  it('items round-trip', () => {
    const big = { ...SAMPLE, userRules: bigRules(300) };
    const back = fromItems(toItems(big), []);
    expect(back).toEqual(big);
  });
  it('a missing piece is reported; the rest is kept', () => {
    const items = toItems({ ...SAMPLE, userRules: bigRules(300) });
    delete items['rules.1'];
    const repairs: { path: string; problem: string }[] = [];
    const raw = fromItems(items, repairs) as Settings;
    expect(repairs[0].path).toBe('userRules');
    expect(raw.userRules.length).toBeGreaterThan(1000);
    expect(raw.kinds).toEqual({ share: false });
  });
});

describe('settings store', () => {
  it('defaults when nothing is stored, without repairs', async () => {
    const { backend } = fakeBackend();
    const r = await createSettingsStore(backend).load();
    expect(r.settings).toEqual(DEFAULT_SETTINGS);
    expect(r.repairs).toEqual([]);
    expect(r.area.area).toBe('sync');
  });

  it('saves to sync and reads back', async () => {
    const { backend, sync, local } = fakeBackend();
    const store = createSettingsStore(backend);
    expect(await store.save(SAMPLE)).toEqual({ area: 'sync' });
    expect(Object.keys(sync.data).sort()).toEqual(['rules.0', 'settings', 'sites.0']);
    expect(local.data.settingsArea).toEqual({ area: 'sync' });
    expect((await store.load()).settings).toEqual(SAMPLE);
  });

  it('large rules (60+ KB) still go to sync, cut into pieces', async () => {
    const { backend, sync } = fakeBackend();
    const store = createSettingsStore(backend);
    const s = { ...SAMPLE, userRules: bigRules(700) };
    expect(await store.save(s)).toEqual({ area: 'sync' });
    expect(Object.keys(sync.data).filter((k) => k.startsWith('rules.')).length).toBeGreaterThan(5);
    expect((await store.load()).settings.userRules).toBe(s.userRules);
  });

  it('over the sync quota -> local, marked, and reads back', async () => {
    const { backend, local } = fakeBackend();
    const store = createSettingsStore(backend);
    const s = { ...SAMPLE, userRules: bigRules(3000) };
    expect(await store.save(s)).toEqual({ area: 'local', reason: 'quota' });
    expect(local.data.settingsArea).toEqual({ area: 'local', reason: 'quota' });
    const r = await store.load();
    expect(r.settings.userRules).toBe(s.userRules);
    expect(r.area).toEqual({ area: 'local', reason: 'quota' });
  });

  it('a quota error thrown by sync.set -> local', async () => {
    const { backend, sync } = fakeBackend();
    const store = createSettingsStore(backend);
    sync.failNext = 'MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded';
    expect(await store.save(SAMPLE)).toEqual({ area: 'local', reason: 'quota' });
    expect((await store.load()).settings).toEqual(SAMPLE);
  });

  it('back to sync once the data fits again; the stale local copy is dropped', async () => {
    const { backend, sync, local } = fakeBackend();
    const store = createSettingsStore(backend);
    await store.save({ ...SAMPLE, userRules: bigRules(3000) });
    const small = { ...SAMPLE, userRules: '##.x' };
    expect(await store.save(small)).toEqual({ area: 'sync' });
    expect(Object.keys(local.data).filter((k) => k.startsWith('rules.'))).toEqual([]);
    expect(sync.data['rules.0']).toBe('##.x');
    expect((await store.load()).settings).toEqual(small);
  });

  it('no storage.sync at all -> local', async () => {
    const { backend } = fakeBackend({ sync: false });
    const store = createSettingsStore(backend);
    expect(await store.save(SAMPLE)).toEqual({ area: 'local', reason: 'unavailable' });
    expect((await store.load()).settings).toEqual(SAMPLE);
  });

  it('stale pieces are removed when the data shrinks', async () => {
    const { backend, sync } = fakeBackend();
    const store = createSettingsStore(backend);
    await store.save({ ...SAMPLE, userRules: bigRules(700) });
    await store.save(SAMPLE);
    expect(Object.keys(sync.data).sort()).toEqual(['rules.0', 'settings', 'sites.0']);
  });

  it('corrupted stored fields are repaired on read, the rest kept, storage untouched', async () => {
    const { backend, sync } = fakeBackend();
    const store = createSettingsStore(backend);
    await store.save(SAMPLE);
    (sync.data.settings as Record<string, unknown>).sensitivity = 12;
    sync.data['sites.0'] = '{broken';
    const writes = sync.writes;
    const r = await store.load();
    expect(r.repairs.map((x) => x.path).sort()).toEqual(['sensitivity', 'sites']);
    expect(r.settings.sensitivity).toBe('normal');
    expect(r.settings.sites).toEqual({});
    expect(r.settings.kinds).toEqual({ share: false });
    expect(r.settings.userRules).toBe(SAMPLE.userRules);
    expect(sync.writes).toBe(writes);
  });

  it('a v0 store (flat keys) is migrated, backed up in local, and rewritten', async () => {
    const { backend, sync, local } = fakeBackend();
    sync.data = { hideShare: false, level: 1, autoCleanSites: ['www.gov.cn'], filters: ['##.ad'] };
    const r = await createSettingsStore(backend).load();
    expect(r.migrations).toEqual(['flat-keys-to-schema']);
    expect(r.settings).toMatchObject({ kinds: { share: false }, sensitivity: 'low', sites: { 'www.gov.cn': { clean: true } }, userRules: '##.ad' });
    expect((local.data.settingsBackup as { items: unknown }).items).toEqual({ hideShare: false, level: 1, autoCleanSites: ['www.gov.cn'], filters: ['##.ad'] });
    expect(sync.data.hideShare).toBeUndefined();
    expect(sync.data.settings).toBeDefined();
    const again = await createSettingsStore(backend).load();
    expect(again.migrations).toEqual([]);
    expect(again.settings).toEqual(r.settings);
  });

  it('load never throws, even when storage does', async () => {
    const broken: StorageLike = {
      get: () => Promise.reject(new Error('boom')),
      set: () => Promise.reject(new Error('boom')),
      remove: () => Promise.reject(new Error('boom')),
    };
    const r = await createSettingsStore({ sync: broken, local: broken }).load();
    expect(r.settings).toEqual(DEFAULT_SETTINGS);
  });

  it('update() calls run one after another (no lost update)', async () => {
    const { backend } = fakeBackend();
    const store = createSettingsStore(backend);
    await Promise.all([
      store.update((s) => appendRule(s, '##.a')),
      store.update((s) => appendRule(s, '##.b')),
      store.update((s) => patchSite(s, 'x.gov.cn', { clean: true })),
    ]);
    const { settings } = await store.load();
    expect(settings.userRules).toBe('##.a\n##.b');
    expect(settings.sites).toEqual({ 'x.gov.cn': { clean: true } });
  });

  it('onChanged fires once per save with the new settings', async () => {
    const { backend } = fakeBackend();
    const store = createSettingsStore(backend);
    const seen: Settings[] = [];
    const off = store.onChanged((s) => seen.push(s));
    await store.save({ ...SAMPLE, userRules: bigRules(700) });
    await new Promise((r) => setTimeout(r, 80));
    await store.save(SAMPLE);
    await new Promise((r) => setTimeout(r, 80));
    off();
    await store.save(DEFAULT_SETTINGS);
    await new Promise((r) => setTimeout(r, 80));
    expect(seen.length).toBe(2);
    expect(seen[1]).toEqual(SAMPLE);
  });
});

describe('helpers', () => {
  it('patchSite sets, removes and drops empty entries', () => {
    let s = patchSite(DEFAULT_SETTINGS, 'a.gov.cn', { clean: true, convert: 'hk' });
    expect(s.sites['a.gov.cn']).toEqual({ clean: true, convert: 'hk' });
    s = patchSite(s, 'a.gov.cn', { convert: undefined });
    expect(s.sites['a.gov.cn']).toEqual({ clean: true });
    s = patchSite(s, 'a.gov.cn', { clean: undefined });
    expect(s.sites).toEqual({});
    expect(DEFAULT_SETTINGS.sites).toEqual({});
  });
  it('appendRule skips duplicates and blank lines', () => {
    let s = appendRule(DEFAULT_SETTINGS, 'x##.a');
    s = appendRule(s, ' x##.a ');
    s = appendRule(s, '');
    expect(s.userRules).toBe('x##.a');
  });
});
