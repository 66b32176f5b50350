// Summary: 3–5 key sentences of the body, in reading order.
// Sentences come from Intl.Segmenter (sentence granularity, which keeps closing quotes and
// brackets with their sentence), or a rule that does the same when Segmenter is missing.
// Ranking = TextRank centrality over word overlap (Intl.Segmenter word granularity) + position
// + overlap with the title; policy documents favour the purpose sentence and numbered points.

const MAX_LEN = 120;
const BOILER =
  /版权|责任编辑|责编|原标题|来源[：:]|本文来源|点击|扫码|扫一扫|二维码|公众号|客户端|下载|转载|免责|声明[：:]|编辑[：:]|校对|阅读原文|关注我们|返回首页|字体[：:]|打印|关闭窗口/;
// The salutation of a notice (各乡镇人民政府，县直各有关部门：) addresses readers; it says nothing.
const SALUTATION = /^[^。！？]{2,80}[：:]$/;
const PURPOSE = /^(为了|为进一步|为切实|为深入|为加快|为全面|为贯彻|为落实|根据《|依据《|按照《)|现将.{0,20}(通知|意见|方案|办法)如下|特制定本|制定本(办法|规定|方案|意见)/;
const NUMBERED = /^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\)|第[一二三四五六七八九十百]+条)/;
const STOP = new Set(
  '的 了 在 是 和 与 及 等 也 对 将 为 从 而 被 把 让 向 到 于 并 或 但 就 都 又 还 这 那 其 之 以 由 所 个 一 不 有 我 你 他 她 它 们 着 过 会 能 要 可 上 下 中 后 前 里 年 月 日 时 此 该 各'.split(' '),
);

type Seg = { segment: string; isWordLike?: boolean };
interface SegmenterLike {
  segment(text: string): Iterable<Seg>;
}

function segmenter(granularity: 'sentence' | 'word'): SegmenterLike | null {
  const Ctor = (Intl as unknown as { Segmenter?: new (l: string, o: { granularity: string }) => SegmenterLike }).Segmenter;
  if (!Ctor) return null;
  try {
    return new Ctor('zh', { granularity });
  } catch {
    return null;
  }
}

let sentenceSeg: SegmenterLike | null | undefined;
let wordSeg: SegmenterLike | null | undefined;

/**
 * Split text into sentences; line breaks always end a sentence. Stops once `max` sentences are
 * found (the first `max` are the same either way; ICU segmentation of a long body's tail costs).
 */
export function splitSentences(text: string, max = Infinity): string[] {
  if (sentenceSeg === undefined) sentenceSeg = segmenter('sentence');
  const out: string[] = [];
  for (const line of text.split(/\n+/)) {
    if (out.length >= max) break;
    const l = line.trim();
    if (!l) continue;
    if (sentenceSeg) {
      for (const s of sentenceSeg.segment(l)) {
        const t = s.segment.trim();
        if (t.length > 1 && out.push(t) >= max) break;
      }
    } else {
      // Ends at 。！？!? plus any closing quotes/brackets that follow.
      for (const m of l.match(/[^。！？!?]+(?:[。！？!?]+[”’」』）)】]*|$)/g) || []) {
        const t = m.trim();
        if (t.length > 1 && out.push(t) >= max) break;
      }
    }
  }
  return out;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * True when every code unit is its own lower case: ASCII digits and lower-case letters, kana,
 * CJK ideographs and the CJK symbol blocks between them (U+3040–U+9FFF), Hangul syllables.
 * Checked for every such code unit against toLowerCase() in index.test.ts.
 */
export function caseless(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 0x3040 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a))) return false;
  }
  return true;
}

/** The sentence's words and how often each occurs (in order of first occurrence). */
function wordBag(s: string): Map<string, number> {
  if (wordSeg === undefined) wordSeg = segmenter('word');
  const bag = new Map<string, number>();
  if (wordSeg) {
    // Most of the time is ICU's, one call per segment. toLowerCase() of a two-byte string is a
    // runtime call into ICU as well (~0.1 µs a word), skipped for the Chinese words that have no case.
    for (const seg of wordSeg.segment(s)) {
      const w = seg.segment;
      if (seg.isWordLike === false || STOP.has(w) || !LETTER_OR_DIGIT.test(w)) continue;
      const k = caseless(w) ? w : w.toLowerCase();
      bag.set(k, (bag.get(k) || 0) + 1);
    }
  } else {
    // Without a word segmenter: character bigrams stand in for words.
    const han = s.replace(/[^\p{Script=Han}A-Za-z0-9]/gu, '');
    for (let i = 0; i + 1 < han.length; i++) {
      const k = han.slice(i, i + 2);
      bag.set(k, (bag.get(k) || 0) + 1);
    }
  }
  return bag;
}

