// One-pass vocabulary matching: an Aho–Corasick automaton over the normalised text holding
// every spam term and every allow-list phrase. Spam hits that overlap an allow phrase are
// dropped (澳门特别行政区 is not gambling); overlapping spam hits keep the strongest/longest.
import { normalize, normalizeCodes } from './normalize';
import { allowTerms, spamTerms, type SpamCategory } from './vocabulary';

export interface Hit {
  /** Offsets into the ORIGINAL text (end exclusive). */
  start: number;
  end: number;
  term: string;
  weight: number;
  category: SpamCategory;
}

export interface TextScore {
  hits: Hit[];
  /** Sum of hit weights. */
  score: number;
  /** Hits of weight 3. */
  strong: number;
  /** Distinct terms hit. */
  distinct: number;
  /** Original characters covered by hits. */
  covered: number;
}

interface Entry {
  term: string;
  weight: number; // 0 = allow phrase
  category: SpamCategory;
  asciiStart: boolean;
  asciiEnd: boolean;
}

interface Automaton {
  /** Transitions out of the root by code unit (0 = none): most characters of page text start no term. */
  root: Uint16Array | Int32Array;
  /** Transitions by code unit, per state (the root's too, for building). */
  next: Map<number, number>[];
  fail: number[];
  out: Entry[][];
}

let automaton: Automaton | null = null;
const ASCII_LETTER = /[a-z]/;

function build(): Automaton {
  const next: Map<number, number>[] = [new Map()];
  const out: Entry[][] = [[]];
  const add = (raw: string, weight: number, category: SpamCategory) => {
    const term = normalize(raw).text;
    if (!term) return;
    let s = 0;
    // By UTF-16 code unit: the text is scanned by code unit (the terms are all BMP; a surrogate
    // pair would match as its two units, which is the same thing).
    for (let k = 0; k < term.length; k++) {
      const ch = term.charCodeAt(k);
      let t = next[s].get(ch);
      if (t === undefined) {
        t = next.length;
        next.push(new Map());
        out.push([]);
        next[s].set(ch, t);
      }
      s = t;
    }
    out[s].push({
      term,
      weight,
      category,
      asciiStart: ASCII_LETTER.test(term[0]),
      asciiEnd: ASCII_LETTER.test(term[term.length - 1]),
    });
  };
  for (const t of spamTerms()) add(t.term, t.weight, t.category);
  for (const t of ['av', 'ava', 'xxx', 'xxxx']) add(t, 2, 'porn');
  for (const a of allowTerms()) add(a, 0, 'seo');
  // Breadth-first failure links.
  const fail = new Array<number>(next.length).fill(0);
  const queue: number[] = [];
  for (const t of next[0].values()) queue.push(t);
  while (queue.length) {
    const s = queue.shift()!;
    for (const [ch, t] of next[s]) {
      let f = fail[s];
      while (f && !next[f].has(ch)) f = fail[f];
      const ft = next[f].get(ch);
      fail[t] = ft !== undefined && ft !== t ? ft : 0;
      out[t] = out[t].concat(out[fail[t]]);
      queue.push(t);
    }
  }
  const root = next.length < 0x10000 ? new Uint16Array(0x10000) : new Int32Array(0x10000);
  for (const [ch, t] of next[0]) root[ch] = t;
  return { root, next, fail, out };
}

const isLower = (c: number) => c >= 97 && c <= 122; // /[a-z]/ on one code unit

