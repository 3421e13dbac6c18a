#!/usr/bin/env node
// Assembles each bundled criteria set from its editable parts into the released file
// criteria/<set>/<version>.json. Parts: criteria/<set>/parts/_set.json (the set's header) and
// any other criteria/<set>/parts/*.json holding {"criteria": [...]}, taken in file-name order.
// Released versions are never rewritten once a newer version exists: bump `version` in _set.json
// (and add a changelog entry) to release changes.
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const criteriaRoot = join(dirname(fileURLToPath(import.meta.url)), '..', 'criteria');
const check = process.argv.includes('--check');
let stale = 0;

for (const setId of readdirSync(criteriaRoot).sort()) {
  const partsDir = join(criteriaRoot, setId, 'parts');
  if (!existsSync(join(partsDir, '_set.json'))) continue;
  const header = JSON.parse(readFileSync(join(partsDir, '_set.json'), 'utf8'));
  const criteria = [];
  for (const file of readdirSync(partsDir).filter((f) => f.endsWith('.json') && f !== '_set.json').sort()) {
    const part = JSON.parse(readFileSync(join(partsDir, file), 'utf8'));
    if (!Array.isArray(part.criteria)) throw new Error(`${setId}/parts/${file}: expected {"criteria": [...]}`);
    criteria.push(...part.criteria);
  }
  const built = `${JSON.stringify({ ...header, criteria }, null, 2)}\n`;
  const target = join(criteriaRoot, setId, `${header.version}.json`);
  const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (current === built) continue;
  if (check) {
    console.error(`criteria/${setId}/${header.version}.json is out of date: run npm run build:criteria`);
    stale++;
  } else {
    writeFileSync(target, built);
    console.log(`wrote criteria/${setId}/${header.version}.json (${criteria.length} criteria)`);
  }
}
process.exitCode = stale ? 1 : 0;
