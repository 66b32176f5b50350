import { it } from 'vitest';
import { analyze } from '../../src/core/analyze';
import { pageIds, parse as parse0, readPage, urlFor } from '../helpers/corpus';
import { JSDOM } from 'jsdom';
const win = new JSDOM('', { url: 'http://example.com/' }).window;
const parse = (html: string, _u: string) => process.env.DP ? new win.DOMParser().parseFromString(html, 'text/html') : parse0(html, _u);

it('probe3', () => {
  for (const id of pageIds().slice(0, 36)) {
    const url = urlFor(id);
    const doc = parse(readPage(id), url);
    const t = performance.now();
    const a = process.env.NOAN ? { hidden: [] } : analyze(doc, url);
    const kinds: Record<string, number> = {};
    for (const b of a.hidden) kinds[b.kind] = (kinds[b.kind] || 0) + 1;
    console.log(id, (performance.now() - t).toFixed(0), 'ms', Math.round(process.memoryUsage().heapUsed / 1e6), 'MB', JSON.stringify(kinds));
    doc.defaultView?.close();
    (globalThis as { gc?: () => void }).gc?.();
  }
});
