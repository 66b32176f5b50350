import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildStyleIndex, computedStyleIndex, hidingDeclaration, isFloatingDecl, mayHideOrFloat, parseInline, ruleDeclarations, type Declarations } from './visibility';
import { buildDomIndex } from './dom-index';
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

  it('lists the outermost floating boxes an overlay can be, asking no box inside a hidden one or a textless subtree', () => {
    const menu = Array.from({ length: 3 }, (_, i) => `<li id="m${i}" data-cs="position=fixed">item ${i}</li>`).join('');
    const { doc } = laidOut(
      `<div id="f" data-cs="position=fixed">ad <span id="in" data-cs="position=fixed">inner</span></div>` +
        `<ul id="menu" data-cs="display=none">${menu}</ul>` +
        `<div id="icon" data-cs="position=fixed"><img id="img"><i id="i" data-cs="position=fixed"></i></div>` +
        `<div id="h" data-cs="opacity=0">hidden <b id="hb" data-cs="position=fixed">box</b></div>` +
        `<p id="s" data-cs="position=sticky">sticky</p><div id="z" data-cs="position=absolute;zIndex=999">abs</div>` +
        `<div id="low" data-cs="position=absolute;zIndex=5">low</div>`,
    );
    const idx = buildStyleIndex(doc);
    // Known hidden before the overlay walk (hidden-links asks first).
    expect(idx.hiddenReason(doc.getElementById('h')!)).toBe('opacity:0');
    expect(idx.hiddenReason(doc.getElementById('menu')!)).toBe('display:none');
    const got = idx.floatingElements().map((e) => e.id);
    expect(got).toEqual(['f', 's', 'z']);
    // The reference: every body element asked, outermost floating ones kept, then those an
    // overlay skips (invisible, or without text) dropped.
    const els = Array.from(doc.body.querySelectorAll('*'));
    const all = els.filter((el) => idx.floating(el));
    const outer = all.filter((el) => !all.some((p) => p !== el && p.contains(el)));
    const invisible = (el: Element) => { for (let p: Element | null = el; p && p !== doc.body; p = p.parentElement) if (idx.hiddenReason(p)) return true; return false; };
    expect(outer.filter((el) => !invisible(el) && /\S/.test(el.textContent || '')).map((e) => e.id)).toEqual(got);
    expect(outer.map((e) => e.id)).toEqual(['f', 'm0', 'm1', 'm2', 'icon', 'hb', 's', 'z']);
  });

  it('does not ask the style of boxes the overlay walk skips', () => {
    const { doc, calls } = laidOut(
      '<ul id="menu" data-cs="display=none"><li id="m0">a</li><li id="m1">b</li></ul><div id="icon"><img id="img"><i id="i"></i></div>' +
        '<div id="f" data-cs="position=fixed">ad <b id="in">x</b></div><p id="p">text</p>',
    );
    const idx = buildStyleIndex(doc);
    expect(idx.hiddenReason(doc.getElementById('menu')!)).toBe('display:none');
    expect(idx.floatingElements().map((e) => e.id)).toEqual(['f']);
    // Asked: the menu once (its reason), then f and p; nothing inside the menu, the textless
    // icon box or the floating f.
    expect([...calls.keys()].map((e) => e.id)).toEqual(['menu', 'f', 'p']);
    expect([...calls.values()]).toEqual([1, 1, 1]);
  });

  it('without geometry (the extension build, a document not rendered) reads display and visibility only', () => {
    const { doc, reads } = laidOut(
      '<div id="n" data-cs="display=none">a</div><div id="v" data-cs="visibility=collapse">b</div>' +
        '<div id="o" data-cs="opacity=0;fontSize=0px">c</div><p id="h" hidden>d</p><div id="f" data-cs="position=fixed">e</div>',
    );
    const dom = buildDomIndex(doc);
    const idx = computedStyleIndex(doc, () => dom, false);
    expect(idx.layout).toBe(true);
    const els = Array.from(doc.body.querySelectorAll('*'));
    expect(els.map((el) => `${el.id}:${idx.hiddenReason(el)}`)).toEqual(['n:display:none', 'v:visibility:hidden', 'o:', 'h:hidden attribute', 'f:']);
    expect([...reads.get(doc.getElementById('o')!)!.keys()]).toEqual(['display', 'visibility']);
    expect(idx.hiddenCandidates()).toEqual(els);
    expect(idx.floatingElements().map((e) => e.id)).toEqual(['f']);
  });
});

