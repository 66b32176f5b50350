// textRank keeps a sparse matrix and counts shared words from per-word postings; the scores must
// be exactly those of the plain dense version (same sums in the same order), or summaries change.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { caseless, splitSentences, summarize, textRank } from './index';

function denseTextRank(bags: Map<string, number>[], iterations = 20): number[] {
  const n = bags.length;
  const weights: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const sizes = bags.map((b) => [...b.values()].reduce((a, c) => a + c, 0));
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      let common = 0;
      const [small, big] = bags[i].size < bags[j].size ? [bags[i], bags[j]] : [bags[j], bags[i]];
      for (const w of small.keys()) if (big.has(w)) common++;
      if (!common) continue;
      const w = common / (Math.log(sizes[i] + 1) + Math.log(sizes[j] + 1));
      weights[i][j] = w;
      weights[j][i] = w;
    }
  const out = weights.map((row) => row.reduce((a, c) => a + c, 0));
  let score = new Array<number>(n).fill(1);
  for (let it = 0; it < iterations; it++) {
    const next = new Array<number>(n).fill(0.15);
    for (let i = 0; i < n; i++) {
      if (!out[i]) continue;
      for (let j = 0; j < n; j++) if (weights[i][j]) next[j] += (0.85 * score[i] * weights[i][j]) / out[i];
    }
    score = next;
  }
  return score;
}

const bag = fc
  .array(fc.tuple(fc.constantFrom('经济', '发展', '政策', '改革', '市场', '企业', 'a', 'b', 'c', 'd'), fc.integer({ min: 1, max: 3 })), { maxLength: 8 })
  .map((pairs) => new Map(pairs));

describe('textRank', () => {
  it('gives exactly the dense computation’s scores', () => {
    fc.assert(fc.property(fc.array(bag, { maxLength: 40 }), (bags) => {
        expect(textRank(bags)).toEqual(denseTextRank(bags));
      }), { numRuns: 300 });
  });

  it('picks the purpose sentence of a policy notice', () => {
    const body = ['为进一步加强城市环境治理，特制定本办法。', '一、各部门要加强城市环境监管工作。', '二、各街道要落实城市环境责任。', '三、本办法自发布之日起施行，由城市管理局负责解释。'].join('\n');
    expect(summarize(body, '城市环境治理办法')[0]).toBe('为进一步加强城市环境治理，特制定本办法。');
  });
});

describe('splitSentences with a limit', () => {
  it('gives the first sentences of the unlimited split', () => {
    const piece = fc.constantFrom('一二三', '。', '！', '？', '\n', '\n\n', ' ', '”', 'ab', 'x.', '好');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.integer({ min: 0, max: 12 }), (parts, max) => {
        const text = parts.join('');
        expect(splitSentences(text, max)).toEqual(splitSentences(text).slice(0, max));
      }),
      { numRuns: 500 },
    );
  });
});

describe('caseless', () => {
  it('holds only for strings toLowerCase() leaves unchanged (every UTF-16 code unit)', () => {
    let yes = 0;
    for (let c = 0; c < 0x10000; c++) {
      const s = String.fromCharCode(c);
      if (!caseless(s)) continue;
      yes++;
      expect(s.toLowerCase(), c.toString(16)).toBe(s);
    }
    expect(yes).toBeGreaterThan(20000);
    expect(caseless('中文ab12')).toBe(true);
    expect(caseless('中文Ab')).toBe(false);
    expect(caseless('ＡＢ')).toBe(false);
  });
});
