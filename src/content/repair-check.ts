// The cheap pre-check that decides whether a page needs the text repair module at all. It must
// never miss: each test below is a necessary condition of one repair rule in
// core/script/repair.ts (findTextFixes, findRepairs) and core/script/mojibake.ts. A page that
// passes none gets exactly what the full stage would give (no repairs, text unchanged), which
// test/corpus/repair-check.test.ts checks on every corpus page; a page that passes one loads
// the module and is analysed with it. If a repair rule is added there, add its condition here.
import type { RepairStage } from '../core/pipeline';
import { domIndex, type PageContext } from '../core/page/context';
import { tableAt, type DomIndex } from '../core/page/dom-index';
import { createTextContext, REPAIR_SKIP } from '../core/script/context';
import { mayHoldMojibake } from '../core/script/mojibake-gate';
import { textAnnotations } from '../core/script/pinyin';

const MOJIBAKE_TRIGGER = '[?!！][^\\x00-\\x7f]';
// Plain-text pinyin after a Han character, 領(lǐng): the regex finds the shape, textAnnotations
// (the rule's own test) whether a syllable is in the brackets.
const ANNOTATION_SHAPE = '\\p{Script=Han}[(（][a-zü\\u00e0-\\u01dc]{1,6}[)）]';
const OTHER_RULES = [
  // A decorative symbol before Chinese punctuation (SYMBOL_BEFORE_PUNCT).
  '[\\u2190-\\u21ff\\u25a0-\\u25ff\\u2600-\\u27bf\\u2b00-\\u2bff\\u{1f300}-\\u{1faff}][，。、；：！？]',
  // An entity whose & was lost (ENTITY_REMAINDER).
  '(?<![&#;A-Za-z0-9])(?:nbsp|ensp|emsp|ldquo|rdquo|lsquo|rsquo|mdash|hellip|middot);',
];
const CANDIDATE = new RegExp(
  [
    // GBK mojibake: a run starts at ? ! ！ followed by a wide character, or ?! (findMojibake);
    // a lost annotated character `?yōu)` (findLostAnnotated).
    MOJIBAKE_TRIGGER,
    '\\?!|\\?[a-zü\\u00e0-\\u01dc]{1,6}\\)',
    ANNOTATION_SHAPE,
    ...OTHER_RULES,
  ].join('|'),
  'u',
);
/**
 * The same without the `?`/`!`/`！` + wide character trigger, which is mostly ordinary Chinese, and
 * without the pinyin shape, which is checked exactly (otherRuleMayApply).
 */
const NOT_TRIGGER = new RegExp(['\\?!|\\?[a-zü\\u00e0-\\u01dc]{1,6}\\)', ...OTHER_RULES].join('|'), 'u');
const TRIGGER = new RegExp(MOJIBAKE_TRIGGER, 'u');
const ANNOTATION = new RegExp(ANNOTATION_SHAPE, 'u');

/** One string's test without the mojibake trigger's page-level judgement. */
const otherRuleMayApply = (text: string): boolean => NOT_TRIGGER.test(text) || (ANNOTATION.test(text) && textAnnotations(text).length > 0);


/**
 * False when repairText(text) would change nothing: it judges the string on its own, so its
 * mojibake trigger is judged against the string's own character counts.
 */
export function textMayNeedRepair(text: string): boolean {
  if (text.length < 2) return false;
  if (otherRuleMayApply(text)) return true;
  return TRIGGER.test(text) && mayHoldMojibake(text, createTextContext(text));
}

/**
 * False when findRepairs would find nothing in this document (no ruby pinyin, no candidate
 * text). A `?`/`!`/`！` before a Han character is mostly ordinary Chinese, so that trigger is
 * judged like findMojibake judges it: against the character counts of the same page text
 * findRepairs reads (mojibake-gate.ts, shared with the repair rule itself).
 */
export function pageMayNeedRepair(doc: Document, index: DomIndex | null = null): boolean {
  const root = doc.documentElement;
  if (!root) return false;
  const texts = subtreeTexts(index, root);
  if (texts === null) return true;
  const triggered: string[] = [];
  for (const data of texts) {
    if (data.length < 2) continue;
    if (otherRuleMayApply(data)) return true;
    if (TRIGGER.test(data)) triggered.push(data);
  }
  if (!triggered.length) return false;
  const ctx = createTextContext(texts.join('\n'));
  return triggered.some((data) => mayHoldMojibake(data, ctx));
}

/** False when findRepairs would find nothing under `root` (which it reads unless it is skipped). */
export function subtreeMayNeedRepair(root: Element): boolean {
  const texts = subtreeTexts(null, root);
  // Content added later is repaired against a context this check cannot see: stay loose.
  return texts === null || texts.some((t) => t.length >= 2 && CANDIDATE.test(t));
}

/**
 * The text findRepairs reads under `root`, in order, over the same node table it walks (the
 * analysis's index when it holds `root`); null when it cannot tell (a <ruby> with an <rt>).
 */
function subtreeTexts(index: DomIndex | null, root: Element): string[] | null {
  const { table, row } = tableAt(index, root);
  const { type, data, tag, next, end } = table;
  const texts: string[] = [];
  const walk = (r: number): boolean => {
    if (tag[r] === 'RUBY') for (let c = end[r] === r + 1 ? -1 : r + 1; c >= 0; c = next[c]) if (tag[c] === 'RT') return false;
    if (end[r] === r + 1) return true;
    for (let c = r + 1; c >= 0; c = next[c]) {
      if (type[c] === 3) texts.push(data[c]);
      else if (type[c] === 1 && !REPAIR_SKIP.has(tag[c]) && !walk(c)) return false;
    }
    return true;
  };
  return walk(row) ? texts : null;
}

/**
 * A stand-in repair stage that repairs nothing but records whether the real one could have
 * found something (`needed`). Used until the repair module is loaded.
 */
export function probeRepairStage(): RepairStage & { needed: boolean } {
  const probe = {
    needed: false,
    findRepairs(ctx: PageContext): [] {
      if (!probe.needed && pageMayNeedRepair(ctx.doc, domIndex(ctx))) probe.needed = true;
      return [];
    },
    repairText(text: string): string {
      if (!probe.needed && textMayNeedRepair(text)) probe.needed = true;
      return text;
    },
  };
  return probe;
}
