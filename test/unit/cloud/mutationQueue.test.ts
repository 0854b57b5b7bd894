import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MutationQueue } from '../../../src/cloud/mutationQueue';
import { CloudError } from '../../../src/cloud/errors';

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { open, opened };
}

test('one mutation at a time per key, in submission order', async () => {
  const q = new MutationQueue();
  const events: string[] = [];
  const gates = [gate(), gate(), gate()];
  const runs = gates.map((g, i) =>
    q.run('ga-1', async () => {
      events.push(`start ${i}`);
      await g.opened;
      events.push(`end ${i}`);
      return i;
    }),
  );
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(events, ['start 0']);
  assert.equal(q.size('ga-1'), 3);
  gates[1].open();
  gates[2].open();
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(events, ['start 0'], 'later tasks wait even when ready');
  gates[0].open();
  assert.deepEqual(await Promise.all(runs), [0, 1, 2]);
  assert.deepEqual(events, ['start 0', 'end 0', 'start 1', 'end 1', 'start 2', 'end 2']);
  assert.equal(q.size('ga-1'), 0);
});

test('different keys run in parallel', async () => {
  const q = new MutationQueue();
  const a = gate();
  const started: string[] = [];
  const first = q.run('ga-1', async () => { started.push('ga-1'); await a.opened; });
  const second = q.run('ga-2', async () => { started.push('ga-2'); });
  await second;
  assert.deepEqual(started, ['ga-1', 'ga-2']);
  a.open();
  await first;
});

test('a failing task does not block the next one', async () => {
  const q = new MutationQueue();
  await assert.rejects(q.run('k', async () => { throw new Error('boom'); }), /boom/);
  await assert.rejects(q.run('k', () => { throw new Error('sync boom'); }), /sync boom/);
  assert.equal(await q.run('k', async () => 'next'), 'next');
});

test('cancelling a queued task removes it without running it; the queue goes on', async () => {
  const q = new MutationQueue();
  const g = gate();
  const ac = new AbortController();
  let ranCancelled = false;
  const first = q.run('k', async () => { await g.opened; return 'first'; });
  const cancelled = q.run('k', async () => { ranCancelled = true; }, { signal: ac.signal, ctx: { action: 'CreateListener', product: 'ga' } });
  const third = q.run('k', async () => 'third');
  ac.abort();
  await assert.rejects(cancelled, (e: unknown) => e instanceof CloudError && e.category === 'cancelled' && /CreateListener was cancelled/.test(e.message));
  assert.equal(q.size('k'), 2);
  g.open();
  assert.equal(await first, 'first');
  assert.equal(await third, 'third');
  assert.equal(ranCancelled, false);
});
