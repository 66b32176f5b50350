// The single entry point: analyze(document, url, settings) -> Analysis, every stage included.
// The pipeline itself is in pipeline.ts; here its optional stages (user rules, text repairs,
// details with the pager, summary) are wired in, so the Node library, the CLI and the tests get
// the full analysis.
// A caller may still replace a stage through options.stages.
import { DEFAULT_ANALYZE_SETTINGS } from './kinds';
import { summarize } from './summary/index';
import { findRepairs, repairText } from './script/repair';
import { applyUserRules } from './rules/index';
import { readDetails } from './page/details';
import { guessScript } from './script/detect';
import { findPagination } from './extract/pagination';
import { analyzeWith, fillSummary, type AnalyzeOptions, type AnalyzeStages } from './pipeline';
import type { Analysis, AnalyzeSettings } from './types';

export { analyzeWith, countReadingUnits, detailsPending, fillDetails, fillSummary } from './pipeline';
export type { AnalyzeOptions, AnalyzeStages, DetailsStage, RepairStage } from './pipeline';

export const FULL_STAGES: AnalyzeStages = {
  userRules: applyUserRules,
  repairs: { findRepairs, repairText, guessScript },
  details: { readDetails, guessScript, findPagination },
  summarize,
};

export function analyze(
  doc: Document,
  url: string,
  settings: AnalyzeSettings = DEFAULT_ANALYZE_SETTINGS,
  options: AnalyzeOptions = {},
): Analysis {
  return analyzeWith(doc, url, settings, { ...options, stages: { ...FULL_STAGES, ...options.stages } });
}

/** Fills in a summary that analyze() was asked to defer; a no-op otherwise. */
export function ensureSummary(a: Analysis): Analysis {
  return fillSummary(a, summarize);
}
