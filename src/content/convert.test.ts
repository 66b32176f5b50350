import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { createPageConverter } from './convert';

const page = (body: string, title = '发展里面') =>
  new JSDOM(`<!doctype html><html><head><title>${title}</title><style>.a{content:"头发"}</style></head><body>${body}</body></html>`).window.document;
const tick = () => new Promise((r) => setTimeout(r, 0));
const own = (n: Node) => !!(n.nodeType === 1 ? (n as Element) : n.parentElement)?.closest?.('[data-own]');

describe('createPageConverter', () => {
  it('converts text, title and attributes, skips code, forms, editable and own UI, and restores exactly', async () => {
    const doc = page(
      '<p title="头发">头发<b>发展</b></p><img alt="里面"><input placeholder="发展" value="头发"><textarea>头发</textarea>' +
        '<code>头发</code><pre class="language-js">头发</pre><div contenteditable>头发</div><div data-own>头发</div><span aria-label="头发">x</span>',
    );
    const before = doc.documentElement.outerHTML;
    const c = createPageConverter(doc, { isOwnUi: own });
    await c.convert('tw');
    expect(c.current).toBe('tw');
    expect(doc.title).toBe('發展裡面');
    expect(doc.querySelector('p')!.textContent).toBe('頭髮發展');
    expect(doc.querySelector('p')!.getAttribute('title')).toBe('頭髮');
    expect(doc.querySelector('img')!.getAttribute('alt')).toBe('裡面');
    expect(doc.querySelector('input')!.getAttribute('placeholder')).toBe('發展');
    expect(doc.querySelector('input')!.getAttribute('value')).toBe('头发');
    expect(doc.querySelector('textarea')!.textContent).toBe('头发');
    expect(doc.querySelector('code')!.textContent).toBe('头发');
    expect(doc.querySelector('pre')!.textContent).toBe('头发');
    expect(doc.querySelector('[contenteditable]')!.textContent).toBe('头发');
    expect(doc.querySelector('[data-own]')!.textContent).toBe('头发');
    expect(doc.querySelector('span')!.getAttribute('aria-label')).toBe('頭髮');
    expect(doc.querySelector('style')!.textContent).toContain('头发');
    c.restore();
    expect(c.current).toBe('original');
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('converts content added later once, and never its own output again', async () => {
    const doc = page('<p>头发</p>');
    const c = createPageConverter(doc, { isOwnUi: own });
    await c.convert('tw');
    const p = doc.createElement('p');
    p.textContent = '发展里面';
    doc.body.appendChild(p);
    doc.title = '头发';
    await tick();
    expect(p.textContent).toBe('發展裡面');
    expect(doc.title).toBe('頭髮');
    p.setAttribute('title', '里面');
    await tick();
    expect(p.getAttribute('title')).toBe('裡面');
    c.restore();
    expect(p.textContent).toBe('发展里面');
    expect(doc.title).toBe('头发');
  });

  it('switches between targets from the originals', async () => {
    const doc = page('<p>里面的头发</p>');
    const c = createPageConverter(doc, { isOwnUi: own });
    await c.convert('tw');
    expect(doc.body.textContent).toBe('裡面的頭髮');
    await c.convert('hk');
    expect(doc.body.textContent).toBe('裏面的頭髮');
    await c.convert('cn');
    expect(doc.body.textContent).toBe('里面的头发');
    c.restore();
    expect(doc.body.textContent).toBe('里面的头发');
  });

  it('converts a traditional page to simplified, and only the regional step for traditional targets', async () => {
    const doc = page('<p>為了裡面的頭髮，我們這說</p>', '發展');
    const c = createPageConverter(doc, { isOwnUi: own });
    await c.convert('cn');
    expect(doc.body.textContent).toBe('为了里面的头发，我们这说');
    expect(doc.title).toBe('发展');
    await c.convert('hk');
    // t2hk changes only Hong Kong variants (說 -> 説); 裡 is left as the page wrote it.
    expect(doc.body.textContent).toBe('為了裡面的頭髮，我們這説');
  });

  it('adopts text the site itself switched to the target script instead of converting it again', async () => {
    const doc = page('<p id="a">我们这里说的话</p><p id="b">经过</p>');
    const c = createPageConverter(doc, { isOwnUi: own });
    await c.convert('tw');
    const a = doc.getElementById('a')!.firstChild as Text;
    a.data = '我們這裏說的話'; // the site's own 繁体 switcher, with its own variant choice
    await tick();
    expect(a.data).toBe('我們這裏說的話');
    c.restore();
    expect(a.data).toBe('我們這裏說的話');
    expect(doc.getElementById('b')!.textContent).toBe('经过');
  });

  it('stop() keeps the page as it is and stops watching', async () => {
    const doc = page('<p>头发</p>');
    const c = createPageConverter(doc, { isOwnUi: own });
    await c.convert('tw');
    c.stop();
    const p = doc.createElement('p');
    p.textContent = '头发';
    doc.body.appendChild(p);
    await tick();
    expect(p.textContent).toBe('头发');
    expect(doc.body.firstChild!.textContent).toBe('頭髮');
  });
});
