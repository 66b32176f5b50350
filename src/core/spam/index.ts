// Spam engine entry: runs every spam detector (one module per technique) and gathers their
// verdicts. Detectors register by being listed in DETECTORS; the kinds they report are derived
// from that list. Order matters: already-hidden blocks first (so their text is excluded before
// anything else reads it), then link farms, overlays, spam lines, inline splices.
import type { PageContext } from '../page/context';
import type { CloneInfo, HiddenBlock, SpamKind } from '../types';
import { createFacts, type SpamDetector } from './facts';
import { hiddenLinks } from './hidden-links';
import { linkFarm } from './link-farm';
import { overlay } from './overlay';
import { spamLine } from './spam-line';
import { inlineSpam } from './inline';
import { contentFarm } from './content-farm';
import { searchReflection } from './search-reflection';
import { judgeTitle } from './title';
import { detectClone } from './clone';
import { judgeParasite } from './parasite';

export interface SpamResult {
  hidden: HiddenBlock[];
  titleHijacked: boolean;
  clone: CloneInfo | null;
  parasite: boolean;
  /** When the title is hijacked: the real title found in meta ArticleTitle / og:title / headings ("" if none). */
  realTitle: string;
}

export const DETECTORS: readonly SpamDetector[] = [hiddenLinks, linkFarm, overlay, searchReflection, contentFarm, spamLine, inlineSpam];
export const DETECTED_SPAM_KINDS: readonly SpamKind[] = DETECTORS.map((d) => d.kind);

export function detectSpam(ctx: PageContext): SpamResult {
  const hidden: HiddenBlock[] = [];
  const facts = createFacts(ctx);
  for (const d of DETECTORS) {
    let found: HiddenBlock[] = [];
    try {
      found = d.detect(facts);
    } catch (e) {
      // One broken detector must not take the analysis down.
      if (typeof console !== 'undefined') console.warn(`[Qingdu] spam detector ${d.kind}:`, e);
    }
    for (const b of found) {
      hidden.push(b);
      if (b.element) ctx.excluded.add(b.element);
    }
  }
  let title = { hijacked: false, realTitle: '' };
  try {
    title = judgeTitle(ctx);
  } catch (e) {
    console.warn('[Qingdu] title check:', e);
  }
  let clone: CloneInfo | null = null;
  let parasite = false;
  try {
    clone = detectClone(ctx);
    parasite = judgeParasite(ctx, hidden);
  } catch (e) {
    console.warn('[Qingdu] clone/parasite check:', e);
  }
  return { hidden, titleHijacked: title.hijacked, clone, parasite, realTitle: title.realTitle };
}
