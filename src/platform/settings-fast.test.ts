// The content script's fast settings road must give exactly what the full store gives.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isCurrentSettings, readSettingsFast } from './settings-fast';
import { validateSettings } from './settings-validate';
import { createSettingsStore, toItems, type StorageLike } from './settings-store';
import { DEFAULT_SETTINGS, type Settings } from './settings-schema';

const SAMPLE: Settings = {
  ...DEFAULT_SETTINGS,
  kinds: { 'spam-line': false, share: true },
  sensitivity: 'high',
  script: 'hk',
  sites: { 'www.example.gov.cn': { convert: 'tw', reader: true }, '*.gov.cn': { clean: true }, 'mirror.example.com': { disabled: true } },
  reader: { ...DEFAULT_SETTINGS.reader, fontSize: 22, theme: 'dark' },
  userRules: 'example.gov.cn##.ad\n##.popup',
  allSites: true,
};

function memory(items: Record<string, unknown>): StorageLike {
  const data = { ...items };
  return {
    get: async () => ({ ...data }),
    set: async (v) => void Object.assign(data, v),
    remove: async (k) => void [k].flat().forEach((x) => delete data[x]),
  };
}

describe('fast settings road', () => {
  it('takes current, valid settings as they are, and the full store agrees', async () => {
    for (const s of [DEFAULT_SETTINGS, SAMPLE]) {
      expect(isCurrentSettings(s)).toBe(true);
      const backend = { sync: memory(toItems(s)), local: memory({}) };
      const fast = await readSettingsFast(backend);
      expect(fast).toEqual(s);
      expect(fast).toEqual((await createSettingsStore(backend).load()).settings);
    }
  });

  it('nothing stored: the defaults; old or damaged settings: the full store decides', async () => {
    expect(await readSettingsFast({ sync: memory({}), local: memory({}) })).toEqual(DEFAULT_SETTINGS);
    expect(await readSettingsFast({ sync: memory({ hideSpam: true }), local: memory({}) })).toBeNull();
    const bad = toItems({ ...SAMPLE, sensitivity: 'max' as Settings['sensitivity'] });
    expect(await readSettingsFast({ sync: memory(bad), local: memory({}) })).toBeNull();
    expect(isCurrentSettings({ ...SAMPLE, sites: { 'WWW.Example.gov.cn': { clean: true } } })).toBe(false);
    expect(isCurrentSettings({ ...SAMPLE, sites: { '1.2': { clean: true } } })).toBe(false);
    expect(isCurrentSettings({ ...SAMPLE, extra: 1 })).toBe(false);
  });

  it('whatever it accepts, the validator returns unchanged with no repair (property)', () => {
    // Mostly valid values with an invalid one now and then, so that both answers occur.
    const mostly = <T, U>(ok: fc.Arbitrary<T>, bad: fc.Arbitrary<U>) => fc.oneof({ arbitrary: ok, weight: 12 }, { arbitrary: bad, weight: 1 });
    const host = mostly(
      fc.constantFrom('www.gov.cn', '*.gov.cn', 'a.b', 'x_y.example.com', 'localhost', 'a1.example.org'),
      fc.oneof(fc.constantFrom('1.2.3.4', '1.2', 'xn--fiqs8s.cn', 'A.com', 'a..b', '*.cn', 'a-.com', 'b.0x1f'), fc.domain(), fc.string({ maxLength: 12 })),
    );
    const site = fc.dictionary(
      mostly(fc.constantFrom('clean', 'reader', 'disabled', 'convert'), fc.constant('other')),
      mostly(fc.boolean(), fc.constantFrom('tw', 'cn', 'xx', 1)),
      { maxKeys: 3 },
    );
    const raw = fc.record({
      version: mostly(fc.constant(1), fc.constantFrom(0, 2, '1')),
      kinds: fc.dictionary(mostly(fc.constantFrom('spam-line', 'share'), fc.constant('nope')), mostly(fc.boolean(), fc.constant(1)), { maxKeys: 3 }),
      sensitivity: mostly(fc.constantFrom('low', 'normal', 'high'), fc.constant('x')),
      script: mostly(fc.constantFrom('cn', 't', 'tw', 'twp', 'hk'), fc.constant('zz')),
      sites: fc.dictionary(host, site, { maxKeys: 3 }),
      reader: fc.record({
        theme: mostly(fc.constantFrom('system', 'dark'), fc.constant('neon')),
        font: mostly(fc.constantFrom('sans', 'serif', 'kai'), fc.constant('x')),
        fontSize: mostly(fc.integer({ min: 14, max: 32 }), fc.oneof(fc.integer({ min: 0, max: 60 }), fc.double())),
        lineHeight: mostly(fc.double({ min: 1.4, max: 2.4, noNaN: true }), fc.double()),
        width: mostly(fc.integer({ min: 20, max: 60 }), fc.integer({ min: -5, max: 90 })),
        indent: mostly(fc.boolean(), fc.constant('yes')),
        vertical: fc.boolean(),
      }),
      userRules: mostly(fc.string(), fc.constant(['a'])),
      allSites: mostly(fc.boolean(), fc.constant(0)),
    });
    let accepted = 0;
    fc.assert(
      fc.property(raw, (r) => {
        if (!isCurrentSettings(r)) return;
        accepted++;
        const v = validateSettings(r);
        expect(v.repairs).toEqual([]);
        expect(v.migrations).toEqual([]);
        expect(v.settings).toEqual(r);
      }),
      { numRuns: 3000 },
    );
    expect(accepted).toBeGreaterThan(10); // the property was exercised, not vacuous
  });
});
