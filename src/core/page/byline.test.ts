import { describe, expect, it } from 'vitest';
import { unlabelledSource } from './byline';

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
