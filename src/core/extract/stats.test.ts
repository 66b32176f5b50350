import { describe, expect, it } from 'vitest';
import { countChars, countedPunct, countPunct, countText } from './stats';

// The regex forms the counting loops replace.
const SPACE = /[\s\u00a0\u3000\u200b-\u200d\ufeff]+/g;
const PUNCT = /[，。、；：？！,;]/g;

describe('countChars / countPunct', () => {
  it('equal the regex forms on every UTF-16 code unit', () => {
    for (let c = 0; c < 0x10000; c++) {
      const s = 'a' + String.fromCharCode(c) + '中';
      expect(countChars(s)).toBe(s.replace(SPACE, '').length);
      expect(countPunct(s)).toBe((s.match(PUNCT) || []).length);
      // The one-pass form the body statistics use.
      expect(countText(s, true)).toBe(countChars(s));
      expect(countedPunct()).toBe(countPunct(s));
      expect(countText(s, false)).toBe(countChars(s));
      expect(countedPunct()).toBe(0);
    }
  });
  it('count runs and mixed text', () => {
    const s = ' \u3000一，二。\u200b三；\n\t,;x ';
    expect(countChars(s)).toBe(s.replace(SPACE, '').length);
    expect(countPunct(s)).toBe(5);
  });
});
