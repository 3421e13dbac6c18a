// The process's signals while a command can stop cleanly: the first asks it to stop, a second ends
// the process at once and says so. (Sending two signals to a real process cannot order them: a
// quick clean stop may end it before the second is handled.)
import { describe, expect, it } from 'vitest';
import { catchInterrupts, type SignalTarget } from '../../src/cli/interrupts.js';

function fakeProcess() {
  const handlers = new Map<string, () => void>();
  const events: string[] = [];
  const target: SignalTarget = {
    on: (signal, handler) => handlers.set(signal, handler),
    off: (signal) => handlers.delete(signal),
    exit: (code) => void events.push(`exit ${code}`),
    stderr: { write: (text: string) => events.push(text) },
  };
  return { target, events, send: (signal: string) => handlers.get(signal)?.(), listening: () => [...handlers.keys()] };
}

describe('catchInterrupts', () => {
  it('turns the first signal into a request to stop, and ends the process on a second, saying the reports were not finished', () => {
    const fake = fakeProcess();
    const interrupts = catchInterrupts(fake.target);
    expect(fake.listening()).toEqual(['SIGINT', 'SIGTERM']);
    fake.send('SIGINT');
    expect(interrupts.signal.aborted).toBe(true);
    expect(interrupts.signal.reason).toBe('SIGINT');
    expect(fake.events).toEqual([]);
    fake.send('SIGTERM');
    expect(fake.events).toEqual(['s4s: interrupted again (SIGTERM): stopped at once; the reports were not finished\n', 'exit 143']);
  });

  it('lets the signals go when released', () => {
    const fake = fakeProcess();
    catchInterrupts(fake.target).release();
    expect(fake.listening()).toEqual([]);
  });
});
