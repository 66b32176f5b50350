// The summary ranks sentences by TextRank over character bigrams (and Latin words), kept in a
// numeric dictionary and a sparse typed-array graph; these tests check each part against a plain
// string/dense version, the sentence split (Chinese quotes and brackets), and what the ranking is for.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Bagger, splitSentences, summarize, textRank, type Bag } from './index';
import { analyze } from '../analyze';
import { pageIds, parse, readPage, readVariant, seedIds, urlFor } from '../../../test/helpers/corpus';

const STOP = '的了是和与及等也将被把并或但又这那其之着';

/** The terms as strings: bigrams of adjacent non-stop CJK characters, whole ASCII words lower-cased. */
function plainTerms(s: string): string[] {
  const out: string[] = [];
  const t = s.replace(/[\uff10-\uff5a]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
  for (const run of t.match(/[\u3400-\u9fff]+|[0-9A-Za-z]+/g) || []) {
    if (/^[0-9A-Za-z]/.test(run)) out.push(run.toLowerCase());
    else for (const part of run.split(new RegExp(`[${STOP}]`))) for (let i = 0; i + 1 < part.length; i++) out.push(part.slice(i, i + 2));
  }
  return out;
}

function denseTextRank(bags: Bag[], iterations = 20): number[] {
  const n = bags.length;
  const weights: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const common = [...bags[i].ids].filter((id) => bags[j].ids.includes(id)).length;
      if (!common) continue;
      weights[i][j] = weights[j][i] = common / (Math.log(bags[i].size + 1) + Math.log(bags[j].size + 1));
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

// Short strings over a small alphabet: CJK (some of them stop characters), ASCII and full-width
// letters and digits, punctuation and space, so terms repeat and straddle every kind of boundary.
const text = fc.array(fc.constantFrom('城', '市', '环', '境', '的', '了', '发', '展', 'A', 'b', '7', 'Ｚ', '８', '，', ' ', '-', 'é', '。'), { maxLength: 30 }).map((a) => a.join(''));

describe('Bagger', () => {
  it('numbers exactly the plain string terms, shared between texts in order of first appearance', () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 8 }), (texts) => {
        const bagger = new Bagger();
        const dict = new Map<string, number>();
        for (const t of texts) {
          const terms = plainTerms(t);
          for (const w of terms) if (!dict.has(w)) dict.set(w, dict.size);
          const bag = bagger.bag(t);
          expect([...bag.ids]).toEqual([...new Set(terms.map((w) => dict.get(w)!))]);
          expect(bag.size).toBe(terms.length);
        }
        expect(bagger.size).toBe(dict.size);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps ids apart over thousands of distinct bigrams (the seen-stamps grow)', () => {
    let s = '';
    for (let c = 0x4e00; c < 0x4e00 + 6000; c++) s += String.fromCharCode(c);
    const bagger = new Bagger();
    const bag = bagger.bag(s);
    expect(bag.ids.length).toBe(new Set(plainTerms(s)).size);
    expect(new Set(bag.ids).size).toBe(bag.ids.length);
    const before = bagger.size;
    const part = bagger.bag(s.slice(100, 200));
    expect(bagger.size).toBe(before); // every bigram of the part already has its id
    expect(part.ids.length).toBeGreaterThan(80);
    for (const id of part.ids) expect(bag.ids).toContain(id);
  });

  it('breaks bigrams at stop characters and counts a Latin word once, case folded', () => {
    const b = new Bagger();
    expect(b.bag('城市的环境').size).toBe(2); // 城市, 环境; not 市的, 的环
    const x = b.bag('新版ZoomEye发布'), y = b.bag('zoomeye');
    expect(x.size).toBe(3); // 新版, zoomeye, 发布; nothing straddles 版|Z or e|发
    expect(y.ids).toEqual(x.ids.subarray(1, 2));
  });
});

const bag = fc.uniqueArray(fc.integer({ min: 0, max: 11 }), { maxLength: 8 }).chain((ids) =>
  fc.integer({ min: ids.length, max: ids.length + 5 }).map((size): Bag => ({ ids: Int32Array.from(ids), size })),
);

