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

export function createTextContext(text: string, annotations: [string, string][] = []): TextContext {
  let counts: Map<string, number> | null = null;
  let pairs: Map<string, number> | null = null;
  let pinyin: Map<string, Set<string>> | null = null;
  // Three lazy tables: most pages only ask for character counts (the mojibake pre-check).
  const ensure = () => {
    if (counts) return;
    counts = new Map();
    for (const ch of text) counts.set(ch, (counts.get(ch) || 0) + 1);
  };
  const ensurePairs = () => {
    if (pairs) return;
    pairs = new Map();
    let prev = '';
    for (const ch of text) {
      if (prev) pairs.set(prev + ch, (pairs.get(prev + ch) || 0) + 1);
      prev = ch;
    }
  };
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
      return counts!.get(ch) || 0;
    },
    bigram(a, b) {
      ensurePairs();
      return pairs!.get(a + b) || 0;
    },
    byPinyin(py) {
      ensurePinyin();
      return [...(pinyin!.get(py) || [])];
    },
    chars() {
      ensure();
      return counts!.keys();
    },
  };
}
