// One-pass vocabulary matching: an Aho–Corasick automaton over the normalised text holding
// every spam term and every allow-list phrase. Spam hits that overlap an allow phrase are
// dropped (澳门特别行政区 is not gambling); overlapping spam hits keep the strongest/longest.
import { normalizeCodes } from './normalize';
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

// The trie in flat arrays, one slot per state (state 0 = the root). Building it is paid on
// every page load (a content script starts in a fresh world), so no Map or list per state.
interface Automaton {
  /** Transitions out of the root by code unit (0 = none): most characters of page text start no term. */
  root: Uint16Array | Int32Array;
  /** Other states' transitions: children as a sibling list (most states have one child). */
  firstChild: Int32Array;
  sibling: Int32Array;
  /** The code unit on the edge into a state. */
  edge: Uint16Array;
  fail: Int32Array;
  /** The state's own terms (undefined for most states). */
  own: (Entry[] | undefined)[];
  /** First state with own terms on the failure chain starting at the state itself (0 = none). */
  outHead: Int32Array;
  /** The same, starting at the state's failure link. */
  outNext: Int32Array;
}

let automaton: Automaton | null = null;

const isLower = (c: number) => c >= 97 && c <= 122; // /[a-z]/ on one code unit

/**
 * The automaton over every spam term (spamTerms(): a term listed twice keeps its first place and
 * the higher weight), four ASCII porn words and every allow phrase. The terms are stored
 * normalised (matcher.test.ts checks it), so they go in as written: by UTF-16 code unit, as the
 * text is scanned (the terms are all BMP).
 */
function build(): Automaton {
  const terms: { term: string; weight: number; category: SpamCategory }[] = [
    ...spamTerms(),
    ...['av', 'ava', 'xxx', 'xxxx'].map((term) => ({ term, weight: 2, category: 'porn' as const })),
    ...allowTerms().map((term) => ({ term, weight: 0, category: 'seo' as const })),
  ];
  let cap = 1;
  for (const t of terms) cap += t.term.length;
  const root = cap < 0x10000 ? new Uint16Array(0x10000) : new Int32Array(0x10000);
  const firstChild = new Int32Array(cap);
  const sibling = new Int32Array(cap);
  const edge = new Uint16Array(cap);
  const own: (Entry[] | undefined)[] = [];
  let states = 1;
  for (const { term, weight, category } of terms) {
    let s = 0;
    for (let i = 0; i < term.length; i++) {
      const ch = term.charCodeAt(i);
      let t = 0;
      if (s === 0) t = root[ch];
      else for (t = firstChild[s]; t !== 0 && edge[t] !== ch; t = sibling[t]);
      if (t === 0) {
        t = states++;
        edge[t] = ch;
        if (s === 0) root[ch] = t;
        else {
          sibling[t] = firstChild[s];
          firstChild[s] = t;
        }
      }
      s = t;
    }
    (own[s] ??= []).push({ term, weight, category, asciiStart: isLower(term.charCodeAt(0)), asciiEnd: isLower(term.charCodeAt(term.length - 1)) });
  }
  // Breadth-first failure links; the queue is the states in order of depth.
  const fail = new Int32Array(states);
  const outHead = new Int32Array(states);
  const outNext = new Int32Array(states);
  const queue = new Int32Array(states);
  let tail = 0;
  for (let t = 1; t < states; t++) if (root[edge[t]] === t) queue[tail++] = t;
  for (let head = 0; head < tail; head++) {
    const s = queue[head];
    outNext[s] = outHead[fail[s]];
    outHead[s] = own[s] ? s : outNext[s];
    for (let t = firstChild[s]; t !== 0; t = sibling[t]) {
      const ch = edge[t];
      let f = fail[s];
      let ft = 0;
      for (;;) {
        if (f === 0) {
          ft = root[ch];
          break;
        }
        for (ft = firstChild[f]; ft !== 0 && edge[ft] !== ch; ft = sibling[ft]);
        if (ft !== 0) break;
        f = fail[f];
      }
      fail[t] = ft !== t ? ft : 0;
      queue[tail++] = t;
    }
  }
  return { root, firstChild, sibling, edge, fail, own, outHead, outNext };
}

/** All raw matches in normalised text (code units): [startIndex, endIndex(excl), entry]. */
function scan(a: Automaton, text: Uint16Array, length: number): [number, number, Entry][] {
  const { root, firstChild, sibling, edge, fail, own, outHead, outNext } = a;
  const found: [number, number, Entry][] = [];
  let s = 0;
  for (let i = 0; i < length; i++) {
    const ch = text[i];
    // Follow failure links until a state has a transition on ch; the root answers from its table.
    let t = 0;
    while (s !== 0) {
      for (t = firstChild[s]; t !== 0 && edge[t] !== ch; t = sibling[t]);
      if (t !== 0) break;
      s = fail[s];
    }
    s = s === 0 ? root[ch] : t;
    let u = outHead[s];
    if (u === 0) continue;
    const idx = i + 1;
    // The state's own terms, then those of its failure chain (longest first), as one list would.
    for (; u !== 0; u = outNext[u]) {
      for (const e of own[u]!) {
        const start = idx - e.term.length;
        if (e.asciiStart && start > 0 && isLower(text[start - 1])) continue;
        if (e.asciiEnd && idx < length && isLower(text[idx])) continue;
        found.push([start, idx, e]);
      }
    }
  }
  return found;
}

// Short texts repeat a lot (anchor labels, segments, nested blocks of one line): score each once.
// Results are shared, so callers must treat a TextScore as read-only (they all do).
const memo = new Map<string, TextScore>();
/** Texts longer than this are scored afresh each time (hidden-links asks the style first for those). */
export const MEMO_MAX_LENGTH = 400;

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
