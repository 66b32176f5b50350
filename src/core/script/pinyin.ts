// Pinyin annotations that mirror sites add after Han characters: 領(lǐng), or ruby markup.

const TONED = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/;
// One syllable: letters plus tone-marked vowels; at least one tone mark so that ordinary
// bracketed Latin text like 号(a) or 站(IPV6) never matches.
const SYLLABLE = /^[a-zü\u00e0-\u01dc]{1,6}$/;

// Neutral-tone syllables mirrors write without a mark (们(men), 的(de)).
const NEUTRAL = new Set(['men', 'de', 'le', 'me', 'ne', 'ma', 'zi', 'zhe', 'ba']);

export function isPinyinSyllable(s: string): boolean {
  return SYLLABLE.test(s) && (TONED.test(s) || NEUTRAL.has(s));
}

/** `X(pinyin)` runs in plain text: the Han character stays, the annotation goes. */
const TEXT_ANNOTATION = /(\p{Script=Han})([(（])([a-zü\u00e0-\u01dc]{1,6})([)）])/gu;

/**
 * The `X(pinyin)` runs of `text` that the repair removes: a syllable in brackets of one kind
 * (`认证（scope）` and `重量（kg）` are not pinyin). The content script's pre-check asks the same.
 */
export function textAnnotations(text: string): RegExpMatchArray[] {
  const out: RegExpMatchArray[] = [];
  for (const m of text.matchAll(TEXT_ANNOTATION)) if (isPinyinSyllable(m[3]) && (m[2] === '(') === (m[4] === ')')) out.push(m);
  return out;
}
