import { describe, expect, it } from 'vitest';
import { ALL_KINDS } from '../core/kinds';
import { SCRIPT_TARGETS } from '../core/types';
import { countHidden, firstWords, groupHidden } from './group';
import { setMessageSource } from './i18n';
import { REPORT_URL, buildReport, formatReportTime, looksDefaced, spamSamples } from './report';
import { hostOf, isRestrictedUrl } from './restricted';
import { cycleTarget, nextScript } from './script-choice';
import { fakeAnalysis, loadMessages, messageSource } from './test-support';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

describe('groupHidden', () => {
  it('groups by kind, spam kinds first in kinds.ts order, keeping block order inside a group', () => {
    const g = groupHidden([
      { kind: 'share', category: 'noise', reason: 'r1', text: 'a' },
      { kind: 'overlay', category: 'spam', reason: 'r2', text: 'b' },
      { kind: 'user-rule', category: 'noise', reason: 'r3', text: 'c' },
      { kind: 'spam-line', category: 'spam', reason: 'r4', text: 'd' },
      { kind: 'share', category: 'noise', reason: 'r5', text: 'e', alreadyInvisible: true },
    ]);
    expect(g.map((x) => x.kind)).toEqual(['spam-line', 'overlay', 'share', 'user-rule']);
    expect(g[2].items).toEqual([
      { reason: 'r1', firstWords: 'a', alreadyInvisible: false },
      { reason: 'r5', firstWords: 'e', alreadyInvisible: true },
    ]);
  });

  it('counts spam, noise and already-invisible blocks', () => {
    expect(countHidden(fakeAnalysis().hidden)).toEqual({ spam: 2, noise: 2, alreadyInvisible: 1 });
    expect(countHidden([])).toEqual({ spam: 0, noise: 0, alreadyInvisible: 0 });
  });

  it('first words fold whitespace and cut by code point', () => {
    expect(firstWords('  一 \n\t 二  ')).toBe('一 二');
    expect(firstWords('𠀀'.repeat(50), 3)).toBe('𠀀𠀀𠀀…');
    expect(firstWords('短')).toBe('短');
  });
});

describe('report text', () => {
  setMessageSource(messageSource('zh_CN'));
  const t = (k: string, ...s: Array<string | number>) => messageSource('zh_CN')(k, s.map(String));
  const now = new Date(2024, 4, 7, 9, 3);

  it('has URL, time, hijacked title, at most 5 spam samples (visible first) and the clone verdict', () => {
    const hidden = [
      { kind: 'hidden-links' as const, category: 'spam' as const, reason: 'x', text: '不可见的链接', alreadyInvisible: true },
      ...Array.from({ length: 7 }, (_, i) => ({ kind: 'spam-line' as const, category: 'spam' as const, reason: 'x', text: `澳门赌场${i} 在线娱乐` })),
      { kind: 'share' as const, category: 'noise' as const, reason: 'x', text: '分享到' },
    ];
    const a = fakeAnalysis({ titleHijacked: true, servedTitle: '澳门赌场-真人视频', hidden, clone: { original: 'www.a.gov.cn', originalUrl: 'http://www.a.gov.cn/1.html' } });
    const text = buildReport(a, now, t);
    const lines = text.split('\n');
    expect(lines[0]).toBe('【网页被篡改报告】（由清读生成）');
    expect(lines[1]).toBe('网址：https://www.example.gov.cn/art/2024/5/7/art_1_1.html');
    expect(lines[2]).toBe('发现时间：' + formatReportTime(now));
    expect(lines[3]).toBe('被篡改的网页标题：澳门赌场-真人视频');
    expect(lines[4]).toBe('真实标题：关于做好2024年春季森林防火工作的通知');
    expect(lines[5]).toBe('页面中被注入的垃圾内容（共 8 处，样例）：');
    expect(lines.slice(6, 11)).toEqual(['1. 澳门赌场0 在线娱乐', '2. 澳门赌场1 在线娱乐', '3. 澳门赌场2 在线娱乐', '4. 澳门赌场3 在线娱乐', '5. 澳门赌场4 在线娱乐']);
    expect(lines[11]).toBe('镜像判断：此页面是 www.a.gov.cn (http://www.a.gov.cn/1.html) 的镜像副本');
    expect(text).not.toContain('分享到');
    expect(text).not.toContain('不可见的链接');
  });

  it('falls back to already-invisible samples, dedupes, and says "not a mirror"', () => {
    const a = fakeAnalysis();
    expect(spamSamples(a)).toEqual(['澳门赌场 在线娱乐 彩票平台 真人视频 免费观看 更多更多更多更多更多更多更多更多更多更多', '隐藏链接 一二三']);
    const text = buildReport(a, now, t);
    expect(text).toContain('网页标题：关于做好');
    expect(text).toContain('镜像判断：未发现镜像');
    expect(text).not.toContain('被篡改的网页标题');
    const dup = fakeAnalysis({ hidden: [1, 2, 3].map(() => ({ kind: 'spam-line' as const, category: 'spam' as const, reason: '', text: '同一行' })) });
    expect(spamSamples(dup)).toEqual(['同一行']);
  });

  it('time states the offset; report target is the national platform', () => {
    expect(formatReportTime(now)).toMatch(/^2024-05-07 09:03 \(UTC[+-]\d\d:\d\d\)$/);
    expect(REPORT_URL).toBe('https://zfwzzc.www.gov.cn/');
  });

  it('is offered only with evidence of tampering', () => {
    expect(looksDefaced(fakeAnalysis({ hidden: [] }))).toBe(false);
    expect(looksDefaced(fakeAnalysis())).toBe(true);
    expect(looksDefaced(fakeAnalysis({ hidden: [], titleHijacked: true }))).toBe(true);
    expect(looksDefaced(fakeAnalysis({ hidden: [], parasite: true }))).toBe(true);
    expect(looksDefaced(fakeAnalysis({ hidden: [], clone: { original: 'a.gov.cn', originalUrl: '' } }))).toBe(true);
  });
});

