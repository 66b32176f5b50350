// T5: a whole page of spam planted on a (gov) host: random path tokens or numeric
// viewspace-N.html names, and a body whose visible text is mostly spam vocabulary. Such a page
// gets a banner rather than piecemeal hiding.
import { domIndex, type PageContext } from '../page/context';
import type { HiddenBlock } from '../types';
import { scoreText } from './matcher';

const PLANTED_PATH = /viewspace-\d+|\/[a-z0-9]{12,}\.(s?html?|php|asp)|[?&](id|p|page)=[a-z0-9]{10,}|\/(bbs|uploads?|upfile|images?|attach|temp|tmp)\/.*\.(s?html?|php|asp)/i;

export function judgeParasite(ctx: PageContext, spamHidden: HiddenBlock[]): boolean {
  const body = ctx.doc.body;
  if (!body) return false;
  const text = domIndex(ctx).textContent(body).replace(/\s+/g, '');
  if (text.length < 40) return false;
  const sample = text.length > 20000 ? text.slice(0, 20000) : text;
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
  return spamChars >= 0.6 * text.length && s.strong >= 8;
}
