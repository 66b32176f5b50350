// Lazy part: what only the popup, the clean view and the converter read: the page's details
// (date, source, author, editor, site, 信息公开 fields), the script guess, the article's pager
// and the analysis as JSON for the popup. Loaded when one of them asks (get-state, the clean
// view, a conversion).
export { readDetails } from '../../core/page/details';
export { guessScript } from '../../core/script/detect';
export { findPagination } from '../../core/extract/pagination';
export { toJSON } from '../../core/serialize';
export { runAction } from '../actions';
