export { analyze, countReadingUnits, ensureSummary, type AnalyzeOptions } from './analyze';
export { analyzeWith, fillSummary, FULL_STAGES, type AnalyzeStages, type RepairStage } from './analyze';
export { toJSON, type AnalysisJSON } from './serialize';
export { DEFAULT_ANALYZE_SETTINGS, ALL_KINDS, categoryOf, kindEnabled, defaultKindOn } from './kinds';
export * from './types';
