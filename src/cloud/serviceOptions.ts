// How GaService and DnsService behave; every field has a production default.
import type { CloudLogger } from './logger';
import type { MutationQueue } from './mutationQueue';
import type { RetryOptions } from './retry';
import type { PollSchedule } from './waiters';
import type { NameStrictness } from '../model/rules';

export interface ServiceOptions {
  /** Default: silent. The extension passes one writing to its output channel. */
  logger?: CloudLogger;
  /** Overrides of the retry policy (tests inject sleep and random). */
  retry?: Partial<RetryOptions>;
  /** Poll schedule of waits; the emulator and tests pass FAST_POLL_SCHEDULE. */
  pollSchedule?: Partial<PollSchedule>;
  /** Overrides of the per-action wait timeouts (ms), by mutation name. */
  waitTimeoutsMs?: Partial<Record<string, number>>;
  /** Default: one queue shared by all services of the same profile and endpoint. */
  queue?: MutationQueue;
  /** Accept private/loopback custom-IP endpoints (the local sandbox). */
  allowNonPublicEndpoints?: boolean;
  /** Name rule applied before sending: the API's (default) or the console's stricter one. */
  nameStrictness?: NameStrictness;
}
