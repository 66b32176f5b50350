import { describe, expect, it } from 'vitest';
import { normalizeHost, parseImport, toExportFile, validateSettings } from './settings-validate';
import { DEFAULT_SETTINGS, type Settings } from './settings-schema';

const GOOD: Settings = {
  version: 1,
  kinds: { share: false, nav: true },
  sensitivity: 'high',
  script: 'hk',
  sites: { 'www.gov.cn': { clean: true, convert: 'tw' }, '*.beijing.gov.cn': { disabled: true } },
  reader: { theme: 'dark', font: 'kai', fontSize: 24, lineHeight: 2.1, width: 40, indent: false, vertical: true },
  userRules: 'www.gov.cn##.share',
  allSites: true,
};
const clone = (): Record<string, unknown> => JSON.parse(JSON.stringify(GOOD));

/** Corrupts one field and checks: that field is back to its default, the repair names it, every other field kept. */
function expectRepaired(path: string, mutate: (o: Record<string, any>) => void, check: (s: Settings) => void) {
  const raw = clone();
  mutate(raw);
  const r = validateSettings(raw);
  expect(r.repairs.map((x) => x.path)).toContain(path);
  check(r.settings);
  const top = path.split('.')[0];
  for (const k of Object.keys(GOOD) as (keyof Settings)[]) {
    if (k === top) continue;
    expect(r.settings[k]).toEqual(GOOD[k]);
  }
}

describe('validateSettings: valid input', () => {
  it('keeps a valid object exactly, with no repairs', () => {
    const r = validateSettings(clone());
    expect(r.settings).toEqual(GOOD);
    expect(r.repairs).toEqual([]);
  });
  it('fills missing fields with defaults, silently', () => {
    const r = validateSettings({ version: 1 });
    expect(r.settings).toEqual(DEFAULT_SETTINGS);
    expect(r.repairs).toEqual([]);
  });
  it('undefined (nothing stored) -> defaults, no repair', () => {
    expect(validateSettings(undefined)).toMatchObject({ settings: DEFAULT_SETTINGS, repairs: [] });
  });
});

describe('validateSettings: corrupted root', () => {
  for (const [name, raw] of [
    ['null', null],
    ['number', 42],
    ['array', [1, 2]],
    ['boolean', true],
    ['garbage text', '{not json'],
  ] as const) {
    it(`${name} -> defaults with a repair`, () => {
      const r = validateSettings(raw);
      expect(r.settings).toEqual(DEFAULT_SETTINGS);
      expect(r.repairs.length).toBeGreaterThan(0);
      expect(r.repairs[0].path).toBe('(root)');
    });
  }
  it('a JSON string of a valid object is read, and reported', () => {
    const r = validateSettings(JSON.stringify(GOOD));
    expect(r.settings).toEqual(GOOD);
    expect(r.repairs).toEqual([{ path: '(root)', problem: 'stored as a JSON string' }]);
  });
});

