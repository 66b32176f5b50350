import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { createTitleGuard } from './title-guard';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('title guard', () => {
  const setup = () => {
    const dom = new JSDOM('<html><head><title>永久勉费观看_亚洲精品一区二区_澳门赌场在线_天天色综合</title></head><body></body></html>');
    const doc = dom.window.document;
    const guard = createTitleGuard(doc, () => {});
    guard.apply('示例市召开城市更新工作推进会');
    return { doc, guard };
  };

  it('restores the real title and puts a spam rewrite back', async () => {
    const { doc } = setup();
    expect(doc.title).toBe('示例市召开城市更新工作推进会');
    doc.title = '澳门葡京赌场_真人视讯_六合彩开奖_永久勉费观看';
    await tick();
    expect(doc.title).toBe('示例市召开城市更新工作推进会');
  });

  it('accepts a non-spam rewrite such as the script converter’s, so the two never fight', async () => {
    const { doc } = setup();
    doc.title = '示例市召開城市更新工作推進會';
    await tick();
    await tick();
    expect(doc.title).toBe('示例市召開城市更新工作推進會');
  });

  it('restore() puts the served title back exactly', () => {
    const { doc, guard } = setup();
    guard.restore();
    expect(doc.title).toBe('永久勉费观看_亚洲精品一区二区_澳门赌场在线_天天色综合');
  });
});
