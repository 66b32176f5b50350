// --script: converts title, body and summary with the same converters the extension uses,
// from the script the page was detected to be in.
import { convertAnalysisText, loadTextConverter } from '../core/script/convert';
import type { AnalysisJSON } from '../core/serialize';
import type { ScriptTarget } from '../core/types';

export async function convertForCli(json: AnalysisJSON, target: ScriptTarget): Promise<AnalysisJSON> {
  const from = json.script === 'traditional' ? 't' : 'cn';
  return convertAnalysisText(json, await loadTextConverter(from, target));
}
