import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTextContext } from './context';

// The previous implementation (Map keyed by one-character strings and by prev + ch), kept as the
// oracle for the code-point tables.
function oldContext(text: string) {
  const counts = new Map<string, number>();
  for (const ch of text) counts.set(ch, (counts.get(ch) || 0) + 1);
  const pairs = new Map<string, number>();
  let prev = '';
  for (const ch of text) {
    if (prev) pairs.set(prev + ch, (pairs.get(prev + ch) || 0) + 1);
    prev = ch;
  }
  return { count: (ch: string) => counts.get(ch) || 0, bigram: (a: string, b: string) => pairs.get(a + b) || 0, chars: () => [...counts.keys()] };
}

// Han, ASCII, newline, punctuation, supplementary characters and lone surrogates of both kinds.
const piece = fc.constantFrom('的', '一', '是', '。', '？', '!', '?', 'a', 'Z', '\n', ' ', '\u3000', '😀', '𠀋', '\ud83d', '\ude00', '\udc00', '\ud800', '𠀋的');
const text = fc.array(piece, { maxLength: 40 }).map((p) => p.join(''));
const probe = fc.oneof(piece, fc.constant(''), fc.constantFrom('的的', '的一', '😀的', '\ud83d\ude00', 'ab'));

describe('createTextContext', () => {
  it('counts, pairs and distinct characters equal the string-keyed tables', () => {
    fc.assert(
      fc.property(text, fc.array(fc.tuple(probe, probe), { maxLength: 30 }), (t, probes) => {
        const cur = createTextContext(t);
        const old = oldContext(t);
        expect([...cur.chars()]).toEqual(old.chars());
        for (const [a, b] of probes) {
          expect(cur.count(a)).toBe(old.count(a));
          expect(cur.bigram(a, b)).toBe(old.bigram(a, b));
        }
        // Every pair that occurs, as the mojibake rule asks them.
        const els = [...t];
        for (let i = 0; i + 1 < els.length; i++) expect(cur.bigram(els[i], els[i + 1])).toBe(old.bigram(els[i], els[i + 1]));
      }),
      { numRuns: 2000 },
    );
  });

  it('tells apart pairs that share a character', () => {
    const c = createTextContext('的一的一一的😀的');
    expect(c.bigram('的', '一')).toBe(2);
    expect(c.bigram('一', '的')).toBe(2);
    expect(c.bigram('一', '一')).toBe(1);
    expect(c.bigram('😀', '的')).toBe(1);
    expect(c.bigram('的', '😀')).toBe(1);
    expect(c.bigram('', '的一')).toBe(2);
    expect(c.count('😀')).toBe(1);
    expect(c.count('\ud83d')).toBe(0);
  });
});
