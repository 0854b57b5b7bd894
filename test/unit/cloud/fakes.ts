// Test doubles for the cloud layer: a connection whose GA/Alidns clients are scripted per action, and
// API errors shaped exactly as openapi-core 1.0.8 throws them.
import { ClientError, ServerError, ThrottlingError } from '@alicloud/openapi-core';
import type { CloudConnection } from '../../../src/cloud/connection';
import { MutationQueue } from '../../../src/cloud/mutationQueue';
import type { ServiceOptions } from '../../../src/cloud/serviceOptions';
import { createCloudLogger } from '../../../src/cloud/logger';

export function apiError(code: string, statusCode = 400, message = 'something is wrong', extra: Record<string, unknown> = {}): Error {
  const data = { RequestId: 'req-1', HostId: 'ga.cn-hangzhou.aliyuncs.com', Code: code, Message: message, Recommend: `https://api.aliyun.com/troubleshoot?q=${code}`, ...extra };
  const init = { statusCode, code, message: `code: ${statusCode}, ${message} request id: req-1`, data, requestId: 'req-1', description: 'undefined', accessDeniedDetail: extra.AccessDeniedDetail };
  if (code.includes('Throttling')) return new ThrottlingError(init);
  return statusCode >= 500 ? new ServerError(init) : new ClientError(init);
}

export function networkError(code: string, message = `connect ${code} 127.0.0.1:1`): Error {
  return Object.assign(new Error(message), { code });
}

export interface RecordedCall {
  method: string;
  request: Record<string, unknown>;
}

/** Answers `xxxWithOptions(request)` from `script[method]`: a list of answers used in order (the last repeats). */
export type Answer = Record<string, unknown> | Error | ((request: Record<string, unknown>) => Record<string, unknown> | Error);

export function scriptedClient(script: Record<string, Answer[]>, calls: RecordedCall[]): unknown {
  const used: Record<string, number> = {};
  return new Proxy(
    {},
    {
      get: (_t, prop: string) => {
        if (!prop.endsWith('WithOptions')) return undefined;
        const method = prop.slice(0, -'WithOptions'.length);
        return async (request: Record<string, unknown>) => {
          calls.push({ method, request: JSON.parse(JSON.stringify(request)) });
          const answers = script[method];
          if (!answers) throw new Error(`unscripted call ${method}`);
          const i = Math.min(used[method] ?? 0, answers.length - 1);
          used[method] = (used[method] ?? 0) + 1;
          const a = answers[i];
          const out = typeof a === 'function' ? a(request) : a;
          if (out instanceof Error) throw out;
          return { statusCode: 200, headers: {}, body: { requestId: `req-${method}`, ...out } };
        };
      },
    },
  );
}

export function fakeConnection(ga: unknown, dns: unknown = {}, secrets: string[] = []): CloudConnection {
  return {
    profileId: 'test (unit)',
    profileName: 'test',
    accessKeyId: 'LTAItestkeyid',
    gaEndpoint: 'ga.cn-hangzhou.aliyuncs.com',
    dnsEndpoint: 'alidns.aliyuncs.com',
    protocol: 'https',
    attemptTimeoutMs: 60_000,
    ga: ga as CloudConnection['ga'],
    dns: dns as CloudConnection['dns'],
    knownSecrets: () => secrets,
  };
}

/** Instant retries and polls, a private queue, and a log collected in `lines`. */
export function fastOptions(lines: string[] = []): ServiceOptions {
  return {
    retry: { sleep: async () => undefined, random: () => 0.5 },
    pollSchedule: { firstDelayMs: 0, intervalsMs: [0], maxIntervalMs: 0 },
    queue: new MutationQueue(),
    logger: createCloudLogger((l) => lines.push(l)),
  };
}
