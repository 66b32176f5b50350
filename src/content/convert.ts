// In-place, reversible script conversion of the live page. Text nodes, the title and a few
// attributes are rewritten with their originals kept, so restore() gives back the identical
// serialisation. Content added later is converted by one MutationObserver that recognises its
// own writes and yields to the page's own 简体|繁体 switcher instead of fighting it.
// No static import of opencc dictionaries: core/script/convert imports them on first use.
import { loadTextConverter, isTraditional, type ScriptSource, type TextConverter } from '../core/script/convert';
import { scriptCounts } from '../core/script/detect';
import type { ScriptTarget } from '../core/types';

export interface PageConverter {
  readonly current: 'original' | ScriptTarget;
  convert(target: ScriptTarget): Promise<void>;
  restore(): void;
  stop(): void;
}

export interface PageConverterOptions {
  isOwnUi(node: Node): boolean;
  /** Milliseconds of work before yielding to the page (huge pages). */
  sliceMs?: number;
}

interface Written {
  original: string;
  written: string;
}

const ATTRS = ['title', 'alt', 'placeholder', 'aria-label'];
// Text that is code, script, a form value or not text at all.
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'CODE', 'KBD', 'SAMP', 'VAR', 'IFRAME', 'OBJECT']);
const CODE_CLASS = /\b(code|highlight|prettyprint|hljs|syntax|language-|lang-|brush:)/i;
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());
const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export function createPageConverter(doc: Document, opts: PageConverterOptions): PageConverter {
  const sliceMs = opts.sliceMs ?? 12;
  let current: 'original' | ScriptTarget = 'original';
  let generation = 0;
  let convertText: TextConverter | null = null;
  let source: ScriptSource = 'cn';
  let observer: MutationObserver | null = null;

  const texts = new WeakMap<Text, Written>();
  const attrs = new WeakMap<Element, Map<string, Written>>();
  const touchedTexts = new Set<Text>();
  const touchedEls = new Set<Element>();

  /** False for code, form values, editable regions, translate=no and Qingdu's own UI. */
  function skipElement(el: Element): boolean {
    const tag = el.tagName.toUpperCase();
    if (SKIP_TAGS.has(tag)) return true;
    if (tag === 'PRE' && CODE_CLASS.test(el.getAttribute('class') || '')) return true;
    const editable = el.getAttribute('contenteditable');
    if (editable !== null && editable !== 'false') return true;
    if (el.getAttribute('translate') === 'no' || el.classList?.contains('notranslate')) return true;
    return opts.isOwnUi(el);
  }

  /** Text nodes and elements under `root` that may be converted (root itself included). */
  function collect(root: Node, outTexts: Text[], outEls: Element[]): void {
    if (root.nodeType === 3) {
      const parent = root.parentElement;
      if (parent && !insideSkipped(parent)) outTexts.push(root as Text);
      return;
    }
    if (root.nodeType !== 1 && root.nodeType !== 9 && root.nodeType !== 11) return;
    if (root.nodeType === 1 && insideSkipped(root as Element)) return;
    const stack: Node[] = [root];
    while (stack.length) {
      const node = stack.pop()!;
      if (node.nodeType === 1) {
        const el = node as Element;
        if (node !== root && skipElement(el)) continue;
        if (ATTRS.some((a) => el.hasAttribute(a))) outEls.push(el);
      }
      for (let c = node.lastChild; c; c = c.previousSibling) {
        if (c.nodeType === 3) {
          if ((c as Text).data.length && HAN.test((c as Text).data)) outTexts.push(c as Text);
        } else if (c.nodeType === 1) stack.push(c);
      }
    }
    outTexts.reverse();
  }

  function insideSkipped(el: Element): boolean {
    for (let e: Element | null = el; e; e = e.parentElement) if (skipElement(e)) return true;
    return false;
  }

  function convertNode(node: Text, convert: TextConverter): void {
    const data = node.data;
    const known = texts.get(node);
    if (known && known.written === data) return; // our own output: never convert it twice
    if (!HAN.test(data)) return;
    const out = convert(data);
    if (out === data) {
      if (known) forgetText(node);
      return;
    }
    texts.set(node, { original: data, written: out });
    touchedTexts.add(node);
    node.data = out;
  }

  function convertAttrs(el: Element, convert: TextConverter, only?: string): void {
    for (const name of only ? [only] : ATTRS) {
      const value = el.getAttribute(name);
      if (value === null || !HAN.test(value)) continue;
      let map = attrs.get(el);
      const known = map?.get(name);
      if (known && known.written === value) continue;
      const out = convert(value);
      if (out === value) continue;
      if (!map) attrs.set(el, (map = new Map()));
      map.set(name, { original: value, written: out });
      touchedEls.add(el);
      el.setAttribute(name, out);
    }
  }

  function forgetText(node: Text): void {
    texts.delete(node);
    touchedTexts.delete(node);
  }

  /** Which family a set of strings is written in, or null when there is no evidence. */
  function familyOf(strings: string[]): ScriptSource | null {
    const { simplified, traditional } = scriptCounts(strings.join(''));
    if (simplified + traditional === 0) return null;
    return traditional > simplified ? 't' : 'cn';
  }

  async function converterFor(from: ScriptSource, target: ScriptTarget): Promise<TextConverter> {
    return loadTextConverter(from, target);
  }

  function onMutations(records: MutationRecord[]): void {
    if (current === 'original' || !convertText) return;
    const target = current;
    const newTexts: Text[] = [];
    const newEls: Element[] = [];
    const changed: Text[] = [];
    const attrChanges: [Element, string][] = [];
    for (const r of records) {
      if (r.type === 'childList') {
        r.addedNodes.forEach((n) => {
          if (!opts.isOwnUi(n)) collect(n, newTexts, newEls);
        });
      } else if (r.type === 'characterData') {
        const node = r.target as Text;
        const known = texts.get(node);
        if (known && known.written === node.data) continue; // our write
        if (known) forgetText(node); // the page rewrote it: its new text is the new original
        if (node.parentElement && !insideSkipped(node.parentElement)) changed.push(node);
      } else if (r.type === 'attributes' && r.attributeName) {
        const el = r.target as Element;
        const known = attrs.get(el)?.get(r.attributeName);
        if (known && known.written === el.getAttribute(r.attributeName)) continue;
        attrs.get(el)?.delete(r.attributeName);
        if (!insideSkipped(el)) attrChanges.push([el, r.attributeName]);
      }
    }
    const all = [...newTexts, ...changed];
    if (!all.length && !newEls.length && !attrChanges.length) return;
    // Text in the target's family that the page's source is not in was written by another
    // converter (the site's own 简体|繁体 link): adopt it as the page's own and leave it alone.
    const family = familyOf(all.map((n) => n.data));
    const targetFamily: ScriptSource = isTraditional(target) ? 't' : 'cn';
    if (family !== null && family === targetFamily && family !== source) return;
    const apply = (convert: TextConverter) => {
      for (const n of all) if (n.isConnected) convertNode(n, convert);
      for (const el of newEls) convertAttrs(el, convert);
      for (const [el, name] of attrChanges) convertAttrs(el, convert, name);
      observer?.takeRecords(); // drop the records of our own writes
    };
    if (family === null || family === source) apply(convertText);
    else {
      const gen = generation;
      void converterFor(family, target)
        .then((convert) => {
          if (gen === generation && current === target) apply(convert);
        })
        .catch(() => undefined);
    }
  }

  function startObserver(): void {
    if (observer) return;
    // The document's own window first: jsdom documents in Node, other frames in the browser.
    const view = doc.defaultView as unknown as { MutationObserver?: typeof MutationObserver } | null;
    const MO = view?.MutationObserver ?? (typeof MutationObserver === 'undefined' ? undefined : MutationObserver);
    if (!MO) return;
    observer = new MO((records) => {
      try {
        onMutations(records);
      } catch {
        /* never break the page */
      }
    });
    observer.observe(doc, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ATTRS });
  }

  function stopObserver(): void {
    observer?.disconnect();
    observer = null;
  }

  function restore(): void {
    generation++;
    stopObserver();
    for (const node of touchedTexts) {
      const w = texts.get(node);
      if (w && node.data === w.written) node.data = w.original;
      texts.delete(node);
    }
    for (const el of touchedEls) {
      const map = attrs.get(el);
      if (map) for (const [name, w] of map) if (el.getAttribute(name) === w.written) el.setAttribute(name, w.original);
      attrs.delete(el);
    }
    touchedTexts.clear();
    touchedEls.clear();
    convertText = null;
    current = 'original';
  }

  async function convert(target: ScriptTarget): Promise<void> {
    if (current === target) return;
    if (current !== 'original') restore();
    const gen = ++generation;
    let nodes: Text[] = [];
    let els: Element[] = [];
    if (doc.documentElement) collect(doc.documentElement, nodes, els);
    // Source measured from the page text (not `lang`): a page the site itself already switched
    // to the target family only gets the regional step (t -> tw), never a second full pass.
    let sample = '';
    for (const n of nodes) {
      sample += n.data;
      if (sample.length > 20000) break;
    }
    const { simplified, traditional } = scriptCounts(sample);
    source = traditional > simplified ? 't' : 'cn';
    const converter = await converterFor(source, target);
    if (gen !== generation) return;
    convertText = converter;
    current = target;
    if (nodes.length) {
      // The page may have changed while the dictionaries loaded: walk it again.
      nodes = [];
      els = [];
      if (doc.documentElement) collect(doc.documentElement, nodes, els);
    }
    // The page can only change while we yield: watch it then, and not during our own writes
    // (every watched write would cost a mutation record).
    let deadline = now() + sliceMs;
    for (let i = 0; i < nodes.length; i++) {
      if (!nodes[i].isConnected) continue;
      convertNode(nodes[i], converter);
      if ((i & 63) === 63 && now() > deadline) {
        startObserver();
        await pause();
        stopObserver();
        if (gen !== generation) return;
        deadline = now() + sliceMs;
      }
    }
    for (const el of els) convertAttrs(el, converter);
    startObserver();
  }

  return {
    get current() {
      return current;
    },
    convert,
    restore,
    stop() {
      generation++;
      stopObserver();
    },
  };
}
