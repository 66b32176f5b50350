import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { createContext } from '../page/context';
import { DEFAULT_ANALYZE_SETTINGS } from '../kinds';
import type { HiddenBlock } from '../types';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS, hasCorpus } from '../../../test/helpers/corpus';
import { bodyText, judgeParasite } from './parasite';

const url = 'http://www.example.gov.cn/art/2023/6/7/art_1.html';
const ctxOf = (body: string) => createContext(new JSDOM(`<html><body>${body}</body></html>`, { url }).window.document, url, DEFAULT_ANALYZE_SETTINGS);
const hidden = (chars: number): HiddenBlock[] => [{ kind: 'hidden-links', category: 'spam', reason: '', text: 'x'.repeat(chars) }];
const PROSE = '各地区各部门要认真贯彻落实，结合实际制定具体措施，确保各项任务落到实处。';

describe('judgeParasite', () => {
  // 10 strong hits in a thin sample (density < 0.25), then far more text than the 20,000-character
  // sample: the hidden spam's share is judged against the whole body's length, not the sample's.
  const body = `<p>${'博彩'.repeat(10)}</p>` + `<p>${PROSE}</p>`.repeat(600) + `<div>${PROSE}\n  </div>`.repeat(400);
  const length = ctxOf(body).doc.body.textContent!.replace(/\s+/g, '').length;

  it('counts the whole body, beyond the sample, for the hidden spam share', () => {
    expect(length).toBeGreaterThan(30000);
    expect(judgeParasite(ctxOf(body), hidden(Math.ceil(0.6 * length)))).toBe(true);
    // Enough against the sample alone (0.6 × 20,000), too little against the whole body.
    expect(judgeParasite(ctxOf(body), hidden(Math.ceil(0.6 * length) - 1))).toBe(false);
    expect(judgeParasite(ctxOf(body), hidden(12000))).toBe(false);
  });

  it('needs 40 characters of text and 8 strong hits', () => {
    expect(judgeParasite(ctxOf(`<p>${'博彩'.repeat(19)}</p>`), [])).toBe(false);
    expect(judgeParasite(ctxOf(`<p>${'博彩'.repeat(20)}</p>`), [])).toBe(true);
    expect(judgeParasite(ctxOf(`<p>${'博彩'.repeat(7)}${PROSE.repeat(40)}</p>`), hidden(100000))).toBe(false);
  });
});

describe('bodyText', () => {
  const expectLike = (ctx: ReturnType<typeof ctxOf>, name: string) => {
    const whole = (ctx.doc.body.textContent || '').replace(/\s+/g, '');
    const t = bodyText(ctx, ctx.doc.body);
    expect(t.sample, name).toBe(whole.slice(0, 20000));
    expect(t.length(), name).toBe(whole.length);
  };

  it('is the body text without whitespace, cut at 20,000 characters, on whitespace-heavy bodies', () => {
    // Chunks are joined by raw length: whitespace runs that straddle text nodes, script text,
    // and a body whose first 20,000 raw characters are mostly spaces.
    expectLike(ctxOf(`<p>${' \n '.repeat(9000)}</p>${`<b>${PROSE}</b> \u3000<i>\u00a0x </i>`.repeat(800)}<script>var a = 1;</script>`), 'spaces');
    expectLike(ctxOf(`<p>${PROSE.repeat(500)}</p><p>tail</p>`), 'one long node');
    expectLike(ctxOf('<p> a </p>'), 'short');
  });

  it.runIf(hasCorpus)('matches textContent on corpus pages', () => {
    for (const dir of ['pages', 'seeds']) {
      for (const f of readdirSync(join(CORPUS, dir)).filter((f) => f.endsWith('.html')).slice(0, 10)) {
        const doc = new JSDOM(readFileSync(join(CORPUS, dir, f), 'utf8'), { url }).window.document;
        if (doc.body) expectLike(createContext(doc, url, DEFAULT_ANALYZE_SETTINGS), f);
      }
    }
  }, 60_000);
});
