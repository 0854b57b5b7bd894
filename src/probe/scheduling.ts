// Bounded concurrency and cancellable pauses for the engine.
export { createLimiter } from '../model/concurrency';

export class CancelledError extends Error {
  constructor() {
    super('The probe was cancelled.');
    this.name = 'CancelledError';
  }
}

/** Waits `ms`, or rejects with CancelledError as soon as the signal aborts. */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(new CancelledError());
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(new CancelledError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
