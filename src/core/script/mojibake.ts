// GBK off-by-one mojibake (spam-techniques T11): GBK bytes decoded one byte late, so every
// character shows the trail byte of one and the lead byte of the next: `?。ㄒ唬` is `　（一）`.
// Repair: take the run's GBK bytes, put back the lost lead byte (0xA1, the row of 　 and 。),
// read them again in step, fill the few bytes the renderer dropped from what the page spells
// elsewhere, and keep the result only when it reads as text and the original did not.
import type { TextContext } from './context';
import { gbkAvailable, gbkBytes, gbkChar } from './gbk';
import { isPinyinSyllable } from './pinyin';
import { PUNCT, runStartAt } from './mojibake-gate';

export interface TextFix {
  kind: 'pinyin' | 'mojibake' | 'symbol' | 'entity';
  start: number;
  end: number;
  to: string;
}

interface Hole {
  lead?: number;
  trail?: number;
  pinyin?: string;
}
type Piece = string | Hole;

const NUMERALS = '一二三四五六七八九十';
/** What a re-read run may start with: the 0xA1 row holds the ideographic space and punctuation. */
const OPENING = new Set('　、。·—～…‘’“”〔〕〈〉《》「」『』【】');
/** Likely characters when half of a symbol-row pair is lost, most likely first. */
const ROW_PRIOR: Record<number, string> = { 0xa1: '　、。“”《》', 0xa3: '，：（）！？；' };
/**
 * Characters of over 1% of modern Chinese text each (的 alone ≈ 4%, three times the next; Jun
 * Da's frequency list): when half a pair is lost and the page gives no other clue, these are the
 * only guesses more likely right than wrong.
 */
const SAFE_BET = '的一是不了';
const PINYIN_AFTER = /^([a-zü\u00e0-\u01dc]{1,6})\)/;

let numeralLeads: Map<number, string> | null = null;
function numeralByLead(lead: number): string | undefined {
  if (!numeralLeads) {
    numeralLeads = new Map();
    for (const n of NUMERALS) {
      const b = gbkBytes(n);
      if (b) numeralLeads.set(b[0], n);
    }
  }
  return numeralLeads.get(lead);
}

const isAsciiTrail = (code: number): boolean => code >= 0x40 && code <= 0x7e;

/** Mojibake runs in `text`, judged against the page's own text in `ctx`. */
export function findMojibake(text: string, ctx: TextContext): TextFix[] {
  const fixes: TextFix[] = [];
  if (!/[?!！]/.test(text)) return fixes;
  let ready: boolean | null = null;
  for (let i = 0; i < text.length - 1; i++) {
    const start = runStartAt(text, i, ctx);
    if (!start) continue;
    if (ready === null) ready = gbkAvailable();
    if (!ready) return fixes;
    const fix = readRun(text, i, start === 'bang', ctx);
    if (fix) {
      fixes.push(fix);
      i = fix.end - 1;
    }
  }
  fixes.push(...findLostAnnotated(text, ctx, fixes));
  return fixes.sort((a, b) => a.start - b.start);
}

