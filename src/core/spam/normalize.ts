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

// Per BMP code unit, filled on first sight: 0 = not seen yet, 1 = plain, 2 = plain Han, 3 = taken
// one by one (zero-width, inserted symbol, surrogate half, a fold to 0 or 2+ units). FOLD holds a
// plain unit's fold. The common case (a character that is never dropped and folds to one unit)
// then costs two typed-array reads instead of a Map lookup and a string append.
let KIND: Uint8Array | null = null;
let FOLD: Uint16Array | null = null;
const PLAIN = 1, PLAIN_HAN = 2, ONE_BY_ONE = 3;

function classify(code: number): number {
  if (code >= 0xd800 && code <= 0xdfff) return (KIND![code] = ONE_BY_ONE);
  const info = charInfo(String.fromCharCode(code));
  if (info.zeroWidth || info.inserted || info.folded.length !== 1) return (KIND![code] = ONE_BY_ONE);
  FOLD![code] = info.folded.charCodeAt(0);
  return (KIND![code] = info.han ? PLAIN_HAN : PLAIN);
}

/** normalize() as code units in shared buffers, valid until the next call (no string is built). */
export interface NormalizedCodes {
  codes: Uint16Array;
  /** map[i] = index in the input of output unit i (as Normalized.map). */
  map: Int32Array;
  length: number;
  /** The output text equals the input. */
  same: boolean;
}

let outCodes = new Uint16Array(256);
let outMap = new Int32Array(256);

function grow(): void {
  const c = new Uint16Array(outCodes.length * 2);
  c.set(outCodes);
  const m = new Int32Array(outMap.length * 2);
  m.set(outMap);
  outCodes = c;
  outMap = m;
}

export function normalizeCodes(input: string): NormalizedCodes {
  if (!KIND) {
    KIND = new Uint8Array(65536);
    FOLD = new Uint16Array(65536);
  }
  const kind = KIND, foldOf = FOLD!;
  // Do not keep a huge block's buffers for the page's lifetime.
  if (outCodes.length > 0x40000 && input.length < 0x1000) {
    outCodes = new Uint16Array(256);
    outMap = new Int32Array(256);
  }
  // Ranges covered by pinyin annotations (the parenthesised part only).
  let skip: Uint8Array | null = null;
  if (input.indexOf('(') >= 0 || input.indexOf('（') >= 0) {
    skip = new Uint8Array(input.length);
    PINYIN.lastIndex = 0;
    for (let m = PINYIN.exec(input); m; m = PINYIN.exec(input)) {
      if (!TONED.test(m[2])) continue; // "(abc)" without tone marks is ordinary text
      const from = m.index + m[1].length;
      skip.fill(1, from, m.index + m[0].length);
      PINYIN.lastIndex = m.index + m[1].length; // the next Han char may be annotated too
    }
  }
  let n = 0;
  let same = true;
  let prevHan = false;
  const len = input.length;
  for (let i = 0; i < len; ) {
    const code = input.charCodeAt(i);
    let k = kind[code];
    if (k === 0) k = classify(code);
    if (k !== ONE_BY_ONE && !(skip && skip[i])) {
      if (n >= outCodes.length) grow();
      const f = foldOf[code];
      outCodes[n] = f;
      outMap[n++] = i;
      if (f !== code) same = false;
      prevHan = k === PLAIN_HAN;
      i++;
      continue;
    }
    const step = code >= 0xd800 && code <= 0xdbff && i + 1 < len && (input.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    const info = charInfo(step === 1 ? input[i] : input.slice(i, i + 2));
    if ((skip && skip[i]) || info.zeroWidth || (prevHan && info.inserted && nextIsHan(input, i + step, skip))) {
      same = false;
      i += step;
      continue;
    }
    const folded = info.folded;
    for (let j = 0; j < folded.length; j++) {
      if (n >= outCodes.length) grow();
      outCodes[n] = folded.charCodeAt(j);
      outMap[n++] = i;
    }
    if (folded.length !== step || folded !== (step === 1 ? input[i] : input.slice(i, i + 2))) same = false;
    prevHan = info.han;
    i += step;
  }
  return { codes: outCodes, map: outMap, length: n, same };
}

function codesToString(codes: Uint16Array, length: number): string {
  let s = '';
  for (let i = 0; i < length; i += 4096) s += String.fromCharCode.apply(null, codes.subarray(i, Math.min(length, i + 4096)) as unknown as number[]);
  return s;
}

export function normalize(input: string): Normalized {
  const r = normalizeCodes(input);
  return { text: r.same ? input : codesToString(r.codes, r.length), map: Array.from(r.map.subarray(0, r.length)) };
}

export interface CharInfo {
  folded: string;
  han: boolean;
  zeroWidth: boolean;
  inserted: boolean;
}

// Per-character answers of the regexes and the fold, computed once per distinct character:
// normalize() runs over every text the spam detectors score.
const infoCache = new Map<string, CharInfo>();
/** Exported for the tests' per-character oracle of normalize(). */
export function charInfo(ch: string): CharInfo {
  let info = infoCache.get(ch);
  if (info) return info;
  const code = ch.length === 1 ? ch.charCodeAt(0) : -1;
  const unified = code >= 0x4e00 && code <= 0x9fff; // Han for certain, no regex needed
  info = { folded: fold(ch), han: unified || HAN.test(ch), zeroWidth: !unified && ZERO_WIDTH.test(ch), inserted: INSERTED.has(ch) };
  if (infoCache.size < 20000) infoCache.set(ch, info);
  return info;
}

function nextIsHan(s: string, from: number, skip: Uint8Array | null): boolean {
  for (let j = from; j < s.length && j < from + 4; j++) {
    if (skip && skip[j]) continue;
    const c = s[j];
    if (ZERO_WIDTH.test(c)) continue;
    if (INSERTED.has(c)) continue; // runs such as "灬灬" or "丶 "
    return HAN.test(String.fromCodePoint(s.codePointAt(j)!));
  }
  return false;
}

/**
 * normalizeCodes(s).same without writing the output buffers: every code unit plain and its own
 * fold, and no parenthesis that could hold pinyin. The index normalises every short text of the
 * page (labels, menu items), and most are already in normal form.
 */
function alreadyNormal(s: string): boolean {
  if (!KIND) return false;
  const kind = KIND, foldOf = FOLD!;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    let k = kind[code];
    if (k === 0) k = classify(code);
    if (k === ONE_BY_ONE || foldOf[code] !== code || code === 0x28 || code === 0xff08) return false;
  }
  return true;
}

/** Normalised text only, for headings and labels. */
export function norm(s: string): string {
  if (alreadyNormal(s)) return s;
  const r = normalizeCodes(s);
  return r.same ? s : codesToString(r.codes, r.length);
}
