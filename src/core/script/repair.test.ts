import { describe, expect, it } from 'vitest';
import { findTextFixes, repairText } from './repair';
import { gbkBytes, gbkChar } from './gbk';

describe('GBK tables', () => {
  it('encode and decode agree with the platform decoder', () => {
    expect(gbkBytes('堅')).toEqual([0x88, 0xd4]);
    expect(gbkBytes('（')).toEqual([0xa3, 0xa8]);
    expect(gbkChar(0xa1, 0xa1)).toBe('　');
    expect(gbkChar(0xac, 0xde)).toBeNull(); // private use: dropped by renderers
    expect(gbkBytes('a')).toBeNull();
  });
});

// The tables as first written (an array of one-character strings and a Map keyed by them), kept
// as the oracle for the string + code-unit tables.
function oldGbk() {
  const bytes: number[] = [];
  for (let l = 0x81; l <= 0xfe; l++) for (let t = 0x40; t <= 0xfe; t++) if (t !== 0x7f) bytes.push(l, t);
  let chars = Array.from(new TextDecoder('gbk').decode(new Uint8Array(bytes)));
  if (chars.length !== bytes.length / 2) chars = [];
  const pua = (ch: string) => {
    const c = ch.codePointAt(0) ?? 0;
    return (c >= 0xe000 && c <= 0xf8ff) || c === 0xfffd;
  };
  const codes = new Map<string, number>();
  chars.forEach((ch, i) => {
    if (codes.has(ch) || pua(ch)) return;
    const ti = i % 190;
    codes.set(ch, ((0x81 + Math.floor(i / 190)) << 8) | (ti < 0x3f ? ti + 0x40 : ti + 0x41));
  });
  return {
    bytes: (ch: string) => (codes.has(ch) ? [codes.get(ch)! >> 8, codes.get(ch)! & 0xff] : null),
    char: (lead: number, trail: number) => {
      if (lead < 0x81 || lead > 0xfe || trail < 0x40 || trail > 0xfe || trail === 0x7f) return null;
      const ch = chars[(lead - 0x81) * 190 + (trail < 0x7f ? trail - 0x40 : trail - 0x41)];
      return ch === undefined || pua(ch) ? null : ch;
    },
  };
}

describe('GBK tables against the first implementation', () => {
  it('decode every lead/trail pair and encode every character the same', () => {
    const old = oldGbk();
    const seen = new Set<string>();
    for (let lead = 0x70; lead <= 0xff; lead++)
      for (let trail = 0x30; trail <= 0xff; trail++) {
        const ch = gbkChar(lead, trail);
        expect(ch, `${lead},${trail}`).toBe(old.char(lead, trail));
        if (ch) seen.add(ch);
      }
    expect(seen.size).toBeGreaterThan(21000);
    for (const ch of [...seen, 'a', '', '😀', '\ud83d', '\ufffd', '\ue000', '的的', '　'])
      expect(gbkBytes(ch), JSON.stringify(ch)).toEqual(old.bytes(ch));
  });
});

describe('GBK off-by-one mojibake (spam-techniques T11 vectors)', () => {
  const vectors: [string, string][] = [
    ['。ㄒ唬', '（一）'], ['。ǘ', '（二）'], ['。ㄈ', '（三）'], ['。ㄋ模', '（四）'], ['。ㄎ澹', '（五）'],
    ['。ㄆ撸', '（七）'], ['。ò耍', '（八）'], ['。ň牛', '（九）'], ['。ㄊ', '（十）'],
  ];
  for (const [shown, meant] of vectors) {
    it(`?${shown} -> 　${meant}`, () => {
      expect(repairText(`?${shown}`)).toBe(`　${meant}`);
    });
  }
  it('re-reads a run inside a paragraph, judged against the rest of the text', () => {
    // Build the damage the way it happens: GBK bytes of "　（一）其他" read one byte late.
    const bytes = [...'　（一）其他'].flatMap((c) => gbkBytes(c)!);
    const shown = '?' + new TextDecoder('gbk').decode(new Uint8Array(bytes.slice(1, -1)));
    const text = `其他事项如下。\n${shown}\n其他`;
    // The last byte is lost too: 他 comes back from its lead byte and the page's other 他.
    expect(repairText(text)).toBe('其他事项如下。\n　（一）其他\n其他');
  });
  it('marks a character whose second byte is lost as unknown instead of guessing it', () => {
    // samples/hacked-notice.html: 化 (BB AF) lost its trail byte. 机 and 会 share the lead byte
    // and the page uses both; picking the more frequent one printed 危险机学品.
    const page = '县机关、机构和会议室重点检查危险源。\n?。ㄒ唬┲氐慵觳槲Ｏ栈?学品、燃气';
    expect(repairText(page)).toBe('县机关、机构和会议室重点检查危险源。\n　（一）重点检查危险\uFFFD学品、燃气');
    // With the neighbours spelled elsewhere on the page (化学) the character is known.
    expect(repairText(`化学品。\n${page}`)).toContain('危险化学品');
  });
  it('leaves question and exclamation marks in ordinary text alone', () => {
    for (const s of ['真的吗?我们走吧', '好!我们出发', '太好了！我们出发了！', '为什么?。', 'What?! ', '结果?！我们']) expect(repairText(s)).toBe(s);
  });
});

describe('pinyin annotations in text', () => {
  it('drops toned pinyin after a Han character', () => {
    expect(repairText('黨建引領(lǐng)，凝聚群眾')).toBe('黨建引領，凝聚群眾');
    expect(repairText('我們(men)的')).toBe('我們的');
    expect(findTextFixes('領(lǐng)')[0]).toMatchObject({ kind: 'pinyin', to: '領' });
  });
  it('keeps ordinary brackets', () => {
    for (const s of ['网站支持(IPV6)', '附件(a)', '方案(一)', '编号(abc)', '中国(China)', 'Beijing(běijīng)']) expect(repairText(s)).toBe(s);
  });
});

describe('symbols before Chinese punctuation and entity remainders', () => {
  it('removes a decorative symbol before punctuation', () => {
    expect(repairText('发展♤，建设★。')).toBe('发展，建设。');
  });
  it('keeps symbols that are text', () => {
    for (const s of ['温度25℃，', '版权所有©，', '★重要通知', '① 第一，']) expect(repairText(s)).toBe(s);
  });
  it('turns a literal nbsp; back into a space, not &nbsp; or words', () => {
    expect(repairText('统一。nbsp;')).toBe('统一。 ');
    for (const s of ['&nbsp;', 'a&amp;nbsp;b', 'snbsp;', 'amp;']) expect(repairText(s)).toBe(s);
  });
});
