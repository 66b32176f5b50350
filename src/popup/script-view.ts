// The popup shows the page's text in the script the page is shown in (issue 5 §5): when the
// page has been converted, the analysis (which holds the original text) is converted the same
// way. The converter loads lazily, so the dictionaries cost nothing until a page is converted.
import { convertAnalysisText, type ScriptSource, type TextConverter } from '../core/script/convert';
import type { AnalysisJSON } from '../core/serialize';
import type { ScriptTarget } from '../core/types';
import type { PageState } from '../platform/messages';

export type ConverterLoader = (from: ScriptSource, to: ScriptTarget) => Promise<TextConverter>;

export async function inPageScript(state: PageState, load: ConverterLoader): Promise<PageState> {
  if (state.script === 'original') return state;
  const from: ScriptSource = state.analysis.script === 'traditional' ? 't' : 'cn';
  try {
    const convert = await load(from, state.script);
    const a: AnalysisJSON = convertAnalysisText(state.analysis, convert);
    return { ...state, analysis: { ...a, source: convert(a.source), site: { ...a.site, name: convert(a.site.name), column: convert(a.site.column) } } };
  } catch {
    return state; // the original text is still right, only in the other script
  }
}
