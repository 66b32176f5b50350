// T10: a site's search or tag page echoes a spam query (often with a QQ/WeChat number) into its
// heading. Only on search-like URLs, only headings/result captions carrying the query.
import type { HiddenBlock } from '../types';
import { scoreText } from './matcher';
import { short, type SpamDetector } from './facts';
import { domIndex } from '../page/context';

const CAPTIONS = 'h1, h2, h3, .search-title, .result-title, .keyword, .key, em, b, strong, font';

const SEARCH_URL = /[?&](q|wd|kw|key|keys|keyword|keywords|searchword|query|word|tag|s)=|\/(search|so|tag|tags|s)\b/i;
const CONTACT = /(qq|微信|薇信|v信|加v|wx|vx)\s*[:：]?\s*\d{5,}|\d{6,}/i;

export const searchReflection: SpamDetector = {
  kind: 'search-reflection',
  detect(facts) {
    const { ctx } = facts;
    if (!SEARCH_URL.test(ctx.url)) return [];
    const out: HiddenBlock[] = [];
    // The index answers this simple selector without a per-document selector compilation.
    for (const el of domIndex(ctx).select(CAPTIONS) ?? Array.from(ctx.doc.querySelectorAll(CAPTIONS))) {
      if (facts.claimed(el) || ctx.isInvisible(el)) continue;
      const text = ctx.visibleText(el);
      if (!text || text.length > 200) continue;
      const s = scoreText(text);
      if (s.strong >= 1 && (CONTACT.test(text) || s.score >= 5)) {
        const b: HiddenBlock = { kind: 'search-reflection', category: 'spam', reason: 'spam query echoed by the search page', text: short(text, 300), element: el };
        out.push(b);
        facts.claim(b);
      }
    }
    return out;
  },
};
