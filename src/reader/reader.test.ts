// The clean view under jsdom: real corpus analyses, a hostile analysis, exact restoration of the
// page on close, keyboard behaviour and script conversion.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { analyze } from '../core/analyze';
import type { Analysis, ArticleBlock } from '../core/types';
import { DEFAULT_READER, type ReaderPrefs } from '../platform/settings-schema';
import { parse, readPage, readVariant, squeeze, urlFor } from '../../test/helpers/corpus';
import { HOST_ID, HTML_ATTR, openReader, type ReaderOptions } from './index';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const zh = JSON.parse(readFileSync(resolve(__dirname, '../../public/_locales/zh_CN/messages.json'), 'utf8')) as Messages;
/** browser.i18n.getMessage for the zh_CN file: named placeholders, then $1.. substitutions. */
const getMessage = (key: string, subs?: string[]) => {
  const m = zh[key];
  if (!m) return '';
  let s = m.message.replace(/\$(\w+)\$/g, (all, name: string) => m.placeholders?.[name.toLowerCase()]?.content ?? all);
  (subs ?? []).forEach((v, i) => (s = s.split('$' + (i + 1)).join(v)));
  return s;
};

function options(over: Partial<ReaderOptions> = {}): ReaderOptions {
  return {
    prefs: { ...DEFAULT_READER },
    script: 'original',
    loadConverter: async () => (s: string) => s,
    onClose: () => {},
    onPrefsChange: () => {},
    onScriptChange: () => {},
    getMessage,
    ...over,
  };
}

const shadowOf = (doc: Document): ShadowRoot => {
  const host = doc.getElementById(HOST_ID);
  if (!host?.shadowRoot) throw new Error('no reader host');
  return host.shadowRoot;
};
const articleText = (doc: Document) => shadowOf(doc).querySelector('article')!.textContent || '';
const blockTexts = (b: ArticleBlock): string[] =>
  b.type === 'list' ? b.items : b.type === 'table' ? b.rows.flat() : b.type === 'image' ? [b.caption] : [b.text];

/** A hand-made Analysis (cast: fields the engine adds later don't matter to the view). */
function bare(blocks: ArticleBlock[], extra: Partial<Analysis> = {}): Analysis {
  return {
    url: 'https://www.example.gov.cn/art/1.html',
    title: '关于做好2024年春节期间有关工作的通知',
    servedTitle: '',
    titleHijacked: false,
    published: '2024-01-15',
    source: '某某市人民政府办公室',
    author: '',
    editor: '张三',
    site: { name: '', domain: '', column: '' },
    docInfo: { 索引号: '000-2024-001', 发文字号: '某府办〔2024〕1号' },
    clone: null,
    parasite: false,
    body: blocks.map((b) => blockTexts(b).join(' ')).join('\n'),
    bodyElement: null,
    blocks,
    isArticle: true,
    pagination: null,
    summary: ['春节期间做好值班工作。'],
    hidden: [],
    repairs: [],
    script: 'simplified',
    stats: { chars: 100, readingMinutes: 1 },
    ms: 1,
    ...extra,
  } as Analysis;
}

describe('clean view on corpus analyses', () => {
  const cases: { name: string; html: string; url: string; mustHide: string[] }[] = [];
  for (const id of ['gne-163-1', 'gne-gzggw-1', 'gne-sxmu-1']) cases.push({ name: id, html: readPage(id), url: urlFor(id), mustHide: [] });
  for (const id of ['000', '001', '002', '003', '004']) {
    const v = readVariant('seeds', id);
    cases.push({ name: 'seed ' + id, html: v.html, url: urlFor(id, v.truth), mustHide: [...v.truth.mustHide, ...v.truth.mustNotExtract] });
  }
  for (const id of ['gne-163-2--combo', 'gne-gzggw-1--hidden-links']) {
    const v = readVariant('injected', id);
    cases.push({ name: id, html: v.html, url: urlFor(id, v.truth), mustHide: [...v.truth.mustHide, ...v.truth.mustNotExtract] });
  }

  for (const c of cases) {
    it(`${c.name}: every block rendered, nothing hidden shown, page restored`, () => {
      const doc = parse(c.html, c.url);
      const a = analyze(doc, c.url);
      expect(a.blocks.length).toBeGreaterThan(0);
      const before = doc.documentElement.outerHTML;
      const handle = openReader(doc, a, options());
      expect(handle.open).toBe(true);
      expect(doc.documentElement.getAttribute(HTML_ATTR)).toBe('open');

      const text = squeeze(articleText(doc));
      for (const b of a.blocks) for (const s of blockTexts(b)) expect(text).toContain(squeeze(s));
      // Text the engine hides and the article does not contain must not appear in the view.
      const body = squeeze(a.body + a.title);
      for (const h of [...c.mustHide, ...a.hidden.filter((x) => x.category === 'spam').map((x) => x.text)]) {
        const s = squeeze(h);
        if (s.length >= 6 && !body.includes(s)) expect(text).not.toContain(s);
      }
      // The view renders no hidden text of its own inside the article.
      // (The only inline style is the size estimate of blocks below the first screen.)
      expect(shadowOf(doc).querySelector('article [hidden]')).toBeNull();
      for (const e of shadowOf(doc).querySelectorAll<HTMLElement>('article [style]')) {
        expect(e.classList.contains('qd-later')).toBe(true);
        expect(e.getAttribute('style')).toMatch(/^--est: \d+;$/);
      }

      handle.close();
      expect(handle.open).toBe(false);
      expect(doc.documentElement.outerHTML).toBe(before);
    });
  }
});

