// The live-page cleaner under jsdom: marks, reversibility (exact serialisation), re-marking,
// self-recreating overlays, title guard.
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { startCleaner } from './cleaner';
import { HIDE_ATTR } from './hide-style';
import { DEFAULT_ANALYZE_SETTINGS } from '../core/kinds';
import type { Analysis, AnalyzeSettings } from '../core/types';
import { analyze } from '../core/analyze';

const analyzeNow = (d: Document, u: string, s: AnalyzeSettings) => analyze(d, u, s, { summary: false });

const SPAM_TITLE = '97国产婷婷视频_亚洲精品熟女国产_黄色大片aV永久勉费_日韩AV少妇无码专区';
const farm = Array.from({ length: 24 }, (_, i) => `<a href="http://x${i}k${i}q.bqzxwv${i}.com/">欧美日韩视频${i}| 波多野结衣${i}</a>`).join(' ');
const para = '近年来，临沂市总工会认真贯彻落实新时代党的建设总要求，以党建统领工会工作，立足维护职工合法权益、竭诚服务职工群众基本职能。';
const HTML = `<!DOCTYPE html><html><head><title>${SPAM_TITLE}</title><meta name="ArticleTitle" content="临沂市总工会打造党工共建品牌"></head><body>
<p class="gjc">${SPAM_TITLE}</p>
<h1>临沂市总工会打造党工共建品牌</h1>
<div id="zoom"><p>${para}</p><p>${para}这是第二段，【中文无遮挡在线手机狠狠老司机】继续讲工会工作，推动责任落实。</p><p>${para}</p></div>
<div class="flink">友情链接: ${farm}</div>
<div id="ad1" style="position:fixed;left:0;top:40%;z-index:9999"><a href="http://lywnt.net/x">澳门解答落实马会传真 手机扫码下载</a><span>×</span></div>
</body></html>`;

function page(): { dom: JSDOM; doc: Document } {
  const dom = new JSDOM(HTML, { url: 'http://www.linyi.gov.cn/a/1.html', pretendToBeVisual: true });
  return { dom, doc: dom.window.document };
}

const frame = () => new Promise((r) => setTimeout(r, 150));

describe('startCleaner', () => {
  it('marks spam, wraps inline spam, restores the title, and undoes exactly', async () => {
    const { doc } = page();
    const before = doc.documentElement.outerHTML;
    const analyses: Analysis[] = [];
    const c = startCleaner(doc, 'http://www.linyi.gov.cn/a/1.html', DEFAULT_ANALYZE_SETTINGS, {
      onAnalysis: (a) => analyses.push(a),
      getMessage: (k) => k,
      analyze: analyzeNow,
    });
    await frame(); // jsdom fires DOMContentLoaded asynchronously
    expect(c.analysis).not.toBeNull();
    expect(analyses.length).toBe(1);
    expect(doc.querySelector('.gjc')!.getAttribute(HIDE_ATTR)).toBe('spam-line');
    expect(doc.querySelector('.flink')!.getAttribute(HIDE_ATTR)).toBe('link-farm');
    expect(doc.querySelector('#ad1')!.getAttribute(HIDE_ATTR)).toBe('overlay');
    expect(doc.querySelector('qingdu-span')?.textContent).toContain('无遮挡');
    expect(doc.title).toBe('临沂市总工会打造党工共建品牌');
    expect(doc.querySelector('#zoom')!.hasAttribute(HIDE_ATTR)).toBe(false);

    c.showAll(true);
    expect(c.isShowingAll()).toBe(true);
    expect(doc.documentElement.outerHTML).toBe(before);
    c.showAll(false);
    expect(doc.querySelector('.flink')!.getAttribute(HIDE_ATTR)).toBe('link-farm');
    expect(doc.querySelector('qingdu-span')).not.toBeNull();
    c.showAll(true);
    expect(doc.documentElement.outerHTML).toBe(before);
    c.stop();
  });

  it('re-marks what the site un-marks and hides re-created overlays within a frame', async () => {
    const { doc } = page();
    const c = startCleaner(doc, 'http://www.linyi.gov.cn/a/1.html', DEFAULT_ANALYZE_SETTINGS, { onAnalysis: () => {}, getMessage: (k) => k, analyze: analyzeNow });
    await frame();
    doc.querySelector('.flink')!.removeAttribute(HIDE_ATTR);
    doc.querySelector('#ad1')!.remove();
    const again = doc.createElement('div');
    again.setAttribute('style', 'position:fixed;right:0;bottom:0;z-index:99999');
    again.innerHTML = '<a href="http://lywnt.net/y">22324龙虎斗 官方直营 大额无忧</a> 点击领取 ×';
    doc.body.appendChild(again);
    await frame();
    expect(doc.querySelector('.flink')!.getAttribute(HIDE_ATTR)).toBe('link-farm');
    expect(again.getAttribute(HIDE_ATTR)).toBe('overlay');
    expect(c.analysis!.hidden.some((b) => b.element === again)).toBe(true);
    c.stop();
  });

  it('reveals one kind through an attribute on <html>', async () => {
    const { doc } = page();
    const c = startCleaner(doc, 'http://www.linyi.gov.cn/a/1.html', DEFAULT_ANALYZE_SETTINGS, { onAnalysis: () => {}, getMessage: (k) => k, analyze: analyzeNow });
    await frame();
    c.setKindRevealed('link-farm', true);
    expect(c.revealedKinds()).toEqual(['link-farm']);
    expect(doc.documentElement.getAttribute('data-qingdu-reveal')).toBe('link-farm');
    c.setKindRevealed('link-farm', false);
    expect(doc.documentElement.hasAttribute('data-qingdu-reveal')).toBe(false);
    c.stop();
  });

  it('guards the title against later rewrites', async () => {
    const { doc } = page();
    const c = startCleaner(doc, 'http://www.linyi.gov.cn/a/1.html', DEFAULT_ANALYZE_SETTINGS, { onAnalysis: () => {}, getMessage: (k) => k, analyze: analyzeNow });
    await frame();
    doc.title = '五月天六月婷婷开心激情,天使的性电影,三级韩国一区久久二区综合';
    await frame();
    expect(doc.title).toBe('临沂市总工会打造党工共建品牌');
    c.stop();
  });
});
