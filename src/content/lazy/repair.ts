// Lazy part: text repairs (pinyin, GBK mojibake, symbols, entity remainders), loaded only when
// the content script's pre-check (../repair-check.ts) finds a candidate on the page.
export { findRepairs, repairText } from '../../core/script/repair';
export { applyRepairs } from '../repairs';
