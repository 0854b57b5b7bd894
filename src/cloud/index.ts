// The cloud layer's public API. Workflows and UI import from here only.
import type { CloudProfile } from './cloudProfile';
import { connect, type CloudConnection, type ConnectionOptions } from './connection';
import { DnsService } from './dnsService';
import { GaService } from './gaService';
import type { ServiceOptions } from './serviceOptions';

export * from './types';
export type { AccessKeyCredentials, CloudProfile, ProfileEndpoints } from './cloudProfile';
export { GaService } from './gaService';
export { DnsService } from './dnsService';
export type { ServiceOptions } from './serviceOptions';
export {
  connect,
  DEFAULT_GA_ENDPOINT,
  DEFAULT_DNS_ENDPOINT,
  GA_REGION_ID,
  type CloudConnection,
  type ConnectionOptions,
} from './connection';
export {
  CloudError,
  isCloudError,
  toCloudError,
  PRODUCT_LABEL,
  type CloudErrorCategory,
  type CloudProduct,
  type ErrorContext,
} from './errors';
export { redactText, redactParams } from './redact';
export { createCloudLogger, formatLogEntry, silentLogger, type CloudLogger, type CloudLogEntry, type LogSink } from './logger';
export { DEFAULT_RETRY, backoffDelay, isRetryable, withRetry, type RetryOptions, type Sleep } from './retry';
export { BUSY_CODES_BY_ACTION } from './busyCodes';
export { DEFAULT_POLL_SCHEDULE, FAST_POLL_SCHEDULE, WAIT_TIMEOUT_MS, waitUntil, type PollSchedule, type WaitOptions } from './waiters';
export { MutationQueue, sharedMutationQueue } from './mutationQueue';
export { acceptsClientToken, newClientToken } from './clientToken';
export { fetchAllPages, maxPageSize } from './paging';

export interface CloudServices {
  connection: CloudConnection;
  ga: GaService;
  dns: DnsService;
}

/** GA and DNS services for a profile, sharing one connection (and its per-account mutation queue). */
export function createCloudServices(profile: CloudProfile, options: ServiceOptions & ConnectionOptions = {}): CloudServices {
  const connection = connect(profile, options);
  return { connection, ga: new GaService(connection, options), dns: new DnsService(connection, options) };
}
