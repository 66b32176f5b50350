// Lines inside an article container that are not article: credit lines (原标题, 责任编辑, 来源),
// disclaimers, app-download and QR promos, pagers, page tools, the repeated headline and the
// metadata line. Datelines, captions and the article's own notes (（资料来源：…）) stay.
import type { ArticleBlock } from '../types';

const squeeze = (s: string): string => s.normalize('NFKC').replace(/[\s\p{P}\p{S}]+/gu, '');

/** Lines dropped wherever they are (short, and of a kind that is never article text). */
const ALWAYS: RegExp[] = [
  /^[（(【\[]?\s*原标题\s*[：:]/,
  /^[（(【\[]?\s*(责任编辑|责编|编辑|校对|审校|审核|美编|监制|值班编辑|初审|复审|终审|签发|本文来源|稿件来源|文章来源|来源|信息来源|供稿|撰稿|作者)\s*[：:].{0,40}$/,
  /^[（(【\[]?\s*(编辑|责编|校对|审核|美编)\s+[\p{Script=Han}A-Za-z·]{2,8}(\s+(编辑|责编|校对|审核|美编)\s+[\p{Script=Han}A-Za-z·]{2,8})*\s*[)）】\]]?$/u,
  /^(免责声明|特别声明|版权声明|声明)\s*[：:]/,
  /(本文仅代表作者|不代表本(站|网|平台)|转载请注明|未经(授权|许可).{0,10}转载|版权归.{0,20}所有)/,
  /【?\s*字体\s*[：:]?\s*[【\[]?\s*大\s*[】\]]?\s*[【\[]?\s*中\s*[】\]]?\s*[【\[]?\s*小/,
  /^[【\[]?\s*(打印|关闭|打印本页|关闭窗口|返回顶部|收藏|分享到?)\s*[】\]]?(\s*[【\[]?\s*(打印|关闭|打印本页|关闭窗口|返回顶部|收藏|分享到?)\s*[】\]]?)*$/,
  /^(上一页|下一页|首页|尾页|末页|余下全文|阅读全文|[\d\s/／]|第\s*\d+\s*页|共\s*\d+\s*页)+$/,
];

/** Promo lines: dropped only when short. */
const PROMO: RegExp[] = [
  /(下载|打开|安装).{0,12}(客户端|APP|App|app)/,
  /扫(描|一扫)?.{0,8}(二维码|关注)|长按.{0,8}识别/,
  /关注.{0,12}(公众号|微信号|微博|官方账号)/,
  /点击(进入|查看|下载|阅读原文|关注)|阅读原文/,
  /返回.{0,8}首页/,
  /^(相关阅读|延伸阅读|相关新闻|相关链接|推荐阅读|相关文章|相关稿件|热点推荐|猜你喜欢|延伸\s*·?\s*推荐)\s*[：:]?\s*$/,
  /相关资讯请关注/,
];

/** A metadata line (date with 来源/作者/浏览…): only trimmed near the top or bottom. */
const META_LINE =
  /(发布|发表|更新|时间|日期|来源|作者|浏览|点击|阅读|字号|访问)[^。]{0,4}[：:]?.{0,40}(\d{4}|\d{1,2}[-/月]\d{1,2})|(\d{4}[-/年.]\d{1,2}[-/月.]\d{1,2}).{0,30}(来源|作者|浏览|编辑|发布)/;

export function isBoilerLine(text: string): boolean {
  if (text.length <= 80) for (const re of ALWAYS) if (re.test(text)) return true;
  if (text.length <= 60) for (const re of PROMO) if (re.test(text)) return true;
  return false;
}

function blockText(b: ArticleBlock): string {
  switch (b.type) {
    case 'heading':
    case 'paragraph':
    case 'quote':
      return b.text;
    case 'list':
      return b.items.join(' ');
    case 'table':
      return b.rows.map((r) => r.join(' ')).join(' ');
    case 'image':
      return b.caption;
  }
}

/** Drop boilerplate blocks inside, and the headline / metadata line at the edges. */
export function trimBlocks(blocks: ArticleBlock[], title: string): ArticleBlock[] {
  const t = squeeze(title);
  let out = blocks.filter((b) => {
    if (b.type === 'image' || b.type === 'table') return true;
    if (b.type === 'list') {
      b.items = b.items.filter((i) => !isBoilerLine(i));
      return b.items.length > 0;
    }
    return !isBoilerLine(b.text);
  });
  // Leading headline and metadata lines (the container sometimes holds the header too).
  let i = 0;
  let acc = '';
  for (let k = 0; k < 8 && i < out.length; k++) {
    const b = out[i];
    if (b.type === 'image') break;
    const text = blockText(b);
    const s = squeeze(text);
    if (!s) {
      i++;
      continue;
    }
    if (t && (s === t || (s.length >= 6 && t.includes(s) && b.type !== 'paragraph') || (s.length < t.length * 1.6 && s.startsWith(t) && text.length < 120 && META_LINE.test(text.slice(t.length))))) {
      i++;
      continue;
    }
    // A headline broken over several lines.
    if (t && s.length >= 2 && b.type !== 'list' && t.includes(acc + s) && (acc + s).length < t.length) {
      let j = i + 1;
      let joined = acc + s;
      while (j < out.length && joined.length < t.length) {
        const n = squeeze(blockText(out[j]));
        if (!t.includes(joined + n)) break;
        joined += n;
        j++;
      }
      if (joined === t) {
        i = j;
        continue;
      }
    }
    if (text.length < 100 && META_LINE.test(text) && !/[。！？]/.test(text)) {
      i++;
      continue;
    }
    break;
  }
  out = out.slice(i);
  // Trailing metadata lines.
  while (out.length) {
    const b = out[out.length - 1];
    const text = blockText(b);
    if (b.type !== 'image' && text.length < 80 && META_LINE.test(text) && !/[。！？]/.test(text)) out.pop();
    else break;
  }
  return out;
}
