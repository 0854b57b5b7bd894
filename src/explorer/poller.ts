// Re-polls what is still changing (a resource in a transient state, a throttled load) with growing pauses until
// it settles. One timer per key; watching a key that is already watched keeps the running schedule.

export interface BackoffSchedule {
  firstMs: number;
  /** Each pause is the previous one times this. */
  factor: number;
  capMs: number;
}

/** 2 s, 4 s, 8 s, then every 15 s. */
export const CLOUD_BACKOFF: BackoffSchedule = { firstMs: 2_000, factor: 2, capMs: 15_000 };
/** The local sandbox settles in (scaled) seconds or less. */
export const SANDBOX_BACKOFF: BackoffSchedule = { firstMs: 250, factor: 2, capMs: 2_000 };

export function backoffPause(schedule: BackoffSchedule, attempt: number): number {
  return Math.min(schedule.capMs, schedule.firstMs * schedule.factor ** attempt);
}

/** 'settled' stops the polling; 'pending' polls again after the next pause. */
export type PollOutcome = 'settled' | 'pending';

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const REAL_TIMERS: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

interface Watch {
  attempt: number;
  timer?: unknown;
  poll: () => Promise<PollOutcome>;
  schedule: BackoffSchedule;
}

export class Poller {
  private readonly watches = new Map<string, Watch>();
  private disposed = false;

  constructor(
    private readonly onError: (key: string, error: unknown) => void = () => undefined,
    private readonly timers: Timers = REAL_TIMERS,
  ) {}

  /**
   * Polls `poll` after each pause of `schedule` until it answers 'settled'. A poll that throws counts as
   * 'pending' (reported to onError): a hiccup must not freeze a node in a spinning state.
   */
  watch(key: string, schedule: BackoffSchedule, poll: () => Promise<PollOutcome>): void {
    if (this.disposed) return;
    const existing = this.watches.get(key);
    if (existing) {
      existing.poll = poll;
      return;
    }
    const w: Watch = { attempt: 0, poll, schedule };
    this.watches.set(key, w);
    this.arm(key, w);
  }

  isWatching(key: string): boolean {
    return this.watches.has(key);
  }

  get size(): number {
    return this.watches.size;
  }

  stop(key: string): void {
    const w = this.watches.get(key);
    if (!w) return;
    if (w.timer !== undefined) this.timers.clearTimeout(w.timer);
    this.watches.delete(key);
  }

  /** Stops every key starting with `prefix` (a profile that is disconnected or refreshed). */
  stopUnder(prefix: string): void {
    for (const key of [...this.watches.keys()]) if (key === prefix || key.startsWith(`${prefix}/`)) this.stop(key);
  }

  stopAll(): void {
    for (const key of [...this.watches.keys()]) this.stop(key);
  }

  dispose(): void {
    this.disposed = true;
    this.stopAll();
  }

  private arm(key: string, w: Watch): void {
    w.timer = this.timers.setTimeout(() => void this.fire(key, w), backoffPause(w.schedule, w.attempt));
  }

  private async fire(key: string, w: Watch): Promise<void> {
    w.timer = undefined;
    let outcome: PollOutcome;
    try {
      outcome = await w.poll();
    } catch (e) {
      this.onError(key, e);
      outcome = 'pending';
    }
    // Stopped (or replaced) while the poll was in flight: its answer no longer matters.
    if (this.watches.get(key) !== w) return;
    if (outcome === 'settled') {
      this.watches.delete(key);
      return;
    }
    w.attempt++;
    this.arm(key, w);
  }
}
