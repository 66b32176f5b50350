// Placeholder until the script-conversion module lands: converts with opencc-js directly.
import * as OpenCC from 'opencc-js';
import type { AnalysisJSON } from '../core/serialize';
import type { ScriptTarget } from '../core/types';

export async function convertForCli(json: AnalysisJSON, target: ScriptTarget): Promise<AnalysisJSON> {
  const traditional = /[們這說時對會發過經]/.test(json.body) && !/[们这说时对会发过经]/.test(json.body);
  const from = traditional ? 't' : 'cn';
  const convert = from === target ? (s: string) => s : OpenCC.Converter({ from, to: target });
  return { ...json, title: convert(json.title), body: convert(json.body), summary: json.summary.map(convert) };
}
