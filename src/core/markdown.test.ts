import { describe, expect, it } from 'vitest';
import { articleToMarkdown, articleToText, escapeLine, summaryToMarkdown, summaryToText, type ExportSource } from './markdown';

const a: ExportSource = {
  title: '关于印发《某某办法》的通知',
  url: 'https://www.example.gov.cn/zwgk/2024/01/t1.html',
  source: '某某市人民政府办公室',
  published: '2024-01-15 10:30',
  author: '',
  editor: '李四',
  docInfo: { 索引号: '000-2024-001', 发文字号: '某府办〔2024〕1号', 空: '' },
  blocks: [
    { type: 'paragraph', text: '各区人民政府，市政府各部门：' },
    { type: 'heading', level: 1, text: '一、总体要求' },
    { type: 'paragraph', text: '1. 坚持*稳中求进*，推进 [试点] 工作_。' },
    { type: 'list', ordered: true, items: ['第一项', '第二项'] },
    { type: 'list', ordered: false, items: ['甲'] },
    { type: 'table', rows: [['项目', '金额|万元'], ['合计', '100']] },
    { type: 'image', src: 'https://img.example.gov.cn/a b.jpg', alt: '会议现场', caption: '图为会议现场' },
    { type: 'image', src: 'javascript:alert(1)', alt: '坏图', caption: '' },
    { type: 'quote', text: '引用一句话。' },
  ],
  summary: ['第一句摘要。', '第二句摘要。'],
};

describe('articleToMarkdown', () => {
  const md = articleToMarkdown(a);
  it('has the title, metadata, 信息公开 table and the source link', () => {
    expect(md.startsWith('# 关于印发《某某办法》的通知\n\n')).toBe(true);
    expect(md).toContain('来源：某某市人民政府办公室 · 发布时间：2024-01-15 10:30 · 编辑：李四');
    expect(md).not.toContain('作者');
    expect(md).toContain('| 索引号 | 000-2024-001 |');
    expect(md).not.toContain('| 空 |');
    expect(md.trimEnd().endsWith('原文链接：<https://www.example.gov.cn/zwgk/2024/01/t1.html>')).toBe(true);
  });
  it('sets blocks as Markdown and escapes page text', () => {
    expect(md).toContain('\n## 一、总体要求\n');
    expect(md).toContain('1\\. 坚持\\*稳中求进\\*，推进 \\[试点\\] 工作\\_。');
    expect(md).toContain('1. 第一项\n2. 第二项');
    expect(md).toContain('- 甲');
    expect(md).toContain('| 项目 | 金额\\|万元 |\n| --- | --- |\n| 合计 | 100 |');
    expect(md).toContain('![会议现场](<https://img.example.gov.cn/a%20b.jpg>)\n\n*图为会议现场*');
    expect(md).toContain('[图片：坏图]');
    expect(md).not.toContain('javascript:');
    expect(md).toContain('> 引用一句话。');
  });
  it('uses given labels and never links a non-web URL', () => {
    const m = articleToMarkdown({ ...a, url: 'javascript:alert(1)' }, { labels: { link: 'Original' } });
    expect(m).not.toMatch(/<javascript:/);
    expect(m).toContain('Original：javascript:alert(1)');
  });
});

describe('articleToText', () => {
  const t = articleToText(a);
  it('is plain: no Markdown syntax, source link last', () => {
    expect(t.split('\n')[0]).toBe('关于印发《某某办法》的通知');
    expect(t).toContain('索引号：000-2024-001\n发文字号：某府办〔2024〕1号');
    expect(t).toContain('1. 坚持*稳中求进*，推进 [试点] 工作_。');
    expect(t).toContain('• 甲');
    expect(t).toContain('项目\t金额|万元');
    expect(t).toContain('图为会议现场');
    expect(t).not.toContain('#');
    expect(t.trimEnd().endsWith('原文链接：https://www.example.gov.cn/zwgk/2024/01/t1.html')).toBe(true);
  });
});

describe('summary exports', () => {
  it('Markdown: title, bullets, link', () => {
    const m = summaryToMarkdown(a);
    expect(m).toContain('# 关于印发《某某办法》的通知');
    expect(m).toContain('- 第一句摘要。\n- 第二句摘要。');
    expect(m).toContain('<https://www.example.gov.cn/zwgk/2024/01/t1.html>');
    expect(m).not.toContain('各区人民政府');
  });
  it('text: title, bullets, link', () => {
    const s = summaryToText({ ...a, summary: [] });
    expect(s).not.toContain('摘要：');
    expect(summaryToText(a)).toContain('摘要：\n• 第一句摘要。\n• 第二句摘要。');
    expect(summaryToText(a).trimEnd().endsWith('https://www.example.gov.cn/zwgk/2024/01/t1.html')).toBe(true);
  });
});

describe('escapeLine', () => {
  it('escapes block starts only at the line start', () => {
    expect(escapeLine('# 不是标题')).toBe('\\# 不是标题');
    expect(escapeLine('- 不是列表')).toBe('\\- 不是列表');
    expect(escapeLine('2024. 年')).toBe('2024\\. 年');
    expect(escapeLine('甲-乙')).toBe('甲-乙');
  });
});
