#!/usr/bin/env node
// Executable: hands the process's argv, streams, cwd and env to the CLI and sets its exit code. It
// also hands it the process's signals (src/cli/interrupts.ts): while a command catches interrupts
// (check on worker threads), the first Ctrl-C or SIGTERM asks it to stop cleanly and a second one
// ends the process; otherwise they end it at once, as by default.
import { tuneV8ForShortRuns } from '../dist/cli/v8-tuning.js';

// Before the CLI's modules load (dynamic import below): see src/cli/v8-tuning.ts.
tuneV8ForShortRuns();
const { runCli } = await import('../dist/cli/main.js');
const { catchInterrupts } = await import('../dist/cli/interrupts.js');

/**
 * An output its reader closed early (`s4s check corpus/ | head`): Node reports EPIPE as an error
 * that would end the process with a stack trace and exit code 1, which means a failed threshold.
 * What is left for that stream is dropped instead, and the command finishes: its report files,
 * its other stream and its exit code are as they would have been.
 */
function forgivingOutput(stream) {
  let closed = false;
  stream.on('error', (error) => {
    // EPIPE for the write that found the pipe closed; writes already on their way then find the stream destroyed.
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
    closed = true;
  });
  // What the CLI reads of a stream besides write: whether it is a terminal, and its width (the progress bar).
  return {
    write: (chunk) => (closed ? true : stream.write(chunk)),
    get isTTY() {
      return stream.isTTY;
    },
    get columns() {
      return stream.columns;
    },
  };
}

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: forgivingOutput(process.stdout),
  stderr: forgivingOutput(process.stderr),
  stdin: process.stdin,
  cwd: process.cwd(),
  env: process.env,
  catchInterrupts: () => catchInterrupts(process),
});
