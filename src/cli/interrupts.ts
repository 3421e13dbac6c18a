// The process's interrupts while a command can stop cleanly (check on worker threads): the first
// Ctrl-C or SIGTERM asks the command to stop (it writes what is done and says what is missing);
// a second one ends the process at once, saying that the reports were not finished. bin/s4s.js
// hands these to the CLI; outside them, signals end the process as by default.
import { setMaxListeners } from 'node:events';
import { EXIT_INTERRUPTED } from './io.js';

/** What catchInterrupts needs of the process (tests give a stand-in). */
export interface SignalTarget {
  on(signal: string, handler: () => void): unknown;
  off(signal: string, handler: () => void): unknown;
  exit(code: number): void;
  stderr: { write(text: string): unknown };
}

export function catchInterrupts(target: SignalTarget = process): { signal: AbortSignal; release: () => void } {
  const controller = new AbortController();
  // Every document on a worker listens, so there may be more listeners than Node's default warns at.
  setMaxListeners(0, controller.signal);
  const handlers = Object.entries(EXIT_INTERRUPTED).map(([signal, exitCode]) => {
    const handler = () => {
      if (controller.signal.aborted) {
        target.stderr.write(`s4s: interrupted again (${signal}): stopped at once; the reports were not finished\n`);
        target.exit(exitCode);
        return;
      }
      controller.abort(signal);
    };
    target.on(signal, handler);
    return [signal, handler] as const;
  });
  return { signal: controller.signal, release: () => handlers.forEach(([signal, handler]) => target.off(signal, handler)) };
}