describe('validateSettings: every field type repaired, the rest kept', () => {
  it('kinds not an object', () => expectRepaired('kinds', (o) => (o.kinds = 'share'), (s) => expect(s.kinds).toEqual({})));
  it('kinds: unknown kind dropped, others kept', () =>
    expectRepaired('kinds.popups', (o) => (o.kinds.popups = true), (s) => expect(s.kinds).toEqual({ share: false, nav: true })));
  it('kinds: wrong value type', () => expectRepaired('kinds.share', (o) => (o.kinds.share = 'no'), (s) => expect(s.kinds).toEqual({ nav: true })));
  it('sensitivity: unknown enum', () => expectRepaired('sensitivity', (o) => (o.sensitivity = 'paranoid'), (s) => expect(s.sensitivity).toBe('normal')));
  it('sensitivity: wrong type', () => expectRepaired('sensitivity', (o) => (o.sensitivity = 3), (s) => expect(s.sensitivity).toBe('normal')));
  it('script: unknown target', () => expectRepaired('script', (o) => (o.script = 'zh-XX'), (s) => expect(s.script).toBe('tw')));
  it('sites: not an object', () => expectRepaired('sites', (o) => (o.sites = ['www.gov.cn']), (s) => expect(s.sites).toEqual({})));
  it('sites: garbage host key dropped, others kept', () =>
    expectRepaired('sites.not a host!', (o) => (o.sites['not a host!'] = { clean: true }), (s) => expect(Object.keys(s.sites)).toEqual(['www.gov.cn', '*.beijing.gov.cn'])));
  it('sites: entry not an object', () =>
    expectRepaired('sites.x.gov.cn', (o) => (o.sites['x.gov.cn'] = 'yes'), (s) => expect(s.sites['x.gov.cn']).toBeUndefined()));
  it('sites: flag of wrong type dropped, other flags kept', () =>
    expectRepaired('sites.www.gov.cn.clean', (o) => (o.sites['www.gov.cn'].clean = 1), (s) => expect(s.sites['www.gov.cn']).toEqual({ convert: 'tw' })));
  it('sites: unknown convert target', () =>
    expectRepaired('sites.www.gov.cn.convert', (o) => (o.sites['www.gov.cn'].convert = 'pinyin'), (s) => expect(s.sites['www.gov.cn']).toEqual({ clean: true })));
  it('sites: unknown field in entry', () =>
    expectRepaired('sites.www.gov.cn.colour', (o) => (o.sites['www.gov.cn'].colour = 'red'), (s) => expect(s.sites['www.gov.cn']).toEqual({ clean: true, convert: 'tw' })));
  it('sites: upper-case keys normalised (not a repair)', () => {
    const r = validateSettings({ ...clone(), sites: { 'WWW.GOV.CN': { clean: true } } });
    expect(r.settings.sites).toEqual({ 'www.gov.cn': { clean: true } });
  });
  it('reader: not an object', () => expectRepaired('reader', (o) => (o.reader = null), (s) => expect(s.reader).toEqual(DEFAULT_SETTINGS.reader)));
  it('reader: number out of range', () =>
    expectRepaired('reader.fontSize', (o) => (o.reader.fontSize = 400), (s) => expect(s.reader).toEqual({ ...GOOD.reader, fontSize: 19 })));
  it('reader: NaN / string number', () => {
    expectRepaired('reader.lineHeight', (o) => (o.reader.lineHeight = 'tall'), (s) => expect(s.reader.lineHeight).toBe(1.9));
    expectRepaired('reader.width', (o) => (o.reader.width = null), (s) => expect(s.reader.width).toBe(36));
  });
  it('reader: unknown enum and wrong boolean', () => {
    expectRepaired('reader.theme', (o) => (o.reader.theme = 'neon'), (s) => expect(s.reader).toEqual({ ...GOOD.reader, theme: 'system' }));
    expectRepaired('reader.font', (o) => (o.reader.font = 12), (s) => expect(s.reader.font).toBe('serif'));
    expectRepaired('reader.vertical', (o) => (o.reader.vertical = 'yes'), (s) => expect(s.reader.vertical).toBe(false));
  });
  it('userRules: wrong type', () => expectRepaired('userRules', (o) => (o.userRules = { a: 1 }), (s) => expect(s.userRules).toBe('')));
  it('userRules: a list of lines is joined, not lost', () =>
    expectRepaired('userRules', (o) => (o.userRules = ['##.a', 'x.cn##.b']), (s) => expect(s.userRules).toBe('##.a\nx.cn##.b')));
  it('allSites: wrong type', () => expectRepaired('allSites', (o) => (o.allSites = 'true'), (s) => expect(s.allSites).toBe(false)));
  it('unknown top-level field reported', () => expectRepaired('colour', (o) => (o.colour = 'red'), () => {}));
  it('a newer version keeps what it knows', () => {
    const r = validateSettings({ ...clone(), version: 5, futureThing: 1 });
    expect(r.settings.sites).toEqual(GOOD.sites);
    expect(r.repairs.map((x) => x.path)).toContain('version');
  });
  it('many corruptions at once: each repaired, valid fields kept', () => {
    const r = validateSettings({ ...clone(), kinds: 5, reader: { fontSize: -1, theme: 'dark' }, sites: { 'ok.gov.cn': { reader: true }, '': 7 } });
    expect(r.settings.kinds).toEqual({});
    expect(r.settings.reader.theme).toBe('dark');
    expect(r.settings.reader.fontSize).toBe(19);
    expect(r.settings.sites).toEqual({ 'ok.gov.cn': { reader: true } });
    expect(r.settings.userRules).toBe(GOOD.userRules);
    expect(r.repairs.length).toBe(3);
  });
});

