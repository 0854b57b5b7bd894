import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { backoffPause, CLOUD_BACKOFF, Poller, type PollOutcome, type Timers } from '../../../src/explorer/poller';

/** Timers that run only when told to, recording each pause asked for. */
class ManualTimers implements Timers {
  readonly pauses: number[] = [];
  private pending: { fn: () => void; handle: number }[] = [];
  private next = 1;

  setTimeout(fn: () => void, ms: number): unknown {
    this.pauses.push(ms);
    const handle = this.next++;
    this.pending.push({ fn, handle });
    return handle;
  }

  clearTimeout(handle: unknown): void {
    this.pending = this.pending.filter((p) => p.handle !== handle);
  }

  get armed(): number {
    return this.pending.length;
  }

  /** Fires every armed timer and lets the polls they start finish. */
  async fireAll(): Promise<void> {
    const due = this.pending;
    this.pending = [];
    for (const p of due) p.fn();
    for (let i = 0; i < 5; i++) await Promise.resolve();
  }
}

describe('poller', () => {
  it('backs off 2 s, 4 s, 8 s, then every 15 s', () => {
    assert.deepEqual([0, 1, 2, 3, 4, 5].map((n) => backoffPause(CLOUD_BACKOFF, n)), [2000, 4000, 8000, 15000, 15000, 15000]);
  });

  it('polls until settled, with growing pauses, then stops', async () => {
    const timers = new ManualTimers();
    const poller = new Poller(undefined, timers);
    const answers: PollOutcome[] = ['pending', 'pending', 'settled'];
    let polls = 0;
    poller.watch('a', CLOUD_BACKOFF, async () => answers[polls++]);
    for (let i = 0; i < 3; i++) await timers.fireAll();
    assert.equal(polls, 3);
    assert.deepEqual(timers.pauses, [2000, 4000, 8000]);
    assert.equal(timers.armed, 0);
    assert.equal(poller.isWatching('a'), false);
  });

  it('keeps one schedule per key and keeps polling after a failed poll', async () => {
    const timers = new ManualTimers();
    const errors: string[] = [];
    const poller = new Poller((key, e) => errors.push(`${key}: ${(e as Error).message}`), timers);
    let polls = 0;
    const poll = async (): Promise<PollOutcome> => {
      polls++;
      if (polls === 1) throw new Error('network hiccup');
      return 'settled';
    };
    poller.watch('a', CLOUD_BACKOFF, poll);
    poller.watch('a', CLOUD_BACKOFF, poll);
    assert.equal(timers.armed, 1);
    await timers.fireAll();
    await timers.fireAll();
    assert.equal(polls, 2);
    assert.deepEqual(errors, ['a: network hiccup']);
    assert.equal(poller.size, 0);
  });

  it('stops a profile\'s keys, and everything on dispose', async () => {
    const timers = new ManualTimers();
    const poller = new Poller(undefined, timers);
    const never = async (): Promise<PollOutcome> => 'pending';
    poller.watch('p1/ga-1', CLOUD_BACKOFF, never);
    poller.watch('p1/ga-2', CLOUD_BACKOFF, never);
    poller.watch('p10/ga-3', CLOUD_BACKOFF, never);
    poller.stopUnder('p1');
    assert.equal(poller.isWatching('p10/ga-3'), true);
    assert.equal(poller.size, 1);
    poller.dispose();
    assert.equal(timers.armed, 0);
    poller.watch('p1/ga-1', CLOUD_BACKOFF, never);
    assert.equal(poller.size, 0, 'a disposed poller starts nothing');
  });
});
