// Runs the positive and negative examples that every bundled criterion carries against the
// matcher: positives must be matched by the criterion (or, for a goal, by one of its
// sub-criteria), negatives by neither.
import { describe, expect, it } from 'vitest';
import { bundledSetIds, loadCriteriaSet } from '../../src/criteria/load.js';
import { createMatcher, matchText } from '../../src/match/match.js';

for (const setId of bundledSetIds()) {
  const set = loadCriteriaSet(setId);
  const matcher = createMatcher([set]);
  const childrenOf = (id: string) => set.criteria.filter((criterion) => criterion.parent === id).map((criterion) => criterion.id);

  describe(`examples of ${set.id}@${set.version}`, () => {
    const cases = set.criteria.flatMap((criterion) => [
      ...criterion.examples.positive.map((example) => ({ criterion, example, positive: true })),
      ...criterion.examples.negative.map((example) => ({ criterion, example, positive: false })),
    ]);

    it('has examples for every criterion', () => {
      const without = set.criteria.filter((criterion) => criterion.examples.positive.length === 0 || criterion.examples.negative.length === 0).map((criterion) => criterion.id);
      expect(without).toEqual([]);
    });

    it.each(cases.map((item) => [item.criterion.id, item.positive ? 'positive' : 'negative', item.example.lang, item.example.text, item]))('%s %s (%s): %s', (_id, _kind, _lang, _text, item) => {
      const matched = matchText(item.example.text, item.example.lang, matcher);
      const ids = [item.criterion.id, ...childrenOf(item.criterion.id)];
      const hit = ids.filter((id) => matched.has(id));
      if (item.positive) expect(hit.length, `no term of ${item.criterion.id} matched`).toBeGreaterThan(0);
      else expect(matched.get(item.criterion.id) ?? [], `terms of ${item.criterion.id} matched a negative example`).toEqual([]);
    });
  });
}
