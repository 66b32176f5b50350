// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { looksRandom, startPicker, suggestSelector } from './picker';

const PAGE = `
  <div id="header"><ul class="nav"><li class="active">首页</li><li>政策</li></ul></div>
  <div id="content" class="main">
    <h1>标题</h1>
    <p>第一段</p><p>第二段</p>
    <div class="share-box clearfix"><a href="#">微信</a><a href="#">微博</a></div>
    <div id="ember4821" class="xx_a1b2c3d"><span>推荐</span></div>
  </div>
  <div class="footer"><p>版权所有</p></div>
  <div class="footer"><p>ICP备</p></div>`;

beforeEach(() => {
  document.body.innerHTML = PAGE;
});
afterEach(() => {
  document.body.innerHTML = '';
  for (const el of document.querySelectorAll('qingdu-picker')) el.remove();
});

const $ = (s: string) => document.querySelector(s)!;

describe('looksRandom', () => {
  it('flags generated tokens, keeps meaningful ones', () => {
    for (const t of ['ember4821', 'xx_a1b2c3d', 'css-1q2w3e', 'sc-aB3dEf', 'item_20240105', 'a'.repeat(40)]) expect(looksRandom(t), t).toBe(true);
    for (const t of ['share-box', 'content', 'j_cmnt_input', 'cproIframe_u123_1', 'nav', 'xxgk_rel', 'h1', 'col-md-8']) expect(looksRandom(t), t).toBe(false);
  });
});

describe('suggestSelector', () => {
  it('uses a stable id', () => expect(suggestSelector($('#content'))).toBe('#content'));
  it('uses meaningful classes, skipping state classes', () => expect(suggestSelector($('.share-box'))).toBe('div.share-box'));
  it('anchors on a stable ancestor id when the element has none', () => {
    const sel = suggestSelector($('#content > p:nth-of-type(2)'));
    expect(document.querySelectorAll(sel)).toHaveLength(1);
    expect(document.querySelector(sel)!.textContent).toBe('第二段');
    expect(sel).toContain('#content');
  });
  it('skips random ids and classes', () => {
    const sel = suggestSelector($('span'));
    expect(sel).not.toMatch(/ember|a1b2/);
    expect(document.querySelector(sel)!.textContent).toBe('推荐');
  });
  it('falls back to nth-of-type among look-alike siblings', () => {
    const second = document.querySelectorAll('.footer')[1];
    const sel = suggestSelector(second);
    expect(sel).toContain('nth-of-type');
    expect(document.querySelectorAll(sel)).toHaveLength(1);
    expect(document.querySelector(sel)).toBe(second);
  });
  it('skips the state class "active"', () => {
    expect(suggestSelector($('li.active'))).not.toContain('active');
  });
});

function mouse(type: string, el: Element) {
  el.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, composed: true }));
}
function key(k: string) {
  document.body.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
}
const opts = () => ({
  host: 'www.gov.cn',
  onSave: vi.fn(),
  onCancel: vi.fn(),
  getMessage: (k: string, subs?: string[]) => (subs ? `${k}:${subs.join(',')}` : k),
});

describe('startPicker', () => {
  it('adds one element of its own, and stop() removes it and its listeners', () => {
    const before = document.documentElement.outerHTML;
    const o = opts();
    const p = startPicker(document, o);
    expect(document.querySelectorAll('qingdu-picker')).toHaveLength(1);
    p.stop();
    expect(document.querySelectorAll('qingdu-picker')).toHaveLength(0);
    expect(document.documentElement.outerHTML).toBe(before);
    // no listener left: Esc does nothing now
    key('Escape');
    expect(o.onCancel).not.toHaveBeenCalled();
  });

  it('hover + click selects; the page never sees the click; Enter saves host##selector', () => {
    const pageClick = vi.fn();
    document.body.addEventListener('click', pageClick);
    const o = opts();
    startPicker(document, o);
    mouse('mousemove', $('.share-box a'));
    mouse('click', $('.share-box a'));
    expect(pageClick).not.toHaveBeenCalled();
    key('ArrowUp'); // widen to the share box
    key('Enter');
    expect(o.onSave).toHaveBeenCalledWith('www.gov.cn##div.share-box');
    expect(document.querySelectorAll('qingdu-picker')).toHaveLength(0);
    document.body.removeEventListener('click', pageClick);
  });

  it('narrow goes back the way widen came', () => {
    const o = opts();
    startPicker(document, o);
    mouse('click', $('#content h1'));
    key('ArrowUp');
    key('ArrowUp'); // #content -> body is not pickable: stays at #content
    key('ArrowDown');
    key('Enter');
    expect(o.onSave).toHaveBeenCalledTimes(1);
    expect(o.onSave.mock.calls[0][0]).toMatch(/^www\.gov\.cn##.*h1/);
  });

  it('Esc cancels and leaves the page as it was', () => {
    const before = document.body.innerHTML;
    const o = opts();
    startPicker(document, o);
    mouse('mousemove', $('h1'));
    mouse('click', $('h1'));
    key('Escape');
    expect(o.onCancel).toHaveBeenCalledTimes(1);
    expect(o.onSave).not.toHaveBeenCalled();
    expect(document.body.innerHTML).toBe(before);
    expect(document.querySelectorAll('qingdu-picker')).toHaveLength(0);
  });

  it('never styles or marks page nodes', () => {
    const p = startPicker(document, opts());
    mouse('mousemove', $('.share-box'));
    mouse('click', $('.share-box'));
    key('ArrowUp');
    for (const el of document.body.querySelectorAll('*')) {
      expect(el.getAttribute('style')).toBeNull();
      expect(Array.from(el.attributes).some((a) => /qingdu/.test(a.name))).toBe(false);
    }
    p.stop();
  });
});
