// Which kinds are on when the user has not said: spam always on; recommendation, related and
// share chrome on; navigation, footers and comments off (readers use them to move around).
import { NOISE_KINDS, SPAM_KINDS, type AnalyzeSettings, type Category, type HideKind } from './types';

const DEFAULT_ON: Record<HideKind, boolean> = {
  'spam-line': true,
  'link-farm': true,
  'hidden-links': true,
  overlay: true,
  'inline-spam': true,
  'search-reflection': true,
  'content-farm': true,
  recommendation: true,
  related: true,
  share: true,
  'page-tools': true,
  nav: false,
  footer: false,
  comment: false,
  ad: true,
  sidebar: false,
  'user-rule': true,
};

export const ALL_KINDS: readonly HideKind[] = [...SPAM_KINDS, ...NOISE_KINDS, 'user-rule'];

export function categoryOf(kind: HideKind): Category {
  return (SPAM_KINDS as readonly string[]).includes(kind) ? 'spam' : 'noise';
}

export function defaultKindOn(kind: HideKind): boolean {
  return DEFAULT_ON[kind];
}

export function kindEnabled(settings: AnalyzeSettings, kind: HideKind): boolean {
  return settings.kinds[kind] ?? DEFAULT_ON[kind];
}

export const DEFAULT_ANALYZE_SETTINGS: AnalyzeSettings = {
  kinds: {},
  sensitivity: 'normal',
  userRules: '',
};
