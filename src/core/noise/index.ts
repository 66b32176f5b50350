// Noise engine entry: recommendation panels, same-site related lists, share bars, page tools,
// navigation, footers, comments, ads, side columns. Detectors register by being listed in
// DETECTORS; the kinds reported derive from that list.
import type { PageContext } from '../page/context';
import type { HiddenBlock, NoiseKind } from '../types';
import { createNoiseFacts, type ArticleRef, type NoiseDetector } from './common';
import { recommendation, related } from './recommendation';
import { ad, comment, footer, nav, pageTools, share, sidebar } from './chrome';

export type { ArticleRef } from './common';

export const DETECTORS: readonly NoiseDetector[] = [recommendation, related, share, pageTools, comment, ad, nav, footer, sidebar];
export const DETECTED_NOISE_KINDS: readonly NoiseKind[] = DETECTORS.map((d) => d.kind);

export function detectNoise(ctx: PageContext, article: ArticleRef): HiddenBlock[] {
  const facts = createNoiseFacts(ctx, article);
  const out: HiddenBlock[] = [];
  const seen = new Map<Element, string>();
  for (const d of DETECTORS) {
    let found: HiddenBlock[] = [];
    try {
      found = d.detect(facts);
    } catch (e) {
      if (typeof console !== 'undefined') console.warn(`[Qingdu] noise detector ${d.kind}:`, e);
    }
    for (const b of found) {
      if (!b.element || ctx.excluded.has(b.element)) continue;
      // One element, one kind: the first detector (most specific) wins.
      if (seen.has(b.element)) continue;
      seen.set(b.element, b.kind);
      out.push(b);
    }
  }
  return facts.finish(out);
}
