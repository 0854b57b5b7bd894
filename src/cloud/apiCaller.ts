// One API call as every service makes it: retry with backoff, cancellation, error mapping and one log line per
// attempt. The request object is built by the caller once, so a ClientToken inside it is the same on every retry.
import { CloudError, toCloudError, type CloudProduct, type ErrorContext } from './errors';
import type { CloudLogger } from './logger';
import { withRetry, type RetryOptions } from './retry';
import type { CloudConnection } from './connection';
import { cancelledError } from './errors';

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

  context(action: string): ErrorContext {
    return {
      action,
      product: this.product,
      profileName: this.connection.profileName,
      endpoint: this.endpoint,
      accessKeyId: this.connection.accessKeyId,
      secrets: this.connection.knownSecrets(),
    };
  }

  /** Sends `send()` (which must reuse one request object) until it succeeds or fails for good. */
  async call<R extends ResponseLike>(action: string, params: object, send: () => Promise<R>, settings: CallSettings = {}): Promise<R> {
    const now = this.retry.now ?? Date.now;
    let started = now();
    const failure = (e: unknown) => toCloudError(e, this.context(action));
    try {
      return await withRetry(
        async () => {
          started = now();
          const res = await raceAbort(send(), settings.signal, () => cancelledError(this.context(action), settings.mutation));
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
      const err = e instanceof CloudError ? e : failure(e);
      this.logger.log({ ...this.entry(action, params, started), outcome: 'error', code: err.code, requestId: err.requestId });
      throw err;
    }
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
