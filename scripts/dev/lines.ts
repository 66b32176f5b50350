// Dev tool: print the text lines metadata readers see (around a pattern).
import { JSDOM } from 'jsdom';
import { createContext } from '../../src/core/page/context';
import { textLines } from '../../src/core/page/textlines';
import { DEFAULT_ANALYZE_SETTINGS } from '../../src/core/kinds';
import { readPage, urlFor } from '../../test/helpers/corpus';
const [id, pat] = process.argv.slice(2);
const doc = new JSDOM(readPage(id), { url: urlFor(id) }).window.document;
const lines = textLines(createContext(doc, urlFor(id), DEFAULT_ANALYZE_SETTINGS));
lines.forEach((l, i) => { if (!pat || new RegExp(pat).test(l.text)) console.log(i, l.node.tagName, l.node.className, JSON.stringify(l.text.slice(0, 120))); });
