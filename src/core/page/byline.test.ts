import { describe, expect, it } from 'vitest';
import { followedSource, unlabelledSource } from './byline';

const at = (line: string, date: string) => unlabelledSource(line, line.indexOf(date), date.length);

describe('unlabelledSource', () => {
  it('takes the name beside the date', () => {
    expect(at('原创 南方都市报 2019-09-09 16:01', '2019-09-09')).toBe('南方都市报');
    expect(at('2019-09-05 11:10 游民星空[整理]', '2019-09-05')).toBe('游民星空');
  });
  // toutiao: the share tools between the date and the next panel are hidden, so the panel's
  // heading is the next word; baijiahao: a badge follows the time.
  it('never takes a panel heading or a platform badge for a name', () => {
    expect(at('2019-09-08 11:42:03 相关推荐', '2019-09-08')).toBe('');
    expect(at('2019-09-08 11:42:03 猜你喜欢', '2019-09-08')).toBe('');
    expect(at('发布时间：10-08 12:00 优质原创 作者', '10-08')).toBe('');
  });
});

describe('followedSource', () => {
  const lines = (...texts: string[]) => texts.map((text) => ({ text }) as never);
  it('takes the account name beside a follow button', () => {
    expect(followedSource(lines('去驴行 关注 1/10'), 0, 1)).toBe('去驴行');
    expect(followedSource(lines('人民日报 +关注'), 0, 1)).toBe('人民日报');
    expect(followedSource(lines('原创 标题', '去驴行', '关注', '1 /10 当全世界'), 1, 3)).toBe('去驴行');
  });
  it('takes nothing else', () => {
    expect(followedSource(lines('关注 分享 收藏'), 0, 1)).toBe('');
    expect(followedSource(lines('分享 关注'), 0, 1)).toBe('');
    expect(followedSource(lines('请关注我们的公众号'), 0, 1)).toBe('');
    expect(followedSource(lines('去驴行 关注度很高'), 0, 1)).toBe('');
    expect(followedSource(lines('2019-09-08 关注'), 0, 1)).toBe('');
    expect(followedSource(lines('x', '去驴行 关注'), 0, 1)).toBe('');
    expect(followedSource(lines('去驴行', '关注度很高'), 0, 1)).toBe('');
    expect(followedSource(lines('去驴行 分享', '关注'), 0, 1)).toBe('');
    expect(followedSource(lines('微信 关注'), 0, 1)).toBe('');
    expect(followedSource(lines('微博', '+关注'), 0, 1)).toBe('');
  });
});
