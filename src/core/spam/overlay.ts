// T9: fixed/floating boxes (z-index 999+) with gambling or porn ads, some re-creating themselves.
// A floating box is hidden when its text carries spam vocabulary or it is a download/official-site
// bait linking to another site. Site headers, back-to-top buttons and cookie bars have neither.
import type { HiddenBlock } from '../types';
import { scoreText } from './matcher';
import { short, siteOf, tooBroad, type PageFacts, type SpamDetector } from './facts';

const BAIT = /扫码下载|官网直达|立即下载|立即注册|立即进入|注册送|点击进入|点击领取|马上体验|下载app|新用户专享|官方直营|大额无忧|体验金|开户|进入官网|自动提款|领取彩金|首存|客服/i;

export function judgeOverlay(facts: PageFacts, el: Element): HiddenBlock | null {
  if (tooBroad(el)) return null;
  const text = facts.rawText(el);
  if (text.length > 600) return null; // a floating sidebar with real content is not an ad box
  const s = scoreText(text);
  const own = siteOf(facts.ctx.host || '');
  const links = [...facts.anchorsIn(el)];
  if (el.tagName === 'A') links.push(el);
  const offsite = links.some((a) => {
    const h = facts.hostOf(a);
    return !!h && siteOf(h) !== own;
  });
  const bait = BAIT.test(text);
  const spam = s.strong >= 1 || s.score >= 4 || (bait && offsite && s.score >= 1);
  if (!spam) return null;
  const parts = ['floating box'];
  if (s.hits.length) parts.push(`${s.hits.length} spam words`);
  if (offsite) parts.push('links off-site');
  if (bait) parts.push('download bait');
  return { kind: 'overlay', category: 'spam', reason: parts.join(', '), text: short(text, 300), element: el };
}

export const overlay: SpamDetector = {
  kind: 'overlay',
  detect(facts) {
    const out: HiddenBlock[] = [];
    for (const el of facts.ctx.styles.floatingElements()) {
      if (facts.claimed(el) || facts.ctx.isInvisible(el)) continue;
      const b = judgeOverlay(facts, el);
      if (b) {
        out.push(b);
        facts.claim(b);
      }
    }
    return out;
  },
};