/** All raw matches in normalised text (code units): [startIndex, endIndex(excl), entry]. */
function scan(a: Automaton, text: Uint16Array, length: number): [number, number, Entry][] {
  const { root, next, fail, out } = a;
  const found: [number, number, Entry][] = [];
  let s = 0;
  for (let i = 0; i < length; i++) {
    const ch = text[i];
    // Follow failure links until a state has a transition on ch; the root answers from its table.
    let t = 0;
    for (;;) {
      if (s === 0) {
        t = root[ch];
        break;
      }
      const m = next[s].get(ch);
      if (m !== undefined) {
        t = m;
        break;
      }
      s = fail[s];
    }
    s = t;
    const o = out[s];
    if (!o.length) continue;
    const idx = i + 1;
    for (const e of o) {
      const start = idx - e.term.length;
      if (e.asciiStart && start > 0 && isLower(text[start - 1])) continue;
      if (e.asciiEnd && idx < length && isLower(text[idx])) continue;
      found.push([start, idx, e]);
    }
  }
  return found;
}

// Short texts repeat a lot (anchor labels, segments, nested blocks of one line): score each once.
// Results are shared, so callers must treat a TextScore as read-only (they all do).
const memo = new Map<string, TextScore>();
const MEMO_MAX_LENGTH = 400;

export function scoreText(original: string): TextScore {
  if (original.length > MEMO_MAX_LENGTH) return computeScore(original);
  let s = memo.get(original);
  if (!s) {
    s = computeScore(original);
    if (memo.size >= 20000) memo.clear();
    memo.set(original, s);
  }
  return s;
}

function computeScore(original: string): TextScore {
  const empty: TextScore = { hits: [], score: 0, strong: 0, distinct: 0, covered: 0 };
  if (!original) return empty;
  // Build first: building normalises the terms, which reuses normalizeCodes' buffers.
  const auto = (automaton ??= build());
  const { codes, map, length } = normalizeCodes(original);
  const raw = scan(auto, codes, length);
  if (!raw.length) return empty;
  const allow = raw.filter((r) => r[2].weight === 0);
  const spam = raw
    .filter((r) => r[2].weight > 0 && !allow.some((a) => a[0] < r[1] && r[0] < a[1]))
    .sort((x, y) => y[2].weight - x[2].weight || y[1] - y[0] - (x[1] - x[0]) || x[0] - y[0]);
  const taken = new Uint8Array(length);
  const hits: Hit[] = [];
  for (const [s, e, entry] of spam) {
    let free = true;
    for (let i = s; i < e; i++) if (taken[i]) free = false;
    if (!free) continue;
    taken.fill(1, s, e);
    const start = map[s];
    const endIdx = map[e - 1];
    const end = endIdx + (original.codePointAt(endIdx)! > 0xffff ? 2 : 1);
    hits.push({ start, end, term: entry.term, weight: entry.weight, category: entry.category });
  }
  hits.sort((x, y) => x.start - y.start);
  let score = 0, strong = 0, covered = 0;
  const terms = new Set<string>();
  for (const h of hits) {
    score += h.weight;
    if (h.weight >= 3) strong++;
    covered += h.end - h.start;
    terms.add(h.term);
  }
  return { hits, score, strong, distinct: terms.size, covered };
}

const SEGMENT_SPLIT = /[,，_|｜、;；\/\s]+|(?<!\d)[-–—]+|[-–—]+(?!\d)/;
// Contact bait: QQ / WeChat ids and phone numbers glued to keywords.
const CONTACT = /(?:q|qq|v|vx|wx|微信|薇信|电话)[:：]?\d{5,}|1[3-9]\d{9}/i;

export interface SegmentScore {
  segments: number;
  /** Segments that carry spam on their own (a strong term, or weight ≥ 3 in total). */
  spammy: number;
  strong: number;
  score: number;
}

/** Keyword-stuffed lines are many short segments, most of them spam: judge per segment. */
export function scoreSegments(text: string): SegmentScore {
  const parts = text.split(SEGMENT_SPLIT).filter((p) => p.trim().length >= 2);
  let spammy = 0, strong = 0, score = 0;
  for (const p of parts) {
    const s = scoreText(p);
    const bonus = CONTACT.test(p) ? 2 : 0;
    strong += s.strong;
    score += s.score + bonus;
    if (s.strong > 0 || s.score + bonus >= 2) spammy++;
  }
  return { segments: parts.length, spammy, strong, score };
}
