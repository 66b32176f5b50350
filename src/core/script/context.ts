// What the rest of the page says: character and bigram counts, and which character each
// pinyin annotation belongs to. Mojibake repair uses it to pick the lost characters (the page
// usually spells them correctly elsewhere) and to judge whether a re-reading makes sense.
export interface TextContext {
  count(ch: string): number;
  bigram(a: string, b: string): number;
  /** Characters annotated with this pinyin on the page (ruby or `X(pinyin)`). */
  byPinyin(pinyin: string): string[];
  /** Every distinct character seen, for candidate searches. */
  chars(): Iterable<string>;
}

/** Subtrees the page repair walk (repair.ts findRepairs) never reads; the content script's pre-check skips the same. */
export const REPAIR_SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'RT', 'RP', 'CODE', 'PRE', 'SVG']);

const TEXT_PINYIN = /(\p{Script=Han})[(（]([a-zü\u00e0-\u01dc]{1,6})[)）]/gu;

/**
 * The one code point `s` iterates to (a lone surrogate counts as one), or -1 when `s` is not
 * exactly one iterated element.
 */
function codeOf(s: string): number {
  if (s.length === 1) return s.charCodeAt(0);
  if (s.length === 2) {
    const cp = s.codePointAt(0)!;
    if (cp > 0xffff) return cp;
  }
  return -1;
}

export function createTextContext(text: string, annotations: [string, string][] = []): TextContext {
  // Counts by code point, not by one-character string: iterating a string allocates a string per
  // CJK character and a Map<string> lookup hashes it, which made counting a page's text (done
  // whenever a `?`/`!` stands before a wide character) the largest part of the repair stage.
  // The BMP counts are a typed array; supplementary characters (rare) a Map.
  let bmp: Int32Array | null = null;
  let astral: Map<number, number> | null = null;
  /** Distinct code points in order of first appearance (= the old Map's key order). */
  let order: number[] = [];
  let distinct: string[] | null = null;
  // Bigrams by number: two BMP code points pack into one int32 (a small integer key), others
  // (a supplementary character on either side) into an exact double.
  let pairs: Map<number, number> | null = null;
  let widePairs: Map<number, number> | null = null;
  let pinyin: Map<string, Set<string>> | null = null;
  /** Calls `each` with the code point of every element `for (const ch of text)` yields. */
  const scan = (each: (cp: number) => void) => {
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          each(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000);
          i++;
          continue;
        }
      }
      each(c);
    }
  };
  // Three lazy tables: most pages only ask for character counts (the mojibake pre-check).
  const ensure = () => {
    if (bmp) return;
    const counts = (bmp = new Int32Array(0x10000));
    const wide = (astral = new Map());
    const seen = order;
    scan((cp) => {
      if (cp <= 0xffff) {
        if (counts[cp]++ === 0) seen.push(cp);
      } else {
        const k = wide.get(cp);
        if (k === undefined) seen.push(cp);
        wide.set(cp, (k || 0) + 1);
      }
    });
  };
  const countOf = (cp: number): number => (cp < 0 ? 0 : cp <= 0xffff ? bmp![cp] : astral!.get(cp) || 0);
  const ensurePairs = () => {
    if (pairs) return;
    const narrow = (pairs = new Map());
    const wide = (widePairs = new Map());
    let prev = -1;
    scan((cp) => {
      if (prev >= 0) {
        if (prev <= 0xffff && cp <= 0xffff) {
          const k = (prev << 16) | cp;
          narrow.set(k, (narrow.get(k) || 0) + 1);
        } else {
          const k = prev * 0x110000 + cp;
          wide.set(k, (wide.get(k) || 0) + 1);
        }
      }
      prev = cp;
    });
  };
  const pairOf = (a: number, b: number): number =>
    a <= 0xffff && b <= 0xffff ? pairs!.get((a << 16) | b) || 0 : widePairs!.get(a * 0x110000 + b) || 0;
  const ensurePinyin = () => {
    if (pinyin) return;
    pinyin = new Map();
    const add = (han: string, py: string) => {
      let set = pinyin!.get(py);
      if (!set) pinyin!.set(py, (set = new Set()));
      set.add(han);
    };
    for (const [han, py] of annotations) add(han, py);
    for (const m of text.matchAll(TEXT_PINYIN)) add(m[1], m[2]);
  };
  return {
    count(ch) {
      ensure();
      return countOf(codeOf(ch));
    },
    bigram(a, b) {
      ensurePairs();
      const ca = codeOf(a), cb = codeOf(b);
      // A high and a low surrogate given apart never form a pair of the text's elements (the text
      // iterates them as one character); codeOf keeps them apart, and no such pair is counted.
      if (ca >= 0 && cb >= 0) return pairOf(ca, cb);
      // The old table was keyed by the string prev + ch: `a + b` finds a pair exactly when it
      // iterates to two elements (e.g. a = '' and b = two characters).
      const els = [...(a + b)];
      return els.length === 2 ? pairOf(codeOf(els[0]), codeOf(els[1])) : 0;
    },
    byPinyin(py) {
      ensurePinyin();
      return [...(pinyin!.get(py) || [])];
    },
    chars() {
      ensure();
      return (distinct ??= order.map((cp) => String.fromCodePoint(cp)));
    },
  };
}
