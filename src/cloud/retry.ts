// Retries with exponential backoff and full jitter: before retry n (0-based) sleep random(0, min(cap, base·2ⁿ)).
// Full jitter spreads the retries of many clients that were throttled at the same moment. Attempts and total
// time are both bounded; auth, permission and invalid-parameter errors are never retried.
import { isBusyFor } from './busyCodes';
import { CloudError, cancelledError, toCloudError, type ErrorContext } from './errors';

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface RetryOptions {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  /** Cap of one backoff sleep. */
  maxDelayMs: number;
  /** No retry starts (or sleeps) past this much time after the first attempt. */
  maxElapsedMs: number;
  sleep: Sleep;
  /** [0, 1) */
  random: () => number;
  now: () => number;
}

export const DEFAULT_RETRY: RetryOptions = {
  maxAttempts: 8,
  baseDelayMs: 1000,
  maxDelayMs: 15_000,
  maxElapsedMs: 3 * 60_000,
  sleep: abortableSleep,
  random: Math.random,
  now: Date.now,
};

/** The full-jitter backoff before retry `retry` (0 = the first retry). */
export function backoffDelay(retry: number, opts: Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs' | 'random'>): number {
  const ceiling = Math.min(opts.maxDelayMs, opts.baseDelayMs * 2 ** retry);
  return Math.floor(opts.random() * ceiling);
}

/** Whether another attempt of `action` may succeed after this error. */
export function isRetryable(action: string, e: CloudError): boolean {
  if (e.category === 'cancelled' || e.category === 'auth' || e.category === 'permission') return false;
  return e.transient || isBusyFor(action, e.code);
}

/** Resolves after `ms`, or rejects with an AbortError as soon as `signal` aborts. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function abortError(): Error {
  const e = new Error('aborted');
  e.name = 'AbortError';
  return e;
}

export interface RetryCall {
  ctx: ErrorContext;
  signal?: AbortSignal;
  /** Cancelling a mutation says that it may still happen. */
  mutation?: boolean;
  /** Errors that must not be retried whatever their kind. */
  final?: (e: CloudError) => boolean;
  /** Told before each backoff sleep: the error, which retry comes next (1-based) and the sleep. */
  onRetry?: (e: CloudError, retry: number, delayMs: number) => void;
}

/** Runs `attempt` until it succeeds, fails for good, runs out of attempts or time, or is cancelled. */
export async function withRetry<T>(attempt: (n: number) => Promise<T>, call: RetryCall, options: Partial<RetryOptions> = {}): Promise<T> {
  const o: RetryOptions = { ...DEFAULT_RETRY, ...options };
  const started = o.now();
  const cancelled = () => cancelledError(call.ctx, call.mutation);
  for (let n = 0; ; n++) {
    if (call.signal?.aborted) throw cancelled();
    let error: CloudError;
    try {
      return await attempt(n);
    } catch (e) {
      error = toCloudError(e, call.ctx);
    }
    if (call.signal?.aborted || error.category === 'cancelled') throw cancelled();
    if (!isRetryable(call.ctx.action, error) || call.final?.(error) || n + 1 >= o.maxAttempts) throw error;
    const delay = backoffDelay(n, o);
    if (o.now() - started + delay > o.maxElapsedMs) throw error;
    call.onRetry?.(error, n + 1, delay);
    try {
      await o.sleep(delay, call.signal);
    } catch {
      throw cancelled();
    }
  }
}
