// Simplified <-> traditional text conversion with opencc-js, loaded lazily.
// The dictionaries are big (cn->t ≈ 450 KB gz, t->cn ≈ 52 KB gz), so nothing here imports them
// statically: each direction is imported on first use and the built converter is cached, so a
// page that is never converted costs nothing and a second conversion costs no build.
import type { ScriptTarget } from '../types';

/** A script a text can be converted from: simplified, OpenCC-standard traditional, or a region. */
export type ScriptSource = 'cn' | 't' | 'tw' | 'twp' | 'hk';
export type TextConverter = (s: string) => string;

type Preset = import('opencc-js/core').LocalePreset;
type DictGroups = readonly import('opencc-js/core').DictGroup[];

const identity: TextConverter = (s) => s;
const cache = new Map<string, Promise<TextConverter>>();

/** The OpenCC configuration name for a pair (s2tw, t2s, tw2sp ...), for tests and docs. */
export function configName(from: ScriptSource, to: ScriptTarget): string {
  if (from === 'cn') return `s2${to}`;
  if (to === 'cn') return from === 'twp' ? 'tw2sp' : `${from}2s`;
  return `${from}2${to}`;
}

/** True for every target that is written in traditional characters. */
export const isTraditional = (s: ScriptSource | ScriptTarget): boolean => s !== 'cn';

/**
 * A converter from `from` to `to`, built once per pair and cached. The first call for a
 * direction imports its dictionaries; later calls resolve at once.
 */
export function loadTextConverter(from: ScriptSource, to: ScriptTarget): Promise<TextConverter> {
  if (from === to) return Promise.resolve(identity);
  const key = from + '>' + to;
  let found = cache.get(key);
  if (!found) {
    found = build(from, to);
    // A failed import (offline extension update, CSP) must not poison the cache forever.
    found.catch(() => cache.delete(key));
    cache.set(key, found);
  }
  return found;
}

async function build(from: ScriptSource, to: ScriptTarget): Promise<TextConverter> {
  const { ConverterBuilder } = await import('opencc-js/core');
  if (from === 'cn') {
    // s2t, s2tw, s2twp, s2hk: the preset carries OpenCC's segmentation configs.
    const preset = (await import('opencc-js/preset/cn2t')) as unknown as Preset;
    return ConverterBuilder(preset)({ from, to });
  }
  if (to === 'cn') {
    const preset = (await import('opencc-js/preset/t2cn')) as unknown as Preset;
    return ConverterBuilder(preset)({ from, to });
  }
  // Traditional -> traditional (t2tw, tw2t, hk2tw ...): only the small variant tables, never
  // the 1 MB simplified phrase table.
  const preset: Preset = { from: {}, to: {} };
  if (from !== 't') preset.from[from] = await fromGroups(from);
  if (to !== 't') preset.to[to] = await toGroups(to);
  return ConverterBuilder(preset)({ from, to });
}

// Literal import paths so bundlers can split each one into its own chunk.
async function fromGroups(from: 'tw' | 'twp' | 'hk'): Promise<DictGroups> {
  switch (from) {
    case 'tw':
      return (await import('opencc-js/from/tw')).default;
    case 'twp':
      return (await import('opencc-js/from/twp')).default;
    case 'hk':
      return (await import('opencc-js/from/hk')).default;
  }
}

async function toGroups(to: 'tw' | 'twp' | 'hk'): Promise<DictGroups> {
  switch (to) {
    case 'tw':
      return (await import('opencc-js/to/tw')).default;
    case 'twp':
      return (await import('opencc-js/to/twp')).default;
    case 'hk':
      return (await import('opencc-js/to/hk')).default;
  }
}

/** The fields of an AnalysisJSON the CLI prints in another script. */
export interface ConvertibleAnalysis {
  title: string;
  body: string;
  summary: string[];
}

/** Converts title, body and summary of an analysis (repairs are already applied to them). */
export function convertAnalysisText<T extends ConvertibleAnalysis>(json: T, convert: TextConverter): T {
  return { ...json, title: convert(json.title), body: convert(json.body), summary: json.summary.map(convert) };
}