describe('display typography', () => {
  it('half-width punctuation between Chinese is shown full width, nothing else changes', async () => {
    const { fullWidthPunctuation } = await import('./render');
    expect(fullWidthPunctuation('去年,鹤山市委组织部;今年:好? 是!')).toBe('去年，鹤山市委组织部；今年：好？是！');
    expect(fullWidthPunctuation('召开(第一次)会议')).toBe('召开（第一次）会议');
    expect(fullWidthPunctuation('时间:16:30, 金额1,000元, see (a) b')).toBe('时间:16:30, 金额1,000元, see (a) b');
    expect(fullWidthPunctuation('他说,“好”')).toBe('他说，“好”');
  });
});

describe('strings', () => {
  it('every reader string is in the zh_CN locale file', async () => {
    const { READER_DEFAULTS } = await import('./strings');
    for (const key of Object.keys(READER_DEFAULTS)) expect(zh[key]?.message, key).toBeTruthy();
    expect(getMessage('reader_clone_warning', ['www.gov.cn'])).toContain('www.gov.cn');
  });
});

describe('hostile analysis', () => {
  const evil = [
    '<img src=x onerror=alert(1)>',
    '<a href="javascript:alert(1)">点我</a>',
    '<iframe src="https://evil.example/"></iframe>',
    '<script>alert(1)</script>',
  ];
  const blocks: ArticleBlock[] = [
    ...evil.map((text) => ({ type: 'paragraph' as const, text })),
    { type: 'heading', level: 1, text: evil[0] },
    { type: 'list', ordered: false, items: evil },
    { type: 'table', rows: [evil, evil] },
    { type: 'quote', text: evil[3] },
    { type: 'image', src: 'javascript:alert(1)', alt: evil[0], caption: evil[1] },
    { type: 'image', src: 'x" onerror="alert(1)', alt: '', caption: '' },
    { type: 'image', src: 'data:text/html,<script>alert(1)</script>', alt: '', caption: '' },
    { type: 'image', src: 'https://img.example.gov.cn/a.jpg', alt: '图', caption: '说明' },
    { type: 'image', src: 'data:image/png;base64,iVBORw0KGgo=', alt: '', caption: '' },
  ];

  it('renders none of them active', () => {
    const doc = parse('<!doctype html><html><head></head><body><p>page</p></body></html>', 'https://www.example.gov.cn/art/1.html');
    const a = bare(blocks, {
      title: evil[3],
      source: evil[0],
      url: 'javascript:alert(1)',
      docInfo: { [evil[0]]: evil[2] },
      summary: evil,
      clone: { original: evil[0], originalUrl: 'javascript:alert(2)' },
    });
    openReader(doc, a, options());
    const root = shadowOf(doc);
    expect(root.querySelectorAll('script, iframe, object, embed, frame').length).toBe(0);
    const all = Array.from(root.querySelectorAll('*'));
    for (const el of all) {
      for (const attr of Array.from(el.attributes)) {
        expect(attr.name.startsWith('on'), `${el.tagName} ${attr.name}`).toBe(false);
        expect(/^\s*(javascript|vbscript|data:text)/i.test(attr.value), `${el.tagName} ${attr.name}=${attr.value}`).toBe(false);
      }
    }
    for (const link of Array.from(root.querySelectorAll('a'))) {
      expect(link.href).toMatch(/^(https?|mailto):/);
      expect(link.target).toBe('_blank');
      expect(link.rel).toBe('noopener noreferrer');
    }
    const imgs = Array.from(root.querySelectorAll('img')).map((i) => i.getAttribute('src'));
    // The relative 'x" onerror=...' has no web base (the page URL here is javascript:), so it is dropped.
    expect(imgs).toEqual(['https://img.example.gov.cn/a.jpg', 'data:image/png;base64,iVBORw0KGgo=']);
    // The markup is shown as text, literally.
    expect(articleText(doc)).toContain('<img src=x onerror=alert(1)>');
    expect(articleText(doc)).toContain('<script>alert(1)</script>');
  });
});

