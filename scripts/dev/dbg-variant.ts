// Dev tool: extraction on one injected variant (no spam engine), body vs truth.
import { JSDOM } from 'jsdom';
import { createContext } from '../../src/core/page/context';
import { extractArticle } from '../../src/core/extract/index';
import { readMeta } from '../../src/core/page/meta';
import { DEFAULT_ANALYZE_SETTINGS } from '../../src/core/kinds';
import { readVariant, urlFor, score } from '../../test/helpers/corpus';
const vid = process.argv[2];
const { html, truth } = readVariant('injected', vid);
const url = urlFor(vid, truth);
const ctx = createContext(new JSDOM(html, { url }).window.document, url, DEFAULT_ANALYZE_SETTINGS);
const meta = readMeta(ctx, { servedTitleIsSpam: truth.titleHijacked });
const a = extractArticle(ctx, meta.title);
console.log(a.element?.tagName, a.element?.className, a.element?.id, score(a.body, truth.bodyExpected), JSON.stringify(meta.title));
console.log(a.body.slice(0, 600));
