// Lazy part: the clean view and the text converter it uses.
export { openReader } from '../../reader/index';
export { loadTextConverter } from '../../core/script/convert';