function readRun(text: string, start: number, bang: boolean, ctx: TextContext): TextFix | null {
  const pieces: Piece[] = [];
  let pos = start + 1;
  let pending = 0xa1; // the lost lead byte
  // `!`/`！` is the pair A3 A1: with the lost A1 in front it reads A1 A3 = 。, leaving A1 pending.
  if (bang || text[start] !== '?') {
    pieces.push('。');
    if (bang) pos++;
  }
  for (;;) {
    if (pos >= text.length) {
      pieces.push({ lead: pending });
      break;
    }
    const ch = text[pos];
    const code = ch.charCodeAt(0);
    if (code >= 0x80) {
      const b = gbkBytes(ch);
      if (!b) {
        pieces.push({ lead: pending });
        break;
      }
      const numeral = lastText(pieces) === '（' ? numeralByLead(pending) : undefined;
      if (numeral) {
        const nb = gbkBytes(numeral)!;
        if (b[0] === nb[1]) {
          pieces.push(numeral);
        } else if (b[0] === 0xa9) {
          // List numbering （二）: the pair (numeral trail, A3) was a private-use character the
          // renderer dropped; A9 is the trail of ）.
          pieces.push(numeral, '）');
        } else {
          pieces.push({ lead: pending }, { trail: b[0] });
        }
      } else {
        const c = gbkChar(pending, b[0]);
        if (c) pieces.push(c);
        else pieces.push({ lead: pending }, { trail: b[0] });
      }
      pending = b[1];
      pos++;
      continue;
    }
    if (ch === '?') {
      // The pending lead's trail and a following "(" were read as one invalid pair.
      const hole: Hole = { lead: pending };
      pos++;
      const m = PINYIN_AFTER.exec(text.slice(pos, pos + 8));
      if (m && isPinyinSyllable(m[1])) {
        hole.pinyin = m[1];
        pos += m[0].length;
      }
      pieces.push(hole);
      break;
    }
    if (ch === ' ' && pending === 0xa1) {
      // Renderers fold the ideographic space (A1 A1) to an ASCII space.
      pieces.push('　');
      pos++;
      continue;
    }
    if (isAsciiTrail(code)) {
      const c = gbkChar(pending, code);
      if (!c) {
        pieces.push({ lead: pending }, { trail: code });
        pos++;
        break;
      }
      if (/\p{Script=Han}/u.test(c) && ctx.count(c) > 0) {
        pieces.push(c);
        pos++;
        break;
      }
    }
    pieces.push({ lead: pending });
    break;
  }

  const original = text.slice(start, pos);
  const after = text[pos] ?? '';
  const decoded = fill(pieces, after, ctx);
  if (decoded === null || [...decoded].length < 2 || !OPENING.has(decoded[0])) return null;
  const originalWide = [...original].filter((ch) => ch.charCodeAt(0) >= 0x80);
  // An all-ASCII run ("?! ?") is only believed when it ends in the "?" of a swallowed pair.
  if (originalWide.length === 0 && !original.endsWith('?')) return null;
  if (known(originalWide, original, ctx) > 0.5) return null;
  // A character left unknown (U+FFFD) is not a reading, good or bad: judge the rest.
  const decodedWide = [...decoded].filter((ch) => ch.charCodeAt(0) >= 0x80 && ch !== '\uFFFD');
  // …but a run that is mostly unknown (！更 → 。「�) proves nothing: the known part must carry it.
  if (decoded.includes('\uFFFD') && (decodedWide.length < 4 || decodedWide.length < 0.75 * [...decoded].length)) return null;
  if (known(decodedWide, original, ctx) < 0.75) return null;
  return { kind: 'mojibake', start, end: pos, to: decoded };
}

/**
 * Share of characters that read as ordinary text: punctuation, or seen elsewhere on the page.
 * Accented Latin letters (ǘ, ò) between Han characters never do.
 */
function known(chars: string[], run: string, ctx: TextContext): number {
  if (chars.length === 0) return 0;
  let n = 0;
  for (const ch of chars) {
    if (ch.charCodeAt(0) < 0x250) continue;
    const inRun = [...run].filter((c) => c === ch).length;
    if (PUNCT.has(ch) || ctx.count(ch) - inRun > 0) n++;
  }
  return n / chars.length;
}

function lastText(pieces: Piece[]): string {
  const p = pieces[pieces.length - 1];
  return typeof p === 'string' ? p[p.length - 1] : '';
}

function fill(pieces: Piece[], after: string, ctx: TextContext): string | null {
  let out = '';
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i];
    if (typeof p === 'string') {
      out += p;
      continue;
    }
    const prev = out[out.length - 1] ?? '';
    const next = typeof pieces[i + 1] === 'string' ? (pieces[i + 1] as string)[0] : i + 1 < pieces.length ? '' : after;
    const got = fillHole(p, prev, out[out.length - 2] ?? '', next, ctx);
    if (got === null) {
      if (p.lead === 0xa1 || p.lead === 0xa3) continue; // a lost space or comma: drop it
      return null;
    }
    out += got;
  }
  return out;
}

