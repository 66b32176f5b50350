// Text repair: pinyin annotations, GBK mojibake, stray symbols and entity remainders.
// First version (foundation): none; the script issue adds the repairs.
import type { PageContext } from '../page/context';
import type { Repair } from '../types';

export function findRepairs(_ctx: PageContext, _root: Element | null, _title: string): Repair[] {
  return [];
}

export function repairText(text: string): string {
  return text;
}
