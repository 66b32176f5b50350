// Summary: 3–5 key sentences of the body, in reading order.
// Sentences: each body line is split after 。！？!? and the closing quotes and brackets that
// follow them (”’」』）)】, and a straight quote right after the mark). Not Intl.Segmenter: ICU's
// sentence rules take the Chinese opening quote “ for a closing one, so a “ after 。 ended the
// previous sentence instead of starting the next (in the summaries of 4 of the 36 real corpus
// pages and seed 004), and building the sentence segmenter cost ~31 ms a page in Chromium (ICU
// data), the largest single item of a first analysis there.
// Ranking = TextRank centrality over shared character bigrams + position + overlap with the
// title; policy documents favour the purpose sentence and numbered points.
// Bigrams, not Intl.Segmenter words: ICU word segmentation cost ~1.8 µs a word, about 9 % of a
// whole analyze() on median pages, and two-character words are most of Chinese vocabulary anyway.

const MAX_LEN = 120;
const BOILER =
  /版权|责任编辑|责编|原标题|来源[：:]|本文来源|点击|扫码|扫一扫|二维码|公众号|客户端|下载|转载|免责|声明[：:]|编辑[：:]|校对|阅读原文|关注我们|返回首页|字体[：:]|打印|关闭窗口|联系电话|联系人|联系方式|咨询电话|举报电话|监督电话/;
// The salutation of a notice (各乡镇人民政府，县直各有关部门：) addresses readers; it says nothing.
const SALUTATION = /^[^。！？]{2,80}[：:]$/;
// A credit wholly in brackets with no sentence in it: （德清县发改局）, 【编辑：张三】.
const CREDIT = /^[（(【\[〔][^。！？!?]{1,40}[）)】\]〕]$/;
const PURPOSE = /^(为了|为进一步|为切实|为深入|为加快|为全面|为贯彻|为落实|根据《|依据《|按照《)|现将.{0,20}(通知|意见|方案|办法)如下|特制定本|制定本(办法|规定|方案|意见)/;
const NUMBERED = /^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\)|第[一二三四五六七八九十百]+条)/;
// Function characters that almost never belong to a content word: no bigram contains one
// (城市的环境 → 城市, 环境; not 市的, 的环, which would link any two sentences with 的).
const STOP = '的了是和与及等也将被把并或但又这那其之着';

const SENTENCE = /[^。！？!?]+(?:[。！？!?]+[”’」』）)】"']*|$)/g;

/**
 * Split text into sentences; line breaks always end a sentence. Stops once `max` sentences are
 * found (the first `max` are the same either way).
 */
export function splitSentences(text: string, max = Infinity): string[] {
  const out: string[] = [];
  for (const line of text.split(/\n+/)) {
    if (out.length >= max) break;
    for (const m of line.match(SENTENCE) || []) {
      const t = m.trim();
      if (t.length > 1 && out.push(t) >= max) break;
    }
  }
  return out;
}

// Terms of a sentence: each pair of adjacent CJK characters (U+3400–U+9FFF, stop characters
// excluded) and each run of ASCII letters and digits (case folded, full-width folded to ASCII),
// as ICU's word segmenter keeps a Latin word or a number whole. Anything else separates terms.
// A bigram's key is a·SPAN+b for character codes a, b below SPAN: under 2^30, a small integer
// for Map (no string slices).
const HAN0 = 0x3400;
const SPAN = 0xa000 - HAN0 + 1;
const stopChars = new Set<number>([...STOP].map((c) => c.charCodeAt(0)));

/** 0: separates terms; -1: ASCII letter or digit (full-width too); else the CJK character's code. */
function charCode(c: number): number {
  if (c >= HAN0 && c < 0xa000) return stopChars.has(c) ? 0 : c - HAN0 + 1;
  if (c >= 0xff10 && c <= 0xff5a) c -= 0xfee0;
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) ? -1 : 0;
}

/** A sentence as the distinct term ids it contains (first-occurrence order) and its term count. */
export interface Bag {
  ids: Int32Array;
  size: number;
}

/**
 * Bags of terms for several texts, with ids shared between them and numbered from 0 in order of
 * first appearance. `seen` stamps the ids already in the bag being built.
 */
export class Bagger {
  size = 0;
  private bigrams = new Map<number, number>();
  private words = new Map<string, number>();
  private seen = new Int32Array(1024).fill(-1);
  private stamp = 0;

  private id<K>(map: Map<K, number>, key: K): number {
    let id = map.get(key);
    if (id === undefined) {
      map.set(key, (id = this.size++));
      if (id >= this.seen.length) {
        const grown = new Int32Array(this.seen.length * 2).fill(-1);
        grown.set(this.seen);
        this.seen = grown;
      }
    }
    return id;
  }

  bag(s: string): Bag {
    const stamp = this.stamp++;
    const ids = new Int32Array(s.length);
    let n = 0, size = 0, prev = 0;
    for (let i = 0; i < s.length; i++) {
      const cur = charCode(s.charCodeAt(i));
      let id = -1;
      if (cur > 0 && prev > 0) id = this.id(this.bigrams, prev * SPAN + cur);
      else if (cur < 0) {
        let j = i + 1;
        while (j < s.length && charCode(s.charCodeAt(j)) < 0) j++;
        let w = s.slice(i, j);
        if (/[^0-9a-z]/.test(w)) w = w.replace(/[\uff10-\uff5a]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).toLowerCase();
        id = this.id(this.words, w);
        i = j - 1;
      }
      prev = cur;
      if (id < 0) continue;
      size++;
      if (this.seen[id] !== stamp) {
        this.seen[id] = stamp;
        ids[n++] = id;
      }
    }
    return { ids: ids.subarray(0, n), size };
  }
}

