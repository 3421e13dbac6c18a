// The progress bar of a batch, on standard error: done/total, the file last started, elapsed and
// remaining time. Only for a person at a terminal: never with --quiet, in CI or when stderr is piped.
import { createRequire } from 'node:module';
import type cliProgressModule from 'cli-progress';
import type { CliIo, OutputStream } from './io.js';

export interface BatchProgress {
  started(path: string): void;
  finished(): void;
  stop(): void;
}

export function wantsProgress(io: CliIo, quiet: boolean | undefined): boolean {
  const ci = io.env.CI;
  return Boolean(io.stderr.isTTY) && !quiet && (ci === undefined || ci === '' || ci === 'false' || ci === '0');
}

export function createProgress(total: number, stream: OutputStream): BatchProgress {
  // Loaded only for a person at a terminal: pipes and CI never pay for it.
  const cliProgress = createRequire(import.meta.url)('cli-progress') as typeof cliProgressModule;
  const width = (stream as { columns?: number }).columns ?? 80;
  const fileWidth = Math.max(10, width - 62);
  const bar = new cliProgress.SingleBar(
    {
      stream: stream as NodeJS.WritableStream,
      format: '{bar} {value}/{total} | {duration_formatted} elapsed, {eta_formatted} left | {file}',
      barsize: 20,
      clearOnComplete: true,
      hideCursor: false,
      etaBuffer: 20,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { file: '' });
  return {
    started: (path) => bar.update({ file: shorten(path, fileWidth) }),
    finished: () => bar.increment(),
    stop: () => bar.stop(),
  };
}

/** Keeps the end of a long path, which names the file. */
function shorten(path: string, width: number): string {
  return path.length <= width ? path : `…${path.slice(path.length - width + 1)}`;
}
