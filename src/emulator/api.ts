// The contract between the emulator's HTTP core and its product modules (GA, Alidns).
import type { EmulatorState, GaAccount } from './state';

/** An API error as the gateway answers it: `{RequestId, HostId, Code, Message, Recommend}` with `status`. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    /** Extra top-level fields of the error body, e.g. `AccessDeniedDetail` on a RAM denial. */
    readonly extra?: Record<string, unknown>,
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
  /**
   * The block of fd6a:6761::/64 this instance hands IPv6 acceleration addresses out of: `fd6a:6761::<block
   * in hex>:<n>`, 1 to 0xffff, default 0xa. Emulators running at once on one machine need distinct blocks, or
   * their data planes fight over the same address and port.
   */
  addressBlock?: number;
  /**
   * The sandbox's IPv4 origin (src/emulator/origin.ts): the demo and seed fixtures point the walk-through's
   * endpoint at it (a port override when it is not on the listener's port 80) instead of the documentation
   * address 203.0.113.10, so the finished walk-through really answers. Needs allowLoopbackEndpoints.
   */
  demoOrigin?: { address: string; port: number };
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

export interface StartOptions extends Partial<EmulatorOptions> {
  /** 0 = any free port. The server binds 127.0.0.1 only. */
  port?: number;
  /** Access key pairs accepted (default one generated pair). */
  credentials?: { accessKeyId: string; accessKeySecret: string; securityToken?: string }[];
  /** Named fixture to load at start (see fixtures). Default: 'empty'. */
  seed?: string;
  /** Persist state here with atomic writes; loaded at start when it exists. */
  stateFile?: string;
  /** Where log lines go (default: nowhere): problems always, requests and transitions unless `quiet`. */
  log?: (line: string) => void;
  /** Only problems (InternalError stack traces, state file errors) reach `log`, not one line per request. */
  quiet?: boolean;
  /**
   * How long a client may take to send its request headers, and its whole request, before the connection is
   * answered 408 and closed (defaults 10 s and 30 s): a slow or stalled client cannot hold a connection open.
   */
  httpTimeouts?: { headersMs?: number; requestMs?: number };
  /**
   * What the account may buy (--account-features, --account-service): the fields given are applied to every
   * fresh state (start, reset, after a fixture, which may set an account of its own) and over a loaded state
   * file. Default: an ordinary account, no whitelist features, pay-as-you-go activated.
   */
  account?: Partial<GaAccount>;
}

export interface RunningEmulator {
  /** `127.0.0.1:<port>`, as a profile's endpoint (protocol http). */
  endpoint: string;
  port: number;
  credentials: { accessKeyId: string; accessKeySecret: string; securityToken?: string }[];
  /** The live state (after due transitions are applied). */
  getState(): EmulatorState;
  /** Called after any change of state (requests, transitions, admin). */
  onChange(listener: (state: EmulatorState) => void): () => void;
  /**
   * Changes the state from this process, as an action would: on a copy that replaces the state when `change`
   * returns, then onChange. The data plane records its health-check verdicts this way.
   */
  update(change: (state: EmulatorState) => void): void;
  /** The time scale transitions run at; the data plane scales health-check intervals with it. */
  readonly timeScale: number;
  stop(): Promise<void>;
}
