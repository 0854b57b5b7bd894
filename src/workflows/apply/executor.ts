// Runs a list of operations: one lane at a time per accelerator (GA takes one mutation at a time per instance),
// lanes in parallel, DNS records once what they point at exists. Nothing is bought unless the purchases are
// confirmed first. A failure stops its lane (GA would refuse what follows, or it would build on something
// missing) and lets the other lanes finish; a cancel lets the call in flight finish and starts nothing more.
// The report says, operation by operation, what was done and what was not.
import { isCloudError, type WaitProgress } from '../../cloud';
import { createLimiter } from '../../model';
import type { PurchaseSummary } from '../step';
import { DNS_LANE, type Operation } from '../operations';
import { checkRunId, newRunId } from '../runIdentity';
import { runOperation, type ApplyServices, type RunResults } from './runOperation';

export type OperationStatus = 'done' | 'failed' | 'skipped' | 'cancelled';

export interface OperationOutcome {
  operation: Operation;
  status: OperationStatus;
  /** Failed: the error's message. Skipped/cancelled: why it did not run. Done: what was found or made. */
  message?: string;
  /** The API error code of a failure. */
  code?: string;
  /** The error itself (a CloudError with its category, request id, …), for callers that rethrow it. */
  error?: unknown;
  resourceId?: string;
  /** Found already done: nothing was sent. */
  alreadyDone?: boolean;
  /** Cancelled while waiting: the call was sent and GA carries it out; only the wait stopped. */
  sent?: boolean;
  /** The order a purchase placed. */
  orderId?: string;
}

export interface ApplyReport {
  runId: string;
  outcomes: OperationOutcome[];
  /** Every operation done. */
  ok: boolean;
  cancelled: boolean;
  /** Mutating API calls sent (retries of one call count once). */
  mutations: number;
  /** Resources made or found, by Ref: pass them to a later run (retry) so its operations can use them. */
  results: RunResults;
}

export type ProgressEvent =
  | { kind: 'start'; operation: Operation }
  | { kind: 'wait'; operation: Operation; wait: WaitProgress }
  | { kind: 'end'; outcome: OperationOutcome };

export interface ExecuteOptions {
  /** Cancelling stops after the call in flight (its wait stops too) and starts nothing more. */
  signal?: AbortSignal;
  onProgress?: (event: ProgressEvent) => void;
  /**
   * Asked once, before anything is sent, with everything the operations would buy. Nothing runs unless it
   * resolves true. Operations that buy nothing never ask.
   */
  confirmPurchase?: (purchases: PurchaseSummary[]) => Promise<boolean>;
  /**
   * ClientTokens derive from it, and what the run buys is tagged with it (runIdentity.ts): pass the same id to
   * retry a run without buying or creating twice. 1–40 letters, digits or dashes; default a new UUID.
   */
  runId?: string;
  /** Results of an earlier run of the same plan (ApplyReport.results), for the operations that use them. */
  results?: RunResults;
  /** Accelerator lanes run at once. */
  concurrency?: number;
}

export const DEFAULT_LANE_CONCURRENCY = 4;

export class PurchaseNotConfirmedError extends Error {
  constructor(readonly purchases: PurchaseSummary[]) {
    super(`Nothing was bought and nothing was changed: the purchase${purchases.length === 1 ? '' : 's'} (${purchases.map((p) => p.title).join('; ')}) ${purchases.length === 1 ? 'was' : 'were'} not confirmed.`);
    this.name = 'PurchaseNotConfirmedError';
  }
}

