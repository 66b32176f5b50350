// Styles of the clean view. Two sheets: one inside the shadow root (the view itself: site CSS
// can't reach it) and one small page sheet keyed on the attribute the view sets on <html>
// (locks page scrolling, pins the host, hides the page while printing). Both go away on close.
import type { ReaderPrefs } from '../platform/settings-schema';

export const HOST_TAG = 'qingdu-reader';
export const HOST_ID = 'qingdu-reader-host';
/** Set on <html> while the view is open; the page sheet and the e2e tests key on it. */
export const HTML_ATTR = 'data-qingdu-reader';

type FontKey = ReaderPrefs['font'];

const STACKS: Record<'hans' | 'hant', Record<FontKey, string>> = {
  hans: {
    sans: '"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif',
    serif: '"Songti SC","Noto Serif CJK SC","Source Han Serif SC",SimSun,"Noto Sans CJK SC","WenQuanYi Micro Hei",serif',
    kai: '"Kaiti SC",KaiTi,STKaiti,"AR PL UKai CN","Noto Serif CJK SC","WenQuanYi Micro Hei",serif',
  },
  hant: {
    sans: '"PingFang TC","Hiragino Sans CNS","Microsoft JhengHei","Noto Sans CJK TC","Source Han Sans TC","WenQuanYi Micro Hei",sans-serif',
    serif: '"Songti TC","Noto Serif CJK TC","Source Han Serif TC",PMingLiU,MingLiU,"Noto Sans CJK TC","WenQuanYi Micro Hei",serif',
    kai: '"Kaiti TC",DFKai-SB,BiauKai,"TW-Kai","AR PL UKai TW",KaiTi,STKaiti,"Noto Serif CJK TC","WenQuanYi Micro Hei",serif',
  },
};

/** The font stack for a font choice: traditional-script text prefers the TC faces. */
export function fontStack(font: FontKey, traditional: boolean): string {
  return STACKS[traditional ? 'hant' : 'hans'][font] ?? STACKS.hans.serif;
}

const UI_FONT = 'system-ui,-apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif';

/** The page sheet. Selectors carry the attribute + id so ordinary site rules lose to them. */
export const PAGE_CSS = `
html[${HTML_ATTR}], html[${HTML_ATTR}] > body { overflow: hidden !important; }
/* The clean view shows the mirror warning itself; the page's own banner would cover its toolbar. */
html[${HTML_ATTR}] qingdu-banner { display: none !important; }
html[${HTML_ATTR}] > ${HOST_TAG}#${HOST_ID} {
  display: block !important; position: fixed !important; inset: 0 !important;
  width: 100vw !important; height: 100vh !important; margin: 0 !important; padding: 0 !important;
  border: 0 !important; z-index: 2147483647 !important; visibility: visible !important;
  opacity: 1 !important; transform: none !important; filter: none !important;
}
@media print {
  html[${HTML_ATTR}], html[${HTML_ATTR}] > body { overflow: visible !important; }
  html[${HTML_ATTR}] > body { display: none !important; }
  html[${HTML_ATTR}] > ${HOST_TAG}#${HOST_ID} { position: static !important; width: auto !important; height: auto !important; }
}
`;

