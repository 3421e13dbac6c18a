import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CriteriaError } from '../../src/criteria/errors.js';
import { loadCriteriaSet } from '../../src/criteria/load.js';
import { ROOT, testFixture } from '../helpers.js';

describe('loadCriteriaSet', () => {
  it('loads a set from a path with defaults applied', () => {
    const set = loadCriteriaSet(testFixture('criteria', 'mini.json'));
    expect(set).toMatchObject({ id: 'mini', version: '1.2.0', languages: ['en', 'cs'] });
    expect(set.criteria.find((criterion) => criterion.id === 'mini/vision')).toMatchObject({ weight: 1, thresholds: { met: 0.5, partial: 0.2 }, setId: 'mini' });
  });

  it('names the file, JSON pointer and reason of every schema fault', () => {
    let error: unknown;
    try {
      loadCriteriaSet(testFixture('criteria', 'broken-weight.json'), ROOT);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CriteriaError);
    const messages = (error as CriteriaError).message.split('\n');
    expect(messages).toContain('test/fixtures/criteria/broken-weight.json: /criteria/0/weight: must be >= 0');
    expect(messages.some((line) => line.startsWith('test/fixtures/criteria/broken-weight.json: /criteria/1/kind: must be equal to one of the allowed values'))).toBe(true);
  });

  it('extends a base set: overrides fields, appends terms, adds and disables criteria', () => {
    const set = loadCriteriaSet(testFixture('criteria', 'city-extends.json'));
    expect(set.extends).toBe('mini@1.2.0');
    const ids = set.criteria.map((criterion) => criterion.id);
    expect(ids).toContain('city/waste');
    expect(ids).not.toContain('mini/ocean');
    const transport = set.criteria.find((criterion) => criterion.id === 'mini/transport');
    expect(transport?.weight).toBe(5);
    expect(transport?.terms.en).toEqual(['public transport*', 'cycle path*', 'tram*', 'bus lane*']);
    expect(transport?.guidance.cs).toBe('Doplňte opatření pro veřejnou dopravu.');
  });

  it('refuses a set left without criteria, and accepts one that extends another with none of its own', () => {
    const directory = mkdtempSync(join(tmpdir(), 's4s-criteria-'));
    const base = { id: 'city', version: '0.1.0', title: { en: 'City' }, source: 'test', languages: ['en'] };
    const write = (name: string, set: object) => {
      writeFileSync(join(directory, name), JSON.stringify(set));
      return join(directory, name);
    };
    const mini = testFixture('criteria', 'mini.json');
    const miniIds = loadCriteriaSet(mini).criteria.map((criterion) => criterion.id);
    for (const path of [write('empty.json', { ...base, criteria: [] }), write('all-off.json', { ...base, extends: mini, disable: miniIds, criteria: [] })]) {
      expect(() => loadCriteriaSet(path, directory)).toThrow(new CriteriaError([{ file: path.slice(directory.length + 1), pointer: '/criteria', message: 'the set has no criteria (none listed, or all disabled): it would score every document 0' }]));
    }
    const renamed = loadCriteriaSet(write('renamed.json', { ...base, extends: mini, criteria: [] }), directory);
    expect(renamed.criteria.map((criterion) => criterion.id)).toEqual(miniIds);
  });

  it('disables what lies under a disabled criterion: a goal takes its targets with it', () => {
    const directory = mkdtempSync(join(tmpdir(), 's4s-criteria-'));
    const path = join(directory, 'no-oceans.json');
    writeFileSync(path, JSON.stringify({ id: 'mysdg', version: '1.0.0', extends: 'sdg@1.0.0', title: { en: 'My SDG' }, source: 'test', languages: ['en'], disable: ['sdg/14'], criteria: [] }));
    const ids = loadCriteriaSet(path, directory).criteria.map((criterion) => criterion.id);
    const all = loadCriteriaSet('sdg@1.0.0').criteria.map((criterion) => criterion.id);
    expect(ids).toEqual(all.filter((id) => id !== 'sdg/14' && !id.startsWith('sdg/14.')));
    expect(ids).toContain('sdg/13.1');
    // A set extending it validates too: no criterion is left under a parent that is gone.
    const further = join(directory, 'further.json');
    writeFileSync(further, JSON.stringify({ id: 'further', version: '1.0.0', extends: './no-oceans.json', title: { en: 'Further' }, source: 'test', languages: ['en'], criteria: [] }));
    expect(loadCriteriaSet(further, directory).criteria.map((criterion) => criterion.id)).toEqual(ids);
    const mini = loadCriteriaSet(testFixture('criteria', 'mini.json')).criteria.map((criterion) => criterion.id);
    const offParent = join(directory, 'off-parent.json');
    writeFileSync(offParent, JSON.stringify({ id: 'city', version: '0.1.0', extends: testFixture('criteria', 'mini.json'), title: { en: 'City' }, source: 'test', languages: ['en'], criteria: [{ id: 'mini/transport', enabled: false }] }));
    expect(loadCriteriaSet(offParent, directory).criteria.map((criterion) => criterion.id)).toEqual(mini.filter((id) => !id.startsWith('mini/transport')));
  });

  it('says which bundled ids exist when one is unknown', () => {
    expect(() => loadCriteriaSet('nope')).toThrow(/no bundled criteria set "nope"/);
    expect(() => loadCriteriaSet('sdg@9.9.9')).toThrow(/no version 9\.9\.9 of "sdg"/);
  });
});
