// One small page per detector, including the false-positive traps of gov pages.
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { createContext } from '../page/context';
import { DEFAULT_ANALYZE_SETTINGS } from '../kinds';
import { detectSpam, DETECTED_SPAM_KINDS } from './index';
import { detectNoise, DETECTED_NOISE_KINDS } from '../noise/index';
import { findSpans } from './inline';
import { hiddenLinks } from './hidden-links';
import { createFacts } from './facts';
import { judgeLine } from './spam-line';
import { isSpamTitle } from './title';
import { SPAM_KINDS, NOISE_KINDS } from '../types';

const URL_ = 'http://www.heshan.gov.cn/a/1.html';
const ctxOf = (body: string, head = '') => {
  const doc = new JSDOM(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`, { url: URL_ }).window.document;
  return createContext(doc, URL_, DEFAULT_ANALYZE_SETTINGS);
};
const para = '近年来，鹤山市委组织部和市总工会积极探索党工融合共建服务阵地，以沙坪街道雁山社区党群服务中心为试点，党工共建成效显著。';
const links = (n: number, text: (i: number) => string, host: (i: number) => string) =>
  Array.from({ length: n }, (_, i) => `<a href="http://${host(i)}/">${text(i)}</a>`).join(' | ');

describe('registry', () => {
  it('every spam detector reports a known kind, and all spam kinds but none are covered', () => {
    for (const k of DETECTED_SPAM_KINDS) expect(SPAM_KINDS).toContain(k);
    for (const k of DETECTED_NOISE_KINDS) expect(NOISE_KINDS).toContain(k);
    expect(new Set(DETECTED_SPAM_KINDS).size).toBe(SPAM_KINDS.length);
    expect(new Set(DETECTED_NOISE_KINDS).size).toBe(NOISE_KINDS.length);
  });
});

describe('spam-line', () => {
  it('flags keyword-stuffed lines and spares gov prose with look-alike words', () => {
    expect(judgeLine('97国产婷婷视频_亚洲精品熟女国产_黄色大片aV永久勉费_日韩AV少妇无码专区').spam).toBe(true);
    expect(judgeLine('91成都约炮快速Q1582234873_深灬圳灬加灬V电话_88杭州套现正规_高仿渠道Q517080480_东莞加微信正规').spam).toBe(true);
    expect(judgeLine('要久久为功、撸起袖子加油干，深入开展扫黄打非、打击赌博专项行动，规范福利彩票和体育彩票销售，推动三级医院、成人教育发展。').spam).toBe(false);
    expect(judgeLine('澳门特别行政区政府代表团来访，双方就蜜桃产业合作交换意见。').spam).toBe(false);
  });
});

describe('link-farm', () => {
  it('hides a spam farm with random hosts, keeps a gov 友情链接 list', () => {
    const farm = `<div class="ff">主站蜘蛛池模板: ${links(30, (i) => ['欧美日韩视频', '麻豆影视', '波多野结衣', '无遮挡高清'][i % 4] + i, (i) => `h${i}x7q.bqzxwv${i % 9}.com`)}</div>`;
    const gov = `<div class="yqlj">友情链接: ${links(12, (i) => `某某市人民政府${i}`, (i) => `www.city${i}.gov.cn`)}</div>`;
    const r = detectSpam(ctxOf(`<div id="zoom"><p>${para}</p></div>${farm}${gov}`));
    const farms = r.hidden.filter((b) => b.kind === 'link-farm');
    expect(farms.length).toBe(1);
    expect(farms[0].element!.className).toBe('ff');
    expect(farms[0].reason).toMatch(/30 links/);
  });
});

describe('hidden-links', () => {
  it('reports off-screen and class-hidden link blocks as already invisible, ignores stat widgets', () => {
    const spam = links(8, (i) => `三级电影视频${i} 久久综合`, (i) => `w${i}q.ehoowf${i}.com`);
    const r = detectSpam(
      ctxOf(
        `<div id="a" style="position:fixed;left:-9000px;top:-9000px">${spam}</div><div class="u4vmu">${spam}</div>` +
          `<div style="display:none"><a href="https://www.cnzz.com/stat.php?id=1">站长统计</a><a href="https://www.cnzz.com/x">cnzz</a><a href="https://www.cnzz.com/y">y</a></div><p>${para}</p>`,
        '<style>.u4vmu{display:none}</style>',
      ),
    );
    const hid = r.hidden.filter((b) => b.kind === 'hidden-links');
    expect(hid.length).toBe(2);
    expect(hid.every((b) => b.alreadyInvisible)).toBe(true);
    expect(hid.map((b) => b.reason.split(',')[0]).sort()).toEqual(['display:none', 'off-screen']);
  });
  it('reports only the outermost hidden element and never asks the style of what is inside it', () => {
    const spam = links(8, (i) => `三级电影视频${i} 久久综合`, (i) => `w${i}q.ehoowf${i}.com`);
    // The outer box is hidden but benign (sr-only), so nothing inside it may be reported either.
    const ctx = ctxOf(`<div class="sr-only" style="display:none"><div id="inner" style="display:none">${spam}</div></div><p>${para}</p>`);
    const asked: Element[] = [];
    const own = ctx.styles.hiddenReason.bind(ctx.styles);
    ctx.styles.hiddenReason = (el) => {
      asked.push(el);
      return own(el);
    };
    expect(hiddenLinks.detect(createFacts(ctx))).toEqual([]);
    const inner = ctx.doc.getElementById('inner')!;
    expect(asked).toContain(inner.parentElement);
    expect(asked).not.toContain(inner);
  });
});

describe('overlay', () => {
  it('hides a fixed gambling box, not a fixed site toolbar', () => {
    const r = detectSpam(
      ctxOf(
        `<p>${para}</p><div id="ov" style="position:fixed;left:0;top:40%;z-index:9999"><a href="http://lywnt.net/">澳门解答落实马会传真 手机扫码下载</a>×</div>` +
          `<div id="bar" style="position:fixed;bottom:0;z-index:9999"><a href="/">返回首页</a> <a href="#top">返回顶部</a></div>`,
      ),
    );
    expect(r.hidden.filter((b) => b.kind === 'overlay').map((b) => b.element!.id)).toEqual(['ov']);
  });
});

describe('inline-spam', () => {
  it('finds spliced phrases as spans, not single category words', () => {
    const t = '该项目不受开发商交付精装修第三方造【中文无遮挡在线手机狠狠老司机】假清单备案文件相关条款的约束。';
    const [s] = findSpans(t);
    expect(t.slice(s.start, s.end)).toBe('【中文无遮挡在线手机狠狠老司机】');
    expect(findSpans('市民可在线观看直播，也可免费观看回放，活动现场图片见下。')).toEqual([]);
    expect(findSpans('（如有图片或视频亦包括在内）本网站所有内容版权归属原作者。')).toEqual([]);
  });
});

describe('title', () => {
  it('recognises hijacked titles and finds the real one', () => {
    expect(isSpamTitle('五月天六月婷婷开心激情,天使的性电影,三级韩国一区久久二区综合,五月婷婷久')).toBe(true);
    expect(isSpamTitle('鹤山市召开党工共建工作协调会_鹤山市人民政府')).toBe(false);
    const r = detectSpam(ctxOf(`<h1>鹤山市党工共建工作协调会召开</h1><p>${para}</p>`, '<title>97国产婷婷视频_亚洲精品熟女国产_黄色大片aV永久勉费</title>'));
    expect(r.titleHijacked).toBe(true);
    expect(r.realTitle).toBe('鹤山市党工共建工作协调会召开');
  });
});

describe('clone', () => {
  it('names the original host of a mirror, allows www./m. variants', () => {
    const head = '<meta name="SiteDomain" content="www.heshan.gov.cn"><meta name="Url" content="http://www.heshan.gov.cn/a/1.html">';
    const doc = new JSDOM(`<html><head>${head}</head><body><p>${para}</p></body></html>`, { url: 'http://hayleyrahl.com/a/1.html' }).window.document;
    const r = detectSpam(createContext(doc, 'http://hayleyrahl.com/a/1.html', DEFAULT_ANALYZE_SETTINGS));
    expect(r.clone).toEqual({ original: 'www.heshan.gov.cn', originalUrl: 'http://www.heshan.gov.cn/a/1.html' });
    expect(detectSpam(ctxOf(`<p>${para}</p>`, head)).clone).toBeNull();
    const m = new JSDOM(`<html><head>${head}</head><body></body></html>`, { url: 'http://m.heshan.gov.cn/a' }).window.document;
    expect(detectSpam(createContext(m, 'http://m.heshan.gov.cn/a', DEFAULT_ANALYZE_SETTINGS)).clone).toBeNull();
  });
});

describe('noise', () => {
  it('hides recommendation panels, share bars and page tools, never the article', () => {
    const recs = Array.from({ length: 6 }, (_, i) => `<li><a href="http://kyb.example.com/${i}.html">网络办公协同系统的核心竞争优势第${i}篇</a></li>`).join('');
    const ctx = ctxOf(
      `<div class="tools">【字体：大 中 小】【打印】【关闭】</div><div class="share">分享到：<a href="#">微信</a><a href="#">微博</a></div>` +
        `<div id="zoom"><p>${para}</p><p>${para}</p></div><div class="related-posts"><h3>相关推荐</h3><ul>${recs}</ul></div>`,
    );
    const article = ctx.doc.getElementById('zoom');
    const found = detectNoise(ctx, { element: article, title: '鹤山市党工共建工作协调会召开', body: para + '\n' + para });
    const kinds = found.map((b) => `${b.kind}:${b.element!.className || b.element!.tagName}`);
    expect(kinds).toContain('recommendation:related-posts');
    expect(kinds).toContain('share:share');
    expect(kinds.some((k) => k.startsWith('page-tools'))).toBe(true);
    expect(found.some((b) => b.element === article || b.element!.contains(article!))).toBe(false);
  });
});

describe('content-farm', () => {
  const item = (href: string, title: string, date: string) =>
    `<li class="item"><h4><a href="${href}">${title}</a></h4><p class="excerpt">${title}，详情请见全文…</p><span class="date">${date}</span></li>`;
  const titles = ['一袭汉服一架古筝传播中华文化', '运营商手机促销方式曝光禁止补贴', '常德市金融系统开展金融知识普及', '集成电路进口突破三千亿美元', '最不愁吃肉的国家靠中国运蔬菜', '外媒眼中的武汉长假蓬勃发展'];
  const dates = ['2023年8月20日', '2025年11月26日', '2021年3月19日', '2024年7月14日', '2022年2月19日', '2025年4月5日'];
  const panel = (host: (i: number) => string, disclaimer = '') =>
    `<div id="zoom"><p>${para}</p><p>${para}</p></div>${disclaimer}<div class="related-posts"><h3>精彩推荐</h3><ul>` +
    titles.map((t, i) => item(`${host(i)}/a/${i}.html`, t, dates[i])).join('') +
    '</ul></div>';
  const farm = (body: string) => detectSpam(ctxOf(body, '<title>鹤山市党工共建工作协调会召开</title>')).hidden.filter((b) => b.kind === 'content-farm');

  it('reports a planted panel linking to random-looking foreign hosts, and its disclaimer', () => {
    const hosts = ['o3s3x.lsimgrvp865.com', '5ajb.kwaqkhkp.com', 'qz7r.xpvbnq92.com', 'w1k.zzqtrhm.net', 'p9d.mmxkqlv.top', 'ux2.hhqpzrt.cn'];
    const disclaimer = '<div class="copyright">版权声明：本文内容由互联网用户自发贡献，该文观点仅代表作者本人。如发现本站有涉嫌抄袭侵权的内容，请发送邮件至 senyg@qq.com 举报。</div>';
    const found = farm(panel((i) => `http://${hosts[i]}`, disclaimer));
    expect(found.some((b) => b.element!.className === 'related-posts' && b.category === 'spam')).toBe(true);
    expect(found.some((b) => b.element!.className === 'copyright')).toBe(true);
    expect(found.some((b) => b.text.includes(para.slice(0, 20)))).toBe(false);
  });

  it('leaves the site\'s own related-articles panel alone (same host, dates in order)', () => {
    const own = ctxOf(panel(() => 'http://www.heshan.gov.cn').replace(/\d{4}年\d+月\d+日/g, '2024年5月1日'), '<title>鹤山市党工共建工作协调会召开</title>');
    expect(detectSpam(own).hidden.filter((b) => b.kind === 'content-farm')).toEqual([]);
  });
});

describe('page-tools', () => {
  it('hides the 网站支持IPV6 line, not the header row that also names the site', () => {
    const ctx = ctxOf(
      `<div class="header"><div class="logo"><a href="/">鹤山市人民政府</a></div><div class="top-links"><span>网站支持IPV6</span></div></div>` +
        `<div id="zoom"><p>${para}</p><p>${para}</p></div>`,
    );
    const article = ctx.doc.getElementById('zoom');
    const tools = detectNoise(ctx, { element: article, title: '鹤山市党工共建工作协调会召开', body: para + '\n' + para }).filter((b) => b.kind === 'page-tools');
    expect(tools.map((b) => b.text)).toContain('网站支持IPV6');
    expect(tools.some((b) => b.text.includes('鹤山市人民政府'))).toBe(false);
  });
});
