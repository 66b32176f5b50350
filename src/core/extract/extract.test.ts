import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { createContext } from '../page/context';
import { readMeta } from '../page/meta';
import { DEFAULT_ANALYZE_SETTINGS } from '../kinds';
import { extractArticle } from './index';

const P = '各地区各部门要认真贯彻落实，结合实际制定具体措施，确保各项任务落到实处，取得实效。';
function page(body: string, head = '') {
  const doc = new JSDOM(`<html><head><title>关于加强管理的通知_某某市人民政府</title>${head}</head><body>${body}</body></html>`, { url: 'http://www.example.gov.cn/art/2023/6/7/art_1.html' }).window.document;
  return createContext(doc, 'http://www.example.gov.cn/art/2023/6/7/art_1.html', DEFAULT_ANALYZE_SETTINGS);
}
const article = (inner: string) => `
  <div class="nav"><a href="/">首页</a><a href="/a">机构</a><a href="/b">政务公开</a></div>
  <div class="main"><h1>关于加强管理的通知</h1><div class="info">发布日期：2023-06-07 15:25　来源：市政府办公室　【字体：大 中 小】</div>
  <div id="zoom">${inner}</div></div>
  <ul class="side"><li><a href="/1">其他新闻标题一二三四五六</a></li><li><a href="/2">其他新闻标题七八九十</a></li></ul>`;

describe('extractArticle', () => {
  it('finds the body, trims credit lines, keeps tables, lists and lazy images', () => {
    const ctx = page(article(`<p>${P}</p><p>${P}</p><p>原标题：旧的标题</p><p><img data-src="/img/a.jpg" src="/blank.gif" alt="现场"></p>
      <table><tr><td>项目</td><td>金额</td></tr><tr><td>道路</td><td>10万元</td></tr></table><ul><li>第一项工作内容</li><li>第二项工作内容</li></ul><p>${P}</p><p>（责任编辑：何苑珊）</p>`));
    const a = extractArticle(ctx, '关于加强管理的通知');
    expect(a.isArticle).toBe(true);
    expect(a.element?.id).toBe('zoom');
    expect(a.body).not.toContain('原标题');
    expect(a.body).not.toContain('责任编辑');
    expect(a.body.split('\n').filter((l) => l === P)).toHaveLength(3);
    expect(a.blocks).toContainEqual({ type: 'image', src: 'http://www.example.gov.cn/img/a.jpg', alt: '现场', caption: '' });
    expect(a.blocks).toContainEqual({ type: 'table', rows: [['项目', '金额'], ['道路', '10万元']] });
    expect(a.blocks).toContainEqual({ type: 'list', ordered: false, items: ['第一项工作内容', '第二项工作内容'] });
  });

  it('never takes text from excluded or hidden elements', () => {
    const ctx = page(article(`<p>${P}</p><div class="x">隐藏的垃圾链接文字一</div><p style="display:none">隐藏的垃圾链接文字二</p><p>${P}</p>`), '<style>.x{display:none}</style>');
    const spam = ctx.doc.createElement('p');
    spam.textContent = '被引擎排除的文字。';
    ctx.doc.getElementById('zoom')!.appendChild(spam);
    ctx.excluded.add(spam);
    const a = extractArticle(ctx, '关于加强管理的通知');
    expect(a.body).not.toMatch(/隐藏|排除/);
    // Re-collect from a known root after more exclusions.
    const first = ctx.doc.querySelector('#zoom p')!;
    ctx.excluded.add(first);
    const again = extractArticle(ctx, '关于加强管理的通知', a.element);
    expect(again.body.split('\n')).toEqual([P]);
  });

  it('reports pagination and says no article on a list page', () => {
    const ctx = page(article(`<p>${P}</p><p>${P}</p>`) + '');
    ctx.doc.getElementById('zoom')!.insertAdjacentHTML('afterend', '<div class="pager">第1页/共4页 <a href="2.html">下一页</a></div>');
    expect(extractArticle(ctx, '关于加强管理的通知').pagination).toEqual({ current: 1, total: 4 });
    const list = page('<ul>' + Array.from({ length: 30 }, (_, i) => `<li><a href="/${i}">新闻标题第${i}条关于某项工作的报道</a><span>2023-06-0${i % 9 + 1}</span></li>`).join('') + '</ul>');
    expect(extractArticle(list, '').isArticle).toBe(false);
  });
});

describe('readMeta', () => {
  it('reads title, date with time, source, column, editor and the 信息公开 table', () => {
    const ctx = page(
      `<table class="xxgk"><tr><td>索引号：</td><td>001/2023-00012</td><td>主题分类：</td><td>综合政务</td></tr>
       <tr><td>发文机关：</td><td>某某市人民政府</td><td>发文字号：</td><td>某政发〔2023〕5号</td></tr></table>` + article(`<p>${P}</p><p>${P}</p><p>（编辑：李四）</p>`),
      '<meta name="ColumnName" content="通知公告"><meta name="SiteName" content="某某市人民政府">',
    );
    const m = readMeta(ctx, { servedTitleIsSpam: false });
    expect(m.title).toBe('关于加强管理的通知');
    expect(m.published).toBe('2023-06-07 15:25');
    expect(m.source).toBe('市政府办公室');
    expect(m.editor).toBe('李四');
    expect(m.site).toEqual({ name: '某某市人民政府', domain: '', column: '通知公告' });
    expect(m.docInfo).toMatchObject({ 索引号: '001/2023-00012', 发文字号: '某政发〔2023〕5号', 发文机关: '某某市人民政府' });
  });
  it('never uses a spam <title>', () => {
    const ctx = page('<div><p>' + P + '</p></div>');
    expect(readMeta(ctx, { servedTitleIsSpam: true }).title).not.toContain('通知');
  });
});
