// Waiting for GA's asynchronous operations (ga-api.md §4.2): poll the Describe action until the target state,
// or until "not found" for deletes. Which Describe and which state come from the wire spec (GA_ASYNC_ACTIONS);
// schedule and timeouts follow Terraform (§4.4) unless the caller passes faster ones (tests, the emulator).
import { GA_ASYNC_ACTIONS } from './ga/actionTraits';
import { CloudError, type CloudProduct } from './errors';
import { abortableSleep, type Sleep } from './retry';
import { describeState, isTransient, type ResourceKind } from '../model/states';
import type { WaitProgress } from './types';

export interface PollSchedule {
  /** Before the first poll: an async operation is never done at once. */
  firstDelayMs: number;
  /** Between the following polls, in order; the last interval repeats, capped by maxIntervalMs. */
  intervalsMs: readonly number[];
  maxIntervalMs: number;
}

/** Terraform's 3 s, 6 s, then 10 s between polls, after a short first delay. */
export const DEFAULT_POLL_SCHEDULE: PollSchedule = { firstDelayMs: 2_000, intervalsMs: [3_000, 6_000, 10_000], maxIntervalMs: 10_000 };

/** For tests and the local emulator running with a small timeScale. */
export const FAST_POLL_SCHEDULE: PollSchedule = { firstDelayMs: 5, intervalsMs: [10, 20], maxIntervalMs: 20 };

/** The sleep before poll `n` (0 = the first poll). */
export function pollDelay(schedule: PollSchedule, n: number): number {
  if (n === 0) return schedule.firstDelayMs;
  const list = schedule.intervalsMs;
  const d = list.length === 0 ? schedule.maxIntervalMs : list[Math.min(n - 1, list.length - 1)];
  return Math.min(d, schedule.maxIntervalMs);
}

const MIN = 60_000;
/** Terraform's default create/update/delete timeouts per resource (ga-api.md §4.4), by the mutation waited for. */
export const WAIT_TIMEOUT_MS: Readonly<Record<string, number>> = {
  CreateAccelerator: 1 * MIN,
  UpdateAccelerator: 6 * MIN,
  DeleteAccelerator: 3 * MIN,
  CreateBandwidthPackage: 3 * MIN,
  DeleteBandwidthPackage: 3 * MIN,
  BandwidthPackageAddAccelerator: 5 * MIN,
  BandwidthPackageRemoveAccelerator: 5 * MIN,
  CreateIpSets: 15 * MIN,
  UpdateIpSet: 3 * MIN,
  DeleteIpSet: 10 * MIN,
  DeleteIpSets: 10 * MIN,
  CreateListener: 15 * MIN,
  UpdateListener: 3 * MIN,
  DeleteListener: 10 * MIN,
  CreateEndpointGroup: 15 * MIN,
  UpdateEndpointGroup: 3 * MIN,
  DeleteEndpointGroup: 10 * MIN,
};

/** Terraform gives up a create wait after this many "not found" answers in a row (eventual consistency). */
export const NOT_FOUND_LIMIT = 20;

export interface WaitTarget<R> {
  product: CloudProduct;
  /** The mutation waited for, e.g. CreateIpSets. */
  action: string;
  resourceId: string;
  /** For messages: "acceleration area ips-123". */
  resourceLabel: string;
  /** For messages: "active", "deleted". */
  targetLabel: string;
  /** The resource now, or undefined when it is not found. */
  describe: (signal?: AbortSignal) => Promise<R | undefined>;
  stateOf: (r: R) => string | undefined;
  isDone: (r: R | undefined) => boolean;
  /** Deletes are done when the resource is gone; anything else tolerates a few "not found" answers. */
  expectGone: boolean;
}

export interface WaitOptions {
  timeoutMs?: number;
  schedule?: Partial<PollSchedule>;
  signal?: AbortSignal;
  onProgress?: (p: WaitProgress) => void;
  sleep?: Sleep;
  now?: () => number;
}

