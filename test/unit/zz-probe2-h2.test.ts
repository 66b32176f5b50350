import { it } from 'vitest';
import { buildStyleIndex } from '../../src/core/page/visibility';
import { pageIds, parse, readPage, urlFor } from '../helpers/corpus';

it('probe2', () => {
  for (const id of pageIds().slice(0, 4)) {
    const doc = parse(readPage(id), urlFor(id));
    let t = performance.now();
    const idx = buildStyleIndex(doc);
    idx.hiddenReason(doc.body);
    const tRules = performance.now() - t;
    let nRules = 0, nHide = 0;
    for (const s of Array.from(doc.styleSheets)) { try { nRules += s.cssRules.length; } catch {} }
    t = performance.now();
    const all = Array.from(doc.querySelectorAll('body [style], body [hidden], body [class], body [id]'));
    for (const el of all) if (idx.hiddenReason(el)) nHide++;
    const tAll = performance.now() - t;
    t = performance.now();
    const n = doc.querySelectorAll('*').length;
    for (const el of Array.from(doc.querySelectorAll('*'))) el.textContent;
    const tTC = performance.now() - t;
    console.log(id, `rules ${nRules} index ${tRules.toFixed(0)}ms; ${all.length} cands ${tAll.toFixed(0)}ms hidden ${nHide}; ${n} els textContent-all ${tTC.toFixed(0)}ms`);
  }
});
