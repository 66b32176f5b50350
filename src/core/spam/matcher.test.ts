import { describe, expect, it } from 'vitest';
import { normalize } from './normalize';
import { scoreSegments, scoreText } from './matcher';
import { allowTerms, spamTerms } from './vocabulary';

describe('normalize', () => {
  it('folds width, case, script, pinyin, zero-width and inserted symbols, keeping offsets', () => {
    const src = 'ａＶ女優勉費網(wǎng)站\u200b理丶论丶片';
    const n = normalize(src);
    expect(n.text).toBe('av女优勉费网站理论片');
    expect(src[n.map[n.text.indexOf('网')]]).toBe('網');
    expect(src[n.map[n.text.indexOf('站')]]).toBe('站');
  });
  it('keeps sentence punctuation so clauses do not join', () => {
    expect(normalize('少，妇').text).toBe('少,妇');
  });
});

describe('scoreText', () => {
  it('finds strong terms and maps them back to the original', () => {
    const s = scoreText('97国产婷婷视频_亚洲精品熟女国产_黄色大片aV永久勉费');
    expect(s.strong).toBeGreaterThanOrEqual(3);
    const h = s.hits.find((x) => x.term === '亚洲精品')!;
    expect('97国产婷婷视频_亚洲精品熟女国产_黄色大片aV永久勉费'.slice(h.start, h.end)).toBe('亚洲精品');
  });
  it('matches through traditional script and inserted symbols', () => {
    expect(scoreText('歐美日韓 波多野結衣').strong).toBe(2);
    expect(scoreText('理丶论丶片').strong).toBe(1);
  });
  it('drops matches inside allow-listed gov phrases', () => {
    for (const p of ['久久为功', '撸起袖子加油干', '三级医院', '成人教育', '福利彩票', '澳门特别行政区', '扫黄打非', '打击赌博', '蜜桃产业']) {
      const s = scoreText(p);
      expect(s.strong, p).toBe(0);
      expect(s.score, p).toBeLessThanOrEqual(1);
    }
  });
  it('ascii terms need word boundaries', () => {
    expect(scoreText('java avenue').score).toBe(0);
    expect(scoreText('aV女优').strong).toBeGreaterThan(0);
  });
  it('scores keyword lines per segment', () => {
    const s = scoreSegments('五月天六月婷婷开心激情,天使的性电影,三级韩国一区久久二区综合,五月婷婷久,九九精品在线视频');
    expect(s.segments).toBe(5);
    expect(s.spammy).toBeGreaterThanOrEqual(3);
  });
});

describe('vocabulary', () => {
  // The automaton takes the terms as written and page text is matched in normalised form: a term
  // that normalize() would change (traditional script, upper case, full width, an inserted 丶)
  // could never match.
  it('lists every term in normalised form', () => {
    const terms = [...spamTerms().map((t) => t.term), ...allowTerms(), 'av', 'ava', 'xxx', 'xxxx'];
    expect(terms.length).toBeGreaterThan(400);
    for (const t of terms) expect(normalize(t).text, t).toBe(t);
  });
  it('matches a term listed twice with its higher weight, and allow phrases', () => {
    // 偷窥 is listed at weight 3 (porn) and again at weight 1 (portal words).
    expect(scoreText('偷窥').hits.map((h) => [h.term, h.weight, h.category])).toEqual([['偷窥', 3, 'porn']]);
    expect(spamTerms().filter((t) => t.term === '偷窥')).toEqual([{ term: '偷窥', weight: 3, category: 'porn' }]);
    expect(scoreText('撸起袖子').score).toBe(0);
  });
});
