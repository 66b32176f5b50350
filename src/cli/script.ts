// --script: title, body and summary (and block texts) in the chosen script. Repairs were
// already applied by analyze(); conversion comes after, as in the extension.
import type { AnalysisJSON } from '../core/serialize';
import type { ScriptTarget } from '../core/types';

export async function convertOutput(json: AnalysisJSON, target: ScriptTarget): Promise<AnalysisJSON> {
  const { convertForCli } = await import('./script-convert');
  return convertForCli(json, target);
}
