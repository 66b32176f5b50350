// Text repair: pinyin annotations (ruby and plain), GBK off-by-one mojibake, symbols inserted
// before Chinese punctuation, stray entity remainders. Every rule needs strong evidence: real
// pages must come out unchanged (tested on every corpus page).
import { domIndex, type PageContext } from '../page/context';
import { tableAt, type NodeTable } from '../page/dom-index';
import type { Repair } from '../types';
import { createTextContext, REPAIR_SKIP, type TextContext } from './context';
import { findMojibake, type TextFix } from './mojibake';
import { isPinyinSyllable, textAnnotations } from './pinyin';

// Decorative symbols spliced before Chinese punctuation (♤，): arrows, geometric shapes,
// miscellaneous symbols, dingbats and emoji; never ©®™ or units like ℃.
const SYMBOL_BEFORE_PUNCT =
  /(?<=[\p{Script=Han}”’）」』》])[\u2190-\u21ff\u25a0-\u25ff\u2600-\u27bf\u2b00-\u2bff\u{1f300}-\u{1faff}](?=[，。、；：！？])/gu;
// "&nbsp;" whose "&" was lost (or eaten by mojibake). Not after "&", ";", letters or digits.
const ENTITY_REMAINDER = /(?<![&#;A-Za-z0-9])(nbsp|ensp|emsp|ldquo|rdquo|lsquo|rsquo|mdash|hellip|middot);/g;
const ENTITY_TEXT: Record<string, string> = {
  nbsp: ' ', ensp: ' ', emsp: ' ', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', mdash: '—', hellip: '…', middot: '·',
};

/** All repairs in one string, non-overlapping, sorted. `ctx` defaults to the text itself. */
export function findTextFixes(text: string, ctx: TextContext = createTextContext(text)): TextFix[] {
  if (!text) return [];
  const fixes = findMojibake(text, ctx);
  const add = (fix: TextFix) => {
    if (!fixes.some((f) => fix.start < f.end && fix.end > f.start)) fixes.push(fix);
  };
  for (const m of textAnnotations(text)) add({ kind: 'pinyin', start: m.index!, end: m.index! + m[0].length, to: m[1] });
  for (const m of text.matchAll(SYMBOL_BEFORE_PUNCT)) add({ kind: 'symbol', start: m.index!, end: m.index! + m[0].length, to: '' });
  for (const m of text.matchAll(ENTITY_REMAINDER)) add({ kind: 'entity', start: m.index!, end: m.index! + m[0].length, to: ENTITY_TEXT[m[1]] });
  return fixes.sort((a, b) => a.start - b.start);
}

export function applyTextFixes(text: string, fixes: TextFix[]): string {
  let out = '';
  let at = 0;
  for (const f of fixes) {
    out += text.slice(at, f.start) + f.to;
    at = f.end;
  }
  return out + text.slice(at);
}

/**
 * The same repairs as on the page, for any string (title, body, blocks). `known` are the page's
 * repairs from findRepairs: their mojibake decisions were made with the whole page as context
 * (pinyin of the ruby annotations, which the body text no longer carries), so they are reused
 * verbatim before the string is judged on its own.
 */
export function repairText(text: string, known?: readonly Repair[]): string {
  if (!text) return text;
  if (Array.isArray(known)) {
    for (const r of known) if (r.kind === 'mojibake' && r.from.length > 1 && text.includes(r.from)) text = text.split(r.from).join(r.to);
  }
  const fixes = findTextFixes(text);
  return fixes.length ? applyTextFixes(text, fixes) : text;
}


/**
 * Repairs on the live page: every text node of the document (the title and chrome too, as the
 * mirror damaged them all) and every pinyin <ruby>. `root` and `title` are kept for the
 * pipeline's signature; the whole document is the context that tells lost characters apart.
 */
export function findRepairs(ctx: PageContext, _root: Element | null, _title: string): Repair[] {
  const doc = ctx.doc;
  const repairs: Repair[] = [];
  const texts: Text[] = [];
  const annotations: [string, string][] = [];
  const parts: string[] = [];

  const root = doc.documentElement;
  if (!root) return repairs;
  // Over the node table (no DOM calls under jsdom): the index's, or the root's own if it lacks it.
  const { table, row: rootRow } = tableAt(domIndex(ctx), root);
  const { type, node, data, tag, next, end } = table;
  const walkRows = (r: number) => {
    if (end[r] === r + 1) return;
    for (let c = r + 1; c >= 0; c = next[c]) {
      if (type[c] === 3) {
        texts.push(node[c] as Text);
        parts.push(data[c]);
      } else if (type[c] === 1) {
        if (tag[c] === 'RUBY') rubyRepair(table, c, repairs, annotations);
        if (REPAIR_SKIP.has(tag[c])) continue;
        walkRows(c);
      }
    }
  };
  walkRows(rootRow);
  const context = createTextContext(parts.join('\n'), annotations);
  for (let i = 0; i < texts.length; i++) {
    const node = texts[i];
    const data = parts[i];
    if (data.length < 2 || !/[?!！(（;\u2190-\u2bff\u{1f300}-\u{1faff}]/u.test(data)) continue;
    for (const f of findTextFixes(data, context))
      repairs.push({ kind: f.kind, from: data.slice(f.start, f.end), to: f.to, node, start: f.start });
  }
  return repairs;
}

/** <ruby>領<rp>(</rp><rt>lǐng</rt><rp>)</rp></ruby>: hide rt/rp when rt is a pinyin syllable. */
function rubyRepair(t: NodeTable, ruby: number, repairs: Repair[], annotations: [string, string][]): void {
  // The ruby's child rows (= childNodes: elements, text, comments), not ruby.children: indexing
  // a jsdom HTMLCollection goes through a proxy, and textContent walks the tree again.
  const first = t.end[ruby] === ruby + 1 ? -1 : ruby + 1;
  let rt = -1;
  let rts = 0;
  for (let c = first; c >= 0; c = t.next[c]) if (t.type[c] === 1 && t.tag[c] === 'RT') (rt = c), rts++;
  if (rts !== 1) return;
  const pinyin = rowText(t, rt).trim();
  if (!isPinyinSyllable(pinyin)) return;
  let base = '';
  for (let c = first; c >= 0; c = t.next[c]) {
    if (t.type[c] === 3) base += t.data[c];
    else if (t.type[c] === 1 && t.tag[c] !== 'RT' && t.tag[c] !== 'RP') base += rowText(t, c);
  }
  base = base.trim();
  if (!/^\p{Script=Han}$/u.test(base)) return;
  annotations.push([base, pinyin]);
  const elements: Element[] = [];
  for (let c = first; c >= 0; c = t.next[c]) if (t.type[c] === 1 && (t.tag[c] === 'RT' || t.tag[c] === 'RP')) elements.push(t.node[c] as Element);
  repairs.push({ kind: 'ruby', from: `${base}(${pinyin})`, to: base, elements });
}

/** An element row's textContent: its text rows, in order. */
function rowText(t: NodeTable, row: number): string {
  let out = '';
  for (let i = row + 1, end = t.end[row]; i < end; i++) if (t.type[i] === 3) out += t.data[i];
  return out;
}