/** The view's own sheet (inside the shadow root). Colours and sizes come from custom properties. */
export const VIEW_CSS = `
:host { all: initial; } /* not !important: important :host rules would beat the page sheet that pins the host */
* { box-sizing: border-box; }
[hidden] { display: none !important; }
.qd-root {
  --bg: #fbfbf8; --fg: #1f1f1f; --muted: #6b6b6b; --rule: #dcdcd6; --accent: #1a5fb4; --bar: rgba(251,251,248,.96); --warn-bg: #fff4d6; --warn-fg: #6b4a00; --box: #f1f1ec;
  position: absolute; inset: 0; display: flex; flex-direction: column;
  background: var(--bg); color: var(--fg); font-family: ${UI_FONT}; font-size: 16px; line-height: 1.5;
  -webkit-text-size-adjust: 100%; text-size-adjust: 100%;
}
.qd-root[data-theme="sepia"] { --bg: #f4ecd8; --fg: #3b2f22; --muted: #7a6a55; --rule: #d9cbb0; --accent: #8a4b08; --bar: rgba(244,236,216,.96); --box: #ebe0c6; }
.qd-root[data-theme="dark"] { --bg: #1b1c1e; --fg: #d9d6cf; --muted: #9a968e; --rule: #3a3b3e; --accent: #8cb4ff; --bar: rgba(27,28,30,.96); --warn-bg: #3d3219; --warn-fg: #f0d999; --box: #26272a; }
@media (prefers-color-scheme: dark) {
  .qd-root[data-theme="system"] { --bg: #1b1c1e; --fg: #d9d6cf; --muted: #9a968e; --rule: #3a3b3e; --accent: #8cb4ff; --bar: rgba(27,28,30,.96); --warn-bg: #3d3219; --warn-fg: #f0d999; --box: #26272a; }
}
.qd-root[data-theme="dark"], .qd-root[data-theme="system"] { color-scheme: light dark; }

/* Toolbar */
.qd-bar { flex: none; display: flex; flex-wrap: wrap; align-items: center; gap: 6px; padding: 8px 12px;
  background: var(--bar); border-bottom: 1px solid var(--rule); position: relative; z-index: 1; }
.qd-bar .qd-spacer { flex: 1 1 auto; }
button, select { font: inherit; font-size: 14px; color: var(--fg); background: transparent; border: 1px solid var(--rule);
  border-radius: 6px; padding: 4px 10px; min-height: 32px; cursor: pointer; }
select { background: var(--bg); }
button:hover, select:hover { border-color: var(--muted); }
button[aria-pressed="true"], button[aria-expanded="true"] { background: var(--box); border-color: var(--muted); }
:focus { outline: none; }
:focus-visible, button:focus-visible, select:focus-visible, a:focus-visible, summary:focus-visible {
  outline: 3px solid var(--accent); outline-offset: 2px; }
/* The title takes focus on open so screen readers start there; it is not a control. */
.qd-title:focus, .qd-title:focus-visible { outline: none; }
.qd-status { font-size: 13px; color: var(--muted); min-width: 6em; }
.qd-panel { position: absolute; top: 100%; right: 12px; margin-top: 4px; padding: 12px; display: grid;
  grid-template-columns: auto auto; gap: 8px 12px; align-items: center; background: var(--bg);
  border: 1px solid var(--rule); border-radius: 8px; box-shadow: 0 6px 24px rgba(0,0,0,.18); font-size: 14px; }
.qd-panel .qd-label { color: var(--muted); }
.qd-step { display: flex; align-items: center; gap: 6px; }
.qd-step output { min-width: 3em; text-align: center; font-variant-numeric: tabular-nums; }

/* Reading area */
.qd-scroll { flex: 1 1 auto; overflow: auto; overscroll-behavior: contain; }
.qd-article { margin: 0 auto; padding: 40px 24px 80px; max-inline-size: calc(var(--measure, 36) * 1em + 48px);
  font-family: var(--font); font-size: var(--size, 19px); line-height: var(--lh, 1.9);
  text-align: justify; line-break: strict; overflow-wrap: break-word; word-break: normal;
  hanging-punctuation: allow-end; text-spacing-trim: space-all;
  font-kerning: none; }
.qd-article[data-pending] { visibility: hidden; }
.qd-title { font-size: 1.55em; line-height: 1.45; margin: 0 0 .6em; font-weight: 700; text-align: start; text-indent: 0; }
.qd-meta { color: var(--muted); font-size: .8em; line-height: 1.6; margin: 0 0 1.2em; text-indent: 0; font-family: ${UI_FONT}; }
.qd-meta > span + span::before { content: " · "; }
.qd-warn { background: var(--warn-bg); color: var(--warn-fg); padding: .5em .8em; border-radius: 6px; font-size: .8em; margin: 0 0 1em; text-indent: 0; font-family: ${UI_FONT}; }
.qd-warn a, .qd-foot a { color: inherit; }
details.qd-summary { background: var(--box); border-radius: 8px; padding: .6em 1em; margin: 0 0 1.4em; font-size: .9em; }
details.qd-summary summary { cursor: pointer; font-weight: 700; font-family: ${UI_FONT}; }
details.qd-summary ol { margin: .5em 0 0; padding-inline-start: 1.5em; }
details.qd-summary li { margin: .2em 0; }
table { border-collapse: collapse; margin: 0 0 1.2em; font-size: .85em; line-height: 1.6; text-indent: 0; text-align: start; }
th, td { border: 1px solid var(--rule); padding: .3em .6em; vertical-align: top; }
th { background: var(--box); font-weight: 600; white-space: nowrap; }
.qd-docinfo { width: 100%; font-family: ${UI_FONT}; }
.qd-table-wrap { overflow-x: auto; max-inline-size: 100%; }
/* Blocks below the first screenful (marked by render.ts) are neither laid out nor painted until
   scrolled near: the first frame of a long article costs what the screenful costs. --est is a
   guess of the block's extent; once laid out, its real size is remembered (auto). */
.qd-body > .qd-later { content-visibility: auto; contain-intrinsic-block-size: auto calc(var(--est, 4) * 1em); }
.qd-body p { margin: 0 0 var(--pgap, 1em); text-indent: var(--indent, 0); }
.qd-body h2, .qd-body h3, .qd-body h4, .qd-body h5, .qd-body h6 { line-height: 1.5; margin: 1.4em 0 .6em; text-indent: 0; text-align: start; }
.qd-body h2 { font-size: 1.25em; } .qd-body h3 { font-size: 1.12em; } .qd-body h4, .qd-body h5, .qd-body h6 { font-size: 1em; }
.qd-body ul, .qd-body ol { margin: 0 0 1em; padding-inline-start: 2em; }
.qd-body blockquote { margin: 0 0 1em; padding-inline-start: 1em; border-inline-start: 3px solid var(--rule); color: var(--muted); }
.qd-body figure { margin: 1.2em 0; text-align: center; text-indent: 0; }
.qd-body img { max-inline-size: 100%; block-size: auto; }
.qd-body figcaption { font-size: .8em; color: var(--muted); margin-top: .4em; text-align: center; }
.qd-foot { margin-top: 2.5em; padding-top: 1em; border-top: 1px solid var(--rule); color: var(--muted); font-size: .8em;
  text-indent: 0; font-family: ${UI_FONT}; overflow-wrap: anywhere; text-align: start; }
.qd-foot p { margin: .2em 0; }
.qd-empty { color: var(--muted); }

/* 直排: the reading area flows right to left; the toolbar stays horizontal. */
.qd-root[data-vertical] .qd-scroll { writing-mode: vertical-rl; }
.qd-root[data-vertical] .qd-article { writing-mode: vertical-rl; text-orientation: mixed; margin: 0; height: 100%;
  max-inline-size: min(calc(var(--measure, 36) * 1em + 48px), 100%); padding: 32px 40px; }
.qd-root[data-vertical] .tcy { text-combine-upright: all; }
.qd-root[data-vertical] .qd-body figure { margin: 0 1.2em; }
.qd-root[data-vertical] .qd-meta > span + span::before { content: "・"; }

@media (prefers-reduced-motion: reduce) {
  * { transition: none !important; scroll-behavior: auto !important; }
}

@media print {
  .qd-root { position: static; display: block; background: #fff; color: #000;
    --bg: #fff; --fg: #000; --muted: #333; --rule: #999; --box: #eee; --warn-bg: #eee; --warn-fg: #000; }
  .qd-bar { display: none !important; }
  .qd-scroll { overflow: visible; writing-mode: horizontal-tb !important; }
  .qd-article { writing-mode: horizontal-tb !important; height: auto !important; max-inline-size: none; padding: 0; margin: 0; }
  details.qd-summary { background: none; border: 1px solid #999; }
  .qd-foot a { color: #000; text-decoration: none; }
  .qd-body > .qd-later { content-visibility: visible; }
  figure, table, blockquote { break-inside: avoid; }
  h1, h2, h3 { break-after: avoid; }
}
`;