/** Polls until `target.isDone`; resolves with the last description (undefined once gone). */
export async function waitUntil<R>(target: WaitTarget<R>, options: WaitOptions = {}): Promise<R | undefined> {
  const schedule = { ...DEFAULT_POLL_SCHEDULE, ...options.schedule };
  const sleep = options.sleep ?? abortableSleep;
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? WAIT_TIMEOUT_MS[target.action] ?? 10 * MIN;
  const started = now();
  let lastState: string | undefined;
  let notFoundInARow = 0;
  let lastPollError: CloudError | undefined;
  for (let n = 0; ; n++) {
    const elapsed = now() - started;
    const delay = Math.min(pollDelay(schedule, n), Math.max(0, timeoutMs - elapsed));
    try {
      await sleep(delay, options.signal);
    } catch {
      throw stoppedWaiting(target, lastState);
    }
    if (options.signal?.aborted) throw stoppedWaiting(target, lastState);
    let r: R | undefined;
    try {
      r = await target.describe(options.signal);
    } catch (e) {
      // The poll already retried; a network that is still down only costs this poll. The wait goes on to its
      // deadline, because the operation runs on regardless of whether we can see it.
      if (!(e instanceof CloudError) || !e.transient || e.category === 'cancelled' || options.signal?.aborted) throw e;
      lastPollError = e;
      if (now() - started >= timeoutMs) throw timedOut(target, lastState, now() - started, lastPollError);
      continue;
    }
    lastPollError = undefined;
    lastState = r === undefined ? 'gone' : target.stateOf(r);
    options.onProgress?.({ action: target.action, resource: target.resourceId, state: lastState, elapsedMs: now() - started });
    if (target.isDone(r)) return r;
    notFoundInARow = r === undefined ? notFoundInARow + 1 : 0;
    if (!target.expectGone && notFoundInARow >= NOT_FOUND_LIMIT) throw vanished(target);
    if (now() - started >= timeoutMs) throw timedOut(target, lastState, now() - started);
  }
}

function fmtDuration(ms: number): string {
  if (ms >= MIN) return `${Math.round((ms / MIN) * 10) / 10} min`;
  if (ms >= 1000) return `${Math.round(ms / 100) / 10} s`;
  return `${Math.round(ms)} ms`;
}

function timedOut<R>(t: WaitTarget<R>, lastState: string | undefined, elapsed: number, pollError?: CloudError): CloudError {
  const unseen = pollError ? ` The last polls failed: ${pollError.message}` : '';
  return new CloudError({
    code: 'WaitTimeout',
    category: 'timeout',
    action: t.action,
    product: t.product,
    transient: false,
    message:
      `Timed out after ${fmtDuration(elapsed)} waiting for ${t.resourceLabel} to become ${t.targetLabel} after ${t.action} ` +
      `(last state: ${lastState === 'gone' ? 'not found' : describeState(lastState)}). The operation may still finish: ` +
      'refresh in a few minutes or check the Global Accelerator console before trying again.' +
      unseen,
  });
}

function stoppedWaiting<R>(t: WaitTarget<R>, lastState: string | undefined): CloudError {
  return new CloudError({
    code: 'Cancelled',
    category: 'cancelled',
    action: t.action,
    product: t.product,
    message: `Stopped waiting for ${t.resourceLabel} to become ${t.targetLabel} (last state: ${describeState(lastState)}). ${t.action} itself continues on Alibaba Cloud: refresh later to see where it ended.`,
  });
}

function vanished<R>(t: WaitTarget<R>): CloudError {
  return new CloudError({
    code: 'WaitNotFound',
    category: 'notFound',
    action: t.action,
    product: t.product,
    message: `${t.resourceLabel} was not found ${NOT_FOUND_LIMIT} times in a row while waiting for it to become ${t.targetLabel} after ${t.action}; it may have been deleted. Refresh to check.`,
  });
}