describe('textRank', () => {
  it('gives the dense computation’s scores', () => {
    fc.assert(
      fc.property(fc.array(bag, { maxLength: 40 }), (bags) => {
        const got = textRank(bags, 12), want = denseTextRank(bags);
        expect(got.length).toBe(want.length);
        for (let i = 0; i < want.length; i++) expect(got[i]).toBeCloseTo(want[i], 12);
      }),
      { numRuns: 300 },
    );
  });

  it('picks the purpose sentence of a policy notice', () => {
    const body = ['为进一步加强城市环境治理，特制定本办法。', '一、各部门要加强城市环境监管工作。', '二、各街道要落实城市环境责任。', '三、本办法自发布之日起施行，由城市管理局负责解释。'].join('\n');
    expect(summarize(body, '城市环境治理办法')[0]).toBe('为进一步加强城市环境治理，特制定本办法。');
  });
});

describe('boilerplate', () => {
  it('never picks contact details (a notice ends with its phone number)', () => {
    const body = [
      '为加强冬季安全生产工作，决定在全县开展安全生产大检查。',
      '各乡镇请于每月25日前报送检查情况，联系电话：0312-1234567。',
      '检查分企业自查、部门检查、督导检查三个阶段进行。',
    ].join('\n');
    const picked = summarize(body, '关于开展安全生产大检查的通知');
    expect(picked).toHaveLength(2);
    expect(picked.join('')).not.toContain('联系电话');
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

describe('splitSentences: Chinese quotes and brackets', () => {
  // ICU's sentence rules (Intl.Segmenter) end the sentence after the opening “ (gne-guancha-guancha)
  // and after the opening （ of a credit (gne-gzggw-1); each mark belongs to what it opens.
  it('keeps an opening quote or bracket with the sentence it opens', () => {
    expect(splitSentences('月末能尽拿五六千元人民币。“东莞人的顽强性格决定了，未来虽难，但一定会有出路”，校长说，“至少在东莞企业家面前彻底破产。”')).toEqual([
      '月末能尽拿五六千元人民币。',
      '“东莞人的顽强性格决定了，未来虽难，但一定会有出路”，校长说，“至少在东莞企业家面前彻底破产。”',
    ]);
    expect(splitSentences('总体全县投资结构趋稳趋优。（德清县发改局）')).toEqual(['总体全县投资结构趋稳趋优。', '（德清县发改局）']);
  });
  it('keeps closing quotes and brackets with the sentence they close', () => {
    expect(splitSentences('他说：“我们要努力。”然后离开了。（见附件。）下一句！')).toEqual(['他说：“我们要努力。”', '然后离开了。', '（见附件。）', '下一句！']);
    expect(splitSentences('筹集资金并提高知名度。" 茉莉还代表该地区参赛。')).toEqual(['筹集资金并提高知名度。"', '茉莉还代表该地区参赛。']);
  });
});

describe('summarize on real pages', () => {
  it('never ends a sentence with the quote or bracket that opens the next, nor keeps a bracketed credit', () => {
    const docs = [
      ...pageIds().map((id) => ({ id, html: readPage(id), url: urlFor(id) })),
      ...seedIds().map((id) => ({ id, ...readVariant('seeds', id), url: urlFor(id, readVariant('seeds', id).truth) })),
    ];
    let sentences = 0;
    for (const { id, html, url } of docs) {
      const a = analyze(parse(html, url), url);
      for (const s of a.summary) {
        sentences++;
        expect(s, id).not.toMatch(/[“‘「『（(【]$/);
        expect(s, id).not.toMatch(/^[”’」』）)】]/);
        expect(s, id).not.toMatch(/^[（(【\[〔][^。！？!?]{1,40}[）)】\]〕]$/);
        expect(a.body.replace(/\s+/g, ''), id).toContain(s.replace(/…$/, '').replace(/\s+/g, ''));
      }
    }
    expect(sentences).toBeGreaterThan(100);
  });

  it('keeps the sentence that repeats the title’s words (a Latin product name among them)', () => {
    const id = 'gne-csdn-1';
    const a = analyze(parse(readPage(id), urlFor(id)), urlFor(id));
    expect(a.title).toContain('ZoomEye');
    expect(a.summary.some((s) => s.includes('发布了新版ZoomEye'))).toBe(true);
  });
});
