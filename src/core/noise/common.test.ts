// labelled() against the plain loop it replaced (one regex test per short text per call): the
// same elements in the same order, on corpus pages and on a page made to hit its edge cases.
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { createContext } from '../page/context';
import { DEFAULT_ANALYZE_SETTINGS } from '../kinds';
import { corpusSample, hasCorpus } from '../../../test/helpers/corpus';
import { createNoiseFacts, labelled, type NoiseFacts } from './common';

const isRuby = (n: Node | null): boolean => n?.nodeType === 1 && (n as Element).tagName.toUpperCase() === 'RUBY';

function plainLabelled(facts: NoiseFacts, labels: RegExp, maxLen = 16): Element[] {
  const out: Element[] = [];
  const seen = new Set<Element>();
  for (const { node, norm: n, parent } of facts.shortTexts()) {
    if (n.length > maxLen + 8 || seen.has(parent)) continue;
    const t = n.replace(/[\s:：>»›+]+|更多|more|换一换/gi, '');
    if (t.length <= maxLen && labels.test(t)) {
      if (isRuby(node.previousSibling) || isRuby(node.nextSibling)) continue;
      seen.add(parent);
      out.push(parent);
    }
  }
  return out;
}

const CASES: [RegExp, number | undefined][] = [
  [/^(相关推荐|猜你喜欢|推荐|热门文章)$/, undefined],
  [/^(相关阅读|相关链接)$/, undefined],
  [/^(分享到?|打印|关闭窗口|[|｜])+$/, 30],
  [/^(发表评论|网友评论)$/, 12],
  [/^.{1,3}$/, 4],
  // Unanchored: only the length limits keep long texts out.
  [/推荐/, 4],
  [/推荐/, undefined],
];

const factsOf = (doc: Document, url: string): NoiseFacts =>
  createNoiseFacts(createContext(doc, url, DEFAULT_ANALYZE_SETTINGS), { element: null, title: '', body: '' });

describe('labelled', () => {
  it('finds what the plain loop finds, in order, with repeated labels, ruby fragments and the length limits', () => {
    const { document: doc } = new JSDOM(
      '<body><h3>相关推荐</h3><div><span>更多 相关推荐 ></span><span>推荐</span></div><h3>相关推荐</h3>' +
        '<p><ruby>推<rt>tuī</rt></ruby>推荐<ruby>荐<rt>jiàn</rt></ruby></p><h4>热门文章：</h4><b>热门文章热门文章热门文章热门文章</b>' +
        '<u>这是一个很长的推荐列表</u><s>更多更多更多更多更多更多更多更多更多更多更多更多推荐</s><i>分享到|打印|关闭窗口</i><em>分享到|打印|关闭窗口|分享到|打印|关闭窗口</em><p>网友评论</p><p>abc</p><p>abcd</p></body>',
    ).window;
    const facts = factsOf(doc, 'https://example.gov.cn/');
    let found = 0;
    for (const [re, max] of CASES) {
      const got = labelled(facts, re, max);
      expect(got).toEqual(plainLabelled(facts, re, max));
      found += got.length;
    }
    expect(labelled(facts, CASES[0][0]).map((el) => el.tagName)).toEqual(['H3', 'SPAN', 'SPAN', 'H3', 'H4']);
    expect(found).toBeGreaterThan(8);
  });

  it.runIf(hasCorpus)('finds what the plain loop finds on corpus pages', () => {
    let found = 0;
    for (const { name, url, doc } of corpusSample(12)) {
      const facts = factsOf(doc, url);
      for (const [re, max] of CASES) {
        const got = labelled(facts, re, max);
        expect(got, name).toEqual(plainLabelled(facts, re, max));
        found += got.length;
      }
    }
    expect(found).toBeGreaterThan(20);
  }, 60000);
});