// ---- GA ------------------------------------------------------------------------------------------------------

/** What each Describe action polls, for state rules and messages. */
export const POLLED_RESOURCE: Readonly<Record<string, { kind: ResourceKind; label: string; idField: string }>> = {
  DescribeAccelerator: { kind: 'accelerator', label: 'GA instance', idField: 'acceleratorId' },
  DescribeBandwidthPackage: { kind: 'bandwidthPackage', label: 'bandwidth plan', idField: 'bandwidthPackageId' },
  DescribeIpSet: { kind: 'ipSet', label: 'acceleration area', idField: 'ipSetId' },
  DescribeListener: { kind: 'listener', label: 'listener', idField: 'listenerId' },
  DescribeEndpointGroup: { kind: 'endpointGroup', label: 'endpoint group', idField: 'endpointGroupId' },
};

type Described = { state?: string; accelerators?: string[] };

export interface GaWaitRequest {
  /** The async GA mutation just sent. */
  action: string;
  resourceId: string;
  /** Needed by the bandwidth-plan attach/detach waits, which check the plan's Accelerators list. */
  acceleratorId?: string;
  /** Describe with the spec's poll action; undefined when not found. */
  describe: (pollAction: string, id: string, signal?: AbortSignal) => Promise<Described | undefined>;
}

/** The wait for one GA async action, built from the wire spec's asyncInfo. */
export function gaWaitTarget(req: GaWaitRequest): WaitTarget<Described> {
  const info = GA_ASYNC_ACTIONS[req.action];
  if (!info) throw new Error(`${req.action} is not an asynchronous GA action in the wire spec.`);
  const polled = POLLED_RESOURCE[info.poll];
  const gone = info.targetState === 'gone';
  const bound = (r: Described | undefined) => !!req.acceleratorId && (r?.accelerators ?? []).includes(req.acceleratorId);
  const stable = (r: Described | undefined) => r !== undefined && !isTransient(polled.kind, r.state);
  let isDone: (r: Described | undefined) => boolean;
  let targetLabel = gone ? 'deleted' : info.targetState;
  if (req.action === 'BandwidthPackageAddAccelerator') {
    // The SDK says 'active', Terraform waits for 'binded': accept either, once the accelerator is listed.
    isDone = (r) => stable(r) && bound(r);
    targetLabel = `bound to ${req.acceleratorId}`;
  } else if (req.action === 'BandwidthPackageRemoveAccelerator') {
    isDone = (r) => r === undefined || (stable(r) && !bound(r));
    targetLabel = `unbound from ${req.acceleratorId}`;
  } else if (gone) {
    // An ip set answering without a State is on its way out (Terraform treats it as gone).
    isDone = (r) => r === undefined || (info.poll === 'DescribeIpSet' && r.state === undefined);
  } else {
    isDone = (r) => r?.state === info.targetState;
  }
  return {
    product: 'ga',
    action: req.action,
    resourceId: req.resourceId,
    resourceLabel: `${polled.label} ${req.resourceId}`,
    targetLabel,
    describe: (signal) => req.describe(info.poll, req.resourceId, signal),
    stateOf: (r) => r.state,
    isDone,
    expectGone: gone || req.action === 'BandwidthPackageRemoveAccelerator',
  };
}

/** Codes a Describe answers for a resource that no longer exists (Terraform's not-found mapping, §5.4). */
export const GONE_CODES: Readonly<Record<string, readonly string[]>> = {
  DescribeAccelerator: ['NotExist.Accelerator', 'UnknownError'],
  DescribeBandwidthPackage: ['NotExist.BandwidthPackage'],
  DescribeIpSet: ['NotExist.IpSet', 'NotExist.IpSets', 'UnknownError'],
  DescribeListener: ['NotExist.Listener', 'UnknownError'],
  DescribeEndpointGroup: ['NotExist.EndPointGroup'],
};
