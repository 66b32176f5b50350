// The details stage left out (as the content script does at page load) and filled in later gives
// exactly what analyze() gives, on a sample of corpus pages, the paged articles and every seed.
import { describe, expect, it } from 'vitest';
import { analyze, FULL_STAGES } from './analyze';
import { analyzeWith, countReadingUnits, detailsPending, fillDetails, type AnalyzeStages } from './pipeline';
import { findRepairs, repairText } from './script/repair';
import { toJSON } from './serialize';
import type { Analysis } from './types';
import { pageIds, parse, readPage, readVariant, seedIds, urlFor } from '../../test/helpers/corpus';
import { seeded } from '../../test/helpers/random';

/** The content script's stages at load: no details, and a repair stage without the script guess. */
const LOAD_STAGES: Partial<AnalyzeStages> = { userRules: FULL_STAGES.userRules, repairs: { findRepairs, repairText } };
const json = (a: Analysis): string => JSON.stringify({ ...toJSON(a), ms: 0 });

function pages(): { id: string; html: string; url: string }[] {
  const out = pageIds()
    .filter((_, i) => i % 8 === 0)
    .map((id) => ({ id, html: readPage(id), url: urlFor(id) }));
  // The corpus's paged articles (the pager moves to the details stage too), and two variants
  // with noise injected next to the pager.
  for (const id of ['gne-gamersky-gamersky', 'gne-guancha-guancha']) out.push({ id, html: readPage(id), url: urlFor(id) });
  for (const id of ['gne-gamersky-gamersky--recommend', 'gne-guancha-guancha--footer-farm']) {
    const { html, truth } = readVariant('injected', id);
    out.push({ id, html, url: urlFor(id, truth) });
  }
  for (const id of seedIds()) {
    const { html, truth } = readVariant('seeds', id);
    out.push({ id: `seed ${id}`, html, url: urlFor(id, truth) });
  }
  return out;
}

describe('the details stage, deferred', () => {
  it('is left out without the stage and filled in exactly, also on a copy of the analysis', () => {
    let withDetails = 0;
    let withPager = 0;
    for (const p of pages()) {
      const full = analyze(parse(p.html, p.url), p.url, undefined, { summary: false });
      expect(detailsPending(full), p.id).toBe(false);
      const lite = analyzeWith(parse(p.html, p.url), p.url, undefined, { summary: false, stages: LOAD_STAGES });
      expect(detailsPending(lite), p.id).toBe(true);
      expect([lite.published, lite.source, lite.author, lite.editor, lite.script], p.id).toEqual(['', '', '', '', 'none']);
      expect(lite.docInfo, p.id).toEqual({});
      expect(lite.pagination, p.id).toBeNull();
      // What the live page uses at load is already exact.
      expect([lite.title, lite.body, lite.isArticle, lite.hidden.length], p.id).toEqual([full.title, full.body, full.isArticle, full.hidden.length]);
      // The content script's cleaner replaces its analysis with copies ({ ...analysis }).
      const copy = fillDetails({ ...lite, hidden: [...lite.hidden] }, FULL_STAGES.details);
      expect(json(copy), p.id).toBe(json(full));
      if (full.published || full.source || Object.keys(full.docInfo).length) withDetails++;
      if (full.pagination) withPager++;
    }
    console.log(`details deferred: ${withDetails} sample pages have details, ${withPager} a pager`);
    expect(withDetails).toBeGreaterThanOrEqual(8);
    expect(withPager).toBeGreaterThanOrEqual(4);
  }, 120_000);

  it('guesses the script again when the title and body change after the details were read', () => {
    const id = seedIds()[0];
    const { html, truth } = readVariant('seeds', id);
    const url = urlFor(id, truth);
    const a = fillDetails(analyzeWith(parse(html, url), url, undefined, { summary: false }), FULL_STAGES.details);
    expect(a.script).toBe(analyze(parse(html, url), url).script);
    const simplified = fillDetails({ ...a, title: '这个国家们', body: '说过这们时对会过经动实现问题' }, FULL_STAGES.details);
    expect(simplified.script).toBe('simplified');
    const traditional = fillDetails({ ...a, title: '這個國家們', body: '說過這們時對會過經動實現問題' }, FULL_STAGES.details);
    expect(traditional.script).toBe('traditional');
    expect(traditional.published).toBe(a.published);
  });
});

describe('countReadingUnits', () => {
  // The definition it replaced: one match per Han character or per run of letters and digits.
  const reference = (text: string): number => (text.match(/\p{Script=Han}|[\p{L}\p{N}]+/gu) || []).length;
  it('counts the matches of its regex, on corpus bodies and on hostile text', () => {
    for (const id of pageIds().filter((_, i) => i % 6 === 0)) {
      const body = analyze(parse(readPage(id), urlFor(id)), urlFor(id), undefined, { summary: false }).body;
      expect(countReadingUnits(body), id).toBe(reference(body));
    }
    // Runs that start with a letter take the Han after them; radicals (So, Han script) and 〇 (Nl)
    // sit on the edges of both classes; surrogate pairs, lone surrogates, marks and spaces.
    const alphabet = [...'中文abcＡ１23 　，。々〇⺀⼀\u0301_-', '\ud840\udc00', '\ud835\udc1a', '\ud840', '\udc00', '\ud83d\ude00'];
    const rnd = seeded(5);
    for (let i = 0; i < 5000; i++) {
      let s = '';
      for (let j = rnd(30); j > 0; j--) s += alphabet[rnd(alphabet.length)];
      if (countReadingUnits(s) !== reference(s)) expect({ s, n: countReadingUnits(s) }).toEqual({ s, n: reference(s) });
    }
  });
});
