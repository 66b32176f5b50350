// User rules in uBlock Origin cosmetic syntax. First version (foundation): none applied;
// the options issue adds the parser and matcher.
import type { PageContext } from '../page/context';
import type { HiddenBlock } from '../types';

export function applyUserRules(_ctx: PageContext): HiddenBlock[] {
  return [];
}
