// The title reader's link test reads the node table instead of el.querySelector('a') (a selector
// compiled per document under jsdom): the answers must be the selector engine's.
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDomIndex } from './dom-index';
import { hasAnchor } from './title';
import { CORPUS, hasCorpus } from '../../../test/helpers/corpus';

describe('hasAnchor', () => {
  it('answers el.querySelector("a") !== null, for indexed elements and for elements added later', () => {
    const doc = new JSDOM('<body><h1>t<a>x</a></h1><h2><span><a href="/">y</a></span></h2><h3>z</h3><a id="self">s</a><svg><a>v</a></svg></body>').window.document;
    const index = buildDomIndex(doc);
    const late = doc.createElement('div');
    late.innerHTML = '<p><a>n</a></p><p>m</p>';
    doc.body.append(late);
    const els = [...Array.from(doc.querySelectorAll('*'))];
    for (const el of els) expect(hasAnchor(index, el), el.outerHTML).toBe(el.querySelector('a') !== null);
    expect(hasAnchor(index, doc.getElementById('self')!)).toBe(false);
    expect(hasAnchor(index, late)).toBe(true);
  });

  it.runIf(hasCorpus)('agrees with the selector engine on every element of corpus pages', () => {
    let checked = 0;
    for (const f of readdirSync(join(CORPUS, 'pages')).filter((f) => f.endsWith('.html')).slice(0, 12)) {
      const doc = new JSDOM(readFileSync(join(CORPUS, 'pages', f), 'utf8')).window.document;
      const index = buildDomIndex(doc);
      for (const el of Array.from(doc.querySelectorAll('*'))) {
        expect(hasAnchor(index, el), f).toBe(el.querySelector('a') !== null);
        checked++;
      }
      expect(index.byTag('h1')[0] ?? null).toBe(doc.querySelector('h1'));
    }
    expect(checked).toBeGreaterThan(5000);
  });
});
