// Robustness: thousands of generated and mutated pages (random nesting, huge link lists, no
// body, framesets, invalid markup, hiding styles) through analyze(): no exception, and the
// same result when the same HTML is analysed twice.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { analyze } from '../../src/core/analyze';
import { toJSON } from '../../src/core/serialize';

const TEXTS = [
  '近年来，临沂市总工会认真贯彻落实新时代党的建设总要求。', '97国产婷婷视频_亚洲精品熟女国产_黄色大片aV永久勉费', '久久为功，撸起袖子加油干',
  '澳门特别行政区', '相关推荐', '分享到：', '【字体：大 中 小】【打印】【关闭】', '友情链接:', '主站蜘蛛池模板:', '版权所有 京ICP备05068452号',
  '網(wǎng)站支持IPV6', '【中文无遮挡在线手机狠狠老司机】', '　（一）', '?。ㄒ唬', '&nbsp;', '<', '&', '\u200b', '𠀀𠀁', '', ' ', 'a'.repeat(50),
];
const STYLES = ['', 'display:none', 'position:fixed;left:-9000px', 'position:fixed;z-index:9999', 'font-size:0', 'height:0;overflow:hidden', 'text-indent:-9999px', 'color:#fff;background:#fff', 'position:absolute;z-index:999'];
const TAGS = ['div', 'p', 'span', 'a', 'ul', 'li', 'table', 'tr', 'td', 'h1', 'h2', 'section', 'footer', 'nav', 'aside', 'font', 'b', 'ruby', 'rt', 'script', 'style', 'iframe', 'form', 'title'];
const CLASSES = ['', 'tuijian', 'xgxw', 'share', 'footer', 'nav', 'related', 'content', 'TRS_Editor', 'hidden-x', 'comment', 'ad', 'side'];

const textArb = fc.oneof(fc.constantFrom(...TEXTS), fc.string({ maxLength: 30 }), fc.stringMatching(/^[\u4e00-\u4e2f，。_|]{0,40}$/));

const nodeArb: fc.Memo<string> = fc.memo((depth) =>
  depth <= 0
    ? textArb.map((t) => t.replace(/</g, '&lt;'))
    : fc.oneof(
        { weight: 2, arbitrary: textArb.map((t) => t.replace(/</g, '&lt;')) },
        {
          weight: 3,
          arbitrary: fc
            .tuple(fc.constantFrom(...TAGS), fc.constantFrom(...STYLES), fc.constantFrom(...CLASSES), fc.array(nodeArb(depth - 1), { maxLength: 5 }), fc.boolean())
            .map(([tag, style, cls, kids, close]) => {
              const attrs = `${style ? ` style="${style}"` : ''}${cls ? ` class="${cls}"` : ''}${tag === 'a' ? ` href="http://h${kids.length}x.q${cls.length}z.com/"` : ''}`;
              return `<${tag}${attrs}>${kids.join('')}${close ? `</${tag}>` : ''}`;
            }),
        },
        {
          weight: 1,
          arbitrary: fc.integer({ min: 0, max: 200 }).map((n) =>
            Array.from({ length: n }, (_, i) => `<a href="http://r${i}k.x${i % 7}qzv.com/">${TEXTS[i % TEXTS.length] || '链接'}${i}</a>|`).join(''),
          ),
        },
      ),
);

const pageArb = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(textArb, nodeArb(4), fc.constantFrom('', '<style>.hidden-x{display:none}.side{position:fixed;z-index:9999}</style>', '<meta name="SiteDomain" content="www.heshan.gov.cn"><meta name="ArticleTitle" content="标题">')).map(([title, body, head]) => `<!DOCTYPE html><html><head><title>${title.replace(/</g, '')}</title>${head}</head><body>${body}</body></html>`) },
  { weight: 1, arbitrary: nodeArb(3).map((b) => `<html><head><title>x</title></head><frameset><frame src="a.html">${b}</frameset></html>`) },
  { weight: 1, arbitrary: nodeArb(3) }, // no <html>/<body> at all
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) }, // arbitrary invalid markup
);

const URL_ = 'http://www.example.gov.cn/a/1.html';
// One window, many documents: a fresh JSDOM per page costs ~40 ms, a DOMParser document ~1 ms.
const win = new JSDOM('', { url: URL_ }).window;

function run(html: string, fresh: boolean): string {
  const dom = fresh ? new JSDOM(html, { url: URL_ }) : null;
  const doc = dom ? dom.window.document : new win.DOMParser().parseFromString(html, 'text/html');
  const a = toJSON(analyze(doc, URL_));
  dom?.window.close();
  return JSON.stringify({ ...a, ms: 0 });
}

describe('analyze() on generated pages', () => {
  it('never throws and is deterministic (thousands of parsed documents)', () => {
    fc.assert(
      fc.property(pageArb, (html) => {
        expect(run(html, false)).toBe(run(html, false));
      }),
      { numRuns: 700, seed: 20261122 },
    );
  }, 120_000);

  it('same on full jsdom windows (computed styles available)', () => {
    fc.assert(
      fc.property(pageArb, (html) => {
        expect(run(html, true)).toBe(run(html, true));
      }),
      { numRuns: 40, seed: 7 },
    );
  }, 120_000);
});
