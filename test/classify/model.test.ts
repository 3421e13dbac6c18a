import { describe, expect, it } from 'vitest';
import { passageFeatures } from '../../src/classify/features.js';
import { BUNDLED_MODEL_FILE, loadPassageModel, predictLabels, type PassageModel } from '../../src/classify/model.js';
import { loadCriteriaSet } from '../../src/criteria/load.js';

describe('passage features', () => {
  it('are the stems of content words and of neighbouring pairs, each once, with how they were written', () => {
    const { features, surface } = passageFeatures('They pay the Workers living wages; workers are paid 20 % more.', 'en');
    expect(features).toEqual(['pay', 'worker', 'pay_worker', 'live', 'worker_live', 'wage', 'live_wage', 'wage_worker', 'paid', 'worker_paid']);
    expect(surface.get('worker')).toBe('Workers');
    expect(surface.get('live_wage')).toBe('living wages');
  });
});

describe('passage model', () => {
  const model: PassageModel = {
    format: 's4s-passage-model/1',
    set: 'mini',
    language: 'en',
    training: {},
    threshold: 0.5,
    labels: ['mini/a', 'mini/b'],
    bias: [-1, 0],
    weights: { river: [[0, 2], [1, -3]], flood: [[0, 1]], river_flood: [[0, 0.5]] },
  };

  it('gives each label whose probability reaches the threshold, with the words that weighed most', () => {
    // 3 features: scale 1/sqrt(3); a: -1 + 3.5/sqrt(3) = 1.02 -> 0.735; b: -3/sqrt(3) -> 0.15.
    const [tag, ...rest] = predictLabels(model, 'River floods');
    expect(rest).toEqual([]);
    expect(tag?.criterion).toBe('mini/a');
    expect(tag?.probability).toBeCloseTo(1 / (1 + Math.exp(-(-1 + 3.5 / Math.sqrt(3)))), 10);
    expect(tag?.words).toEqual(['River', 'floods', 'River floods']);
    // A passage with none of its features is judged by the bias alone, whatever its words.
    expect(predictLabels(model, 'Nothing here').map((item) => item.criterion)).toEqual(['mini/b']);
    expect(predictLabels(model, 'The constructor of the toString prototype').map((item) => item.criterion)).toEqual(['mini/b']);
  });

  it('ships for English SDG passages: one label per goal of the bundled set', () => {
    const bundled = loadPassageModel(BUNDLED_MODEL_FILE);
    const goals = loadCriteriaSet('sdg').criteria.filter((criterion) => !criterion.parent).map((criterion) => criterion.id);
    expect(bundled).toMatchObject({ set: 'sdg', language: 'en' });
    expect(bundled.labels).toEqual(goals);
  });
});
