export { analyze, countReadingUnits, ensureSummary, type AnalyzeOptions } from './analyze';
export { toJSON, type AnalysisJSON } from './serialize';
export { DEFAULT_ANALYZE_SETTINGS, ALL_KINDS, categoryOf, kindEnabled, defaultKindOn } from './kinds';
export * from './types';
