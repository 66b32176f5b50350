// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { setMessageSource } from './i18n';
import type { PopupModel } from './model';
import { buildPopup, renderPopup } from './render';
import { fakeState, messageSource, recordingHandlers } from './test-support';

const model = (state = fakeState(), over: Partial<PopupModel> = {}): PopupModel => ({
  phase: { kind: 'ready', state },
  host: 'www.example.gov.cn',
  site: {},
  defaultScript: 'tw',
  ...over,
});

function mount(m: PopupModel, h = recordingHandlers()) {
  const root = document.createElement('main');
  document.body.replaceChildren(root);
  renderPopup(root, m, h);
  const q = (id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  return { root, h, q };
}

beforeEach(() => setMessageSource(messageSource('zh_CN')));

describe('article page', () => {
  it('shows title, meta, document number, stats and the summary in order', () => {
    const { q, root } = mount(model());
    expect(q('title')!.textContent).toBe('关于做好2024年春季森林防火工作的通知');
    expect(q('meta')!.textContent).toBe('市应急管理局 · 2024-05-07 09:30 · 通知公告');
    expect(q('docinfo')!.textContent).toContain('发文字号示应急〔2024〕12号');
    expect(q('docinfo')!.textContent).toContain('索引号11330100002491939X/2024-00123');
    expect(q('stats')!.textContent).toBe('约 4 分钟读完 · 1,234 字');
    const items = [...q('summary')!.querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toEqual(['为切实做好春季森林防火工作，现将有关事项通知如下。', '各地要压实责任，加强巡查。', '严禁野外用火。']);
    expect(q('warning')).toBeNull();
    expect(q('no-article')).toBeNull();
    expect(q('counts')!.textContent).toBe('已隐藏 2 处垃圾信息、2 处干扰内容');
    // No message key leaks through untranslated.
    expect(root.textContent).not.toMatch(/popup_/);
  });

  it('falls back to the site name when there is no source, and leaves out empty parts', () => {
    const { q } = mount(model(fakeState({ source: '', site: { name: '示例市人民政府', domain: '', column: '' }, docInfo: {} })));
    expect(q('meta')!.textContent).toBe('示例市人民政府 · 2024-05-07 09:30');
    expect(q('docinfo')).toBeNull();
  });

  it('renders in traditional Chinese and English', () => {
    setMessageSource(messageSource('zh_TW'));
    expect(mount(model()).q('counts')!.textContent).toBe('已隱藏 2 處垃圾資訊、2 處干擾內容');
    setMessageSource(messageSource('en'));
    const { q, root } = mount(model());
    expect(q('counts')!.textContent).toBe('Hidden: 2 spam, 2 clutter');
    expect(q('open-reader')!.textContent).toBe('Open clean view');
    expect(root.textContent).not.toMatch(/popup_/);
  });

  it('buttons ask for the right actions', () => {
    const { q, h } = mount(model());
    q('open-reader')!.click();
    q('script-toggle')!.click();
    q('copy-text')!.click();
    q('copy-markdown')!.click();
    q('pick')!.click();
    q('report')!.click();
    const select = q('script-select') as HTMLSelectElement;
    select.value = 'hk';
    select.dispatchEvent(new Event('change'));
    expect(h.calls).toEqual([['openReader'], ['convert', 'tw'], ['copySummary', 'text'], ['copySummary', 'markdown'], ['pick'], ['report'], ['convert', 'hk']]);
  });
});

describe('script switch', () => {
  it('cycles original -> default target -> original and reflects the current script', () => {
    let { q } = mount(model());
    expect(q('script-toggle')!.textContent).toBe('转为繁体（台湾）');
    expect((q('script-select') as HTMLSelectElement).value).toBe('original');
    ({ q } = mount(model(fakeState({}, { script: 'tw' }))));
    expect(q('script-toggle')!.textContent).toBe('恢复原文');
    expect((q('script-select') as HTMLSelectElement).value).toBe('tw');
  });

  it('offers simplified for a page already in traditional script', () => {
    const { q, h } = mount(model(fakeState({ script: 'traditional' })));
    q('script-toggle')!.click();
    expect(h.calls).toEqual([['convert', 'cn']]);
  });
});

describe('no-article page', () => {
  it('says so clearly, still shows the counts, and offers no summary or clean view', () => {
    const { q } = mount(model(fakeState({ isArticle: false, summary: [], title: '', servedTitle: '示例市人民政府门户网站' })));
    expect(q('no-article')!.textContent).toBe('此页面没有正文：它像是列表页或首页。');
    expect(q('title')!.textContent).toBe('示例市人民政府门户网站');
    expect(q('counts')!.textContent).toContain('2 处垃圾信息');
    expect(q('summary')).toBeNull();
    expect(q('open-reader')).toBeNull();
    expect(q('copy-text')).toBeNull();
    expect(q('stats')).toBeNull();
  });
});

describe('warnings', () => {
  it('clone page: names the original and links it through a new tab', () => {
    const { root, q, h } = mount(model(fakeState({ clone: { original: 'www.hengyang.gov.cn', originalUrl: 'http://www.hengyang.gov.cn/a/1.html' } })));
    const w = root.querySelector<HTMLElement>('[data-warning="clone"]')!;
    expect(w.textContent).toContain('这是 www.hengyang.gov.cn 的镜像副本。');
    const a = w.querySelector('a')!;
    expect(a.getAttribute('href')).toBe('http://www.hengyang.gov.cn/a/1.html');
    a.click();
    expect(h.calls).toEqual([['openUrl', 'http://www.hengyang.gov.cn/a/1.html']]);
    expect(q('report')).not.toBeNull();
  });

  it('clone without a canonical URL links the original host; a javascript: URL is never linked', () => {
    let { root } = mount(model(fakeState({ clone: { original: 'www.a.gov.cn', originalUrl: '' } })));
    expect(root.querySelector('[data-warning="clone"] a')!.getAttribute('href')).toBe('https://www.a.gov.cn/');
    ({ root } = mount(model(fakeState({ clone: { original: 'x"/><script>', originalUrl: 'javascript:alert(1)' } }))));
    const href = root.querySelector('[data-warning="clone"] a')?.getAttribute('href') ?? '';
    expect(href.startsWith('javascript:')).toBe(false);
  });

  it('parasite and hijacked title warnings', () => {
    const { root } = mount(model(fakeState({ parasite: true, titleHijacked: true, servedTitle: '澳门赌场-在线娱乐' })));
    expect(root.querySelector('[data-warning="parasite"]')!.textContent).toContain('垃圾页面');
    expect(root.querySelector('[data-warning="title"]')!.textContent).toContain('「澳门赌场-在线娱乐」');
  });

  it('a clean page offers no report', () => {
    const { q } = mount(model(fakeState({ hidden: [{ kind: 'share', category: 'noise', reason: 'share bar', text: '分享' }] })));
    expect(q('report')).toBeNull();
    expect(q('counts')!.textContent).toBe('已隐藏 0 处垃圾信息、1 处干扰内容');
  });
});

describe('what was hidden', () => {
  it('groups by kind, spam first, with reasons, first words and switches that reflect the state', () => {
    const { root, q, h } = mount(model(fakeState({}, { revealedKinds: ['recommendation'] })));
    const groups = [...root.querySelectorAll<HTMLElement>('.group')];
    expect(groups.map((g) => g.dataset.kind)).toEqual(['link-farm', 'hidden-links', 'recommendation', 'share']);
    expect(groups[0].querySelector('.reason')!.textContent).toBe('32 links, 28 with spam words, 19 hosts');
    expect(groups[0].querySelector('.snippet')!.textContent!.endsWith('…')).toBe(true);
    expect(groups[1].querySelector('.reason')!.textContent).toContain('原本就不可见');
    const sw = (kind: string) => root.querySelector<HTMLInputElement>(`#kind-${kind}`)!;
    expect(sw('link-farm').checked).toBe(true);
    expect(sw('recommendation').checked).toBe(false);
    sw('link-farm').click();
    sw('recommendation').click();
    (q('show-all') as HTMLInputElement).click();
    expect(h.calls).toEqual([
      ['setKindRevealed', 'link-farm', true],
      ['setKindRevealed', 'recommendation', false],
      ['showAll', true],
    ]);
  });

  it('show everything: its switch is on and the kind switches are disabled', () => {
    const { root, q } = mount(model(fakeState({}, { showAll: true })));
    expect((q('show-all') as HTMLInputElement).checked).toBe(true);
    expect(root.querySelector<HTMLInputElement>('#kind-link-farm')!.disabled).toBe(true);
  });

  it('no hidden blocks: a plain sentence and no list', () => {
    const { q } = mount(model(fakeState({ hidden: [] })));
    expect(q('counts')!.textContent).toBe('此页面没有需要隐藏的内容');
    expect(q('hidden-list')).toBeNull();
  });

  it('keeps the list open and the focus across a re-render', () => {
    const h = recordingHandlers();
    const { root } = mount(model(), h);
    root.querySelector('details')!.setAttribute('open', '');
    root.querySelector<HTMLInputElement>('#kind-share')!.focus();
    renderPopup(root, model(fakeState({}, { revealedKinds: ['share'] })), h);
    expect(root.querySelector('details')!.hasAttribute('open')).toBe(true);
    expect(document.activeElement?.id).toBe('kind-share');
    expect(root.querySelector<HTMLInputElement>('#kind-share')!.checked).toBe(false);
  });
});

describe('per-site switches', () => {
  it('reflect the site settings and write patches', () => {
    const { q, h, root } = mount(model(undefined, { site: { clean: true } }));
    expect(root.querySelector('#site-h')!.textContent).toBe('在 www.example.gov.cn 上');
    expect((q('site-clean') as HTMLInputElement).checked).toBe(true);
    expect((q('site-convert') as HTMLInputElement).checked).toBe(false);
    q('site-clean')!.click();
    q('site-convert')!.click();
    q('site-disabled')!.click();
    expect(h.calls).toEqual([['setSite', { clean: false }], ['setSite', { convert: 'tw' }], ['setSite', { disabled: true }]]);
  });

  it('turning conversion off clears it', () => {
    const { q, h } = mount(model(undefined, { site: { convert: 'hk' } }));
    q('site-convert')!.click();
    expect(h.calls).toEqual([['setSite', { convert: undefined }]]);
  });
});

describe('other phases', () => {
  const phaseModel = (phase: PopupModel['phase'], host = 'www.example.gov.cn'): PopupModel => ({ phase, host, site: { disabled: true }, defaultScript: 'tw' });

  it('restricted pages get a clear message and nothing else', () => {
    const { root, q } = mount(phaseModel({ kind: 'restricted' }, ''));
    expect(q('restricted')!.textContent).toContain('无法在此页面运行');
    expect(root.querySelectorAll('button, input').length).toBe(0);
  });

  it('a site set to "never run here" offers the switch back', () => {
    const { q, h } = mount(phaseModel({ kind: 'disabled' }));
    expect(q('disabled')!.textContent).toContain('不在此网站运行');
    expect((q('site-disabled') as HTMLInputElement).checked).toBe(true);
    q('site-disabled')!.click();
    expect(h.calls).toEqual([['setSite', { disabled: false }]]);
  });

  it('loading and error', () => {
    expect(buildPopup(phaseModel({ kind: 'loading' }), recordingHandlers())[0].textContent).toBe('正在分析页面…');
    const { q } = mount(phaseModel({ kind: 'error', detail: 'timeout' }));
    expect(q('error')!.textContent).toContain('页面没有响应');
  });
});

describe('hostile page text', () => {
  const evil = '<img src=x onerror=alert(1)><script>alert(2)</script>';
  it('is rendered as literal text everywhere, creating no elements', () => {
    const state = fakeState({
      title: '标题' + evil,
      servedTitle: evil,
      titleHijacked: true,
      source: evil,
      published: evil,
      site: { name: evil, domain: evil, column: evil },
      docInfo: { 发文字号: evil, 索引号: evil },
      clone: { original: evil, originalUrl: evil },
      parasite: true,
      summary: [evil, '正常句子。' + evil],
      hidden: [
        { kind: 'spam-line', category: 'spam', reason: evil, text: evil },
        { kind: 'user-rule', category: 'noise', reason: evil, text: evil },
      ],
    });
    const { root, q } = mount(model(state));
    expect(root.querySelectorAll('img, script, iframe, object, embed').length).toBe(0);
    expect(document.querySelectorAll('img, script').length).toBe(0);
    expect(q('title')!.textContent).toBe('标题' + evil);
    expect(q('summary')!.querySelectorAll('li')[0].textContent).toBe(evil);
    expect(q('meta')!.textContent).toContain(evil);
    expect(root.querySelector('.group .snippet')!.textContent).toBe(evil.slice(0, 40) + '…');
    expect(root.querySelector('[data-warning="title"]')!.textContent).toContain(evil);
    // The only links are the ones the popup builds from http(s) URLs.
    for (const a of root.querySelectorAll('a')) expect(a.getAttribute('href')).toMatch(/^https?:\/\//);
  });
});
