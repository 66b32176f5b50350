import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { createContext } from '../page/context';
import { DEFAULT_ANALYZE_SETTINGS } from '../kinds';
import { judgeTitle } from './title';

const url = 'http://www.example.gov.cn/art/2023/6/7/art_1.html';
const SPAM = '澳门新葡京_六合彩开奖结果_时时彩_北京赛车pk10_百家乐';
const verdict = (body: string) => {
  const doc = new JSDOM(`<html><head><title>${SPAM}</title></head><body>${body}</body></html>`, { url }).window.document;
  return judgeTitle(createContext(doc, url, DEFAULT_ANALYZE_SETTINGS));
};

describe('judgeTitle', () => {
  it('takes the first usable <h1>: not inside a link, nav, header, footer or a list of 3+ items', () => {
    const real = '关于做好二〇二三年防汛工作的通知';
    expect(verdict(`<nav><h1>网站导航栏目名称</h1></nav><header><div><h1>某某市人民政府门户网站</h1></div></header>
      <a href="/"><span><h1>链接里的标题文字</h1></span></a><ul><li>一</li><li>二</li><li><h1>列表里的标题文字</h1></li></ul>
      <ol><li><h1>${real}</h1></li><li>二</li></ol>`)).toEqual({ hijacked: true, realTitle: real });
    expect(verdict(`<footer><h1>${real}</h1></footer><svg><a><foreignObject><h1>矢量链接里的标题</h1></foreignObject></a></svg>`).realTitle).not.toBe(real);
  });
});
