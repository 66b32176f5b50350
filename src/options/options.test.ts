// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRules } from '../core/rules/index';
import { ALL_KINDS } from '../core/kinds';
import { SCRIPT_TARGETS } from '../core/types';
import { READER_FONTS, READER_THEMES, SENSITIVITIES } from '../platform/settings-schema';
import { parseImport } from '../platform/settings-validate';
import { exportFileName, importErrorMessage } from './backup';
import { describeRules } from './rules-view';

// The real zh_CN / en messages, with Chrome's placeholder substitution, so missing keys show up here.
function messages(locale: string) {
  const file = JSON.parse(readFileSync(join(__dirname, `../../public/_locales/${locale}/messages.json`), 'utf8')) as Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
  return (key: string, subs?: string | string[]): string => {
    const m = file[key];
    if (!m) return `MISSING(${key})`;
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    return m.message.replace(/\$([A-Za-z_]+)\$/g, (_x, name: string) => {
      const content = m.placeholders?.[name.toLowerCase()]?.content ?? '';
      return content.replace(/\$(\d)/g, (_y, d: string) => list[Number(d) - 1] ?? '');
    });
  };
}

describe('options page texts', () => {
  for (const locale of ['zh_CN', 'zh_TW', 'en']) {
    const t = messages(locale);
    it(`${locale}: every rule error and import error has a message`, () => {
      const parsed = parseRules('##.ok\n##div[\n||x^\nx.cn##.a:has-text(x)\n##+js(x)\n##\nbad host##.x\nx.cn#$#.a{}\n##^script', document);
      const { summary, items } = describeRules(parsed, t);
      expect(summary).not.toMatch(/MISSING|\$/);
      expect(summary).toContain('1');
      expect(items.map((i) => i.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
      for (const i of items) expect(i.message).not.toMatch(/MISSING/);
      for (const text of ['{', '[1]', '{"app":"x"}', JSON.stringify({ version: 99 }), JSON.stringify({ version: 1, script: 'zz' })]) {
        const r = parseImport(text);
        expect(r.ok).toBe(false);
        if (!r.ok) {
          const msg = importErrorMessage(r, t);
          expect(msg).not.toMatch(/MISSING|\$[A-Z]/);
          expect(msg).toContain(r.detail);
        }
      }
    });
    it(`${locale}: every options_/picker_ key used by the page exists`, () => {
      const html = readFileSync(join(__dirname, 'index.html'), 'utf8');
      const keys = [...html.matchAll(/data-i18n(?:-placeholder)?="([a-z_]+)"/g)].map((m) => m[1]);
      const src = ['main.ts', 'sites.ts', 'rules-view.ts', 'backup.ts', '../content/picker.ts'].map((f) => readFileSync(join(__dirname, f), 'utf8')).join('\n');
      keys.push(...[...src.matchAll(/['`]((?:options|picker)_[a-z_]+)['`]/g)].map((m) => m[1]));
      // Keys the page builds from the schema's lists.
      for (const kind of ALL_KINDS) keys.push(`options_kind_${kind.replace(/-/g, '_')}`, `options_kind_${kind.replace(/-/g, '_')}_desc`);
      for (const v of SENSITIVITIES) keys.push(`options_sensitivity_${v}`);
      for (const v of SCRIPT_TARGETS) keys.push(`options_script_${v}`);
      for (const v of READER_THEMES) keys.push(`options_reader_theme_${v}`);
      for (const v of READER_FONTS) keys.push(`options_reader_font_${v}`);
      for (const v of ['quota', 'unavailable', 'error']) keys.push(`options_storage_local_${v}`);
      for (const k of new Set(keys)) expect(t(k), k).not.toMatch(/MISSING/);
    });
  }
  it('export file name carries the date', () => {
    expect(exportFileName(new Date('2024-03-18T10:00:00Z'))).toBe('qingdu-settings-2024-03-18.json');
  });
});
