// Source (来源), author (作者/记者) and editor (责任编辑/编辑) from the page's text lines.
import type { TextLine } from './textlines';

const SOURCE_LABEL = /(?:信息来源|文章来源|稿件来源|新闻来源|内容来源|来源于|来源|出处)\s*[：:]?\s*/gu;
// A name (Han, letters, digits, ·, brackets), maybe with one capitalised word after a space. A
// literal, not new RegExp(): bundles keep module-level calls even when they use nothing of this file.
const SOURCE_VALUE = /^([\p{Script=Han}A-Za-z0-9_·•.（）()&\-]+(?: (?=[A-Z])[A-Za-z]+)?)/u;
/** Values that are not a source: "from the web", "this site", "unknown". */
const NOT_SOURCE = /^(网络|网络整理|互联网|本站|本网|未知|不详|无|暂无|原创|转载|其他|其它)$/;
const TRAILING = /(作者|编辑|责任编辑|记者|时间|发布|日期|浏览|点击|字号|阅读|通讯员|摄影|供稿).*$/u;
// Not names either: a platform badge (优质原创) and the heading of the panel that follows the
// metadata line when the share tools between are hidden (toutiao: "2019-09-08 11:42:03 相关推荐").
const STOP = /^(原创|优质原创|(?:相关|热门|精彩|热点|为你|延伸|推荐)(?:推荐|阅读|文章|新闻|资讯)|猜你喜欢|阅读排行|分享到|分享|关注|评论|举报|收藏|打印|关闭|字号|阅读|浏览|次|作者|来源|编辑|企鹅号|头条号|百家号|网易号|大|中|小|\d+|[\d:：/.-]+|【.*】|\[.*\])$/;

function cleanName(v: string): string {
  return v
    .replace(/[\[【（(](整理|原创|转载|编译|综合)[\]】）)]$/u, '')
    .replace(TRAILING, '')
    .replace(/[|｜,，;；。:：\s]+$/u, '')
    .trim();
}

/** The first labelled source in lines[from..to). */
export function labelledSource(lines: TextLine[], from: number, to: number): string {
  for (let i = Math.max(0, from); i < Math.min(lines.length, to); i++) {
    const text = lines[i].text;
    if (text.length > 200) continue;
    SOURCE_LABEL.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = SOURCE_LABEL.exec(text))) {
      // "本文来源" and "来源：" both count; "数据来源" / "图片来源" do not.
      const before = text.slice(Math.max(0, m.index - 2), m.index);
      if (/数据|图片|资料|图$/.test(before)) continue;
      // Inside a word ("位置意见来源…"): only compound labels may precede it.
      if (/[\p{Script=Han}]$/u.test(before) && !/(本文|信息|文章|稿件|新闻|内容|\s)$/u.test(before) && !/^(信息|文章|稿件|新闻|内容)/.test(m[0])) continue;
      const rest = text.slice(m.index + m[0].length);
      const v = rest.match(SOURCE_VALUE);
      const name = v ? cleanName(v[1]) : '';
      if (name && !NOT_SOURCE.test(name) && !/^\d/.test(name)) return name;
    }
  }
  return '';
}

/** A publisher's name standing alone: 2–16 characters, Han or letters first, no punctuation. */
const isName = (t: string): boolean => t.length >= 2 && t.length <= 16 && /^[\p{Script=Han}A-Za-z][\p{Script=Han}A-Za-z0-9·]*$/u.test(t);

/** A name beside the date on the metadata line ("原创 南方都市报 2019-09-09 16:01", "2019-09-05 11:10 游民星空[整理]"). */
export function unlabelledSource(line: string, dateIndex: number, dateLength: number): string {
  const before = line.slice(0, dateIndex).split(' ').map(cleanName).filter((t) => t && !STOP.test(t));
  const after = line
    .slice(dateIndex + dateLength)
    .replace(/^\s*\d{1,2}[:：]\d{2}(:\d{2})?/, '')
    .split(' ')
    .map(cleanName)
    .filter((t) => t && !STOP.test(t));
  const ok = (t: string | undefined) => !!t && isName(t);
  const b = before[before.length - 1];
  if (ok(b) && before.length <= 2) return b;
  if (ok(after[0])) return after[0];
  return '';
}

/**
 * The account name beside a follow button on the line under the headline (toutiao, baijiahao,
 * 网易号: "去驴行 关注 1/10"): on these platforms the account is the publisher. Only the first
 * word of a short line, only when the next word is exactly 关注 (or +关注).
 */
export function followedSource(lines: TextLine[], from: number, to: number): string {
  for (let i = Math.max(0, from); i < Math.min(lines.length, to); i++) {
    // The button is its own line when it is a block ("去驴行" / "关注"), or on the name's line.
    const next = lines[i + 1]?.text ?? '';
    const text = FOLLOW.test(next) ? `${lines[i].text} ${next}` : lines[i].text;
    if (text.length > 40) continue;
    const m = text.match(/^(\S{2,16}) [+＋]?关注(?: |$)/u);
    if (m && !STOP.test(m[1]) && !SHARE_TARGET.test(m[1]) && isName(m[1])) return m[1];
  }
  return '';
}
const FOLLOW = /^[+＋]?关注(?: |$)/u;
// Where a share bar asks readers to follow the site ("微信 关注"), not who published the article.
const SHARE_TARGET = /^(微信|微博|新浪微博|腾讯微博|QQ|QQ空间|抖音|快手|头条|公众号|客户端|二维码|扫码|APP|App|app)$/;

export function findAuthor(lines: TextLine[], from: number, to: number, bodyStart: string): string {
  const re = /(?:作者|记者|撰文|采写|文\s*\/|文)\s*[：:／/]\s*([\p{Script=Han}A-Za-z·]{2,12}(?:[ 、][\p{Script=Han}]{2,4})*)/u;
  for (let i = Math.max(0, from); i < Math.min(lines.length, to); i++) {
    const text = lines[i].text;
    if (text.length > 160) continue;
    const m = text.match(re);
    if (m) {
      const name = cleanName(m[1]);
      if (name && !/^(未知|佚名|不详|本站|网络)$/.test(name)) return name;
    }
  }
  // A dateline in the article: "新京报讯（记者 陆一夫）", "（记者陈智 整合）", "【文/观察者网专栏作者 王文】".
  const d = bodyStart.match(/[（(【]\s*(?:文\s*\/\s*)?[^）)】]{0,12}?(?:记者|作者)\s*([\p{Script=Han}]{2,4}(?:[ 、][\p{Script=Han}]{2,4})*)/u);
  if (d) return d[1].replace(/\s*(整合|整理|报道|摄)$/u, '').split(/\s+(?:整合|整理|报道)/u)[0];
  return '';
}

export function findEditor(lines: TextLine[]): string {
  const re = /(?:责任编辑|责编|编辑)\s*[：:]\s*([\p{Script=Han}A-Za-z0-9_·]+(?: [A-Z][a-z]+)?)?/u;
  let found = '';
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i].text;
    if (text.length > 120) continue;
    const m = text.match(re);
    if (!m) continue;
    let name = m[1] || '';
    if (!name && i + 1 < lines.length && lines[i + 1].text.length <= 16) name = lines[i + 1].text;
    name = name.replace(/(校对|审核|来源|作者).*$/u, '').trim();
    if (name && !/^(初审|复审|终审)/.test(text.slice(0, 3))) {
      found = name;
      break;
    }
  }
  return found;
}
