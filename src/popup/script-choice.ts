// Which script the one-click switch converts to. The default target comes from settings, but a
// page already in traditional script is converted to simplified instead (converting a
// traditional page to traditional would do nothing).
import type { ScriptGuess, ScriptTarget } from '../core/types';

export function cycleTarget(pageScript: ScriptGuess, defaultTarget: ScriptTarget): ScriptTarget {
  if (pageScript === 'traditional' && defaultTarget !== 'cn') return 'cn';
  return defaultTarget;
}

/** What the switch button does next: convert to the target, or back to the original text. */
export function nextScript(current: 'original' | ScriptTarget, pageScript: ScriptGuess, defaultTarget: ScriptTarget): 'original' | ScriptTarget {
  return current === 'original' ? cycleTarget(pageScript, defaultTarget) : 'original';
}