function fillHole(hole: Hole, prev: string, prevprev: string, next: string, ctx: TextContext): string | null {
  if (hole.lead !== undefined && hole.trail === undefined) {
    const numeral = numeralByLead(hole.lead);
    if (prev === '（' && numeral) return numeral + '）';
    if (hole.lead === 0xa3 && prevprev === '（' && NUMERALS.includes(prev)) return '）';
  }
  const row = hole.lead !== undefined ? ROW_PRIOR[hole.lead] : undefined;
  if (row) {
    // Symbol rows: trust the prior, let the page's own pairs override it.
    let best = row[0];
    let bestScore = -1;
    [...row].forEach((c, i) => {
      const score = 3 * (ctx.bigram(prev, c) + ctx.bigram(c, next)) + (row.length - i) / row.length;
      if (score > bestScore) [best, bestScore] = [c, score];
    });
    return best;
  }
  const annotated = hole.pinyin ? ctx.byPinyin(hole.pinyin) : [];
  let best: string | null = null;
  let bestScore = 0;
  let fits = 0;
  let bestSure = false;
  for (const c of annotated.length ? annotated : ctx.chars()) {
    const b = gbkBytes(c);
    if (!b || (hole.lead !== undefined && b[0] !== hole.lead) || (hole.trail !== undefined && b[1] !== hole.trail)) continue;
    if (!/\p{Script=Han}/u.test(c)) continue;
    fits++;
    const pairs = ctx.bigram(prev, c) + ctx.bigram(c, next);
    const score = ctx.count(c) + 3 * pairs;
    if (score > bestScore) [best, bestScore, bestSure] = [c, score, pairs > 0 || SAFE_BET.includes(c)];
  }
  // Half a GBK pair fits ~190 characters, and picking the one the page uses most is a guess
  // (危险化学品 came out as 危险机学品). Name it only when the annotation names it, it is the
  // page's only character that fits, the page spells the same neighbours, or it is one of the
  // few characters common enough to bet on.
  const half = hole.lead === undefined || hole.trail === undefined;
  if (half && !annotated.length && fits > 1 && !bestSure) best = null;
  // Unknown: say so with the replacement character instead of inventing one.
  return best ?? (hole.lead !== undefined && hole.trail === undefined ? '\uFFFD' : null);
}

/**
 * `?yōu)I` (seed 003): an annotated character and its "(" were lost, and the next byte shows
 * as ASCII. The ASCII byte is the trail of the real character, which the page spells elsewhere
 * before the same next character (濱 + 江); failing that, the annotation names the character.
 */
function findLostAnnotated(text: string, ctx: TextContext, taken: TextFix[]): TextFix[] {
  const fixes: TextFix[] = [];
  const re = /\?([a-zü\u00e0-\u01dc]{1,6})\)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index;
    let end = start + m[0].length;
    if (!isPinyinSyllable(m[1]) || taken.some((f) => start < f.end && end > f.start)) continue;
    const trail = text.charCodeAt(end);
    let to: string | null = null;
    if (isAsciiTrail(trail)) {
      const next = text[end + 1] ?? '';
      let bestScore = 0;
      for (const c of ctx.chars()) {
        const b = gbkBytes(c);
        if (!b || b[1] !== trail || !/\p{Script=Han}/u.test(c)) continue;
        const score = ctx.bigram(c, next);
        if (score > bestScore) [to, bestScore] = [c, score];
      }
      if (to) end++;
    }
    if (!to) {
      const named = ctx.byPinyin(m[1]);
      if (named.length === 1) to = named[0];
    }
    if (to) fixes.push({ kind: 'mojibake', start, end, to });
  }
  return fixes;
}
