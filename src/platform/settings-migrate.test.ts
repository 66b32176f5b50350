import { describe, expect, it } from 'vitest';
import { detectVersion, migrate0to1, migrateSettings, MIGRATIONS } from './settings-migrate';
import { validateSettings } from './settings-validate';
import { SETTINGS_VERSION } from './settings-schema';

// A plausible settings object from Qingdu 0.0.x (flat keys, no version).
const V0 = {
  hideSpam: true,
  hideRecommend: false,
  hideShare: true,
  hideTools: true,
  hideNav: true,
  hideFooter: false,
  hideComments: true,
  level: 3,
  target: 'zh-HK',
  autoCleanSites: ['www.gov.cn', 'www.beijing.gov.cn'],
  autoConvertSites: ['www.gov.cn'],
  readerSites: ['www.nhc.gov.cn'],
  blacklist: ['mail.example.com'],
  fontSize: '22px',
  lineHeight: 2,
  theme: 'night',
  serif: false,
  filters: ['www.gov.cn##.share', '##.bdsharebuttonbox'],
  everywhere: true,
};

describe('migrations', () => {
  it('every migration is a chain step ending at the current version', () => {
    let v = 0;
    for (const m of MIGRATIONS) {
      expect(m.from).toBe(v);
      expect(m.to).toBe(v + 1);
      v = m.to;
    }
    expect(v).toBe(SETTINGS_VERSION);
  });

  it('0 -> 1 maps flat keys to the schema', () => {
    const out = migrate0to1(V0);
    expect(out.version).toBe(1);
    expect(out.kinds).toMatchObject({ 'spam-line': true, 'link-farm': true, recommendation: false, related: false, share: true, 'page-tools': true, nav: true, footer: false, comment: true });
    expect(out.sensitivity).toBe('high');
    expect(out.script).toBe('hk');
    expect(out.sites).toEqual({
      'www.gov.cn': { clean: true, convert: 'hk' },
      'www.beijing.gov.cn': { clean: true },
      'www.nhc.gov.cn': { reader: true },
      'mail.example.com': { disabled: true },
    });
    expect(out.reader).toEqual({ fontSize: 22, lineHeight: 2, theme: 'dark', font: 'sans' });
    expect(out.userRules).toBe('www.gov.cn##.share\n##.bdsharebuttonbox');
    expect(out.allSites).toBe(true);
  });

  it('0 -> 1 output validates without any repair', () => {
    const r = validateSettings(V0);
    expect(r.fromVersion).toBe(0);
    expect(r.migrations).toEqual(['flat-keys-to-schema']);
    expect(r.repairs).toEqual([]);
    expect(r.settings.reader.fontSize).toBe(22);
    expect(r.settings.kinds.share).toBe(true);
  });

  it('0 -> 1 passes bad values on, and the validator repairs only those', () => {
    const r = validateSettings({ ...V0, level: 9, target: 'klingon', fontSize: 'huge' });
    expect(r.repairs.map((x) => x.path).sort()).toEqual(['reader.fontSize', 'script', 'sensitivity']);
    expect(r.settings.sensitivity).toBe('normal');
    expect(r.settings.script).toBe('tw');
    expect(r.settings.reader.fontSize).toBe(19);
    // everything else survived
    expect(r.settings.sites['www.beijing.gov.cn']).toEqual({ clean: true });
    expect(r.settings.userRules).toContain('##.bdsharebuttonbox');
  });

  it('detects versions', () => {
    expect(detectVersion({ hideShare: true })).toBe(0);
    expect(detectVersion({ version: 1, kinds: {} })).toBe(1);
    expect(detectVersion({ version: '1' })).toBe(1);
    expect(detectVersion({ kinds: {} })).toBe(SETTINGS_VERSION);
    expect(detectVersion({ version: 7 })).toBe(7);
  });

  it('a current object passes unchanged; a newer one is flagged', () => {
    expect(migrateSettings({ version: 1, script: 'cn' })).toMatchObject({ applied: [], from: 1, newer: false, value: { script: 'cn' } });
    expect(migrateSettings({ version: 9, script: 'cn' }).newer).toBe(true);
  });

  it('a custom chain of migrations runs in order', () => {
    const r = migrateSettings({ hideShare: true }, [{ from: 0, to: 1, name: 'ok', run: (o) => ({ ...o, kinds: { share: false } }) }]);
    expect(r.value.kinds).toEqual({ share: false });
  });
});
