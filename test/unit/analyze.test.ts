import { describe, expect, it } from 'vitest';
import { analyze, ensureSummary } from '../../src/core/analyze';
import { toJSON } from '../../src/core/serialize';
import { parse, readPage, urlFor } from '../helpers/corpus';

describe('analyze() options', () => {
  const id = 'gne-gzggw-1';
  it('defers the summary when asked, and ensureSummary fills in exactly the eager one', () => {
    const eager = analyze(parse(readPage(id), urlFor(id)), urlFor(id));
    const lazy = analyze(parse(readPage(id), urlFor(id)), urlFor(id), undefined, { summary: false });
    expect(eager.summary.length).toBeGreaterThanOrEqual(1);
    expect(lazy.summary).toEqual([]);
    expect(lazy.summaryPending).toBe(true);
    ensureSummary(lazy);
    expect(lazy.summary).toEqual(eager.summary);
    expect(lazy.summaryPending).toBe(false);
  });

  it('reports per-stage timings and serialises without DOM references', () => {
    const a = analyze(parse(readPage(id), urlFor(id)), urlFor(id));
    expect(Object.keys(a.timings)).toEqual(expect.arrayContaining(['spam', 'meta', 'extract+noise', 'summary']));
    const json = JSON.stringify(toJSON(a));
    expect(json).not.toContain('bodyElement');
    expect(JSON.parse(json).title).toBe(a.title);
  });

  it('switching a kind off removes it from hidden but still keeps its text out of the body', () => {
    const html = readPage(id).replace('</body>', '<div class="sitelink">主站蜘蛛池模板: ' +
      Array.from({ length: 30 }, (_, i) => `<a href="http://x${i}k${i}q.com/">亚洲精品一区二区${i}永久勉费观看</a>`).join('| ') + '</div></body>');
    const on = analyze(parse(html, urlFor(id)), urlFor(id));
    const off = analyze(parse(html, urlFor(id)), urlFor(id), { kinds: { 'link-farm': false }, sensitivity: 'normal', userRules: '' });
    expect(on.hidden.some((h) => h.kind === 'link-farm')).toBe(true);
    expect(off.hidden.some((h) => h.kind === 'link-farm')).toBe(false);
    expect(off.body).not.toContain('亚洲精品');
  });
});

describe('never hides article text', () => {
  it('keeps mirror prose cut into one-character text nodes by <ruby> visible, hides the real font tools', () => {
    const ruby = (c: string, py: string) => `<ruby>${c}<rp>(</rp><rt>${py}</rt><rp>)</rp></ruby>`;
    const para = `魏少军指出，全球每生${ruby('产', 'chǎn')}3块集成电路就有2块运${ruby('到', 'dào')}中${ruby('国', 'guó')}来，2018年中国进口集成电路4176亿块；出口集成电路2171亿块，关闭${ruby('了', 'le')}大${ruby('量', 'liàng')}工厂。`;
    const html = `<html><head><title>集成电路进口突破3000亿美元</title></head><body>
      <h1>集成电路进口突破3000亿美元</h1>
      <div class="info">2019-09-07 15:10　来源：观察者网</div>
      <div class="tools">【字体：<a>大</a> <a>中</a> <a>小</a>】【打印】【关闭】</div>
      <div id="zoom"><p>${para}</p>${'<p>会议指出，要加快推进产业结构调整，提升自主创新能力，推动集成电路产业高质量发展。各地要加强统筹协调，落实各项政策措施。</p>'.repeat(4)}</div>
      </body></html>`;
    const a = analyze(parse(html, 'http://www.example.gov.cn/a.html'), 'http://www.example.gov.cn/a.html');
    const squeezed = (s: string) => s.replace(/[\s\p{P}\p{S}]/gu, '');
    for (const h of a.hidden) expect(squeezed(h.text)).not.toContain('全球每生产3块集成电路');
    expect(a.body).toContain('全球每生产3块集成电路');
    expect(a.hidden.some((h) => h.kind === 'page-tools' && h.text.includes('打印'))).toBe(true);
  });
});

describe('real title when the served title is spam', () => {
  const body = '<p>各乡镇人民政府，县直各有关部门：为深刻吸取近期事故教训，全面排查整治各类安全隐患，坚决防范和遏制重特大事故发生。</p>'.repeat(5);
  const spamTitle = '<title>永久勉费观看_亚洲精品一区二区_澳门赌场在线娱乐_天天色综合</title>';
  const url = 'http://www.example.gov.cn/a.html';
  it('takes a title-named element before the article', () => {
    const html = `<html><head>${spamTitle}</head><body>
      <span class="Title"><b>顺德区大良街道党工委委员一行到众创金融街开展调研工作</b></span><div id="zoom">${body}</div></body></html>`;
    const a = analyze(parse(html, url), url);
    expect(a.titleHijacked).toBe(true);
    expect(a.title).toBe('顺德区大良街道党工委委员一行到众创金融街开展调研工作');
  });
  it('takes the centred bold first line of the body', () => {
    const html = `<html><head>${spamTitle}</head><body><div id="vsb_content"><p style="text-align:center"><strong>中华人民共和国监察法</strong></p>${body}</div></body></html>`;
    const a = analyze(parse(html, url), url);
    expect(a.title).toBe('中华人民共和国监察法');
  });
});
