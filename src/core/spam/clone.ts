// T6: mirror copies. meta[name=SiteDomain] names a host other than the one serving the page
// (www./m. variants allowed) -> the page is a copy; meta[name=Url] links the original.
import type { PageContext } from '../page/context';
import type { CloneInfo } from '../types';
import { metaContent } from '../page/meta';

const bare = (h: string) => h.toLowerCase().replace(/^(www|m|wap)\./, '').replace(/:\d+$/, '');

export function detectClone(ctx: PageContext): CloneInfo | null {
  const declared = metaContent(ctx.doc, 'SiteDomain');
  if (!declared || !ctx.host) return null;
  const hosts = declared
    .split(/[,，;\s]+/)
    .map((h) => h.replace(/^https?:\/\//i, '').replace(/\/.*$/, ''))
    .filter(Boolean);
  if (!hosts.length || hosts.some((h) => bare(h) === bare(ctx.host))) return null;
  let originalUrl = metaContent(ctx.doc, 'Url');
  if (originalUrl && !/^https?:\/\//i.test(originalUrl)) originalUrl = '';
  return { original: hosts[0].toLowerCase(), originalUrl };
}
