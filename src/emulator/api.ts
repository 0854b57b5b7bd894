// The contract between the emulator's HTTP core and its product modules (GA, Alidns).
import type { EmulatorState } from './state';

/** An API error as the gateway answers it: `{RequestId, HostId, Code, Message, Recommend}` with `status`. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export interface EmulatorOptions {
  /** Multiplies realistic transition times: 1 = as the real service, 0.01 for fast tests. */
  timeScale: number;
  /** Unknown parameters are errors (tests) rather than ignored (sandbox). */
  strict: boolean;
  /** Accept loopback / private custom-IP endpoints (the sandbox and data-plane tests). */
  allowLoopbackEndpoints: boolean;
}

export interface Clock {
  now(): number;
  /** Epoch ms at which something that takes `realisticMs` on the real service ends here. */
  after(realisticMs: number): number;
}

export interface RequestContext {
  requestId: string;
  /** The caller's AccessKey id: client tokens are scoped per caller. */
  accessKeyId: string;
  clock: Clock;
  options: EmulatorOptions;
}

/**
 * Parameters after un-flattening and type coercion against ga-wire-spec.json, in wire names
 * (`AccelerateRegion: [{AccelerateRegionId, Bandwidth: 2, IpVersion}]`). Required/enum/range checks are done.
 */
export type Params = Record<string, unknown>;

/** Answers one action; returns the body without RequestId. Throws ApiError for business errors. */
export type ActionHandler = (params: Params, ctx: RequestContext, state: EmulatorState) => Record<string, unknown>;

export interface ProductModule {
  product: 'ga' | 'alidns';
  version: string;
  handlers: Record<string, ActionHandler>;
  /** Applies due transitions; returns true when anything changed. Called before every request and on a timer. */
  advance?(state: EmulatorState, now: number): boolean;
}
