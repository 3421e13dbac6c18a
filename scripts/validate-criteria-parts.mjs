// Checks editable criteria parts: schema plus completeness (5 languages, en+cs examples). Usage: node scripts/validate-criteria-parts.mjs criteria/sdg/parts/goal-01.json
import Ajv2020 from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
const schema = JSON.parse(readFileSync(new URL('../schemas/criteria.schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv2020.default({ allErrors: true, strict: false });
ajv.addSchema(schema, 'c');
const validate = ajv.compile({ $ref: 'c#/$defs/criterion' });
let bad = 0;
for (const f of process.argv.slice(2)) {
  const part = JSON.parse(readFileSync(f, 'utf8'));
  part.criteria.forEach((c, i) => {
    if (!validate(c)) { bad++; for (const e of validate.errors) console.log(`${f} /criteria/${i}${e.instancePath}: ${e.message}`); }
    for (const l of ['en','cs','sk','pl','hu']) {
      if (!c.terms?.[l]?.length) { bad++; console.log(`${f} ${c.id}: no ${l} terms`); }
      if (!c.guidance?.[l]) { bad++; console.log(`${f} ${c.id}: no ${l} guidance`); }
      if (!c.title?.[l]) { bad++; console.log(`${f} ${c.id}: no ${l} title`); }
    }
    for (const k of ['positive','negative']) for (const l of ['en','cs'])
      if (!c.examples?.[k]?.some(e => e.lang === l)) { bad++; console.log(`${f} ${c.id}: no ${k} ${l} example`); }
  });
  console.log(`${f}: ${part.criteria.length} criteria`);
}
process.exitCode = bad ? 1 : 0;
