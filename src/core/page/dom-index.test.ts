// The one-walk index must answer exactly what the selector engine and the old per-stage walks did.
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDomIndex } from './dom-index';
import { norm } from '../spam/normalize';
import { CORPUS, hasCorpus } from '../../../test/helpers/corpus';

const PAGE = `<html><head><title>t</title><style>.x{display:none}</style></head><body>
  <div class="Foo bar bar" id="Main"><p>正文 text <a href="/1">link one long text</a></p>
  <ul class="list"><li class="item"><a href="/2">b</a></li><li aria-hidden="true"><a>no href</a></li></ul></div>
  <section id="side" style="position:fixed"><p hidden>x</p><svg><foreignObject><div class="in-svg">y</div></foreignObject><a href="#s">svg link</a></svg></section>
  <script>var a = "not text";</script><nav class="menu"><a href="/n">nav</a></nav></body></html>`;

const SELECTORS = [
  '.foo', '.Foo', '#main', '#Main', 'div', 'DIV', 'p', 'div p', 'div > p', 'body > div > p', 'ul li a', 'ul > a', '.list .item',
  'li.item', '.foo.bar', '#Main.bar', 'section #side', 'foreignObject', 'foreignobject', 'svg div', 'div, p, nav', 'html body a',
  'nav a, ul a', '.in-svg', 'a',
  // Lists merged back into document order, an element matched by two parts once, keys absent.
  'p, div', 'nav, .item, #Main', '.bar, #Main, div.Foo', 'a, #side a', '.item a, .nope, #none', '.bar .nope',
];

function check(doc: Document, selectors: string[]): number {
  const index = buildDomIndex(doc);
  let compared = 0;
  for (const sel of selectors) {
    let want: Element[];
    try {
      want = Array.from(doc.querySelectorAll(sel));
    } catch {
      continue; // invalid for the engine: the caller skips it too (ours may return null or [])
    }
    const got = index.select(sel);
    if (got === null) continue;
    expect(got, sel).toEqual(want);
    compared++;
  }
  return compared;
}

describe('dom index', () => {
  for (const [mode, prefix] of [['standards', '<!DOCTYPE html>'], ['quirks', '']]) {
    it(`matches the selector engine on simple selectors (${mode} mode)`, () => {
      const doc = new JSDOM(prefix + PAGE).window.document;
      expect(check(doc, SELECTORS)).toBe(SELECTORS.length);
      const index = buildDomIndex(doc);
      expect(index.select('a[href]')).toBeNull();
      expect(index.select('a:hover')).toBeNull();
      expect(index.anchors).toEqual(Array.from(doc.querySelectorAll('a[href]')));
      expect(index.named).toEqual(Array.from(doc.querySelectorAll('body [class], body [id]')));
      expect(index.styledOrHidden).toEqual(Array.from(doc.body.querySelectorAll('[style], [hidden]')));
      expect(index.bodyByTag('div', 'ul')).toEqual(Array.from(doc.querySelectorAll('body div, body ul')));
      const main = doc.getElementById('Main')!;
      expect(index.anchorsIn(main)).toEqual(Array.from(main.querySelectorAll('a[href]')));
      // The style index's class and id pre-check (built from the index; case rules of the mode).
      const names = index.names!;
      for (const c of ['foo', 'Foo', 'bar', 'BAR', 'list', 'item', 'in-svg', 'menu', 'nope']) expect(names.hasClass(c), c).toBe(doc.getElementsByClassName(c).length > 0);
      for (const id of ['Main', 'main', 'side', 'nope']) expect(names.hasId(id), id).toBe(doc.getElementById(id) !== null);
      // Text lengths: non-space characters, scripts excluded.
      expect(index.textLen(doc.body)).toBe((doc.body.textContent || '').replace(/\s+/g, '').length - 'var a = "not text";'.replace(/\s+/g, '').length);
    });
  }

  it.runIf(hasCorpus)('matches the selector engine on every simple stylesheet selector of the corpus', () => {
    let compared = 0;
    for (const dir of ['pages', 'seeds']) {
      for (const f of readdirSync(join(CORPUS, dir)).filter((f) => f.endsWith('.html'))) {
        const doc = new JSDOM(readFileSync(join(CORPUS, dir, f), 'utf8')).window.document;
        const selectors: string[] = [];
        for (const sheet of Array.from(doc.styleSheets)) {
          for (const rule of Array.from(sheet.cssRules)) if ((rule as CSSStyleRule).selectorText) selectors.push((rule as CSSStyleRule).selectorText);
        }
        compared += check(doc, selectors);
      }
    }
    expect(compared).toBeGreaterThan(500);
  });

  // Per-element answers against the DOM, and short-text norms against norm() itself (the index
  // memoises them and takes a short cut for ASCII).
  it.runIf(hasCorpus)('answers text lengths, anchor stats and short-text norms like the DOM on corpus pages', () => {
    const NO_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
    let shorts = 0;
    for (const f of readdirSync(join(CORPUS, 'pages')).filter((f) => f.endsWith('.html')).slice(0, 12)) {
      const doc = new JSDOM(readFileSync(join(CORPUS, 'pages', f), 'utf8')).window.document;
      const index = buildDomIndex(doc);
      const inBodyText = (t: Node) => doc.body.contains(t) && t.parentElement !== doc.body.parentElement && !NO_TEXT.has((t.parentElement as Element).tagName);
      for (const el of Array.from(doc.body.querySelectorAll('*'))) {
        let len = 0;
        const w = doc.createTreeWalker(el, 4);
        for (let t = w.nextNode(); t; t = w.nextNode()) {
          let skip = false;
          for (let p = t.parentElement; p && p !== el.parentElement; p = p.parentElement) if (NO_TEXT.has(p.tagName)) skip = true;
          if (!skip) len += (t as Text).data.replace(/\s+/g, '').length;
        }
        expect(index.textLen(el), f).toBe(len);
        const as = [el, ...Array.from(el.querySelectorAll('*'))].filter((a) => a.localName === 'a' && a.hasAttribute('href'));
        const st = index.anchorStat(el);
        expect(st?.n ?? 0).toBe(as.length);
        if (st) expect(st.linkLen).toBe(as.reduce((n, a) => n + index.textLen(a), 0));
        const inside = as.filter((a) => a !== el);
        const got = index.anchorsIn(el);
        expect(got.length === inside.length && got.every((a, i) => a === inside[i]), f).toBe(true);
      }
      for (const { node, norm: n } of index.shortTexts) {
        expect(inBodyText(node)).toBe(true);
        expect(n).toBe(norm(node.data.trim()));
        shorts++;
      }
    }
    expect(shorts).toBeGreaterThan(1000);
  });
});

