// Test support for the popup's unit tests (not shipped: only *.test.ts files import it):
// the real messages.json files as a getMessage, and fake PageStates.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AnalysisJSON } from '../core/serialize';
import type { PageState } from '../platform/messages';
import type { GetMessage } from './i18n';
import type { PopupHandlers } from './model';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

export function loadMessages(locale: 'zh_CN' | 'zh_TW' | 'en'): Messages {
  return JSON.parse(readFileSync(resolve(__dirname, '../../public/_locales', locale, 'messages.json'), 'utf8'));
}

/** getMessage as the browsers implement it: named placeholders whose content is $1..$9. */
export function messageSource(locale: 'zh_CN' | 'zh_TW' | 'en'): GetMessage {
  const msgs = loadMessages(locale);
  return (key, subs = []) => {
    const m = msgs[key];
    if (!m) return '';
    const ph = m.placeholders ?? {};
    return m.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
      const content = ph[name.toLowerCase()]?.content;
      if (content === undefined) return whole;
      return content.replace(/\$(\d)/g, (_, d: string) => subs[Number(d) - 1] ?? '');
    });
  };
}

export function fakeAnalysis(over: Partial<AnalysisJSON> = {}): AnalysisJSON {
  return {
    url: 'https://www.example.gov.cn/art/2024/5/7/art_1_1.html',
    title: '关于做好2024年春季森林防火工作的通知',
    servedTitle: '关于做好2024年春季森林防火工作的通知_示例市人民政府',
    titleHijacked: false,
    published: '2024-05-07 09:30',
    source: '市应急管理局',
    author: '',
    editor: '张三',
    site: { name: '示例市人民政府', domain: 'www.example.gov.cn', column: '通知公告' },
    docInfo: { 索引号: '11330100002491939X/2024-00123', 发文字号: '示应急〔2024〕12号' },
    clone: null,
    parasite: false,
    body: '第一段。\n第二段。',
    summary: ['为切实做好春季森林防火工作，现将有关事项通知如下。', '各地要压实责任，加强巡查。', '严禁野外用火。'],
    hidden: [
      { kind: 'link-farm', category: 'spam', reason: '32 links, 28 with spam words, 19 hosts', text: '澳门赌场 在线娱乐 彩票平台 真人视频 免费观看 更多更多更多更多更多更多更多更多更多更多' },
      { kind: 'hidden-links', category: 'spam', reason: 'display:none block of 40 links', text: '隐藏链接 一二三', alreadyInvisible: true },
      { kind: 'recommendation', category: 'noise', reason: 'heading 猜你喜欢, 0% overlap with title', text: '猜你喜欢 明星八卦' },
      { kind: 'share', category: 'noise', reason: 'share bar', text: '分享到：微信 微博' },
    ],
    repairs: [],
    isArticle: true,
    pagination: null,
    blocks: [{ type: 'paragraph', text: '第一段。' }],
    script: 'simplified',
    stats: { chars: 1234, readingMinutes: 4 },
    ms: 12,
    ...over,
  };
}

export function fakeState(analysis: Partial<AnalysisJSON> = {}, over: Partial<PageState> = {}): PageState {
  return { analysis: fakeAnalysis(analysis), revealedKinds: [], showAll: false, script: 'original', readerOpen: false, ...over };
}

/** Handlers that record every call, for asserting what a click asked for. */
export function recordingHandlers(): PopupHandlers & { calls: Array<[string, ...unknown[]]> } {
  const calls: Array<[string, ...unknown[]]> = [];
  const rec =
    (name: string) =>
    (...args: unknown[]) => {
      calls.push([name, ...args]);
    };
  return {
    calls,
    openReader: rec('openReader'),
    convert: rec('convert'),
    copySummary: rec('copySummary'),
    report: rec('report'),
    pick: rec('pick'),
    setKindRevealed: rec('setKindRevealed'),
    showAll: rec('showAll'),
    setSite: rec('setSite'),
    openUrl: rec('openUrl'),
  };
}
