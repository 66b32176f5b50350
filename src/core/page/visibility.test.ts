import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildStyleIndex, hidingDeclaration, isFloatingDecl, parseInline, ruleDeclarations, type Declarations } from './visibility';
import { CORPUS, hasCorpus } from '../../../test/helpers/corpus';

/** Every style rule of the document, @media and @supports included (the filter must hold for all). */
function styleRules(doc: Document): CSSStyleRule[] {
  const out: CSSStyleRule[] = [];
  const visit = (rules: CSSRuleList) => {
    for (let i = 0; i < rules.length; i++) {
      const r = rules[i] as CSSStyleRule & { cssRules?: CSSRuleList };
      if (r.type === 1) out.push(r);
      if (r.cssRules) visit(r.cssRules);
    }
  };
  for (let i = 0; i < doc.styleSheets.length; i++) visit(doc.styleSheets[i].cssRules);
  return out;
}

// hidingDeclaration as it was before it skipped reads: the oracle for the reordered checks.
const px = (v: string) => {
  const m = /^\s*(-?[\d.]+)\s*(px|pt|em|rem)?\s*(!important)?\s*$/i.exec(v || '');
  return m ? parseFloat(m[1]) * (m[2] && /em|rem/i.test(m[2]) ? 16 : 1) : NaN;
};
function oracle(st: Declarations): string {
  const g = (n: string) => st.getPropertyValue(n);
  if (g('display').trim() === 'none') return 'display:none';
  const vis = g('visibility').trim();
  if (vis === 'hidden' || vis === 'collapse') return 'visibility:hidden';
  const pos = g('position').trim();
  if (pos === 'absolute' || pos === 'fixed') for (const side of ['left', 'top', 'right', 'bottom', 'margin-left', 'margin-top']) if (px(g(side)) <= -500) return 'off-screen';
  const fs = g('font-size').trim();
  if (fs && px(fs) === 0) return 'font-size:0';
  if (px(g('text-indent')) <= -999) return 'text-indent';
  const overflow = g('overflow').trim() || g('overflow-y').trim();
  if (overflow === 'hidden' || overflow === 'clip') {
    if (px(g('height')) === 0 || px(g('max-height')) === 0) return 'height:0';
    if (px(g('width')) === 0 || px(g('max-width')) === 0) return 'width:0';
  }
  const clip = g('clip').replace(/\s+/g, '');
  if (pos === 'absolute' && /^rect\(0(px)?,?0(px)?,?0(px)?,?0(px)?\)$/.test(clip)) return 'clip';
  const opacity = g('opacity').trim();
  if (opacity !== '' && parseFloat(opacity) === 0) return 'opacity:0';
  const color = g('color').replace(/\s+/g, '').toLowerCase();
  const bg = (g('background-color') || g('background')).replace(/\s+/g, '').toLowerCase();
  if (color && bg && color === bg) return 'colour = background';
  return '';
}

describe('rule declarations', () => {
  const tricky = [
    '.a{display:none}', '.b{visibility:hidden}', '.c{position:absolute;left:-9999px}', '.d{font:0/0 a}', '.e{font-size:0}',
    '.f{text-indent:-9999px}', '.g{overflow:hidden;height:0}', '.h{overflow-y:hidden;max-height:0}', '.i{position:absolute;clip:rect(0 0 0 0)}',
    '.j{opacity:0}', '.k{color:#fff;background:#fff}', '.l{color:#fff;background-color:#fff}', '.m{position:fixed}',
    '.n{position:absolute;z-index:999}', '.o{display:var(--x)}', '.p{overflow:var(--o);height:0}', '.q{inset:-9999px;position:absolute}',
    '.r{color:red}', '.s{margin:0 auto;font-family:serif}', '.t{background:#fff}', '.u{clip:rect(0 0 0 0)}', '.v{}',
  ];
  const check = (doc: Document) => {
    let hiding = 0;
    for (const rule of styleRules(doc)) {
      const want = oracle(rule.style);
      const got = ruleDeclarations(rule.style);
      expect(hidingDeclaration(got), rule.cssText).toBe(want);
      expect(isFloatingDecl(got)).toBe(isFloatingDecl(rule.style));
      if (want) hiding++;
    }
    for (const el of Array.from(doc.querySelectorAll('[style]'))) {
      const st = parseInline(el.getAttribute('style')!);
      expect(hidingDeclaration(st), el.getAttribute('style')!).toBe(oracle(st));
    }
    return hiding;
  };

  it('gives the same verdicts as reading the rule directly', () => {
    const doc = new JSDOM(`<style>${tricky.join('\n')}</style>`).window.document;
    expect(check(doc)).toBeGreaterThanOrEqual(10);
  });

  it('reads each property once, and clip or the background only when they can matter', () => {
    const reads: string[] = [];
    const style = { getPropertyValue: (n: string) => (reads.push(n), n === 'color' ? 'red' : n === 'position' ? 'relative' : '') } as unknown as CSSStyleDeclaration;
    const st = ruleDeclarations(style);
    expect(hidingDeclaration(st)).toBe('');
    expect(isFloatingDecl(st)).toBe(false);
    expect(reads).toEqual(['display', 'visibility', 'position', 'font-size', 'text-indent', 'overflow', 'overflow-y', 'opacity', 'color', 'background-color', 'background']);
    reads.length = 0;
    hidingDeclaration({ getPropertyValue: (n: string) => (reads.push(n), '') });
    expect(reads).not.toContain('clip');
    expect(reads).not.toContain('background-color');
  });

  it.runIf(hasCorpus)('gives the same verdicts on every rule and style attribute of the corpus pages', () => {
    let hiding = 0;
    for (const dir of ['pages', 'seeds']) {
      for (const f of readdirSync(join(CORPUS, dir)).filter((f) => f.endsWith('.html'))) {
        const doc = new JSDOM(readFileSync(join(CORPUS, dir, f), 'utf8')).window.document;
        hiding += check(doc);
        doc.defaultView?.close();
      }
    }
    expect(hiding).toBeGreaterThan(50);
  }, 60_000);
});

