// Shared by the spam and noise corpus tests: what counts as "hidden" for a must-hide text or a
// labelled noise block.
import type { Analysis, HiddenBlock } from '../../src/core/types';
import { squeeze, type Truth } from './corpus';

export interface Run {
  id: string;
  a: Analysis;
  truth?: Truth;
  realTitle?: string;
  /** Real pages: per labelled recommendation/share block, whether it is hidden (null = empty block). */
  noise?: { label: string; hidden: boolean }[];
}

/** Drop DOM references but keep each hidden block's full text for containment checks. */
export function slim(a: Analysis): Analysis {
  return {
    ...a,
    bodyElement: null,
    hidden: a.hidden.map((b) => ({ ...b, text: b.element ? b.element.textContent || '' : b.text, element: undefined, span: b.span ? ({} as never) : undefined })),
    repairs: [],
  };
}

export const blockText = (b: HiddenBlock): string => squeeze(b.element ? b.element.textContent || '' : b.text);

/** A must-hide text is covered when one hidden block's text contains it. */
export function covered(a: Analysis, text: string, accept: (b: HiddenBlock) => boolean): boolean {
  const want = squeeze(text);
  if (!want) return true;
  return a.hidden.some((b) => accept(b) && !b.alreadyInvisible && blockText(b).includes(want));
}

export function isHiddenEl(a: Analysis, el: Element): boolean {
  return a.hidden.some((b) => b.element && !b.alreadyInvisible && (b.element === el || b.element.contains(el)));
}

/** A labelled noise block counts as hidden when it is inside a hidden block or hidden blocks inside it cover ≥ 80% of its text. */
export function noiseHidden(a: Analysis, el: Element): boolean {
  if (isHiddenEl(a, el)) return true;
  const total = squeeze(el.textContent || '').length;
  if (!total) return false;
  let inside = 0;
  for (const b of a.hidden) if (b.element && !b.alreadyInvisible && el.contains(b.element)) inside += blockText(b).length;
  return inside >= 0.8 * total;
}
