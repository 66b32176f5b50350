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
  const { length, sample } = bodyText(ctx, body);
  if (length < 40) return false;
  const s = scoreText(sample);
  const density = s.covered / sample.length;
  const spamChars = spamHidden.reduce((n, b) => n + (b.alreadyInvisible ? 0 : b.text.length), 0);
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
  return spamChars >= 0.6 * length && s.strong >= 8;
}

/**
 * The body's textContent without whitespace: its length, and its first SAMPLE characters. From
 * the node table, the whole string is never built: removing \s per text node and joining is the
 * same as removing it from the join, and nonSpaceLength() counts what the removal keeps.
 */
function bodyText(ctx: PageContext, body: HTMLElement): { length: number; sample: string } {
  const index = domIndex(ctx);
  const row = index.rowOf(body);
  if (row < 0) {
    const text = (body.textContent || '').replace(/\s+/g, '');
    return { length: text.length, sample: text.length > SAMPLE ? text.slice(0, SAMPLE) : text };
  }
  const { type, data, end } = index.nodes;
  const parts: string[] = [];
  let length = 0;
  for (let i = row + 1, stop = end[row]; i < stop; i++) {
    if (type[i] !== 3) continue;
    const d = data[i];
    const n = nonSpaceLength(d);
    // Whitespace between tags adds nothing; most other text has no whitespace to remove.
    if (n && length < SAMPLE) parts.push(n === d.length ? d : d.replace(/\s+/g, ''));
    length += n;
  }
  const joined = parts.join('');
  return { length, sample: joined.length > SAMPLE ? joined.slice(0, SAMPLE) : joined };
}
