// One API call as every service makes it: retry with backoff, cancellation, error mapping and one log line per
// attempt. The request object is built by the caller once, so a ClientToken inside it is the same on every retry.
import { CloudError, cancelledError, toCloudError, type CloudProduct, type ErrorContext } from './errors';
import type { CloudLogger } from './logger';
import { withRetry, type RetryOptions } from './retry';
import type { CloudConnection } from './connection';

export interface CallSettings {
  signal?: AbortSignal;
  /** Cancelling says the change may still happen. */
  mutation?: boolean;
  /** Codes that end the call at once, without retry (e.g. "gone" answers while polling a delete). */
  noRetryCodes?: readonly string[];
}

interface ResponseLike {
  body?: unknown;
}

export class ApiCaller {
  constructor(
    private readonly product: CloudProduct,
    private readonly connection: CloudConnection,
    private readonly logger: CloudLogger,
    private readonly retry: Partial<RetryOptions> = {},
  ) {}

  get endpoint(): string {
    return this.product === 'ga' ? this.connection.gaEndpoint : this.connection.dnsEndpoint;
  }

  /** Read lazily: the key id and the secrets to mask are known only once credentials have been read. */
  context(action: string): ErrorContext {
    const connection = this.connection;
    return {
      action,
      product: this.product,
      profileName: connection.profileName,
      endpoint: this.endpoint,
      get accessKeyId() {
        return connection.accessKeyId;
      },
      get secrets() {
        return connection.knownSecrets();
      },
    };
  }

  /** Sends `send()` (which must reuse one request object) until it succeeds or fails for good. */
  async call<R extends ResponseLike>(action: string, params: object, send: () => Promise<R>, settings: CallSettings = {}): Promise<R> {
    const now = this.retry.now ?? Date.now;
    let started = now();
    try {
      return await withRetry(
        async () => {
          started = now();
          const attempt = withDeadline(send(), this.connection.attemptTimeoutMs);
          const res = await raceAbort(attempt, settings.signal, () => cancelledError(this.context(action), settings.mutation));
          this.logger.log({ ...this.entry(action, params, started), outcome: 'ok', requestId: requestIdOf(res) });
          return res;
        },
        {
          ctx: this.context(action),
          signal: settings.signal,
          mutation: settings.mutation,
          final: (e) => settings.noRetryCodes?.includes(e.code) ?? false,
          onRetry: (e, retry, delayMs) =>
            this.logger.log({ ...this.entry(action, params, started), outcome: 'retry', code: e.code, requestId: e.requestId, retry, delayMs }),
        },
        this.retry,
      );
    } catch (e) {
      const err = e instanceof CloudError ? e : toCloudError(e, this.context(action));
      this.logger.log({ ...this.entry(action, params, started), outcome: 'error', code: err.code, requestId: err.requestId });
      throw err;
    }
  }

  /** A line of our own in the cloud log (e.g. why a refused call counts as done). */
  note(message: string): void {
    this.logger.info(`${this.product.toUpperCase()} ${message}`);
  }

  private entry(action: string, params: object, started: number) {
    const now = this.retry.now ?? Date.now;
    return { product: this.product, action, params, durationMs: now() - started, profileName: this.connection.profileName };
  }
}

function requestIdOf(res: ResponseLike): string | undefined {
  const body = res.body as { requestId?: unknown } | undefined;
  return typeof body?.requestId === 'string' ? body.requestId : undefined;
}

/** The SDK cannot abort a request in flight: stop waiting for it (its answer is ignored). */
function raceAbort<T>(p: Promise<T>, signal: AbortSignal | undefined, cancelled: () => CloudError): Promise<T> {
  if (!signal) return p;
  if (signal.aborted) return Promise.reject(cancelled());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(cancelled());
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Rejects like the HTTP stack's own read timeout when an attempt outlives `ms` (its answer is then ignored). */
function withDeadline<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(Object.assign(new Error(`ReadTimeout(${ms}): no answer within ${ms} ms`), { name: 'RequestTimeoutError' })), ms);
    p.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}