describe('title', () => {
  it('never falls back to a hijacked served title', () => {
    const doc = parse('<!doctype html><html><head></head><body></body></html>', 'https://www.example.gov.cn/a.html');
    const spam = '五月天六月婷婷开心激情';
    openReader(doc, bare([{ type: 'paragraph', text: '正文。' }], { title: '', servedTitle: spam, titleHijacked: true }), options());
    expect(articleText(doc)).not.toContain(spam);
    const doc2 = parse('<!doctype html><html><head></head><body></body></html>', 'https://www.example.gov.cn/a.html');
    openReader(doc2, bare([{ type: 'paragraph', text: '正文。' }], { title: '', servedTitle: '某某通知', titleHijacked: false }), options());
    expect(shadowOf(doc2).querySelector('h1')!.textContent).toBe('某某通知');
  });
});

describe('open and close', () => {
  const page = `<!doctype html><html lang="zh-CN" class="x" data-foo="1"><head><title>t</title></head>
<body><button id="b">按钮</button><p>正文</p></body></html>`;

  it('restores the page exactly, its scroll and focus, and calls onClose once', () => {
    const doc = parse(page, 'https://www.example.gov.cn/a.html');
    const win = doc.defaultView! as unknown as { scrollX: number; scrollY: number; scrollTo: (x: number, y: number) => void };
    let sy = 740;
    Object.defineProperty(win, 'scrollX', { get: () => 0, configurable: true });
    Object.defineProperty(win, 'scrollY', { get: () => sy, configurable: true });
    win.scrollTo = (_x: number, y: number) => void (sy = y);
    const btn = doc.getElementById('b') as HTMLButtonElement;
    btn.focus();
    const before = doc.documentElement.outerHTML;
    const onClose = vi.fn();
    const h = openReader(doc, bare([{ type: 'paragraph', text: '第一段。' }]), options({ onClose }));
    const root = shadowOf(doc);
    expect(root.activeElement?.id).toBe('qd-title');
    const dialog = root.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(root.getElementById(dialog.getAttribute('aria-labelledby')!)?.textContent).toContain('春节');
    sy = 0; // something scrolled the page underneath
    h.close();
    h.close();
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(doc.documentElement.outerHTML).toBe(before);
    expect(sy).toBe(740);
    expect(doc.activeElement).toBe(btn);
  });

  it('Esc closes, the back button closes, Tab stays inside', () => {
    const doc = parse(page, 'https://www.example.gov.cn/a.html');
    const win = doc.defaultView!;
    const before = doc.documentElement.outerHTML;
    const h = openReader(doc, bare([{ type: 'paragraph', text: '第一段。' }]), options());
    const root = shadowOf(doc);
    const focusables = Array.from(root.querySelectorAll<HTMLElement>('button, select, a[href], summary')).filter((e) => !e.closest('[hidden]'));
    focusables[focusables.length - 1].focus();
    const tab = new win.KeyboardEvent('keydown', { key: 'Tab', bubbles: true, composed: true, cancelable: true });
    root.activeElement!.dispatchEvent(tab);
    expect(tab.defaultPrevented).toBe(true);
    expect(root.activeElement).toBe(focusables[0]);
    // A page shortcut handler never sees keys typed in the view.
    const pageKey = vi.fn();
    doc.addEventListener('keydown', pageKey);
    root.activeElement!.dispatchEvent(new win.KeyboardEvent('keydown', { key: 'j', bubbles: true, composed: true }));
    expect(pageKey).not.toHaveBeenCalled();
    root.activeElement!.dispatchEvent(new win.KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(h.open).toBe(false);
    expect(doc.documentElement.outerHTML).toBe(before);

    const h2 = openReader(doc, bare([{ type: 'paragraph', text: '第一段。' }]), options());
    (shadowOf(doc).querySelector('[data-action="back"]') as HTMLButtonElement).click();
    expect(h2.open).toBe(false);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('opening twice replaces the first view', () => {
    const doc = parse(page, 'https://www.example.gov.cn/a.html');
    const h1 = openReader(doc, bare([{ type: 'paragraph', text: '一' }]), options());
    const h2 = openReader(doc, bare([{ type: 'paragraph', text: '二' }]), options());
    expect(h1.open).toBe(false);
    expect(h2.open).toBe(true);
    expect(doc.querySelectorAll('#' + HOST_ID).length).toBe(1);
    h2.close();
    expect(doc.documentElement.hasAttribute(HTML_ATTR)).toBe(false);
  });
});

describe('first screen', () => {
  it('defers layout only of blocks well below the first screen', () => {
    const doc = parse('<!doctype html><html><head></head><body></body></html>', 'https://www.example.gov.cn/a.html');
    const para = (i: number): ArticleBlock => ({ type: 'paragraph', text: `第${i}段。` + '各单位要切实做好节日期间的值班值守工作，确保信息畅通。'.repeat(8) });
    const blocks = Array.from({ length: 30 }, (_, i) => para(i));
    const h = openReader(doc, bare(blocks), options());
    const body = Array.from(shadowOf(doc).querySelectorAll<HTMLElement>('.qd-body > p'));
    expect(body).toHaveLength(30);
    const later = body.filter((p) => p.classList.contains('qd-later'));
    // ~210 characters a paragraph: the first seven or so are on the first screen.
    expect(body.slice(0, 7).some((p) => p.classList.contains('qd-later'))).toBe(false);
    expect(later.length).toBeGreaterThan(20);
    expect(later).toEqual(body.slice(body.length - later.length));
    for (const p of later) expect(Number(p.style.getPropertyValue('--est'))).toBeGreaterThan(8);
    h.close();
    // A short article is laid out whole at once.
    openReader(doc, bare(blocks.slice(0, 5)), options());
    expect(shadowOf(doc).querySelector('.qd-later')).toBeNull();
  });
});

describe('preferences and script', () => {
  const doc0 = () => parse('<!doctype html><html><head></head><body></body></html>', 'https://www.example.gov.cn/a.html');

  it('applies and reports preference changes', () => {
    const doc = doc0();
    const seen: ReaderPrefs[] = [];
    openReader(doc, bare([{ type: 'paragraph', text: '第1段，3月15日。' }]), options({ onPrefsChange: (p) => seen.push(p) }));
    const root = shadowOf(doc);
    const q = (a: string) => root.querySelector(`[data-action="${a}"]`) as HTMLElement;
    const dialog = root.querySelector('.qd-root') as HTMLElement;
    expect(dialog.dataset.theme).toBe('system');
    // The typography panel is built when first opened, showing the current preferences.
    expect(q('fontSize+')).toBeNull();
    q('settings').click();
    expect(q('settings').getAttribute('aria-expanded')).toBe('true');
    expect(q('settings').getAttribute('aria-controls')).toBe('qd-panel');
    expect((q('theme') as HTMLSelectElement).value).toBe('system');
    expect(root.querySelector('#qd-panel output')!.textContent).toBe(`${DEFAULT_READER.fontSize}px`);
    q('fontSize+').click();
    expect(seen.at(-1)!.fontSize).toBe(DEFAULT_READER.fontSize + 1);
    expect(dialog.style.getPropertyValue('--size')).toBe(`${DEFAULT_READER.fontSize + 1}px`);
    // Horizontal text has no upright-digit spans; 直排 rebuilds the article with them.
    expect(root.querySelector('.tcy')).toBeNull();
    q('vertical').click();
    expect(seen.at(-1)!.vertical).toBe(true);
    expect(dialog.hasAttribute('data-vertical')).toBe(true);
    expect(q('vertical').getAttribute('aria-pressed')).toBe('true');
    const theme = q('theme') as HTMLSelectElement;
    theme.value = 'dark';
    theme.dispatchEvent(new doc.defaultView!.Event('change'));
    expect(dialog.dataset.theme).toBe('dark');
    expect(seen.at(-1)!.theme).toBe('dark');
    for (let i = 0; i < 40; i++) q('lineHeight+').click();
    expect(seen.at(-1)!.lineHeight).toBe(2.4);
    // Short numbers are marked for upright setting in 直排; years are not.
    const tcy = Array.from(root.querySelectorAll('.qd-body .tcy')).map((e) => e.textContent);
    expect(tcy).toEqual(['1', '3', '15']);
    expect(root.querySelector('.qd-body')!.textContent).toBe('第1段，3月15日。');
    // Esc first closes the panel (focus back on its button), then the view.
    const win = doc.defaultView!;
    const esc = () => root.activeElement!.dispatchEvent(new win.KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    q('vertical').focus();
    esc();
    expect((root.querySelector('#qd-panel') as HTMLElement).hidden).toBe(true);
    expect(q('settings').getAttribute('aria-expanded')).toBe('false');
    expect(root.activeElement).toBe(q('settings'));
    expect(doc.getElementById(HOST_ID)).not.toBeNull();
    esc();
    expect(doc.getElementById(HOST_ID)).toBeNull();
  });

  it('stays hidden while converting, even when 直排 is switched meanwhile', () => {
    const doc = doc0();
    openReader(doc, bare([{ type: 'paragraph', text: '第1段。' }]), options({ script: 'tw', loadConverter: () => new Promise(() => {}) }));
    const root = shadowOf(doc);
    expect(root.querySelector('article')!.hasAttribute('data-pending')).toBe(true);
    (root.querySelector('[data-action="settings"]') as HTMLElement).click();
    (root.querySelector('[data-action="vertical"]') as HTMLElement).click();
    expect(root.querySelector('article')!.hasAttribute('data-pending')).toBe(true);
    expect(root.querySelector('.qd-body .tcy')?.textContent).toBe('1');
  });

  it('converts every string when a script is chosen, and uses traditional fonts', async () => {
    const doc = doc0();
    const changes: string[] = [];
    const conv = async () => (s: string) => s.replace(/春节/g, '春節').replace(/工作/g, '工作✓');
    openReader(doc, bare([{ type: 'paragraph', text: '春节工作。' }, { type: 'list', ordered: true, items: ['春节'] }]), options({ script: 'tw', loadConverter: conv, onScriptChange: (s) => changes.push(s) }));
    const root = shadowOf(doc);
    expect(root.querySelector('article')!.hasAttribute('data-pending')).toBe(true);
    await new Promise((r) => setTimeout(r, 0));
    const art = root.querySelector('article')!;
    expect(art.hasAttribute('data-pending')).toBe(false);
    expect(art.textContent).not.toContain('春节');
    expect(art.querySelector('h1')!.textContent).toContain('春節');
    expect(art.querySelector('.qd-summary')!.textContent).toContain('春節');
    expect(art.lang).toBe('zh-TW');
    expect((root.querySelector('.qd-root') as HTMLElement).style.getPropertyValue('--font')).toContain('Songti TC');
    expect(changes).toEqual([]); // the initial script is not a change
    const sel = root.querySelector('[data-action="script"]') as HTMLSelectElement;
    expect(sel.value).toBe('tw');
    sel.value = 'original';
    sel.dispatchEvent(new doc.defaultView!.Event('change'));
    await new Promise((r) => setTimeout(r, 0));
    expect(root.querySelector('article')!.textContent).toContain('春节');
    expect(changes).toEqual(['original']);
  });

  it('falls back to the original text when the converter fails', async () => {
    const doc = doc0();
    openReader(doc, bare([{ type: 'paragraph', text: '春节。' }]), options({ script: 't', loadConverter: () => Promise.reject(new Error('no')) }));
    await new Promise((r) => setTimeout(r, 0));
    const root = shadowOf(doc);
    expect(root.querySelector('article')!.hasAttribute('data-pending')).toBe(false);
    expect(root.querySelector('article')!.textContent).toContain('春节');
    expect(root.querySelector('[role="status"]')!.textContent).not.toBe('');
  });

  it('copies Markdown through the textarea fallback when there is no Clipboard API', async () => {
    const doc = doc0();
    let copied = '';
    (doc as unknown as { execCommand: (c: string) => boolean }).execCommand = (c: string) => {
      const ta = shadowOf(doc).querySelector('textarea');
      copied = c === 'copy' && ta ? ta.value : '';
      return true;
    };
    openReader(doc, bare([{ type: 'paragraph', text: '第一段。' }]), options());
    (shadowOf(doc).querySelector('[data-action="copy-md"]') as HTMLButtonElement).click();
    await new Promise((r) => setTimeout(r, 0));
    expect(copied).toContain('# 关于做好2024年春节期间有关工作的通知');
    expect(copied).toContain('https://www.example.gov.cn/art/1.html');
    expect(shadowOf(doc).querySelector('textarea')).toBeNull();
    expect(shadowOf(doc).querySelector('[role="status"]')!.textContent).toBe(getMessage('reader_copied_md') || '已复制 Markdown');
  });
});
