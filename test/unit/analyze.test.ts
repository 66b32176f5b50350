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