describe('body walks', () => {
  // bodyElements is body.querySelectorAll('*') cut at `limit`; walkBodyText visits the same
  // elements in order but leaves out mute subtrees (no text, no script-like element) and the
  // descendants of an element its visitor refuses.
  const ref = (doc: Document, limit: number, refuse: (el: Element) => boolean) => {
    const NO_TEXT = new Set(['script', 'style', 'noscript', 'template']);
    const all = Array.from(doc.body.querySelectorAll('*')).slice(0, limit);
    const loud = (el: Element) => /\S/.test(el.textContent || '') || [el, ...Array.from(el.querySelectorAll('*'))].some((e) => NO_TEXT.has(e.localName));
    return all.filter((el) => {
      for (let p: Element | null = el; p && p !== doc.body; p = p.parentElement) if (!loud(p) || (p !== el && refuse(p))) return false;
      return true;
    });
  };
  const walked = (doc: Document, limit: number, refuse: (el: Element) => boolean) => {
    const out: Element[] = [];
    buildDomIndex(doc).walkBodyText(limit, (el) => (out.push(el), !refuse(el)));
    return out;
  };
  it('lists the body like the selector engine and skips mute and refused subtrees', () => {
    const doc = new JSDOM(PAGE.replace('<nav', '<div id="mute"><span> </span><img><i></i></div><div id="only-script"><b><script>x</script></b></div><nav')).window.document;
    const index = buildDomIndex(doc);
    expect(index.bodyElements(1e9)).toEqual(Array.from(doc.body.querySelectorAll('*')));
    expect(index.bodyElements(3)).toEqual(Array.from(doc.body.querySelectorAll('*')).slice(0, 3));
    const got = walked(doc, 1e9, (el) => el.id === 'side');
    expect(got).toEqual(ref(doc, 1e9, (el) => el.id === 'side'));
    const ids = got.map((e) => e.id || e.localName);
    expect(ids).toContain('only-script');
    expect(ids).toContain('script');
    expect(ids).not.toContain('mute');
    expect(ids).not.toContain('img');
    expect(ids).not.toContain('foreignObject'); // inside the refused #side
  });
  it.runIf(hasCorpus)('agrees with the DOM on corpus pages', () => {
    let visited = 0;
    for (const f of readdirSync(join(CORPUS, 'pages')).filter((f) => f.endsWith('.html')).slice(0, 6)) {
      const doc = new JSDOM(readFileSync(join(CORPUS, 'pages', f), 'utf8')).window.document;
      const refuse = (el: Element) => el.localName === 'ul' || el.localName === 'table';
      expect(buildDomIndex(doc).bodyElements(1500), f).toEqual(Array.from(doc.body.querySelectorAll('*')).slice(0, 1500));
      const got = walked(doc, 1500, refuse);
      expect(got, f).toEqual(ref(doc, 1500, refuse));
      visited += got.length;
    }
    expect(visited).toBeGreaterThan(1000);
  }, 60_000);
});

