import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analyze';
import { pageIds, parse, readPage, readLabel, urlFor } from '../helpers/corpus';

describe('analyze() on every corpus page', () => {
  for (const id of pageIds()) {
    it(id, () => {
      const a = analyze(parse(readPage(id), urlFor(id)), urlFor(id));
      expect(typeof a.title).toBe('string');
      expect(a.body.length).toBeGreaterThan(0);
      expect(readLabel(id).title.length).toBeGreaterThan(0);
    });
  }
});
