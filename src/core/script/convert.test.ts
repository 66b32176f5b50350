import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { configName, convertAnalysisText, loadTextConverter, type ScriptSource } from './convert';
import { guessScript, MARKERS, scriptCounts, sourceScript } from './detect';
import type { ScriptTarget } from '../types';

interface Case { id: string; input: string; expected: Record<string, string> }
const data = JSON.parse(readFileSync(resolve(__dirname, '../../../test/data/opencc/testcases.json'), 'utf8')) as { cases: Case[] };

// OpenCC configuration name -> the (from, to) pair Qingdu asks opencc-js for.
const CONFIGS: Record<string, [ScriptSource, ScriptTarget]> = {
  s2t: ['cn', 't'], s2tw: ['cn', 'tw'], s2twp: ['cn', 'twp'], s2hk: ['cn', 'hk'],
  t2s: ['t', 'cn'], tw2s: ['tw', 'cn'], tw2sp: ['twp', 'cn'], hk2s: ['hk', 'cn'],
  t2tw: ['t', 'tw'], t2hk: ['t', 'hk'], tw2t: ['tw', 't'], hk2t: ['hk', 't'],
};

describe('OpenCC reference cases (test/data/opencc)', () => {
  for (const c of data.cases) {
    for (const [config, want] of Object.entries(c.expected)) {
      it(`${c.id} ${config}`, async () => {
        const pair = CONFIGS[config];
        expect(pair, `unknown config ${config}`).toBeDefined();
        expect(configName(pair[0], pair[1])).toBe(config);
        const convert = await loadTextConverter(pair[0], pair[1]);
        expect(convert(c.input)).toBe(want);
      });
    }
  }
});

describe('phrases that single-character tables get wrong', () => {
  const cases: [ScriptSource, ScriptTarget, string, string][] = [
    ['cn', 'tw', '头发', '頭髮'],
    ['cn', 'tw', '发展', '發展'],
    ['cn', 'tw', '里面', '裡面'],
    ['cn', 'hk', '里面', '裏面'],
    ['cn', 't', '皇后在后面', '皇后在後面'],
    ['cn', 'twp', '软件和网络', '軟體和網路'],
    ['t', 'cn', '乾燥的頭髮', '干燥的头发'],
    ['t', 'cn', '乾隆', '乾隆'],
  ];
  for (const [from, to, input, want] of cases) {
    it(`${input} ${from}->${to}`, async () => {
      expect((await loadTextConverter(from, to))(input)).toBe(want);
    });
  }
});

describe('loadTextConverter', () => {
  it('builds each direction once and caches it', async () => {
    const a = await loadTextConverter('cn', 'tw');
    const b = await loadTextConverter('cn', 'tw');
    expect(a).toBe(b);
  });
  it('is the identity for the same script', async () => {
    expect((await loadTextConverter('cn', 'cn'))('头发')).toBe('头发');
  });
  it('converts between traditional variants without the simplified tables', async () => {
    expect((await loadTextConverter('t', 'tw'))('爲了裏面')).toBe('為了裡面');
  });
});

describe('convertAnalysisText', () => {
  it('converts title, body and summary and keeps other fields', async () => {
    const json = { title: '发展', body: '头发\n里面', summary: ['发展'], url: 'x', repairs: [] };
    const out = convertAnalysisText(json, await loadTextConverter('cn', 'tw'));
    expect(out).toEqual({ title: '發展', body: '頭髮\n裡面', summary: ['發展'], url: 'x', repairs: [] });
  });
});

describe('guessScript / sourceScript', () => {
  it('marker lists pair up and never overlap', () => {
    expect([...MARKERS.simplified].length).toBe([...MARKERS.traditional].length);
    const trad = new Set(MARKERS.traditional);
    for (const ch of MARKERS.simplified) expect(trad.has(ch), ch).toBe(false);
  });
  it('counts every marker and nothing else, on every UTF-16 code unit', () => {
    const simp = new Set(MARKERS.simplified);
    const trad = new Set(MARKERS.traditional + '爲衆啓鍾');
    let all = '';
    for (let c = 0; c < 0x10000; c++) all += String.fromCharCode(c);
    const want = { simplified: 0, traditional: 0 };
    for (const ch of all) if (simp.has(ch)) want.simplified++;
    else if (trad.has(ch)) want.traditional++;
    expect(want.simplified).toBe(simp.size);
    expect(scriptCounts(all)).toEqual(want);
    expect(scriptCounts('们們爲x\u{20000}这')).toEqual({ simplified: 2, traditional: 2 });
  });
  it('tells simplified from traditional', () => {
    expect(guessScript('我们在这里说的话')).toBe('simplified');
    expect(guessScript('我們在這裡說的話')).toBe('traditional');
    expect(guessScript('hello 123')).toBe('none');
    expect(guessScript('我们这说 我們這說')).toBe('mixed');
    expect(sourceScript('黨建引領，凝聚群眾力量')).toBe('t');
    expect(sourceScript('党建引领，凝聚群众力量')).toBe('cn');
    expect(sourceScript('abc')).toBe(null);
  });
});