export async function executeOperations(operations: readonly Operation[], services: ApplyServices, options: ExecuteOptions = {}): Promise<ApplyReport> {
  const purchases = operations.flatMap((op) => (op.purchase ? [op.purchase] : []));
  if (purchases.length > 0 && !(options.confirmPurchase && (await options.confirmPurchase(purchases)))) throw new PurchaseNotConfirmedError(purchases);

  const runId = checkRunId(options.runId ?? newRunId());
  const results: RunResults = new Map(options.results ?? []);
  const outcomes = new Map<string, OperationOutcome>();
  const finished = new Map<string, Promise<OperationOutcome>>();
  const settle = new Map<string, (o: OperationOutcome) => void>();
  for (const op of operations) finished.set(op.id, new Promise((resolve) => settle.set(op.id, resolve)));
  let mutations = 0;

  const record = (outcome: OperationOutcome) => {
    outcomes.set(outcome.operation.id, outcome);
    settle.get(outcome.operation.id)?.(outcome);
    options.onProgress?.({ kind: 'end', outcome });
  };

  const runLane = async (lane: Operation[]) => {
    let stoppedBy: OperationOutcome | undefined;
    for (const op of lane) {
      if (stoppedBy) {
        record({ operation: op, status: stoppedBy.status === 'cancelled' ? 'cancelled' : 'skipped', message: notDoneBecause(stoppedBy) });
        continue;
      }
      const blocked = await firstUnmet(op, finished);
      if (blocked) {
        record({ operation: op, status: blocked.status === 'cancelled' ? 'cancelled' : 'skipped', message: notDoneBecause(blocked) });
        // Records are independent of each other; an accelerator's steps build on each other.
        if (op.lane !== DNS_LANE) stoppedBy = blocked;
        continue;
      }
      if (options.signal?.aborted) {
        stoppedBy = { operation: op, status: 'cancelled', message: 'Cancelled before it started.' };
        record(stoppedBy);
        continue;
      }
      options.onProgress?.({ kind: 'start', operation: op });
      try {
        const r = await runOperation(op, {
          services,
          results,
          runId,
          signal: options.signal,
          onWait: (wait) => options.onProgress?.({ kind: 'wait', operation: op, wait }),
        });
        mutations += r.mutations;
        record({ operation: op, status: 'done', resourceId: r.resourceId, alreadyDone: r.alreadyDone, ...(r.orderId ? { orderId: r.orderId } : {}), message: r.alreadyDone ? 'Already done: nothing was sent.' : undefined });
      } catch (e) {
        const cancelled = isCloudError(e) && e.category === 'cancelled';
        const outcome: OperationOutcome = cancelled
          ? { operation: op, status: 'cancelled', sent: true, message: `Sent, but the wait for it to finish was stopped: ${messageOf(e)}`, error: e }
          : { operation: op, status: 'failed', message: messageOf(e), code: isCloudError(e) ? e.code : undefined, error: e };
        // A cancelled wait still counts the call: GA is carrying it out.
        if (cancelled) mutations += 1;
        record(outcome);
        // A failed record stops nothing else; a failed accelerator step stops the rest of its lane.
        if (op.lane !== DNS_LANE || cancelled) stoppedBy = outcome;
      }
    }
  };

  const lanes = groupByLane(operations);
  const limit = createLimiter(options.concurrency ?? DEFAULT_LANE_CONCURRENCY);
  // The DNS lane mostly waits for accelerator lanes: it must not hold one of their slots.
  await Promise.all([...lanes].map(([name, lane]) => (name === DNS_LANE ? runLane(lane) : limit(() => runLane(lane)))));

  const ordered = operations.map((op) => outcomes.get(op.id) as OperationOutcome);
  return {
    runId,
    outcomes: ordered,
    ok: ordered.every((o) => o.status === 'done'),
    cancelled: ordered.some((o) => o.status === 'cancelled'),
    mutations,
    results,
  };
}

/** The operations of a report that did not get done, to run again (with the same runId and results). */
export function remainingOperations(report: ApplyReport): Operation[] {
  return report.outcomes.filter((o) => o.status !== 'done').map((o) => o.operation);
}

function groupByLane(operations: readonly Operation[]): Map<string, Operation[]> {
  const lanes = new Map<string, Operation[]>();
  for (const op of operations) {
    const lane = lanes.get(op.lane) ?? [];
    lane.push(op);
    lanes.set(op.lane, lane);
  }
  return lanes;
}

/** The first dependency that did not succeed, once all of them have finished. */
async function firstUnmet(op: Operation, finished: Map<string, Promise<OperationOutcome>>): Promise<OperationOutcome | undefined> {
  const deps = await Promise.all(op.dependsOn.filter((d) => finished.has(d)).map((d) => finished.get(d) as Promise<OperationOutcome>));
  return deps.find((d) => d.status !== 'done');
}

function notDoneBecause(o: OperationOutcome): string {
  if (o.status === 'cancelled') return 'Not started: the run was cancelled.';
  return `Not done: "${o.operation.title}" ${o.status === 'failed' ? 'failed' : 'was not done'} first.`;
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
