// Noise engine entry: recommendation panels, share bars, page tools, nav, footers, comments.
// First version (foundation): nothing found; the spam-and-noise issue adds the detectors.
import type { PageContext } from '../page/context';
import type { HiddenBlock } from '../types';

export interface ArticleRef {
  element: Element | null;
  title: string;
  body: string;
}

export function detectNoise(_ctx: PageContext, _article: ArticleRef): HiddenBlock[] {
  return [];
}