/** Cut a long sentence at a ，/；/： boundary before MAX_LEN and mark the cut. */
export function shorten(s: string): string {
  if (s.length <= MAX_LEN) return s;
  const head = s.slice(0, MAX_LEN);
  const cut = Math.max(head.lastIndexOf('；'), head.lastIndexOf('，'), head.lastIndexOf('：'), head.lastIndexOf('、'));
  return (cut >= 40 ? head.slice(0, cut) : head.slice(0, MAX_LEN - 1)) + '…';
}

export function textRank(bags: Map<string, number>[], iterations = 20): number[] {
  const n = bags.length;
  // The weight matrix is sparse (most sentence pairs share no word): each row keeps its non-zero
  // entries in increasing column order, so every sum adds the same terms in the same order as a
  // dense n×n loop that skips zeros (adding +0 changes no sum).
  const cols: number[][] = Array.from({ length: n }, () => []);
  const ws: number[][] = Array.from({ length: n }, () => []);
  const logs = bags.map((b) => Math.log([...b.values()].reduce((a, c) => a + c, 0) + 1));
  // Words shared by sentence i and each later sentence j, counted from per-word sentence lists
  // (postings, increasing) instead of comparing every pair of bags.
  const postings = new Map<string, number[]>();
  for (let i = 0; i < n; i++)
    for (const w of bags[i].keys()) {
      const list = postings.get(w);
      if (list) list.push(i);
      else postings.set(w, [i]);
    }
  const common = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    const later: number[] = [];
    for (const w of bags[i].keys()) {
      const list = postings.get(w)!;
      for (let k = list.length - 1; k >= 0 && list[k] > i; k--) if (common[list[k]]++ === 0) later.push(list[k]);
    }
    later.sort((a, b) => a - b);
    for (const j of later) {
      const w = common[j] / (logs[i] + logs[j]);
      common[j] = 0;
      cols[i].push(j);
      ws[i].push(w);
      cols[j].push(i);
      ws[j].push(w);
    }
  }
  const out = ws.map((row) => row.reduce((a, c) => a + c, 0));
  let score = new Array<number>(n).fill(1);
  for (let it = 0; it < iterations; it++) {
    const next = new Array<number>(n).fill(0.15);
    for (let i = 0; i < n; i++) {
      if (!out[i]) continue;
      const c = cols[i], w = ws[i];
      for (let k = 0; k < c.length; k++) next[c[k]] += (0.85 * score[i] * w[k]) / out[i];
    }
    score = next;
  }
  return score;
}

export function summarize(body: string, title: string): string[] {
  try {
    const all = splitSentences(body, 300);
    const cands = all
      .map((text, index) => ({ text, index }))
      .filter((s) => s.text.replace(/\s/g, '').length >= 8 && !BOILER.test(s.text) && !SALUTATION.test(s.text.trim()) && /[\p{Script=Han}]/u.test(s.text));
    if (!cands.length) return [];
    const bags = cands.map((c) => wordBag(c.text));
    const tr = textRank(bags);
    const trMax = Math.max(...tr) || 1;
    const titleWords = wordBag(title); // only has() and size are read: the distinct words
    const policy = cands.some((c) => NUMBERED.test(c.text)) || cands.some((c) => PURPOSE.test(c.text));
    const scored = cands.map((c, i) => {
      let overlap = 0;
      for (const w of bags[i].keys()) if (titleWords.has(w)) overlap++;
      const titleScore = titleWords.size ? overlap / titleWords.size : 0;
      const position = 1 / (1 + i * 0.35);
      let s = 0.5 * (tr[i] / trMax) + 0.3 * position + 0.2 * titleScore;
      if (policy && PURPOSE.test(c.text)) s += 0.35;
      if (policy && NUMBERED.test(c.text)) s += 0.2;
      if (c.text.length < 15) s -= 0.2;
      return { ...c, s };
    });
    const bodyLen = body.length;
    const k = cands.length <= 3 ? cands.length : bodyLen < 600 ? 3 : bodyLen < 2000 ? 4 : 5;
    const picked: typeof scored = [];
    for (const c of [...scored].sort((a, b) => b.s - a.s)) {
      if (picked.length >= k) break;
      // No near-duplicates (a lead repeated later in the text).
      const sq = c.text.replace(/[\s\p{P}]/gu, '');
      if (picked.some((p) => p.text.replace(/[\s\p{P}]/gu, '').includes(sq.slice(0, 20)))) continue;
      picked.push(c);
    }
    return picked.sort((a, b) => a.index - b.index).map((c) => shorten(c.text));
  } catch {
    return [];
  }
}
