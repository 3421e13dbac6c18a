#!/usr/bin/env node
// Executable: hands the process's argv, streams, cwd and env to the CLI and sets its exit code. It
// also owns the process's signals: while a command catches interrupts (check on worker threads),
// the first Ctrl-C or SIGTERM asks it to stop cleanly (it writes what is done and says what is
// missing) and a second one ends the process; otherwise they end it at once, as by default.
import { setMaxListeners } from 'node:events';
import { setFlagsFromString } from 'node:v8';

// V8 optimises a function once it has run for this much bytecode (Node 20's V8 11: 67,584). A check
// runs for a second or a few, too short for much of what V8 optimises at its default to pay back:
// its optimising compilers, on background threads, took as much CPU as the reading thread itself
// in a batch of five documents. At 300,000, measured on Node 20 with runs alternated: CPU time of a
// check -10 to -23 % (47-page PDF 2.20 -> 1.70-1.95 s; 350-page PDF 4.10 -> 3.77 s), a batch of 15
// --jobs 1 7.72 -> 7.02 s and --jobs 2 6.33 -> 5.33 s; one document's wall time within the noise.
// Workers share the process's flags. Set before any module of s4s loads; newer Node versions tier
// up differently and keep their defaults until measured.
if (process.versions.v8.startsWith('11.')) setFlagsFromString('--interrupt-budget=300000');
const { runCli } = await import('../dist/cli/main.js');

const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 };

function catchInterrupts() {
  const controller = new AbortController();
  // Every document on a worker listens, so there may be more listeners than Node's default warns at.
  setMaxListeners(0, controller.signal);
  const handlers = Object.entries(EXIT_CODES).map(([signal, exitCode]) => {
    const handler = () => {
      if (controller.signal.aborted) process.exit(exitCode);
      controller.abort(signal);
    };
    process.on(signal, handler);
    return [signal, handler];
  });
  return { signal: controller.signal, release: () => handlers.forEach(([signal, handler]) => process.off(signal, handler)) };
}

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  cwd: process.cwd(),
  env: process.env,
  catchInterrupts,
});
