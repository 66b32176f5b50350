// The pre-check's pinyin condition is the repair rule's own (textAnnotations): bracketed Latin
// after a Han character that is not a syllable (认证（scope）, 重量（kg）) no longer loads the
// repair module; annotations the rule removes still do. The corpus test (test/corpus/
// repair-check.test.ts) checks that no page's repairs are missed.
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { pageMayNeedRepair, textMayNeedRepair } from './repair-check';
import { repairText } from '../core/script/repair';

const page = (body: string) => new JSDOM(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`).window.document;

describe('repair pre-check: plain-text pinyin', () => {
  const annotated = ['黨建引領(lǐng)', '建强（qiáng）堡垒', '我们(men)的', '领（lǐng）导'];
  const notPinyin = ['OAuth 认证（scope）说明', '净重（kg）', '附件（pdf）', '编号(abc)', '领(lǐng）导'];

  it('flags text the rule repairs, and only that', () => {
    for (const text of annotated) {
      expect(repairText(text), text).not.toBe(text);
      expect(textMayNeedRepair(text), text).toBe(true);
      expect(pageMayNeedRepair(page(`<p>${text}</p>`)), text).toBe(true);
    }
    for (const text of notPinyin) {
      expect(repairText(text), text).toBe(text);
      expect(textMayNeedRepair(text), text).toBe(false);
      expect(pageMayNeedRepair(page(`<p>${text}</p>`)), text).toBe(false);
    }
  });

  it('still flags a page whose other rules apply beside a non-pinyin bracket', () => {
    expect(textMayNeedRepair('净重（kg）♤，')).toBe(true);
    expect(pageMayNeedRepair(page('<p>净重（kg）</p><p>说明nbsp;</p>'))).toBe(true);
  });
});