describe('cssText gate (mayHideOrFloat)', () => {
  // Rules that hide or float, some written so that cssText shows a folded or stale shorthand.
  const hiding = [
    '.a{display:none}', '.b{display:NONE !important}', '.c{visibility:collapse}', '.d{position:fixed}', '.e{position:sticky;top:0}',
    '.f{position:absolute;z-index:999}', '.g{position:absolute;left:-9999px}', '.h{position:absolute;margin:0 0 0 -999px}',
    '.i{position:absolute;margin:0;margin-left:-9999px}', '.j{margin-left:-9999px;position:absolute}', '.k{position:absolute;clip:rect(0,0,0,0)}',
    '.l{font-size:0}', '.m{font:0/0 a}', '.n{font:12px a;font-size:0}', '.o{font:12px a !important;font-size:0}', '.p{font-size:.0em}',
    '.q{text-indent:-9999px}', '.r{overflow:hidden;height:0}', '.s{overflow-y:clip;max-width:0}', '.t{opacity:0}', '.u{opacity:.0}',
    '.v{color:#fff;background:#fff}', '.w{background:#fff;background-color:red;color:red}', '.x{color:red;background-color:red}',
    '.y{margin:0 !important;margin-left:-999px !important;position:fixed}', '.z{POSITION:ABSOLUTE;TOP:-999PX}',
  ];
  // Rules the gate must let through without reading a property.
  const plain = [
    'a{color:#333;text-decoration:none}', '.s{margin:0 auto;font-family:serif}', '.t{background:#fff}', '.u{position:relative;left:-9999px}',
    '.v{overflow:hidden}', '.w{height:0}', '.x{opacity:1}', '.y{display:block;visibility:visible}', '.z{border-color:red;background:red}',
  ];
  const rules = (css: string[]) => {
    const doc = new JSDOM(`<style>${css.join('\n')}</style>`).window.document;
    return styleRules(doc);
  };

  it('is true for every rule the checks flag, folded and stale shorthands included', () => {
    let flagged = 0;
    for (const rule of rules(hiding)) {
      const st = ruleDeclarations(rule.style);
      if (!hidingDeclaration(st) && !isFloatingDecl(st)) continue;
      flagged++;
      expect(mayHideOrFloat(rule.style.cssText), rule.cssText).toBe(true);
    }
    expect(flagged).toBeGreaterThanOrEqual(hiding.length - 2); // jsdom drops a value or two (clip)
  });

  it('is false for plain rules', () => {
    for (const rule of rules(plain)) expect(mayHideOrFloat(rule.style.cssText), rule.cssText).toBe(false);
  });

  // Injected pages: the kinds that add hiding stylesheet rules, every other one (their other rules
  // repeat the pages' sheets). .tmp/css/gatecheck.mjs runs all 365 pages.
  const KINDS = /--(hidden-links|overlay|combo|mirror)\.html$/;

  it.runIf(hasCorpus)('holds on every rule of the corpus pages and of injected hiding rules', () => {
    let flagged = 0, through = 0, all = 0;
    for (const dir of ['pages', 'seeds', 'injected']) {
      const files = readdirSync(join(CORPUS, dir)).filter((f) => f.endsWith('.html')).sort();
      for (const f of dir === 'injected' ? files.filter((f) => KINDS.test(f)).filter((_, i) => i % 2 === 0) : files) {
        const doc = new JSDOM(readFileSync(join(CORPUS, dir, f), 'utf8')).window.document;
        for (const rule of styleRules(doc)) {
          all++;
          const gate = mayHideOrFloat(rule.style.cssText);
          if (!gate) through++;
          const st = ruleDeclarations(rule.style);
          if (hidingDeclaration(st) || isFloatingDecl(st)) {
            flagged++;
            if (!gate) expect.fail(`${f}: ${rule.cssText}`);
          }
        }
        doc.defaultView?.close();
      }
    }
    expect(flagged).toBeGreaterThan(500);
    expect(through / all).toBeGreaterThan(0.6); // most rules skip the reads
  }, 180_000);
});

