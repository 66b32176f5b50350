import { it } from 'vitest';
import { analyze } from '../../src/core/analyze';
import { createContext } from '../../src/core/page/context';
import { detectSpam, DETECTORS } from '../../src/core/spam/index';
import { createFacts } from '../../src/core/spam/facts';
import { DEFAULT_ANALYZE_SETTINGS } from '../../src/core/kinds';
import { pageIds, parse, readPage, urlFor } from '../helpers/corpus';
import { Readability } from '@mozilla/readability';

it('probe', () => {
  const ids = (process.env.IDS || '').split(',').filter(Boolean);
  for (const id of ids.length ? ids : pageIds().slice(0, 8)) {
    const url = urlFor(id);
    const html = readPage(id);
    let t = performance.now();
    const doc = parse(html, url);
    const tParse = performance.now() - t;
    t = performance.now();
    const ctx = createContext(doc, url, DEFAULT_ANALYZE_SETTINGS);
    const facts = createFacts(ctx);
    const per: string[] = [`facts ${(performance.now() - t).toFixed(0)}`];
    for (const d of DETECTORS) {
      const t1 = performance.now();
      const r = d.detect(facts);
      per.push(`${d.kind} ${(performance.now() - t1).toFixed(0)}(${r.length})`);
      for (const b of r) if (b.element) ctx.excluded.add(b.element);
    }
    t = performance.now();
    const a = analyze(parse(html, url), url);
    const tA = performance.now() - t;
    const d2 = parse(html, url);
    t = performance.now();
    new Readability(d2).parse();
    const tR = performance.now() - t;
    console.log(id, `parse ${tParse.toFixed(0)} analyze ${tA.toFixed(0)} (ms=${a.ms}) readability ${tR.toFixed(0)} |`, per.join(' '));
  }
});