describe('style index with layout', () => {
  // A document that claims layout, with getComputedStyle answering from a data attribute and
  // counting every call and property read.
  const DEFAULTS: Record<string, string> = {
    display: 'block', visibility: 'visible', fontSize: '16px', textIndent: '0px', opacity: '1', position: 'static',
    overflow: 'visible', overflowY: 'visible', color: 'rgb(0, 0, 0)', backgroundColor: 'rgba(0, 0, 0, 0)', zIndex: 'auto', clip: 'auto',
  };
  function laidOut(body: string) {
    const dom = new JSDOM(`<!DOCTYPE html><body>${body}</body>`);
    const win = dom.window;
    Object.defineProperty(win.navigator, 'userAgent', { get: () => 'Mozilla/5.0 Chrome/120' });
    const calls = new Map<Element, number>();
    const reads = new Map<Element, Map<string, number>>();
    (win as unknown as { getComputedStyle: (el: Element) => unknown }).getComputedStyle = (el: Element) => {
      calls.set(el, (calls.get(el) || 0) + 1);
      const own: Record<string, string> = { ...DEFAULTS };
      for (const part of (el.getAttribute('data-cs') || '').split(';')) {
        const [k, v] = part.split('=');
        if (k) own[k.trim()] = v.trim();
      }
      const r = reads.get(el) ?? new Map<string, number>();
      reads.set(el, r);
      return new Proxy(own, { get: (t, p: string) => (r.set(p, (r.get(p) || 0) + 1), t[p]) });
    };
    const rect = { x: 10, y: 10, left: 10, top: 10, right: 110, bottom: 30, width: 100, height: 20 };
    for (const el of Array.from(win.document.querySelectorAll('[data-rect]'))) {
      const [w, h, right, bottom] = el.getAttribute('data-rect')!.split(',').map(Number);
      const r = { ...rect, width: w, height: h, right, bottom };
      Object.assign(el, { getBoundingClientRect: () => r, getClientRects: () => [r] });
    }
    for (const el of Array.from(win.document.querySelectorAll('body *:not([data-rect])')))
      Object.assign(el, { getBoundingClientRect: () => rect, getClientRects: () => [rect] });
    return { doc: win.document, calls, reads };
  }

  it('gives the same reasons as the checks read one by one', () => {
    const cases: [string, string][] = [
      ['display=none', 'display:none'],
      ['visibility=collapse', 'visibility:hidden'],
      ['fontSize=0px', 'font-size:0'],
      ['textIndent=-9999px', 'text-indent'],
      ['opacity=0', 'opacity:0'],
      ['position=absolute', ''],
      ['overflow=hidden;overflowY=hidden', 'height:0'],
      ['overflow=visible hidden;overflowY=hidden', 'height:0'],
      ['overflow=clip;overflowY=clip', 'height:0'],
      ['overflow=visible clip;overflowY=clip', ''],
      ['overflow=hidden auto;overflowY=auto', ''],
      ['color=rgb(255, 255, 255);backgroundColor=rgb(255, 255, 255)', 'colour = background'],
      ['', ''],
    ];
    const { doc } = laidOut(cases.map(([cs], i) => `<div id="c${i}" data-cs="${cs}" ${/overflow/.test(cs) ? 'data-rect="100,0,110,10"' : ''}>x</div>`).join('') +
      '<div id="off" data-cs="position=absolute" data-rect="100,20,-5000,20">x</div>' +
      '<div id="clip" data-cs="position=absolute;clip=rect(0px, 0px, 0px, 0px)">x</div>');
    const idx = buildStyleIndex(doc);
    expect(idx.layout).toBe(true);
    cases.forEach(([cs, want], i) => expect(idx.hiddenReason(doc.getElementById(`c${i}`)!), cs).toBe(want));
    expect(idx.hiddenReason(doc.getElementById('off')!)).toBe('off-screen');
    expect(idx.hiddenReason(doc.getElementById('clip')!)).toBe('clip');
  });

  it('asks the browser once per element and reads each property once', () => {
    const { doc, calls, reads } = laidOut(
      '<div id="a">plain</div><div id="f" data-cs="position=fixed">fixed</div><div id="z" data-cs="position=absolute;zIndex=999">abs</div>' +
        '<div id="h" data-cs="display=none">none</div>',
    );
    const idx = buildStyleIndex(doc);
    const els = Array.from(doc.body.querySelectorAll('*'));
    for (const el of els) idx.hiddenReason(el);
    expect(idx.floatingElements().map((e) => e.id)).toEqual(['f', 'z']);
    for (const el of els) {
      expect(calls.get(el), el.id).toBe(1);
      for (const [prop, n] of reads.get(el)!) expect(n, `${el.id}.${prop}`).toBe(1);
    }
    // A visible static element: nine reads, no overflow shorthand.
    expect([...reads.get(doc.getElementById('a')!)!.keys()]).toEqual(['display', 'visibility', 'fontSize', 'textIndent', 'opacity', 'position', 'overflowY', 'color', 'backgroundColor']);
  });
});