describe('style index without layout', () => {
  const page = (head: string, body: string) => new JSDOM(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`).window.document;

  it('does not run the selector engine for selectors whose attribute or tag the page lacks', () => {
    const doc = page(
      '<style>[ng\\:cloak],[ng-cloak],[data-ng-cloak]{display:none} x-gone a{display:none} [v-cloak]{display:none} div:not([nope]) i{display:none} [data-t="a b"]{display:none}</style>',
      '<p id="v" v-cloak>待编译</p><div><i id="i">x</i></div><span id="t" data-t="a b">t</span>',
    );
    const asked: string[] = [];
    const qsa = doc.querySelectorAll.bind(doc);
    (doc as unknown as { querySelectorAll: (s: string) => unknown }).querySelectorAll = (sel: string) => (asked.push(sel), qsa(sel));
    const idx = buildStyleIndex(doc);
    const hidden = idx.hiddenCandidates().map((e) => e.id);
    expect(hidden.sort()).toEqual(['i', 't', 'v']);
    // [ng\:cloak] … and `x-gone a` cannot match: no such attribute or tag. The others can.
    expect(asked).toEqual(['[v-cloak]', 'div:not([nope]) i', '[data-t="a b"]']);
  });

  it('answers hidden and style attributes from the index, with the same reasons', () => {
    const body =
      '<div id="a" hidden>a</div><div id="b" style="display:none">b</div><div id="c" style="color:#fff;background:#fff">c</div>' +
      '<div id="d" style="margin:0">d</div><div id="e">e</div><div id="f" style="position:fixed">f</div><div id="g" style="position:absolute;z-index:9999">g</div>';
    const reasons = (doc: Document, idx: ReturnType<typeof buildStyleIndex>) =>
      Array.from(doc.body.querySelectorAll('*')).map((el) => `${el.id}:${idx.hiddenReason(el)}:${idx.floating(el)}`);
    const doc = page('', body);
    const dom = buildDomIndex(doc);
    // No hasAttribute; the style text is read once per styled element (the index's shared memo).
    const calls: string[] = [];
    const win = doc.defaultView as unknown as { Element: { prototype: Element } };
    const proto = win.Element.prototype;
    const { hasAttribute, getAttribute } = proto;
    proto.hasAttribute = function (this: Element, n: string) { calls.push(`has ${this.id} ${n}`); return hasAttribute.call(this, n); };
    proto.getAttribute = function (this: Element, n: string) { calls.push(`get ${getAttribute.call(this, 'id')} ${n}`); return getAttribute.call(this, n); };
    const idx = buildStyleIndex(doc, () => dom);
    const got = reasons(doc, idx);
    reasons(doc, idx);
    proto.hasAttribute = hasAttribute;
    proto.getAttribute = getAttribute;
    expect(calls).toEqual(['get b style', 'get c style', 'get d style', 'get f style', 'get g style']);
    expect(got).toEqual([
      'a:hidden attribute:false', 'b:display:none:false', 'c:colour = background:false', 'd::false', 'e::false', 'f::true', 'g::true',
    ]);
    // An element added after the index was built is read live.
    const late = doc.createElement('div');
    late.setAttribute('style', 'visibility:hidden');
    doc.body.append(late);
    expect(buildStyleIndex(doc, () => dom).hiddenReason(late)).toBe('visibility:hidden');
  });
});

describe('the rule path (jsdom)', () => {
  // The rule path with its pre-checks against the plain reading: every style rule at
  // the top level of a sheet, not interactive, that hides or floats, matched by the selector engine.
  it.runIf(hasCorpus)('finds the elements the plain reading of the rules finds, in the same order', () => {
    const INTERACTIVE = /:(hover|focus|active|visited|checked|target|focus-within)|::?(before|after|placeholder|selection|-webkit|-moz)/i;
    let hidden = 0;
    const files = [...readdirSync(join(CORPUS, 'pages')).map((f) => join(CORPUS, 'pages', f)), ...readdirSync(join(CORPUS, 'injected')).filter((f, i) => /--(hidden-links|overlay)\.html$/.test(f) && i % 3 === 0).map((f) => join(CORPUS, 'injected', f))];
    for (const file of files.filter((f) => f.endsWith('.html'))) {
      const doc = new JSDOM(readFileSync(file, 'utf8')).window.document;
      const want = new Map<Element, string>();
      const floating = new Set<Element>();
      for (const sheet of Array.from(doc.styleSheets)) {
        for (const rule of Array.from(sheet.cssRules) as CSSStyleRule[]) {
          if (rule.type !== 1 || INTERACTIVE.test(rule.selectorText)) continue;
          const reason = oracle(rule.style);
          const float = isFloatingDecl(rule.style);
          if (!reason && !float) continue;
          let els: Element[] = [];
          try {
            els = Array.from(doc.querySelectorAll(rule.selectorText));
          } catch {
            continue;
          }
          for (const el of els) {
            if (reason && !want.has(el)) want.set(el, reason);
            if (float) floating.add(el);
          }
        }
      }
      const dom = buildDomIndex(doc);
      const idx = buildStyleIndex(doc, () => dom);
      const styled = dom.styledOrHidden;
      expect(idx.hiddenCandidates().slice(styled.length), file).toEqual([...want.keys()]);
      for (const el of floating) expect(idx.floating(el)).toBe(true);
      hidden += want.size;
      doc.defaultView?.close();
    }
    expect(hidden).toBeGreaterThan(50);
  }, 180_000);
});

describe('the extension build (__QINGDU_BROWSER__ true)', () => {
  // What the content script gets of buildStyleIndex: the rule path, its parsers and the index's
  // simple-selector matcher must not be reachable from it, or the bundler keeps them (about 7 KB,
  // 2.4 KB gzipped).
  const bundle = async (flag: string): Promise<string> => {
    const { build } = await import('vite');
    const dir = mkdtempSync(join(tmpdir(), 'qingdu-vis-'));
    try {
      const entry = join(dir, 'entry.ts');
      writeFileSync(entry, `export { buildStyleIndex } from ${JSON.stringify(resolve(import.meta.dirname, 'visibility.ts'))};\n`);
      const out = await build({
        configFile: false, logLevel: 'silent', publicDir: false, define: { __QINGDU_BROWSER__: flag },
        build: { write: false, minify: false, lib: { entry, formats: ['es'], fileName: 'v' } },
      });
      const first = (Array.isArray(out) ? out[0] : out) as { output: { code?: string }[] };
      // Without comments: they name the other path too.
      return first.output.map((o) => o.code ?? '').join('\n').replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('leaves the stylesheet-rule path and the selector matcher out, and the Node build keeps them', async () => {
    const browser = await bundle('true');
    const node = await bundle('false');
    for (const name of ['ruleStyleIndex', 'collectRules', 'styleSheets', 'parseInline', 'hidingDeclaration', 'jsdom', 'selectSimple', 'simpleSelection']) {
      expect(node, name).toContain(name);
      expect(browser, name).not.toContain(name);
    }
    expect(browser).toContain('getComputedStyle');
  }, 60_000);
});
