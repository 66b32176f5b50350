import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { applyRepairs, REPAIR_ATTR } from './repairs';
import { findRepairs } from '../core/script/repair';
import { createContext } from '../core/page/context';
import { DEFAULT_ANALYZE_SETTINGS } from '../core/kinds';

describe('applyRepairs', () => {
  it('hides ruby pinyin, rewrites text nodes, and undoes exactly', () => {
    const doc = new JSDOM(
      '<!doctype html><html><head><title>x</title></head><body><p>黨建引<ruby>領<rp>(</rp><rt>lǐng</rt><rp>)</rp></ruby>，建強(qiáng)“堡壘”♤，統一。nbsp;</p><ruby>漢<rt>かん</rt></ruby></body></html>',
    ).window.document;
    const before = doc.documentElement.outerHTML;
    const repairs = findRepairs(createContext(doc, 'http://example.com/', DEFAULT_ANALYZE_SETTINGS), null, '');
    expect(repairs.map((r) => r.kind).sort()).toEqual(['entity', 'pinyin', 'ruby', 'symbol']);
    const handle = applyRepairs(doc, repairs);
    expect(doc.querySelectorAll(`[${REPAIR_ATTR}]`).length).toBe(3);
    expect(doc.querySelector('rt')!.hasAttribute(REPAIR_ATTR)).toBe(true);
    expect(doc.querySelectorAll('rt')[1].hasAttribute(REPAIR_ATTR)).toBe(false); // Japanese furigana stays
    expect(doc.getElementById('qingdu-repair-style')).not.toBeNull();
    expect(doc.querySelector('p')!.lastChild!.textContent).toBe('，建強“堡壘”，統一。 ');
    handle.undo();
    expect(doc.documentElement.outerHTML).toBe(before);
  });
  it('skips a repair whose text changed meanwhile', () => {
    const doc = new JSDOM('<p>領(lǐng)</p>').window.document;
    const repairs = findRepairs(createContext(doc, 'http://example.com/', DEFAULT_ANALYZE_SETTINGS), null, '');
    (doc.querySelector('p')!.firstChild as Text).data = '別的';
    applyRepairs(doc, repairs);
    expect(doc.querySelector('p')!.textContent).toBe('別的');
  });
});
