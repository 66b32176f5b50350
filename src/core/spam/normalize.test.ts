import { describe, expect, it } from 'vitest';
import { charInfo, norm, normalize } from './normalize';
import { allowTerms, spamTerms } from './vocabulary';
import { seeded } from '../../../test/helpers/random';

// The per-character definition normalize() had before its code-unit fast path (one charInfo per
// code point, a string append per output character): the oracle the fast path must match.
const ZERO_WIDTH = /[\u200b-\u200f\u2060-\u2064\ufeff\u00ad\u034f]/;
const INSERTED = new Set([...'灬丶♤♡♧♢♠♥♣♦·•‧∙*＊_＿-－~～^`+＝=◆◇○●★☆※#＃@＠']);
const HAN = /\p{Script=Han}/u;
const PINYIN = /(\p{Script=Han})[(（]([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]{1,7})[)）]/giu;
const TONED = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹ]/i;

function nextIsHan(s: string, from: number, skip: Uint8Array): boolean {
  for (let j = from; j < s.length && j < from + 4; j++) {
    if (skip[j]) continue;
    const c = s[j];
    if (ZERO_WIDTH.test(c)) continue;
    if (INSERTED.has(c)) continue;
    return HAN.test(String.fromCodePoint(s.codePointAt(j)!));
  }
  return false;
}

function reference(input: string): { text: string; map: number[] } {
  const skip = new Uint8Array(input.length);
  PINYIN.lastIndex = 0;
  for (let m = PINYIN.exec(input); m; m = PINYIN.exec(input)) {
    if (!TONED.test(m[2])) continue;
    skip.fill(1, m.index + m[1].length, m.index + m[0].length);
    PINYIN.lastIndex = m.index + m[1].length;
  }
  let text = '';
  const map: number[] = [];
  let prevHan = false;
  for (let i = 0; i < input.length; ) {
    const code = input.charCodeAt(i);
    const len = code >= 0xd800 && code <= 0xdbff && i + 1 < input.length && (input.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    const info = charInfo(input.slice(i, i + len));
    if (skip[i] || info.zeroWidth || (prevHan && info.inserted && nextIsHan(input, i + len, skip))) {
      i += len;
      continue;
    }
    for (let k = 0; k < info.folded.length; k++) {
      text += info.folded[k];
      map.push(i);
    }
    prevHan = info.han;
    i += len;
  }
  return { text, map };
}

describe('normalize fast path', () => {
  it('matches the per-character definition on hostile text', () => {
    const alphabet = [
      ...'abcvAVＡＶ0123６５ 　\t\n()（）領网wǎngǐlǎ丶灬*-_·♤\u200b\u00ad\ufeff女優勉費亞洲精品國产澳门赌博六合彩ova bet365pk10㍿ﷺ½ﬀ㓜',
      '\ud840\udc00', '\ud840', '\udc00', '\ud835\udc1a', '\ud87e\udc00',
    ];
    const rnd = seeded(7);
    for (let i = 0; i < 20000; i++) {
      let s = '';
      const n = rnd(i % 100 === 0 ? 3000 : 40);
      for (let j = 0; j < n; j++) s += alphabet[rnd(alphabet.length)];
      const want = reference(s);
      const got = normalize(s);
      if (got.text !== want.text || got.map.join() !== want.map.join() || norm(s) !== want.text) expect({ s, got }).toEqual({ s, got: want });
    }
  });
  it('stays right across its buffers growing and shrinking', () => {
    const big = '網(wǎng)站ａＶ女優㍿丶色\u200b情'.repeat(30000);
    const small = '亞洲精品丶理论片';
    for (const s of [small, big, small, big.slice(7), small]) {
      const want = reference(s);
      const got = normalize(s);
      expect(got.text === want.text && got.map.join() === want.map.join()).toBe(true);
    }
  });
  it("norm's shortcut for text already in normal form agrees on mostly plain text", () => {
    // Plain letters, digits, Han and punctuation (the shortcut's case) with a few characters that
    // change or may change: upper case, full width, traditional, a parenthesis before pinyin.
    const plain = [...'国务院关于印发通知的通知abc019 ，。、：；“”《》-|/'];
    const odd = [...'A領Ｖ(（wǎng)）丶\u200b', '(wǎng)', '（lǐ）', '(ab)'];
    const rnd = seeded(11);
    let kept = 0;
    for (let i = 0; i < 20000; i++) {
      let s = '';
      const n = 1 + rnd(40);
      for (let j = 0; j < n; j++) s += rnd(20) ? plain[rnd(plain.length)] : odd[rnd(odd.length)];
      const want = reference(s).text;
      const got = norm(s);
      if (got !== want) expect({ s, got }).toEqual({ s, got: want });
      if (got === s) kept++;
    }
    expect(kept).toBeGreaterThan(2000); // the shortcut's case is well represented
  });
  it('returns the input itself when nothing changes', () => {
    const s = '国务院关于印发通知的通知2024';
    expect(norm(s)).toBe(s);
    expect(normalize(s).map).toEqual([...s].map((_, i) => i));
  });
  it('vocabulary is BMP only (the matcher scans code units)', () => {
    for (const t of [...spamTerms().map((x) => x.term), ...allowTerms()]) expect(/[\ud800-\udfff]/.test(normalize(t).text), t).toBe(false);
  });
});
