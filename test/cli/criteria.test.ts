import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runS4s, testFixture } from '../helpers.js';

describe('s4s criteria', () => {
  it('lists the bundled sets with versions, counts and ids', async () => {
    const run = await runS4s(['criteria', 'list', '--format', 'json']);
    expect(run.code).toBe(0);
    const sets = JSON.parse(run.stdout) as { id: string; version: string; topLevel: number; children: number; criteriaIds: string[]; languages: string[] }[];
    expect(sets.map((set) => set.id)).toEqual(['smart', 'egd', 'sdg']);
    const sdg = sets.find((set) => set.id === 'sdg');
    expect(sdg?.topLevel).toBe(17);
    expect(sdg?.children).toBe(169);
    expect(sdg?.criteriaIds).toContain('sdg/11.2');
    expect(sdg?.criteriaIds).toContain('sdg/7.a');
    expect(sdg?.languages).toEqual(['en', 'cs', 'sk', 'pl', 'hu']);
    const egd = sets.find((set) => set.id === 'egd');
    for (const id of ['climate-ambition', 'clean-energy', 'circular-economy', 'buildings', 'mobility', 'farm-to-fork', 'biodiversity', 'zero-pollution', 'just-transition', 'green-finance', 'research-innovation', 'education-skills', 'do-no-harm', 'climate-pact']) {
      expect(egd?.criteriaIds).toContain(`egd/${id}`);
    }
    const smart = sets.find((set) => set.id === 'smart');
    for (const id of ['analysis', 'vision', 'goals', 'measures', 'indicators', 'implementation', 'financing', 'monitoring', 'participation', 'alignment', 'people-communities', 'local-economy', 'living-environment', 'digital-resilience']) {
      expect(smart?.criteriaIds).toContain(`smart/${id}`);
    }
  });

  it('shows a set or one criterion, as text or JSON', async () => {
    const goal = await runS4s(['criteria', 'show', 'sdg/11', '--format', 'json']);
    expect(goal.code).toBe(0);
    const shown = JSON.parse(goal.stdout);
    expect(shown.criteria[0].id).toBe('sdg/11');
    expect(shown.criteria.slice(1).every((criterion: { parent: string }) => criterion.parent === 'sdg/11')).toBe(true);
    const text = await runS4s(['criteria', 'show', 'smart/vision', '--lang', 'cs']);
    expect(text.stdout).toContain('smart/vision');
    expect(text.stdout).toContain('guidance:');
    const missing = await runS4s(['criteria', 'show', 'sdg/99']);
    // A typo is the user's, not an internal error.
    expect(missing).toMatchObject({ code: 2, stderr: 's4s: no criterion "sdg/99" in sdg@1.0.0 (s4s criteria show sdg lists its criteria)\n' });
    const slash = await runS4s(['criteria', 'show', 'smart/']);
    expect(slash.code).toBe(0);
    expect(slash.stdout).toMatch(/^smart@1\.0\.0 /);
  });

  it('validates a file and points at faults with JSON pointers', async () => {
    const good = await runS4s(['criteria', 'validate', testFixture('criteria', 'city-extends.json')]);
    expect(good.code).toBe(0);
    expect(good.stdout).toMatch(/valid criteria set city@0\.1\.0 .*extends mini@1\.2\.0/);
    const broken = await runS4s(['criteria', 'validate', 'test/fixtures/criteria/broken-weight.json']);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('s4s: test/fixtures/criteria/broken-weight.json: /criteria/0/weight: must be >= 0');
    const json = await runS4s(['criteria', 'validate', 'test/fixtures/criteria/broken-weight.json', '--format', 'json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ valid: false, issues: expect.arrayContaining([{ file: 'test/fixtures/criteria/broken-weight.json', pointer: '/criteria/0/weight', message: 'must be >= 0' }]) });
  });

  it('refuses "?" in a term with a readable reason and only that complaint', async () => {
    const directory = mkdtempSync(join(tmpdir(), 's4s-criteria-'));
    const file = join(directory, 'wildcard.json');
    writeFileSync(file, JSON.stringify({ id: 'q', version: '1.0.0', title: { en: 'Q' }, source: 't', languages: ['en'], criteria: [{ id: 'q/a', kind: 'theme', title: { en: 'A' }, terms: { en: ['labo?r'] }, guidance: { en: 'A.' } }] }));
    const run = await runS4s(['criteria', 'validate', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`s4s: ${file}: /criteria/0/terms/en/0: a term cannot contain "?": terms have no wildcards except a trailing "*"\n`);
  });

  it('loads a set named twice once, and refuses two different sets under one id', async () => {
    const once = await runS4s(['check', 'fixtures/strategies/en-riverton.md', '--criteria', 'smart', '--criteria', 'sdg', '--format', 'json']);
    const twice = await runS4s(['check', 'fixtures/strategies/en-riverton.md', '--criteria', 'smart', '--criteria', 'sdg', '--criteria', 'sdg@1.0.0', '--format', 'json']);
    expect(twice).toMatchObject({ code: 0, stdout: once.stdout });
    expect(JSON.parse(twice.stdout).criteriaSets.map((set: { id: string }) => set.id)).toEqual(['smart', 'sdg']);
    const directory = mkdtempSync(join(tmpdir(), 's4s-criteria-'));
    const copy = JSON.parse(readFileSync(join(ROOT, 'criteria/egd/1.0.0.json'), 'utf8'));
    writeFileSync(join(directory, 'egd-next.json'), JSON.stringify({ ...copy, $schema: undefined, version: '1.1.0' }));
    const clash = await runS4s(['check', join(ROOT, 'fixtures/strategies/en-riverton.md'), '--criteria', 'egd', '--criteria', 'egd-next.json'], { cwd: directory });
    expect(clash).toMatchObject({ code: 2, stdout: '', stderr: 's4s: --criteria names two sets with the id "egd": egd@1.0.0 (criteria/egd/1.0.0.json) and egd@1.1.0 (egd-next.json); choose one\n' });
    // A set file and a link to it are one set.
    symlinkSync(join(directory, 'egd-next.json'), join(directory, 'egd-link.json'));
    const linked = await runS4s(['check', join(ROOT, 'fixtures/strategies/en-riverton.md'), '--criteria', 'egd-next.json', '--criteria', 'egd-link.json', '--format', 'json'], { cwd: directory });
    expect(linked.code).toBe(0);
    expect(JSON.parse(linked.stdout).criteriaSets.map((set: { id: string }) => set.id)).toEqual(['egd']);
  });

  it('prints the criteria schema', async () => {
    const run = await runS4s(['criteria', 'schema']);
    expect(JSON.parse(run.stdout).$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('keeps every bundled version loadable and reports id@version', async () => {
    const run = await runS4s(['check', 'fixtures/strategies/en-riverton.md', '--criteria', 'sdg@1.0.0', '--format', 'json']);
    expect(JSON.parse(run.stdout).criteriaSets[0]).toMatchObject({ id: 'sdg', version: '1.0.0', origin: 'criteria/sdg/1.0.0.json' });
  });
});
