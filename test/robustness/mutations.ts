// fast-check arbitraries that damage a file the way transfers, tools and attackers do: bit flips,
// truncation, inserted junk or format keywords, deleted and repeated ranges. Places are fractions
// of the length, so that fast-check shrinks a failing case to a small, readable one.
import fc from 'fast-check';

export type Mutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'overwrite'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'repeat'; at: number; length: number; times: number };

/** Words that mean something to a PDF, zip, XML, Markdown or text reader. */
const TOKENS = [
  'obj',
  'endobj',
  'stream\n',
  'endstream',
  'xref\n0 1\n',
  'trailer\n<< /Root 1 0 R >>',
  'startxref\n0\n%%EOF',
  '<<',
  '>>',
  '[',
  ']',
  '(',
  '/Length 99999999',
  '/Count 99999',
  '/Filter /FlateDecode',
  'PK\u0003\u0004',
  'PK\u0005\u0006',
  '<w:p>',
  '</w:p>',
  '<w:t>',
  '<!DOCTYPE x [<!ENTITY a "aaaa">]>',
  '&a;',
  ']]>',
  '<![CDATA[',
  '\u0000',
  '\uFEFF',
  '\uFFFD',
  '\r',
  '\n\n',
  '# ',
  '> > > > ',
  '- ',
  '|a|b|\n|-|-|\n',
  '```',
  '*',
  '[x](',
  '<!--',
  '1. ',
  'Článek 1',
];

/** A place as a fraction of the length (fc.double would crowd next to 0: it draws from the representations of numbers). */
const place = fc.integer({ min: 0, max: 1_000_000 }).map((millionths) => millionths / 1_000_000);
const junk = fc.oneof(
  fc.uint8Array({ minLength: 1, maxLength: 64 }),
  fc.constantFrom(...TOKENS).map((token) => new TextEncoder().encode(token)),
);

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: place, bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: place }),
  fc.record({ kind: fc.constant('insert' as const), at: place, bytes: junk }),
  fc.record({ kind: fc.constant('overwrite' as const), at: place, bytes: junk }),
  fc.record({ kind: fc.constant('delete' as const), at: place, length: fc.integer({ min: 1, max: 4096 }) }),
  fc.record({ kind: fc.constant('repeat' as const), at: place, length: fc.integer({ min: 1, max: 512 }), times: fc.integer({ min: 2, max: 64 }) }),
);

export const mutations = fc.array(mutation, { minLength: 1, maxLength: 4 });

export function mutate(bytes: Uint8Array, steps: Mutation[]): Buffer {
  let current = Buffer.from(bytes);
  for (const step of steps) {
    const at = Math.min(current.length, Math.floor(step.at * current.length));
    switch (step.kind) {
      case 'flip':
        if (at < current.length) current[at] = (current[at] ?? 0) ^ (1 << step.bit);
        break;
      case 'truncate':
        current = current.subarray(0, at);
        break;
      case 'insert':
        current = Buffer.concat([current.subarray(0, at), step.bytes, current.subarray(at)]);
        break;
      case 'overwrite':
        current = Buffer.concat([current.subarray(0, at), step.bytes, current.subarray(at + step.bytes.length)]);
        break;
      case 'delete':
        current = Buffer.concat([current.subarray(0, at), current.subarray(at + step.length)]);
        break;
      case 'repeat': {
        const range = current.subarray(at, at + step.length);
        current = Buffer.concat([current.subarray(0, at), ...Array.from({ length: step.times }, () => range), current.subarray(at + step.length)]);
        break;
      }
    }
  }
  return current;
}

/** What a mutation list did, in a line fast-check prints with a failing case. */
export function describeMutations(steps: Mutation[]): string {
  return steps
    .map((step) => {
      const at = step.at.toFixed(4);
      if (step.kind === 'insert' || step.kind === 'overwrite') return `${step.kind} ${JSON.stringify(Buffer.from(step.bytes).toString('latin1'))} at ${at}`;
      if (step.kind === 'flip') return `flip bit ${step.bit} at ${at}`;
      if (step.kind === 'delete') return `delete ${step.length} at ${at}`;
      if (step.kind === 'repeat') return `repeat ${step.length} bytes x${step.times} at ${at}`;
      return `truncate at ${at}`;
    })
    .join('; ');
}