describe('node table', () => {
  const doc = new JSDOM(PAGE + '<!-- c -->').window.document;
  // Child nodes the walk must tell apart without nodeType for elements (it asks localName first):
  // a processing instruction (no local name, left out of the table), a foreign element with an
  // upper-case local name, an element among text and comment siblings.
  const side = doc.getElementById('side')!;
  side.append(doc.createProcessingInstruction('x', 'y'), 'tail', doc.createElementNS('http://www.w3.org/2000/svg', 'Ab'), doc.createComment('k'));
  side.insertBefore(doc.createProcessingInstruction('first', ''), side.firstChild);
  const index = buildDomIndex(doc);
  const t = index.nodes;
  it('mirrors the DOM: children, siblings, parents, data, tag names', () => {
    let rows = 0;
    const visit = (n: Node, row: number) => {
      rows++;
      expect(t.node[row]).toBe(n);
      expect(t.type[row]).toBe(n.nodeType);
      if (n.nodeType === 1) {
        const el = n as Element;
        expect(t.tag[row]).toBe(el.tagName.toUpperCase());
        expect(t.attrs[row]).toBe(el.hasAttributes());
        expect(index.rowOf(el)).toBe(row);
        expect(index.textContent(el)).toBe(el.textContent);
        expect(index.textContentLength(el)).toBe((el.textContent || '').length);
        const marks = (el.hasAttribute('hidden') ? 1 : 0) | (el.hasAttribute('style') ? 2 : 0) | (el.hasAttribute('aria-hidden') ? 4 : 0);
        expect(t.marks![row]).toBe(marks);
        expect(index.classAttr(el)).toBe(el.getAttribute('class'));
        expect(index.idAttr(el)).toBe(el.getAttribute('id'));
        expect(index.parentElement(el)).toBe(el.parentElement);
        expect(index.upperTag(el)).toBe(el.tagName.toUpperCase());
        for (const other of [doc.body, doc.documentElement, doc.querySelector('li')!, doc.querySelector('svg')!])
          expect([index.contains(el, other), index.contains(other, el)]).toEqual([el.contains(other), other.contains(el)]);
      } else expect(t.data[row]).toBe((n as CharacterData).data);
      const kids = Array.from(n.childNodes).filter((c) => [1, 3, 8].includes(c.nodeType));
      let c = t.end[row] === row + 1 ? -1 : row + 1;
      for (const k of kids) {
        expect(c).toBeGreaterThan(row);
        expect(t.parent[c]).toBe(row);
        visit(k, c);
        c = t.next[c];
      }
      expect(c).toBe(-1);
    };
    visit(doc.documentElement, 0);
    expect(rows).toBe(t.type.length);
  });
  it('counts non-space characters like replace(/\\s+/g, "")', async () => {
    const { nonSpaceLength } = await import('./dom-index');
    for (const s of ['', ' a b ', '\u3000中\u00a0文\ufeff', '\u2000x\u200ay\u200bz', 'tab\tnl\n\u2028\u2029😀'])
      expect(nonSpaceLength(s)).toBe(s.replace(/\s+/g, '').length);
  });
  it('isBlank is !s.trim() on every UTF-16 code unit, alone and around text', async () => {
    const { isBlank } = await import('./dom-index');
    const wrong: number[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const s of [ch, ` ${ch}\n`, `${ch}${ch}`]) if (isBlank(s) !== !s.trim()) wrong.push(c);
    }
    expect(wrong).toEqual([]);
    for (const s of ['', ' \n\t', '\u3000\u00a0\ufeff', ' a ', '\u200b', '\n中\n']) expect(isBlank(s), JSON.stringify(s)).toBe(!s.trim());
  });
  it('isSpaceCode is JS \\s (plus U+200B–U+200D with zeroWidth) on every UTF-16 code unit', async () => {
    const { isSpaceCode } = await import('./dom-index');
    const wrong: number[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      if (isSpaceCode(c) !== /\s/.test(ch) || isSpaceCode(c, true) !== /[\s\u200b-\u200d]/.test(ch)) wrong.push(c);
    }
    expect(wrong).toEqual([]);
  });
});
