// Emulator time. Resources live on the wall clock (CreateTime and friends are real epoch ms); only the length of
// transitions is scaled, so a test at timeScale 0.01 sees a 30 s creation finish in 300 ms. Due transitions are
// applied lazily (before every request and state read) and by a light timer aimed at the next one, so onChange
// listeners see them even when nobody calls the API.
import type { Clock } from './api';

export class ScaledClock implements Clock {
  constructor(
    readonly timeScale: number,
    private readonly wallClock: () => number = Date.now,
  ) {
    if (!Number.isFinite(timeScale) || timeScale <= 0) throw new Error(`The time scale must be a number above 0 (1 = as fast as the real service); got ${timeScale}.`);
  }

  now(): number {
    return this.wallClock();
  }

  after(realisticMs: number): number {
    return this.wallClock() + realisticMs * this.timeScale;
  }
}

/** Longest wait between two checks when nothing is scheduled, so transitions a module keeps elsewhere still run. */
const IDLE_CHECK_MS = 1000;
/** Wait when a transition is already due but the modules did not apply it (guards against a busy loop). */
const STUCK_RETRY_MS = 250;

/** Finds the earliest `transition.at` anywhere in a state tree (resources carry their pending transition). */
export function earliestTransition(value: unknown): number | undefined {
  let earliest: number | undefined;
  const visit = (v: unknown, depth: number): void => {
    if (v === null || typeof v !== 'object' || depth > 6) return;
    if (Array.isArray(v)) {
      for (const item of v) visit(item, depth + 1);
      return;
    }
    const record = v as Record<string, unknown>;
    const transition = record.transition as { at?: unknown } | undefined;
    if (transition && typeof transition.at === 'number' && (earliest === undefined || transition.at < earliest)) earliest = transition.at;
    for (const child of Object.values(record)) visit(child, depth + 1);
  };
  visit(value, 0);
  return earliest;
}

/** Calls `advance` when the next transition is due (or every IDLE_CHECK_MS); never keeps the process alive. */
export class TransitionTimer {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly clock: Clock,
    private readonly advance: () => void,
    private readonly nextDue: () => number | undefined,
  ) {}

  /** Re-aims the timer; call after anything that may have scheduled a transition. */
  reschedule(): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    const due = this.nextDue();
    const now = this.clock.now();
    const wait = due === undefined ? IDLE_CHECK_MS : Math.min(IDLE_CHECK_MS, Math.max(0, due - now));
    this.timer = setTimeout(() => this.fire(due !== undefined && due <= now), wait);
    this.timer.unref();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private fire(wasAlreadyDue: boolean): void {
    this.timer = undefined;
    this.advance();
    if (this.stopped) return;
    const due = this.nextDue();
    if (wasAlreadyDue && due !== undefined && due <= this.clock.now()) {
      this.timer = setTimeout(() => this.fire(true), STUCK_RETRY_MS);
      this.timer.unref();
      return;
    }
    this.reschedule();
  }
}
