// The title reader's link test reads the node table instead of el.querySelector('a') (a selector
// compiled per document under jsdom): the answers must be the selector engine's.
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDomIndex, hiddenInMarkupAt, tableAt } from './dom-index';
import { BLOCK_TAGS, createContext, domIndex, type PageContext } from './context';
import { textLines } from './textlines';
import { DEFAULT_ANALYZE_SETTINGS } from '../kinds';
import { hasAnchor } from './title';
import { CORPUS, corpusSample, hasCorpus } from '../../../test/helpers/corpus';

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

describe('textLines', () => {
  // The walk as it was: every line folded with the regex, spaces before a line's first text kept
  // (the walker skips the fold when a line holds nothing but spaces and drops those spaces).
  const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'SVG', 'SELECT', 'OPTION', 'TEXTAREA', 'RT', 'RP', 'BUTTON']);
  const plainLines = (ctx: PageContext): { text: string; node: Element }[] => {
    const lines: { text: string; node: Element }[] = [];
    let buf = '';
    let node: Element | null = null;
    const flush = () => {
      const t = buf.replace(/[\s\u00a0\u3000\u200b-\u200d\ufeff]+/g, ' ').trim();
      if (t && node) lines.push({ text: t, node });
      buf = '';
      node = null;
    };
    const { table: t } = tableAt(domIndex(ctx), ctx.doc.body);
    const walk = (r: number) => {
      if (t.end[r] === r + 1) return;
      for (let c = r + 1; c >= 0; c = t.next[c]) {
        if (t.type[c] === 3) {
          if (!node && t.data[c].trim()) node = t.node[r] as Element;
          buf += t.data[c];
        } else if (t.type[c] === 1) {
          const tag = t.tag[c];
          if (SKIP.has(tag) || ctx.excluded.has(t.node[c] as Element) || hiddenInMarkupAt(t, c)) continue;
          if (tag === 'BR' || BLOCK_TAGS.has(tag)) {
            flush();
            walk(c);
            flush();
          } else {
            buf += ' ';
            walk(c);
            buf += ' ';
          }
        }
      }
    };
    walk(tableAt(domIndex(ctx), ctx.doc.body).row);
    flush();
    return lines;
  };
  it('folds and drops spaces like the regex on every line', () => {
    const url = 'http://example.gov.cn/a.html';
    const doc = new JSDOM(`<body>\n <div> \u3000<span> </span>\n<p>\u200b</p><p>\u200b 一\u00a0二 </p><b> 三 </b><i></i>四<br>\ufeff<div>\n</div></div></body>`, { url }).window.document;
    const lines = textLines(createContext(doc, url, DEFAULT_ANALYZE_SETTINGS));
    expect(lines.map((l) => [l.text, l.node.tagName])).toEqual([['一 二', 'P'], ['三 四', 'B']]);
  });
  it.runIf(hasCorpus)('gives the old walk\'s lines on corpus pages', () => {
    let n = 0;
    for (const { name: f, url, doc } of corpusSample(12)) {
      const ctx = createContext(doc, url, DEFAULT_ANALYZE_SETTINGS);
      const want = plainLines(ctx);
      expect(textLines(ctx), f).toEqual(want);
      n += want.length;
    }
    expect(n).toBeGreaterThan(1000);
  }, 60000);
});