/** Cut a long sentence at a ，/；/： boundary before MAX_LEN and mark the cut. */
export function shorten(s: string): string {
  if (s.length <= MAX_LEN) return s;
  const head = s.slice(0, MAX_LEN);
  const cut = Math.max(head.lastIndexOf('；'), head.lastIndexOf('，'), head.lastIndexOf('：'), head.lastIndexOf('、'));
  return (cut >= 40 ? head.slice(0, cut) : head.slice(0, MAX_LEN - 1)) + '…';
}

/**
 * TextRank over the bags (`ids` = how many distinct term ids there are): edge weight = shared
 * distinct terms / (log(size_i+1) + log(size_j+1)), 20 rounds of PageRank with damping 0.85.
 * Shared counts come from per-term sentence lists (postings) rather than comparing every pair;
 * edges are flat typed arrays, since bigrams connect more sentence pairs than words did.
 */
export function textRank(bags: Bag[], ids: number, iterations = 20): Float64Array {
  const n = bags.length;
  // Postings in CSR form: the sentences containing each term id, in increasing order.
  const start = new Int32Array(ids + 1);
  for (const b of bags) for (let k = 0; k < b.ids.length; k++) start[b.ids[k] + 1]++;
  for (let i = 0; i < ids; i++) start[i + 1] += start[i];
  const fill = start.slice(0, ids);
  const post = new Int32Array(start[ids]);
  for (let i = 0; i < n; i++) for (const id of bags[i].ids) post[fill[id]++] = i;

  const logs = new Float64Array(n);
  for (let i = 0; i < n; i++) logs[i] = Math.log(bags[i].size + 1);
  // Edges i<j with their weights, at most one per pair (n ≤ 300 sentences: ≤ 44,850 edges).
  const cap = (n * (n - 1)) / 2;
  const ea = new Int32Array(cap), eb = new Int32Array(cap), ew = new Float64Array(cap);
  const common = new Int32Array(n);
  const later = new Int32Array(n);
  const out = new Float64Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    let nl = 0;
    for (const id of bags[i].ids)
      for (let k = start[id + 1] - 1; k >= start[id] && post[k] > i; k--) if (common[post[k]]++ === 0) later[nl++] = post[k];
    for (let k = 0; k < nl; k++) {
      const j = later[k];
      const w = common[j] / (logs[i] + logs[j]);
      common[j] = 0;
      ea[m] = i;
      eb[m] = j;
      ew[m++] = w;
      out[i] += w;
      out[j] += w;
    }
  }
  let score = new Float64Array(n).fill(1);
  let next = new Float64Array(n);
  const f = new Float64Array(n);
  for (let it = 0; it < iterations; it++) {
    for (let i = 0; i < n; i++) f[i] = out[i] ? (0.85 * score[i]) / out[i] : 0;
    next.fill(0.15);
    for (let e = 0; e < m; e++) {
      const a = ea[e], b = eb[e], w = ew[e];
      next[b] += f[a] * w;
      next[a] += f[b] * w;
    }
    [score, next] = [next, score];
  }
  return score;
}

export function summarize(body: string, title: string): string[] {
  try {
    const all = splitSentences(body, 300);
    const cands = all
      .map((text, index) => ({ text, index }))
      .filter((s) => s.text.replace(/\s/g, '').length >= 8 && !BOILER.test(s.text) && !SALUTATION.test(s.text.trim()) && !CREDIT.test(s.text) && /[\p{Script=Han}]/u.test(s.text));
    if (!cands.length) return [];
    const bagger = new Bagger();
    const bags = cands.map((c) => bagger.bag(c.text));
    const tr = textRank(bags, bagger.size);
    let trMax = 0;
    for (const x of tr) if (x > trMax) trMax = x;
    trMax ||= 1;
    // Title terms the body never uses are left out of the share: mostly bigrams that straddle two
    // words (知道创宇发布 → 宇发), which a word segmenter would not have produced.
    const bodyTerms = bagger.size;
    const inTitle = new Uint8Array(bodyTerms);
    let titleSize = 0;
    for (const id of bagger.bag(title).ids) if (id < bodyTerms) (inTitle[id] = 1), titleSize++;
    const policy = cands.some((c) => NUMBERED.test(c.text)) || cands.some((c) => PURPOSE.test(c.text));
    const scored = cands.map((c, i) => {
      let overlap = 0;
      for (const id of bags[i].ids) overlap += inTitle[id];
      const titleScore = titleSize ? overlap / titleSize : 0;
      const position = 1 / (1 + i * 0.35);
      let s = 0.5 * (tr[i] / trMax) + 0.3 * position + 0.2 * titleScore;
      if (policy && PURPOSE.test(c.text)) s += 0.35;
      if (policy && NUMBERED.test(c.text)) s += 0.2;
      if (c.text.length < 15) s -= 0.2;
      return { ...c, s };
    });
    const bodyLen = body.length;
    const k = cands.length <= 3 ? cands.length : bodyLen < 600 ? 3 : bodyLen < 2000 ? 4 : 5;
    const picked: (typeof scored[number] & { sq: string })[] = [];
    for (const c of [...scored].sort((a, b) => b.s - a.s)) {
      if (picked.length >= k) break;
      // No near-duplicates (a lead repeated later in the text).
      const sq = c.text.replace(/[\s\p{P}]/gu, '');
      const lead = sq.slice(0, 20);
      if (picked.some((p) => p.sq.includes(lead))) continue;
      picked.push({ ...c, sq });
    }
    return picked.sort((a, b) => a.index - b.index).map((c) => shorten(c.text));
  } catch {
    return [];
  }
}