describe('restricted pages', () => {
  it.each([
    ['chrome://extensions/', true],
    ['about:blank', true],
    ['about:addons', true],
    ['moz-extension://x/popup.html', true],
    ['https://chromewebstore.google.com/detail/x', true],
    ['https://chrome.google.com/webstore/detail/x', true],
    ['https://addons.mozilla.org/zh-CN/firefox/', true],
    ['https://www.gov.cn/files/a.PDF', true],
    ['view-source:https://www.gov.cn/', true],
    ['https://www.gov.cn/zhengce/content/2017-06/08/content_5200760.htm', false],
    ['http://example.com/', false],
    ['https://chrome.google.com/search', false],
    [undefined, false],
  ])('%s -> %s', (url, restricted) => {
    expect(isRestrictedUrl(url)).toBe(restricted);
  });

  it('host is known only for web pages', () => {
    expect(hostOf('https://www.gov.cn/a')).toBe('www.gov.cn');
    expect(hostOf('chrome://newtab')).toBe('');
    expect(hostOf(undefined)).toBe('');
  });
});

describe('script choice', () => {
  it('converts simplified pages to the default target and traditional pages to simplified', () => {
    expect(cycleTarget('simplified', 'tw')).toBe('tw');
    expect(cycleTarget('traditional', 'tw')).toBe('cn');
    expect(cycleTarget('traditional', 'cn')).toBe('cn');
    expect(cycleTarget('mixed', 'hk')).toBe('hk');
    expect(nextScript('original', 'simplified', 'twp')).toBe('twp');
    expect(nextScript('twp', 'simplified', 'twp')).toBe('original');
  });
});

describe('locale files', () => {
  const keysUsed = (): Set<string> => {
    const dir = __dirname;
    const out = new Set<string>();
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'test-support.ts')) {
      for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/'(popup_[a-z_]+)'/g)) if (!m[1].endsWith('_')) out.add(m[1]);
    }
    // Built from kinds and script targets at run time.
    for (const k of ALL_KINDS) out.add('popup_kind_' + k.replace(/-/g, '_'));
    for (const s of ['original', ...SCRIPT_TARGETS]) out.add('popup_script_' + s);
    return out;
  };

  it.each(['zh_CN', 'zh_TW', 'en'] as const)('%s has every popup string, with the same placeholders as zh_CN', (loc) => {
    const msgs = loadMessages(loc);
    const base = loadMessages('zh_CN');
    for (const k of keysUsed()) {
      expect(msgs[k]?.message, k).toBeTruthy();
      expect(Object.keys(msgs[k].placeholders ?? {}).sort(), k).toEqual(Object.keys(base[k].placeholders ?? {}).sort());
    }
  });
});

describe('popup text in the page script', () => {
  it('converts title, summary, source and column with the loaded converter; original stays as is', async () => {
    const upper = async (from: string, to: string) => (s: string) => `${from}>${to}:${s}`;
    const { inPageScript } = await import('./script-view');
    const { fakeState } = await import('./test-support');
    const original = fakeState();
    expect(await inPageScript(original, upper)).toBe(original);
    const tw = await inPageScript(fakeState({}, { script: 'tw' }), upper);
    expect(tw.analysis.title).toBe('cn>tw:关于做好2024年春季森林防火工作的通知');
    expect(tw.analysis.summary[0]).toBe('cn>tw:为切实做好春季森林防火工作，现将有关事项通知如下。');
    expect(tw.analysis.source).toBe('cn>tw:市应急管理局');
    expect(tw.analysis.site.column).toBe('cn>tw:通知公告');
    const back = await inPageScript(fakeState({ script: 'traditional' }, { script: 'cn' }), upper);
    expect(back.analysis.title.startsWith('t>cn:')).toBe(true);
    const failing = fakeState({}, { script: 'hk' });
    expect(await inPageScript(failing, () => Promise.reject(new Error('offline')))).toBe(failing);
  });
});
