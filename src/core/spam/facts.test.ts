// createFacts without the document index (the content script's per-batch judgement) must give
// the same answers as the indexed facts of a full analysis.
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { createContext, domIndex, foldSpace } from '../page/context';
import { DEFAULT_ANALYZE_SETTINGS } from '../kinds';
import { corpusSample, hasCorpus } from '../../../test/helpers/corpus';
import { collectText, collectTextIndexed, createFacts } from './facts';

const HTML = `<!DOCTYPE html><html><body>
<div id="a"><p>正文 <b>加粗</b><script>var x = 1;</script></p><a href="http://x.example.com/">澳门赌场</a>
<div><a href="/in">站内</a><a name="n">无链接</a><noscript>看不到</noscript> <a href="https://y.example.org/p">欧美日韩视频</a></div></div>
<ul>${Array.from({ length: 8 }, (_, i) => `<li><a href="//h${i}.example.net/">波多野结衣${i}</a></li>`).join('')}</ul>
</body></html>`;

describe('createFacts({ indexed: false })', () => {
  it('answers like the indexed facts and never builds the index', () => {
    const doc = new JSDOM(HTML).window.document;
    const ctx1 = createContext(doc, 'http://www.example.gov.cn/a.html', DEFAULT_ANALYZE_SETTINGS);
    const ctx2 = createContext(doc, 'http://www.example.gov.cn/a.html', DEFAULT_ANALYZE_SETTINGS);
    const plain = createFacts(ctx2, { indexed: false });
    const indexed = createFacts(ctx1);
    const els = Array.from(doc.querySelectorAll('*'));
    for (const el of els) {
      expect(plain.anchorsIn(el)).toEqual(indexed.anchorsIn(el));
      expect(plain.rawText(el)).toBe(indexed.rawText(el));
      expect(plain.anchorCount.get(el)).toBe(indexed.anchorCount.get(el));
    }
    expect(plain.anchors).toEqual(indexed.anchors);
    expect([...plain.anchorAgg()]).toEqual([...indexed.anchorAgg()]);
    for (const a of plain.anchors) expect(plain.hostOf(a)).toBe(indexed.hostOf(a));
    // Answers come from the live DOM, not from a (stale) index of the document.
    domIndex(ctx1);
    const box = doc.getElementById('a')!;
    box.append(doc.createElement('a'));
    box.lastElementChild!.setAttribute('href', '/late');
    expect(plain.anchorsIn(box)).toHaveLength(4);
    expect(indexed.anchorsIn(box)).toHaveLength(3);
  });
});

describe('anchorAgg', () => {
  // link-farm takes an element's anchor count, spam count, strong hits and link text from its
  // anchorAgg entry instead of summing anchorsIn(el) again: the two must agree everywhere.
  it.runIf(hasCorpus)('sums exactly the anchors inside each element (corpus pages)', () => {
    let entries = 0;
    for (const { name: f, url, doc } of corpusSample(8)) {
      const ctx = createContext(doc, url, DEFAULT_ANALYZE_SETTINGS);
      const facts = createFacts(ctx);
      for (const [el, g] of facts.anchorAgg()) {
        const want = { n: 0, spam: 0, strong: 0, linkText: 0 };
        for (const a of domIndex(ctx).anchorsIn(el)) {
          const s = facts.anchorScore(a);
          want.n++;
          if (s.strong || s.score >= 3) want.spam++;
          want.strong += s.strong;
          want.linkText += facts.rawText(a).length;
        }
        expect({ n: g.n, spam: g.spam, strong: g.strong, linkText: g.linkText }, f).toEqual(want);
        entries++;
      }
      // Every ancestor of an anchor has an entry.
      const withEntry = new Set(facts.anchorAgg().map(([el]) => el));
      for (const a of facts.anchors) for (let p = a.parentElement; p; p = p.parentElement) expect(withEntry.has(p), f).toBe(true);
    }
    expect(entries).toBeGreaterThan(1000);
  }, 60000);
});

describe('rawText', () => {
  // The DOM form collectTextIndexed replaces: a space before each element, script-like subtrees
  // left out, whitespace folded.
  const NON_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
  const domText = (el: Element): string => {
    let s = '';
    const walk = (n: Node) => {
      for (let c = n.firstChild; c; c = c.nextSibling) {
        if (c.nodeType === 3) s += (c as Text).data;
        else if (c.nodeType === 1 && !NON_TEXT.has((c as Element).tagName.toUpperCase())) {
          s += ' ';
          walk(c);
        }
      }
    };
    walk(el);
    return foldSpace(s);
  };
  it.runIf(hasCorpus)('equals the DOM walk for every element of corpus pages, asked twice (memo)', () => {
    let n = 0;
    for (const { name: f, url, doc } of corpusSample(6)) {
      const facts = createFacts(createContext(doc, url, DEFAULT_ANALYZE_SETTINGS));
      const els = Array.from(doc.querySelectorAll('*'));
      // Inner elements first, then outer ones, then again: answers must not depend on order or memo.
      for (const el of [...els].reverse()) expect(collectTextIndexed(domIndex(facts.ctx), el), f).toBe(domText(el));
      for (const el of els) expect(facts.rawText(el), f).toBe(domText(el));
      // A fresh analysis asked outer elements first: their answers are put together from
      // children that nobody has asked for yet.
      const outer = createFacts(createContext(doc, url, DEFAULT_ANALYZE_SETTINGS));
      for (const el of els) expect(collectTextIndexed(domIndex(outer.ctx), el), f).toBe(domText(el));
      // Without the index: over a table of the element's own subtree.
      for (const el of els.slice(0, 300)) expect(collectText(el), f).toBe(domText(el));
      n += els.length;
    }
    expect(n).toBeGreaterThan(5000);
  }, 60000);

  it('joins pieces only where the raw text has no whitespace between them', () => {
    const { document: doc } = new JSDOM(
      '<body><div id="r"><p>a<b>b</b>c</p><p> d <i> </i>e</p><p>f<i></i>g<i>h </i>i</p>' +
        '<p>j<!-- c --><script>x</script>k</p><p>\u200bl\u00a0<u>\u3000</u>m\u200d</p><p><i><b>n</b></i>o<i><b>p </b></i>q</p>' +
        '<p> </p><p></p><span>r</span>s<style>y</style><em>t</em><p><b> x</b>y<b>z </b></p></div></body>',
    ).window;
    // Text nodes that touch (scripts and editors make them): "uv" is one word, "w" another.
    const split = doc.createElement('p');
    for (const t of ['u', 'v', ' ', 'w', '']) split.appendChild(doc.createTextNode(t));
    doc.getElementById('r')!.appendChild(split);
    const ctx = createContext(doc, 'https://example.gov.cn/', DEFAULT_ANALYZE_SETTINGS);
    const root = doc.getElementById('r')!;
    expect(collectTextIndexed(domIndex(ctx), root)).toBe(domText(root));
    expect(collectText(root)).toBe(domText(root));
    expect(collectTextIndexed(domIndex(ctx), root)).toBe('a bc d e f g h i jk l m no p q rs t xy z uv w');
    for (const el of Array.from(root.querySelectorAll('*'))) expect(collectTextIndexed(domIndex(ctx), el)).toBe(domText(el));
  });
});
