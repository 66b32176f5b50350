// hidden-links with layout (a real browser): the style is asked only of elements it could report.
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { createContext } from '../page/context';
import { DEFAULT_ANALYZE_SETTINGS } from '../kinds';
import { createFacts } from './facts';
import { hiddenLinks } from './hidden-links';

const URL_ = 'http://www.heshan.gov.cn/a/1.html';
const para = '近年来，鹤山市委组织部和市总工会积极探索党工融合共建服务阵地，以沙坪街道雁山社区党群服务中心为试点，党工共建成效显著。';
const spamLinks = (n: number) => Array.from({ length: n }, (_, i) => `<a href="http://bet${i}.example.com/">澳门威尼斯人娱乐场${i}</a>`).join(' ');

/** A document that claims layout; getComputedStyle answers from data-cs ("display=none") and logs who was asked. */
function laidOut(body: string) {
  const win = new JSDOM(`<!DOCTYPE html><html><body>${body}</body></html>`, { url: URL_ }).window;
  Object.defineProperty(win.navigator, 'userAgent', { get: () => 'Mozilla/5.0 Chrome/120' });
  const asked = new Set<Element>();
  const base: Record<string, string> = {
    display: 'block', visibility: 'visible', fontSize: '16px', textIndent: '0px', opacity: '1', position: 'static',
    overflow: 'visible', overflowY: 'visible', color: 'rgb(0, 0, 0)', backgroundColor: 'rgba(0, 0, 0, 0)', zIndex: 'auto', clip: 'auto',
  };
  (win as unknown as { getComputedStyle: (el: Element) => unknown }).getComputedStyle = (el: Element) => {
    asked.add(el);
    const st = { ...base };
    for (const part of (el.getAttribute('data-cs') || '').split(';')) if (part) st[part.split('=')[0]] = part.split('=')[1];
    return st;
  };
  const ctx = createContext(win.document, URL_, DEFAULT_ANALYZE_SETTINGS);
  return { ctx, doc: win.document, asked };
}

describe('hidden-links with layout', () => {
  it('reports a hidden link farm and asks no style of elements that could not be reported', () => {
    const { ctx, doc, asked } = laidOut(
      `<div id="main"><p id="p1">${para}<a href="/x">详情</a></p><p id="p2"><span>${para}</span></p></div>` +
        `<div id="farm" data-cs="display=none">${spamLinks(3)}</div>` +
        `<div id="one" data-cs="display=none"><a href="http://bet.example.com/">澳门威尼斯人</a> ${para}</div>` +
        `<ul id="list"><li><a href="/1">一</a></li><li><a href="/2">二</a></li></ul>`,
    );
    expect(ctx.styles.layout).toBe(true);
    const found = hiddenLinks.detect(createFacts(ctx));
    expect(found.map((b) => (b.element as Element).id)).toEqual(['farm']);
    // One link and no spam text: nothing to report whatever the style says.
    for (const id of ['p1', 'p2', 'one']) expect(asked.has(doc.getElementById(id)!), id).toBe(false);
    expect(asked.has(doc.querySelector('#p2 span')!)).toBe(false);
    // Two links: style asked (the list is visible, so nothing reported).
    expect(asked.has(doc.getElementById('list')!)).toBe(true);
    expect(asked.has(doc.getElementById('farm')!)).toBe(true);
  });

  it('still reports spam text without links, and keeps only the outermost hidden block', () => {
    const spamText = '澳门威尼斯人娱乐场 六合彩开奖结果 网上赌场真人百家乐 澳门赌场官网';
    const { ctx, doc } = laidOut(
      `<p>${para}</p><div id="outer" data-cs="display=none"><div id="mid"><p id="inner" data-cs="display=none">${spamText}</p><a href="/a">甲</a></div></div>` +
        `<div id="text" data-cs="visibility=hidden"><span>${spamText}</span></div>`,
    );
    const found = hiddenLinks.detect(createFacts(ctx)).map((b) => (b.element as Element).id);
    expect(found).toEqual(['outer', 'text']);
    expect(doc.getElementById('inner')).not.toBeNull();
  });

  it('asks the style first for a long text without links, and scores it only when hidden', () => {
    const spamText = '澳门威尼斯人娱乐场 六合彩开奖结果 网上赌场真人百家乐 澳门赌场官网';
    const { ctx, doc, asked } = laidOut(
      `<div id="wrap"><div id="art"><p id="long">${para.repeat(8)}</p><p id="short">${para}</p></div></div>` +
        `<div id="hiddenLong" data-cs="display=none">${spamText.repeat(10)}</div><div id="shownLong">${spamText.repeat(10)}</div>`,
    );
    const found = hiddenLinks.detect(createFacts(ctx)).map((b) => (b.element as Element).id);
    expect(found).toEqual(['hiddenLong']);
    // Over 400 characters: the style is asked (cheaper than scoring); a short clean text is scored, not asked.
    for (const id of ['wrap', 'art', 'long', 'shownLong']) expect(asked.has(doc.getElementById(id)!), id).toBe(true);
    expect(asked.has(doc.getElementById('short')!)).toBe(false);
  });
});
