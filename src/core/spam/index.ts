// Spam engine entry: runs every spam detector and gathers their verdicts.
// First version (foundation): the clone check only; the spam issue adds the detectors.
import type { PageContext } from '../page/context';
import type { CloneInfo, HiddenBlock } from '../types';
import { metaContent } from '../page/meta';

export interface SpamResult {
  hidden: HiddenBlock[];
  titleHijacked: boolean;
  clone: CloneInfo | null;
  parasite: boolean;
}

export function detectSpam(ctx: PageContext): SpamResult {
  return { hidden: [], titleHijacked: false, clone: detectClone(ctx), parasite: false };
}

function detectClone(ctx: PageContext): CloneInfo | null {
  const declared = metaContent(ctx.doc, 'SiteDomain');
  if (!declared || !ctx.host) return null;
  const bare = (h: string) => h.toLowerCase().replace(/^(www|m)\./, '');
  const hosts = declared.split(/[,，\s]+/).filter(Boolean);
  if (hosts.some((h) => bare(h) === bare(ctx.host))) return null;
  return { original: hosts[0].toLowerCase(), originalUrl: metaContent(ctx.doc, 'Url') };
}
