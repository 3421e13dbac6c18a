// Writing report files: atomically (temporary file, then rename), never over an input.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from './io.js';

export function writeReportFile(path: string, content: string, cwd: string, inputs: string[] = []): void {
  const target = resolve(cwd, path);
  if (inputs.includes(target)) throw new UsageError(`refusing to write the report over the input ${path}`);
  mkdirSync(dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, target);
}
