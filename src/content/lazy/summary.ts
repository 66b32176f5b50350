// Lazy part: the summary, loaded when the page is idle or when the popup / clean view asks.
export { summarize } from '../../core/summary/index';
