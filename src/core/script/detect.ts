// Which script is the text in? Measured from characters that exist in only one script.
import type { ScriptGuess } from '../types';

// Frequent characters whose simplified and traditional forms differ (pairs at the same index).
const SIMP = '们这说时对会发过经动实现问题进两关开长门间东车书国学么还样产业没当还点从区体头电应样义务认级边';
const TRAD = '們這說時對會發過經動實現問題進兩關開長門間東車書國學麼還樣產業沒當還點從區體頭電應樣義務認級邊';

export function guessScript(text: string): ScriptGuess {
  let s = 0;
  let t = 0;
  for (const ch of text) {
    if (SIMP.includes(ch) && !TRAD.includes(ch)) s++;
    else if (TRAD.includes(ch) && !SIMP.includes(ch)) t++;
  }
  if (s + t < 3) return 'none';
  if (t > s * 4) return 'traditional';
  if (s > t * 4) return 'simplified';
  return 'mixed';
}
