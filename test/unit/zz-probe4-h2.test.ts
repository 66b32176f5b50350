import { it } from 'vitest';
import { analyze } from '../../src/core/analyze';
import { parse, readVariant, urlFor } from '../helpers/corpus';
it('probe4', () => {
  const id = 'gne-mingridapan-1--recommend';
  const { html, truth } = readVariant('injected', id);
  const doc = parse(html, urlFor(id, truth));
  const a = analyze(doc, urlFor(id, truth));
  console.log('ARTICLE', a.bodyElement?.tagName, a.bodyElement?.className, a.body.length);
  for (const b of a.hidden) console.log(b.kind, b.reason, b.element?.tagName, b.element?.className, b.text.slice(0, 40));
  const rp = doc.querySelector('div.related-posts')!;
  console.log('PANEL parent chain', (() => { const o = []; for (let p: Element | null = rp; p; p = p.parentElement) o.push(p.tagName + '.' + p.className); return o.join(' < '); })());
  console.log('contains article?', rp.contains(a.bodyElement!), a.bodyElement?.contains(rp));
});
