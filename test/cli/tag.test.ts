import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runS4s, testFixture } from '../helpers.js';

const MINI = testFixture('criteria', 'mini.json');
const tagFixture = (name: string) => testFixture('..', 'cli', 'fixtures', 'tag', name);

describe('s4s tag', () => {
  it('writes one CSV row per passage and criterion addressed, parent and sub-criterion both', async () => {
    const run = await runS4s(['tag', tagFixture('passages.csv'), '--criteria', MINI]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('id,criterion,parent,status,score,terms,language,source');
    const rows = parse(run.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => [row.id, row.criterion, row.status])).toEqual([
      ['p1', 'mini/transport', 'met'],
      ['p1', 'mini/transport.cycling', 'partial'],
      ['p3', 'mini/transport', 'partial'],
      ['p3', 'mini/transport.cycling', 'partial'],
      ["'=p4", 'mini/transport', 'partial'],
    ]);
    expect(rows[0]).toMatchObject({ parent: '', score: '0.558', terms: 'tram*; cycle path*; public transport*', language: 'en', source: 'terms' });
    expect(rows[1]).toMatchObject({ parent: 'mini/transport', terms: 'cycle path*' });
    expect(rows[2]).toMatchObject({ terms: 'cyklostezk*', language: 'cs' });
  });

  it('gives the same as JSON records from a JSONL file, with the text field named', async () => {
    const run = await runS4s(['tag', tagFixture('passages.jsonl'), '--criteria', MINI, '--text-column', 'body', '--lang', 'en', '--format', 'json']);
    expect(run.code).toBe(0);
    const records = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(records.map((record) => [record.id, record.criterion, record.status])).toEqual([
      ['1', 'mini/transport', 'met'],
      ['1', 'mini/transport.cycling', 'partial'],
      ['3', 'mini/ocean', 'met'],
    ]);
    expect(records[2]).toEqual({ id: '3', criterion: 'mini/ocean', parent: '', status: 'met', score: 0.507, terms: 'coral reef*; marine', language: 'en', source: 'terms' });
  });

  it('reads standard input and numbers passages when there is no id column', async () => {
    const run = await runS4s(['tag', '-', '--criteria', MINI, '--lang', 'en'], { stdin: readFileSync(tagFixture('no-id.csv')) });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('id,criterion,parent,status,score,terms,language,source\n1,mini/transport,,partial,0.439,tram*,en,terms\n');
  });

  it('counts one mention once: spellings of the same words, also a goal\'s and its target\'s terms', async () => {
    const passages = 'id,text\n1,Forced labour.\n2,Vaccination for all.\n3,Vaccination and clean water for all.\n';
    const rows = parse((await runS4s(['tag', '-', '--criteria', 'sdg', '--lang', 'en', '--no-model'], { stdin: passages })).stdout, { columns: true }) as Record<string, string>[];
    const statusOf = (id: string, criterion: string) => rows.find((row) => row.id === id && row.criterion === criterion)?.status;
    expect([statusOf('1', 'sdg/8'), statusOf('1', 'sdg/8.7'), statusOf('2', 'sdg/3'), statusOf('2', 'sdg/3.8')]).toEqual(['partial', 'partial', 'partial', 'partial']);
    expect(statusOf('3', 'sdg/6')).toBe('partial');
  });

  it('tags every criterion a passage addresses, or only what it is mainly about with --min-share', async () => {
    const passage = 'text\n"New trams, cycle paths, public transport lines and bicycle parking stop at the marine museum."\n';
    const criteriaOf = (stdout: string) => (parse(stdout, { columns: true }) as Record<string, string>[]).map((row) => row.criterion);
    const every = await runS4s(['tag', '-', '--criteria', MINI, '--lang', 'en'], { stdin: passage });
    expect(criteriaOf(every.stdout)).toEqual(['mini/transport', 'mini/transport.cycling', 'mini/ocean']);
    const main = await runS4s(['tag', '-', '--criteria', MINI, '--lang', 'en', '--min-share', '0.5'], { stdin: passage });
    expect(criteriaOf(main.stdout)).toEqual(['mini/transport', 'mini/transport.cycling']);
    const wrong = await runS4s(['tag', '-', '--criteria', MINI, '--min-share', 'most'], { stdin: passage });
    expect(wrong).toMatchObject({ code: 2, stderr: 's4s: --min-share must be a number from 0 to 1, not "most"\n' });
  });

  it('adds what a passage model is confident of where no term matched, in the criteria order', async () => {
    const model = tagFixture('mini-model.json');
    const passages = 'id,text\n1,"Fishing boats crowd the harbour."\n2,"The council meets on Mondays."\n3,"Fishing boats and trams."\n4,"Trams and fishing boats on the marine coast."\n';
    const run = await runS4s(['tag', '-', '--criteria', MINI, '--model', model], { stdin: passages });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    // 1: only the model (p = 0.736; "harbour" lowers transport); 3: the model after the terms' tag;
    // 4: the terms already tag mini/ocean, so the model adds nothing. Labels outside the set are ignored.
    expect(run.stdout).toBe(
      [
        'id,criterion,parent,status,score,terms,language,source',
        '1,mini/ocean,,partial,0.736,Fishing; boats; Fishing boats,en,model',
        '3,mini/transport,,partial,0.439,tram*,en,terms',
        '3,mini/ocean,,partial,0.829,Fishing; boats; Fishing boats,en,model',
        '4,mini/transport,,partial,0.439,tram*,en,terms',
        '4,mini/ocean,,partial,0.439,marine,en,terms',
        '',
      ].join('\n'),
    );
    // What the terms found but --min-share left out, the model does not bring back.
    const mainOnly = await runS4s(['tag', '-', '--criteria', MINI, '--model', model, '--min-share', '0.9', '--lang', 'en'], { stdin: 'text\n"Fishing boats, marine, trams, cycle paths and public transport."\n' });
    expect(mainOnly.stdout).toBe('id,criterion,parent,status,score,terms,language,source\n1,mini/transport,,met,0.558,tram*; cycle path*; public transport*,en,terms\n1,mini/transport.cycling,mini/transport,partial,0.439,cycle path*,en,terms\n');
    const termsOnly = await runS4s(['tag', '-', '--criteria', MINI, '--model', model, '--no-model'], { stdin: passages });
    expect(termsOnly.stdout).not.toContain(',model');
    // The model is English: a Czech passage is left to the terms.
    const czech = await runS4s(['tag', '-', '--criteria', MINI, '--model', model, '--lang', 'cs'], { stdin: passages });
    expect(czech.stdout).not.toContain(',model');
  });

  it('tags English passages with the bundled SDG model by default, and not with --no-model', async () => {
    const passage = 'text\n"Engaging suppliers to improve their practices and giving them time to comply with the code of conduct."\n';
    const run = await runS4s(['tag', '-', '--criteria', 'sdg', '--lang', 'en', '--format', 'json'], { stdin: passage });
    expect(run.code).toBe(0);
    const records = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(records).toEqual([expect.objectContaining({ id: '1', criterion: 'sdg/8', status: 'partial', source: 'model', terms: expect.stringContaining('suppliers') })]);
    expect(records[0]?.score).toBeGreaterThanOrEqual(0.2);
    const termsOnly = await runS4s(['tag', '-', '--criteria', 'sdg', '--lang', 'en', '--no-model'], { stdin: passage });
    expect(termsOnly.stdout).toBe('id,criterion,parent,status,score,terms,language,source\n');
  });

  it('refuses a model file that is missing or not a passage model, in one line', async () => {
    const directory = mkdtempSync(join(tmpdir(), 's4s-tag-model-'));
    const notModel = join(directory, 'model.json');
    writeFileSync(notModel, JSON.stringify({ format: 's4s-passage-model/1', set: 'sdg', language: 'en', threshold: 0.2, labels: ['sdg/1'], bias: [0, 1], weights: {} }));
    const cases: [string, string][] = [
      [notModel, `s4s: ${notModel}: not an s4s passage model: bias must have one number per label\n`],
      [join(directory, 'absent.json'), `s4s: ${join(directory, 'absent.json')}: no such file\n`],
      [tagFixture('passages.csv'), `s4s: ${tagFixture('passages.csv')}: not valid JSON\n`],
    ];
    for (const [file, message] of cases) {
      const run = await runS4s(['tag', tagFixture('passages.csv'), '--criteria', MINI, '--model', file]);
      expect(run).toMatchObject({ code: 2, stdout: '', stderr: message });
    }
    rmSync(directory, { recursive: true, force: true });
  });

  it('writes to a file with -o and is byte-identical run after run', async () => {
    const directory = mkdtempSync(join(tmpdir(), 's4s-tag-'));
    const first = await runS4s(['tag', tagFixture('passages.csv'), '--criteria', MINI, '-o', join(directory, 'tags.csv')]);
    expect(first).toMatchObject({ code: 0, stdout: '' });
    const again = await runS4s(['tag', tagFixture('passages.csv'), '--criteria', MINI]);
    expect(readFileSync(join(directory, 'tags.csv'), 'utf8')).toBe(again.stdout);
  });

  it('says in one line what is wrong with the input, and exits 2', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 's4s-tag-'));
    let files = 0;
    const jsonLines = (...lines: string[]) => {
      const name = `passages-${++files}.jsonl`;
      writeFileSync(join(scratch, name), `${lines.join('\n')}\n`);
      return name;
    };
    const cases: [string[], string][] = [
      [[tagFixture('passages.csv'), '--text-column', 'body'], 'no column "body" for the passage text (columns: id, text, source); choose one with --text-column'],
      [[tagFixture('passages.csv'), '--id-column', 'key'], 'no column "key" for passage ids (columns: id, text, source)'],
      [[tagFixture('broken.jsonl')], 'line 2 is not valid JSON'],
      [[tagFixture('ragged.csv')], 'ragged.csv: not valid CSV at line 3 (Invalid Record Length'],
      [['missing.csv'], 'missing.csv: no such file'],
      // JSON Lines: every line needs its text, as a string, and its id when the other lines have one.
      [[jsonLines('{"id":1,"text":"bus lanes"}', '', '{"id":2,"body":"trams"}'), '--text-column', 'text'], 'passages-1.jsonl: line 3 has no "text" field for the passage text'],
      [[jsonLines('{"id":1,"text":"bus lanes"}', '{"id":2,"text":42}')], 'passages-2.jsonl: line 2: "text" is not a string'],
      [[jsonLines('{"id":1,"text":"bus lanes"}', '{"text":"trams"}')], 'passages-3.jsonl: line 2 has no "id" field, which the other lines have'],
    ];
    for (const [args, message] of cases) {
      const run = await runS4s(['tag', ...args, '--criteria', MINI], { cwd: scratch });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(message);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
