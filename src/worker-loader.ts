// Worker threads cannot load .ts files by themselves: when s4s runs from its sources (tests,
// development), each worker first registers the small transpiling loader in scripts/.

/** Node options for a worker thread running `entry`: the TypeScript loader added for a .ts entry. */
export function workerExecArgv(entry: URL): string[] | undefined {
  if (!entry.pathname.endsWith('.ts')) return undefined;
  const hooks = new URL('../scripts/dev-ts-hooks.mjs', import.meta.url).href;
  const loader = `data:text/javascript,import{register}from'node:module';register(${JSON.stringify(hooks)})`;
  // A worker started by a worker already has the loader.
  return process.execArgv.includes(loader) ? [...process.execArgv] : [...process.execArgv, '--import', loader];
}
