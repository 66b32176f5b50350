// T5: a whole page of spam planted on a (gov) host: random path tokens or numeric
// viewspace-N.html names, and a body whose visible text is mostly spam vocabulary. Such a page
// gets a banner rather than piecemeal hiding.
import { domIndex, type PageContext } from '../page/context';
import { nonSpaceLength } from '../page/dom-index';
import type { HiddenBlock } from '../types';
import { scoreText } from './matcher';

const PLANTED_PATH = /viewspace-\d+|\/[a-z0-9]{12,}\.(s?html?|php|asp)|[?&](id|p|page)=[a-z0-9]{10,}|\/(bbs|uploads?|upfile|images?|attach|temp|tmp)\/.*\.(s?html?|php|asp)/i;

/** Characters of the body text the vocabulary check reads. */
const SAMPLE = 20000;

export function judgeParasite(ctx: PageContext, spamHidden: HiddenBlock[]): boolean {
  const body = ctx.doc.body;
  if (!body) return false;
  const text = bodyText(ctx, body);
  // The sample is the whole text's first SAMPLE characters: shorter than 40 only when the text is.
  if (text.sample.length < 40) return false;
  const { sample } = text;
  const s = scoreText(sample);
  const density = s.covered / sample.length;
  const path = (() => {
    try {
      return new URL(ctx.url).pathname + new URL(ctx.url).search;
    } catch {
      return '';
    }
  })();
  const planted = PLANTED_PATH.test(path);
  if (density >= 0.25 && s.strong >= 8) return true;
  if (planted && density >= 0.12 && s.strong >= 5) return true;
  if (s.strong < 8) return false;
  const spamChars = spamHidden.reduce((n, b) => n + (b.alreadyInvisible ? 0 : b.text.length), 0);
  return spamChars >= 0.6 * text.length();
}

/**
 * The body's textContent without whitespace: its first SAMPLE characters, and its length (counted
 * on first ask: only a page with many strong hits needs it). From the node table: removing \s
 * per text node and joining is the same as removing it from the join, so text rows are joined in
 * chunks of at least the characters still wanted and each chunk is stripped by one native
 * replace (a loop per character and a replace per text node cost twice as much); nonSpaceLength()
 * counts what the removal keeps in the rows never read.
 */
export function bodyText(ctx: PageContext, body: HTMLElement): { length: () => number; sample: string } {
  const index = domIndex(ctx);
  const row = index.rowOf(body);
  if (row < 0) {
    const text = (body.textContent || '').replace(/\s+/g, '');
    return { length: () => text.length, sample: text.length > SAMPLE ? text.slice(0, SAMPLE) : text };
  }
  const { type, data, end } = index.nodes;
  const stop = end[row];
  let joined = '';
  let i = row + 1;
  while (i < stop && joined.length < SAMPLE) {
    // Whitespace only shortens a chunk: one with `want` raw characters yields at most `want`.
    const want = SAMPLE - joined.length;
    const parts: string[] = [];
    let raw = 0;
    for (; i < stop && raw < want; i++) {
      if (type[i] !== 3) continue;
      parts.push(data[i]);
      raw += data[i].length;
    }
    joined += parts.join('').replace(/\s+/g, '');
  }
  const length = joined.length;
  let total = -1;
  const rest = i;
  return {
    length: () => {
      if (total < 0) {
        total = length;
        for (let k = rest; k < stop; k++) if (type[k] === 3) total += nonSpaceLength(data[k]);
      }
      return total;
    },
    sample: joined.length > SAMPLE ? joined.slice(0, SAMPLE) : joined,
  };
}
