// The part of the mojibake rule that decides, without the GBK table, that a `?`/`!`/`！` before
// a wide character is ordinary text. It is its own small module because the content script's
// repair pre-check (src/content/repair-check.ts) runs it on every page to decide whether the
// repair module is needed at all; mojibake.ts uses the same function, so the two cannot drift.
import type { TextContext } from './context';

/** Punctuation that counts as ordinary text when judging a reading. */
export const PUNCT = new Set('　、。·—～…‘’“”〔〕〈〉《》「」『』【】，：；！？（）％');

/** Characters every GBK decoder has (all CJK Unified Ideographs U+4E00–U+9FA5, the punctuation above). */
const surelyGbk = (ch: string, code: number): boolean => (code >= 0x4e00 && code <= 0x9fa5) || PUNCT.has(ch);

/**
 * True when readRun is sure to reject the run at `start` with its "the original already reads
 * as text" test (known(originalWide) > 0.5), whatever the GBK table says, so clean pages never
 * build the table. The run covers non-ASCII characters and spaces after `start` (the ASCII it
 * may take on at the end never counts) and stops before a space, before a character GBK lacks or
 * at the first other ASCII character: the ratio is checked at every such possible end.
 */
function surelyText(text: string, start: number, ctx: TextContext): boolean {
  const occ = new Map<string, number>();
  let total = 0;
  let knownCount = 0;
  // A run without wide characters is rejected only when it starts with `!`/`！` (not `?`).
  const rejected = (): boolean => (total === 0 ? text[start] !== '?' : 2 * knownCount > total);
  for (let pos = start; pos < text.length; pos++) {
    const ch = text[pos];
    const code = ch.charCodeAt(0);
    if (pos === start) {
      if (code < 0x80) continue; // ASCII `!` or `?`: not part of originalWide
    } else if (code === 0x20) {
      if (!rejected()) return false;
      continue;
    } else if (code < 0x80 || (code >= 0xd800 && code <= 0xdfff)) {
      return rejected(); // the run ends here for sure
    } else if (!surelyGbk(ch, code) && !rejected()) {
      return false;
    }
    const before = occ.get(ch) ?? 0;
    occ.set(ch, before + 1);
    total++;
    if (code >= 0x250) {
      if (PUNCT.has(ch)) knownCount++;
      else {
        const count = ctx.count(ch);
        // Every occurrence of ch shares one status: known while the page has more than the run.
        if (count - (before + 1) > 0) knownCount++;
        else if (count - before > 0) knownCount -= before; // the earlier ones stop counting
      }
    }
  }
  return rejected();
}


/**
 * Whether findMojibake must try to re-read a run starting at `i`: `'bang'` for `?!`/`?！` (the
 * pair A3 A1 read one byte late), `'plain'` for a `?`/`!`/`！` before a wide character that
 * surelyText cannot rule out, null for ordinary text.
 */
export function runStartAt(text: string, i: number, ctx: TextContext): 'bang' | 'plain' | null {
  const c = text[i];
  if (c !== '?' && c !== '!' && c !== '！') return null;
  const next = text[i + 1];
  if (next === undefined) return null;
  if (c === '?' && (next === '!' || next === '！')) return 'bang';
  if (next.charCodeAt(0) < 0x80) return null;
  // `！`/`?` + Han is mostly ordinary Chinese: prove readRun rejects it before building the GBK table.
  return surelyText(text, i, ctx) ? null : 'plain';
}

/** True when findMojibake would try to re-read a run somewhere in `text` (it may still reject it). */
export function mayHoldMojibake(text: string, ctx: TextContext): boolean {
  for (let i = 0; i < text.length - 1; i++) if (runStartAt(text, i, ctx)) return true;
  return false;
}
