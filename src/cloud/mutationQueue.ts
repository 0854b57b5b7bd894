// Never two mutations in flight on one accelerator: GA refuses the second with StateError.Accelerator
// (ga-api.md §4.3). Mutations of different accelerators run in parallel. A mutation keeps its slot until its
// wait has finished, so the next one starts on a settled accelerator.
import { cancelledError, type ErrorContext } from './errors';

interface Waiting {
  start: () => void;
}

export interface QueueRunOptions {
  signal?: AbortSignal;
  /** For the cancellation error of a mutation that never started. */
  ctx?: Pick<ErrorContext, 'action' | 'product' | 'profileName'>;
}

export class MutationQueue {
  private readonly lanes = new Map<string, { busy: boolean; waiting: Waiting[] }>();

  /** Runs `task` once every earlier task queued under `key` has settled. FIFO per key. */
  run<T>(key: string, task: () => Promise<T>, options: QueueRunOptions = {}): Promise<T> {
    const { signal } = options;
    const ctx = options.ctx ?? { action: 'The operation', product: 'ga' as const };
    return new Promise<T>((resolve, reject) => {
      if (signal?.aborted) return reject(cancelledError(ctx));
      const lane = this.lanes.get(key) ?? { busy: false, waiting: [] };
      this.lanes.set(key, lane);
      const entry: Waiting = {
        start: () => {
          signal?.removeEventListener('abort', onAbort);
          lane.busy = true;
          Promise.resolve()
            .then(task)
            .then(resolve, reject)
            .finally(() => this.next(key));
        },
      };
      const onAbort = () => {
        const i = lane.waiting.indexOf(entry);
        if (i < 0) return;
        lane.waiting.splice(i, 1);
        this.dropIfIdle(key);
        reject(cancelledError(ctx));
      };
      if (lane.busy) {
        lane.waiting.push(entry);
        signal?.addEventListener('abort', onAbort, { once: true });
      } else {
        entry.start();
      }
    });
  }

  /** Tasks running or waiting under `key`. */
  size(key: string): number {
    const lane = this.lanes.get(key);
    return lane ? lane.waiting.length + (lane.busy ? 1 : 0) : 0;
  }

  private next(key: string): void {
    const lane = this.lanes.get(key);
    if (!lane) return;
    lane.busy = false;
    const following = lane.waiting.shift();
    if (following) following.start();
    else this.dropIfIdle(key);
  }

  private dropIfIdle(key: string): void {
    const lane = this.lanes.get(key);
    if (lane && !lane.busy && lane.waiting.length === 0) this.lanes.delete(key);
  }
}

const shared = new Map<string, MutationQueue>();

/** One queue per account (profile + endpoint), shared by every service built for it. */
export function sharedMutationQueue(accountKey: string): MutationQueue {
  let q = shared.get(accountKey);
  if (!q) shared.set(accountKey, (q = new MutationQueue()));
  return q;
}
