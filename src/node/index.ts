// Node library: the same engine the extension runs, for crawler authors and the CLI.
import { JSDOM } from 'jsdom';
import { analyze } from '../core/analyze';
import { DEFAULT_ANALYZE_SETTINGS } from '../core/kinds';
import type { Analysis, AnalyzeSettings } from '../core/types';

export { analyze } from '../core/analyze';
export { toJSON, type AnalysisJSON } from '../core/serialize';
export { DEFAULT_ANALYZE_SETTINGS } from '../core/kinds';
export { decodeHtml, sniffCharset, type Decoded } from './decode';
export type * from '../core/types';

/** Parse HTML into a Document with jsdom (no scripts run, no resources loaded). */
export function parseHtml(html: string, url = 'about:blank'): Document {
  return new JSDOM(html, { url }).window.document;
}

/** parseHtml + analyze in one call. */
export function analyzeHtml(html: string, url = 'about:blank', settings: AnalyzeSettings = DEFAULT_ANALYZE_SETTINGS): Analysis {
  return analyze(parseHtml(html, url), url, settings);
}
