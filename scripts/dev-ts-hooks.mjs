// Module hooks for running s4s from its TypeScript sources in worker threads (tests and development
// only; the published package runs the compiled dist/). Relative `.js` imports are mapped to the `.ts`
// file beside them, and .ts files are transpiled with TypeScript (type information is not needed),
// with the output cached by content so that later workers start quickly.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CACHE_DIR = fileURLToPath(new URL('../node_modules/.cache/s4s-dev-ts/', import.meta.url));
let typescript;

export async function resolve(specifier, context, nextResolve) {
  if (specifier.startsWith('.') && specifier.endsWith('.js') && context.parentURL?.endsWith('.ts')) {
    const typescriptUrl = new URL(specifier.replace(/\.js$/, '.ts'), context.parentURL);
    if (existsSync(typescriptUrl)) return { url: typescriptUrl.href, format: 'module', shortCircuit: true };
  }
  return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return nextLoad(url, context);
  const source = readFileSync(new URL(url), 'utf8');
  const key = createHash('sha256').update(url).update('\0').update(source).digest('hex');
  const cached = `${CACHE_DIR}${key}.js`;
  if (existsSync(cached)) return { format: 'module', source: readFileSync(cached, 'utf8'), shortCircuit: true };
  typescript ??= (await import('typescript')).default;
  const output = typescript.transpileModule(source, {
    fileName: fileURLToPath(url),
    compilerOptions: { module: typescript.ModuleKind.ESNext, target: typescript.ScriptTarget.ES2022, sourceMap: false },
  }).outputText;
  mkdirSync(CACHE_DIR, { recursive: true });
  const temporary = `${cached}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temporary, output);
  renameSync(temporary, cached);
  return { format: 'module', source: output, shortCircuit: true };
}