describe('normalizeHost', () => {
  it('accepts hosts, URLs and wildcards', () => {
    expect(normalizeHost(' WWW.Gov.CN ')).toBe('www.gov.cn');
    expect(normalizeHost('https://www.gov.cn/zhengce/x.htm')).toBe('www.gov.cn');
    expect(normalizeHost('*.gov.cn')).toBe('*.gov.cn');
    expect(normalizeHost('localhost')).toBe('localhost');
    expect(normalizeHost('政府.cn')).toBe('xn--mxtq1m.cn');
  });
  it('rejects junk', () => {
    expect(normalizeHost('')).toBeNull();
    expect(normalizeHost('not a host!')).toBeNull();
    expect(normalizeHost('*.cn')).toBeNull();
    expect(normalizeHost('a..b')).toBeNull();
  });
});

describe('parseImport (strict)', () => {
  it('accepts an export file and gives back the same settings', () => {
    const r = parseImport(JSON.stringify(toExportFile(GOOD)));
    expect(r).toEqual({ ok: true, settings: GOOD, migrations: [] });
  });
  it('accepts a bare settings object and a v0 object (migrated)', () => {
    expect(parseImport(JSON.stringify(GOOD)).ok).toBe(true);
    const r = parseImport('{"hideShare":false,"filters":["##.x"]}');
    expect(r.ok && r.settings.kinds.share === false && r.migrations.length === 1).toBe(true);
  });
  it('rejects non-JSON with the parser message', () => {
    const r = parseImport('{"version": 1,');
    expect(r).toMatchObject({ ok: false, code: 'not-json' });
  });
  it('rejects a non-object', () => {
    expect(parseImport('[1,2]')).toMatchObject({ ok: false, code: 'not-object' });
    expect(parseImport('"hello"')).toMatchObject({ ok: false, code: 'not-object' });
    expect(parseImport(JSON.stringify({ app: 'qingdu', settings: 3 }))).toMatchObject({ ok: false, code: 'not-object' });
  });
  it('rejects another program\'s file', () => {
    expect(parseImport('{"app":"darkreader","settings":{}}')).toMatchObject({ ok: false, code: 'not-qingdu' });
    expect(parseImport('{"foo":1,"bar":2}')).toMatchObject({ ok: false, code: 'not-qingdu' });
  });
  it('rejects a newer version', () => {
    expect(parseImport(JSON.stringify({ ...GOOD, version: 99 }))).toMatchObject({ ok: false, code: 'newer-version', detail: '99' });
  });
  it('rejects any invalid field and names it', () => {
    const r = parseImport(JSON.stringify({ ...GOOD, reader: { ...GOOD.reader, fontSize: 500 } }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe('invalid-fields');
      expect(r.detail).toContain('reader.fontSize');
      expect(r.detail).toContain('500');
    }
  });
  it('accepts a UTF-8 BOM', () => {
    expect(parseImport('\uFEFF' + JSON.stringify(GOOD)).ok).toBe(true);
  });
});
