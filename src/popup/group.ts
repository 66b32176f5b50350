// Grouping what the engine hid, for the popup's "what was hidden" list: one group per kind,
// spam kinds first (in the order kinds.ts lists them), each item with its reason and first words.
import { ALL_KINDS, categoryOf } from '../core/kinds';
import type { AnalysisJSON } from '../core/serialize';
import type { Category, HideKind } from '../core/types';

export type HiddenJSON = AnalysisJSON['hidden'][number];

export interface HiddenItem {
  reason: string;
  /** The block's first words, cut at FIRST_WORDS characters. */
  firstWords: string;
  alreadyInvisible: boolean;
}

export interface HiddenGroup {
  kind: HideKind;
  category: Category;
  items: HiddenItem[];
}

export const FIRST_WORDS = 40;

export function firstWords(text: string, max = FIRST_WORDS): string {
  const folded = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(folded); // by code point, so a cut never splits a surrogate pair
  return chars.length <= max ? folded : chars.slice(0, max).join('') + '…';
}

export function groupHidden(hidden: readonly HiddenJSON[]): HiddenGroup[] {
  const byKind = new Map<HideKind, HiddenGroup>();
  for (const h of hidden) {
    let g = byKind.get(h.kind);
    if (!g) byKind.set(h.kind, (g = { kind: h.kind, category: h.category ?? categoryOf(h.kind), items: [] }));
    g.items.push({ reason: h.reason, firstWords: firstWords(h.text), alreadyInvisible: h.alreadyInvisible === true });
  }
  const order = (k: HideKind) => {
    const i = ALL_KINDS.indexOf(k);
    return i < 0 ? ALL_KINDS.length : i;
  };
  return [...byKind.values()].sort((a, b) => (a.category === b.category ? order(a.kind) - order(b.kind) : a.category === 'spam' ? -1 : 1));
}

export interface HiddenCounts {
  spam: number;
  noise: number;
  /** Spam blocks that were already invisible on the page (T3): evidence, nothing to hide. */
  alreadyInvisible: number;
}

export function countHidden(hidden: readonly HiddenJSON[]): HiddenCounts {
  const c: HiddenCounts = { spam: 0, noise: 0, alreadyInvisible: 0 };
  for (const h of hidden) {
    if (h.category === 'spam') c.spam++;
    else c.noise++;
    if (h.alreadyInvisible) c.alreadyInvisible++;
  }
  return c;
}
