// --script: title, body and summary in the chosen script, converted with the same converters
// the extension uses (their dictionaries load on first use), from the page's detected script.
// Repairs were already applied by analyze(); conversion comes after, as in the extension.
import { convertAnalysisText, loadTextConverter } from '../core/script/convert';
import type { AnalysisJSON } from '../core/serialize';
import type { ScriptTarget } from '../core/types';

export async function convertOutput(json: AnalysisJSON, target: ScriptTarget): Promise<AnalysisJSON> {
  const from = json.script === 'traditional' ? 't' : 'cn';
  return convertAnalysisText(json, await loadTextConverter(from, target));
}
