// Normalise page text for matching (T12) while keeping offsets into the original string:
// NFKC (full-width to ASCII), lower case, traditional -> simplified (for the characters the
// vocabulary and labels use), pinyin annotations `領(lǐng)` dropped, zero-width characters
// dropped, single symbols inserted between Han characters (灬 ♤ · * _ - 丶) dropped, rare
// variant characters mapped (㓜 -> 幼). `map[i]` is the index in the original of output char i.
import { T2S } from './t2s-table';

export interface Normalized {
  text: string;
  map: number[];
}

const ZERO_WIDTH = /[\u200b-\u200f\u2060-\u2064\ufeff\u00ad\u034f]/;
// Symbols attackers put between Han characters to break matching. Only dropped when both
// neighbours are Han, so "1-2" or "a_b" stay.
// Sentence punctuation and spaces are not in the set: dropping them would join clauses of
// real prose into false matches.
const INSERTED = new Set([...'灬丶♤♡♧♢♠♥♣♦·•‧∙*＊_＿-－~～^`+＝=◆◇○●★☆※#＃@＠']);
const VARIANTS: Record<string, string> = { '㓜': '幼' };
const HAN = /\p{Script=Han}/u;
// A Han character followed by a parenthesised toned pinyin syllable: 領(lǐng), 网（wǎng）.
const PINYIN = /(\p{Script=Han})[(（]([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]{1,7})[)）]/giu;
const TONED = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹ]/i;

const nfkcCache = new Map<string, string>();
function fold(ch: string): string {
  let out = nfkcCache.get(ch);
  if (out !== undefined) return out;
  // NFKC leaves ASCII and the CJK Unified Ideographs (U+4E00–U+9FFF) unchanged; skipping ICU
  // for them matters in browsers, where normalize() costs far more than in Node.
  const code = ch.length === 1 ? ch.charCodeAt(0) : -1;
  out = code >= 0 && (code < 0x80 || (code >= 0x4e00 && code <= 0x9fff)) ? ch.toLowerCase() : ch.normalize('NFKC').toLowerCase();
  let t = '';
  for (const c of out) t += T2S[c] ?? VARIANTS[c] ?? c;
  out = t;
  if (nfkcCache.size < 20000) nfkcCache.set(ch, out);
  return out;
}

export function normalize(input: string): Normalized {
  // Ranges covered by pinyin annotations (the parenthesised part only).
  const skip = new Uint8Array(input.length);
  if (input.indexOf('(') >= 0 || input.indexOf('（') >= 0) {
    PINYIN.lastIndex = 0;
    for (let m = PINYIN.exec(input); m; m = PINYIN.exec(input)) {
      if (!TONED.test(m[2])) continue; // "(abc)" without tone marks is ordinary text
      const from = m.index + m[1].length;
      skip.fill(1, from, m.index + m[0].length);
      PINYIN.lastIndex = m.index + m[1].length; // the next Han char may be annotated too
    }
  }
  let text = '';
  const map: number[] = [];
  let prevHan = false;
  for (let i = 0; i < input.length; ) {
    const code = input.charCodeAt(i);
    const len = code >= 0xd800 && code <= 0xdbff && i + 1 < input.length && (input.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    const info = charInfo(len === 1 ? input[i] : input.slice(i, i + 2));
    if (skip[i] || info.zeroWidth) {
      i += len;
      continue;
    }
    if (prevHan && info.inserted && nextIsHan(input, i + len, skip)) {
      i += len;
      continue;
    }
    const folded = info.folded;
    if (folded.length === 1) {
      text += folded;
      map.push(i);
    } else {
      for (let k = 0; k < folded.length; k++) {
        text += folded[k];
        map.push(i);
      }
    }
    prevHan = info.han;
    i += len;
  }
  return { text, map };
}

interface CharInfo {
  folded: string;
  han: boolean;
  zeroWidth: boolean;
  inserted: boolean;
}

// Per-character answers of the regexes and the fold, computed once per distinct character:
// normalize() runs over every text the spam detectors score.
const infoCache = new Map<string, CharInfo>();
function charInfo(ch: string): CharInfo {
  let info = infoCache.get(ch);
  if (info) return info;
  const code = ch.length === 1 ? ch.charCodeAt(0) : -1;
  const unified = code >= 0x4e00 && code <= 0x9fff; // Han for certain, no regex needed
  info = { folded: fold(ch), han: unified || HAN.test(ch), zeroWidth: !unified && ZERO_WIDTH.test(ch), inserted: INSERTED.has(ch) };
  if (infoCache.size < 20000) infoCache.set(ch, info);
  return info;
}

function nextIsHan(s: string, from: number, skip: Uint8Array): boolean {
  for (let j = from; j < s.length && j < from + 4; j++) {
    if (skip[j]) continue;
    const c = s[j];
    if (ZERO_WIDTH.test(c)) continue;
    if (INSERTED.has(c)) continue; // runs such as "灬灬" or "丶 "
    return HAN.test(String.fromCodePoint(s.codePointAt(j)!));
  }
  return false;
}

/** Normalised text only, for headings and labels. */
export function norm(s: string): string {
  return normalize(s).text;
}
