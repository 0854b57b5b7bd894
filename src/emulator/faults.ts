// Fault injection per action (admin API `POST /__emulator/faults`), so clients' retry, backoff and idempotency
// paths can be exercised: throttling, server errors, dropped connections and latency.

export interface FaultSpec {
  /** Action name, or "*" for every action without its own fault. */
  action: string;
  /** Probability 0..1 of answering `Throttling.User` (HTTP 400). */
  throttle?: number;
  /** Probability 0..1 of answering `ServiceUnavailable` (HTTP 503). */
  serverError?: number;
  /** Probability 0..1 of answering `Forbidden.RAM` (HTTP 403, with AccessDeniedDetail): a RAM policy denies the action. */
  forbidden?: number;
  /** Probability 0..1 of destroying the connection without an answer. */
  reset?: number;
  /**
   * When a reset happens: 'before' the action runs (the default: nothing changed), or 'after' it ran (the
   * change is made but the client never hears of it: what ClientToken idempotency is for).
   */
  resetPhase?: 'before' | 'after';
  /** Delay before answering, in ms. */
  latencyMs?: number;
  /** Apply to the next N matching requests only, then remove itself (deterministic tests). */
  times?: number;
}

export type FaultOutcome = 'throttle' | 'serverError' | 'forbidden' | 'resetBefore' | 'resetAfter';

export interface FaultDecision {
  latencyMs: number;
  outcome?: FaultOutcome;
}

const MAX_LATENCY_MS = 120_000;
const KEYS = new Set(['action', 'throttle', 'serverError', 'forbidden', 'reset', 'resetPhase', 'latencyMs', 'times']);

/** Checks an admin request body; throws an Error whose message says what to fix. */
export function parseFaultSpec(input: unknown): FaultSpec {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new Error('A fault is a JSON object such as {"action": "CreateIpSets", "throttle": 0.5}.');
  }
  const o = input as Record<string, unknown>;
  const unknown = Object.keys(o).find((k) => !KEYS.has(k));
  if (unknown) throw new Error(`Unknown fault field "${unknown}"; fields are ${[...KEYS].join(', ')}.`);
  if (typeof o.action !== 'string' || o.action === '') throw new Error('"action" must be an action name such as "CreateIpSets", or "*" for all actions.');
  for (const p of ['throttle', 'serverError', 'forbidden', 'reset'] as const) {
    const v = o[p];
    if (v !== undefined && (typeof v !== 'number' || !(v >= 0 && v <= 1))) throw new Error(`"${p}" is a probability from 0 to 1; got ${JSON.stringify(v)}.`);
  }
  if (o.resetPhase !== undefined && o.resetPhase !== 'before' && o.resetPhase !== 'after') throw new Error('"resetPhase" is "before" or "after".');
  if (o.latencyMs !== undefined && (typeof o.latencyMs !== 'number' || !(o.latencyMs >= 0 && o.latencyMs <= MAX_LATENCY_MS))) {
    throw new Error(`"latencyMs" is a delay from 0 to ${MAX_LATENCY_MS} ms; got ${JSON.stringify(o.latencyMs)}.`);
  }
  if (o.times !== undefined && (typeof o.times !== 'number' || !Number.isInteger(o.times) || o.times < 1)) {
    throw new Error(`"times" is a whole number of requests, at least 1; got ${JSON.stringify(o.times)}.`);
  }
  return o as unknown as FaultSpec;
}

export class FaultInjector {
  private readonly faults = new Map<string, FaultSpec>();

  constructor(private readonly random: () => number = Math.random) {}

  /** Sets the fault of an action, replacing an earlier one for the same action. */
  set(fault: FaultSpec): void {
    this.faults.set(fault.action, { ...fault });
  }

  clear(): void {
    this.faults.clear();
  }

  list(): FaultSpec[] {
    return [...this.faults.values()].map((f) => ({ ...f }));
  }

  /** What to do to one request of `action`; counts it against the fault's `times`. */
  decide(action: string): FaultDecision {
    const fault = this.faults.get(action) ?? this.faults.get('*');
    if (!fault) return { latencyMs: 0 };
    if (fault.times !== undefined) {
      fault.times -= 1;
      if (fault.times <= 0) this.faults.delete(fault.action);
    }
    const hit = (p: number | undefined): boolean => p !== undefined && p > 0 && this.random() < p;
    let outcome: FaultOutcome | undefined;
    if (hit(fault.reset)) outcome = fault.resetPhase === 'after' ? 'resetAfter' : 'resetBefore';
    else if (hit(fault.forbidden)) outcome = 'forbidden';
    else if (hit(fault.serverError)) outcome = 'serverError';
    else if (hit(fault.throttle)) outcome = 'throttle';
    return { latencyMs: fault.latencyMs ?? 0, outcome };
  }
}
