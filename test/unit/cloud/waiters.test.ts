import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_POLL_SCHEDULE, NOT_FOUND_LIMIT, WAIT_TIMEOUT_MS, gaWaitTarget, pollDelay, waitUntil } from '../../../src/cloud/waiters';
import { GA_ASYNC_ACTIONS } from '../../../src/cloud/ga/actionTraits';
import { CloudError } from '../../../src/cloud/errors';
import type { WaitProgress } from '../../../src/cloud/types';

/** A fake clock advanced only by the waiter's sleeps. */
function clock() {
  let t = 0;
  const sleeps: number[] = [];
  return { sleeps, now: () => t, sleep: async (ms: number) => { sleeps.push(ms); t += ms; } };
}

type Body = { state?: string; accelerators?: string[] };
function describer(answers: (Body | undefined)[]) {
  let i = 0;
  const polled: string[] = [];
  return {
    polled,
    describe: async (poll: string, id: string) => {
      polled.push(`${poll} ${id}`);
      return answers[Math.min(i++, answers.length - 1)];
    },
  };
}

test('default schedule: a short first delay, then 3 s, 6 s and 10 s (cap), like Terraform', () => {
  assert.ok(DEFAULT_POLL_SCHEDULE.firstDelayMs > 0 && DEFAULT_POLL_SCHEDULE.firstDelayMs < 3000);
  assert.deepEqual([1, 2, 3, 4, 9].map((n) => pollDelay(DEFAULT_POLL_SCHEDULE, n)), [3000, 6000, 10_000, 10_000, 10_000]);
});

test('every async action of the spec has a waiter and a Terraform timeout', () => {
  for (const action of Object.keys(GA_ASYNC_ACTIONS)) {
    assert.ok(WAIT_TIMEOUT_MS[action] > 0, action);
    assert.doesNotThrow(() => gaWaitTarget({ action, resourceId: 'x', acceleratorId: 'ga-1', describe: async () => undefined }), action);
  }
  assert.equal(WAIT_TIMEOUT_MS.CreateIpSets, 15 * 60_000);
  assert.equal(WAIT_TIMEOUT_MS.CreateAccelerator, 60_000);
});

test('polls the spec\'s Describe until the target state, reporting progress', async () => {
  const c = clock();
  const d = describer([{ state: 'init' }, { state: 'init' }, { state: 'active' }]);
  const progress: WaitProgress[] = [];
  const target = gaWaitTarget({ action: 'CreateIpSets', resourceId: 'ips-1', describe: d.describe });
  const r = await waitUntil(target, { sleep: c.sleep, now: c.now, onProgress: (p) => progress.push(p) });
  assert.deepEqual(r, { state: 'active' });
  assert.deepEqual(d.polled, ['DescribeIpSet ips-1', 'DescribeIpSet ips-1', 'DescribeIpSet ips-1']);
  assert.deepEqual(c.sleeps, [2000, 3000, 6000]);
  assert.deepEqual(progress.map((p) => [p.action, p.resource, p.state, p.elapsedMs]), [
    ['CreateIpSets', 'ips-1', 'init', 2000],
    ['CreateIpSets', 'ips-1', 'init', 5000],
    ['CreateIpSets', 'ips-1', 'active', 11000],
  ]);
});

test('a delete is done when the resource is not found; an ip set without State counts as gone', async () => {
  const c = clock();
  const listener = describer([{ state: 'deleting' }, undefined]);
  assert.equal(await waitUntil(gaWaitTarget({ action: 'DeleteListener', resourceId: 'lsr-1', describe: listener.describe }), { sleep: c.sleep, now: c.now }), undefined);
  assert.equal(listener.polled.length, 2);
  const ipSet = describer([{ state: 'deleting' }, {}]);
  await waitUntil(gaWaitTarget({ action: 'DeleteIpSet', resourceId: 'ips-1', describe: ipSet.describe }), { sleep: c.sleep, now: c.now });
  assert.equal(ipSet.polled.length, 2);
});

test('bandwidth plan attach waits for the accelerator in Accelerators with a stable state (active or binded)', async () => {
  const c = clock();
  const d = describer([{ state: 'binding', accelerators: [] }, { state: 'binding', accelerators: ['ga-1'] }, { state: 'binded', accelerators: ['ga-1'] }]);
  const r = await waitUntil(gaWaitTarget({ action: 'BandwidthPackageAddAccelerator', resourceId: 'gbwp-1', acceleratorId: 'ga-1', describe: d.describe }), { sleep: c.sleep, now: c.now });
  assert.deepEqual(r, { state: 'binded', accelerators: ['ga-1'] });
  assert.equal(d.polled[0], 'DescribeBandwidthPackage gbwp-1');
  const active = describer([{ state: 'active', accelerators: ['ga-1'] }]);
  await waitUntil(gaWaitTarget({ action: 'BandwidthPackageAddAccelerator', resourceId: 'gbwp-1', acceleratorId: 'ga-1', describe: active.describe }), { sleep: c.sleep, now: c.now });
  assert.equal(active.polled.length, 1);
});

test('bandwidth plan detach waits until the accelerator is no longer listed', async () => {
  const c = clock();
  const d = describer([{ state: 'unbinding', accelerators: ['ga-1'] }, { state: 'active', accelerators: ['ga-1'] }, { state: 'active', accelerators: [] }]);
  await waitUntil(gaWaitTarget({ action: 'BandwidthPackageRemoveAccelerator', resourceId: 'gbwp-1', acceleratorId: 'ga-1', describe: d.describe }), { sleep: c.sleep, now: c.now });
  assert.equal(d.polled.length, 3);
});

test('a timeout says what was awaited, its last state, and that it may still finish', async () => {
  const c = clock();
  const d = describer([{ state: 'init' }]);
  await assert.rejects(
    waitUntil(gaWaitTarget({ action: 'CreateListener', resourceId: 'lsr-9', describe: d.describe }), { sleep: c.sleep, now: c.now, timeoutMs: 30_000 }),
    (e: unknown) =>
      e instanceof CloudError &&
      e.category === 'timeout' &&
      e.code === 'WaitTimeout' &&
      /waiting for listener lsr-9 to become active after CreateListener/.test(e.message) &&
      /last state: creating/.test(e.message) &&
      /may still finish/.test(e.message),
  );
  assert.equal(c.now(), 30_000, 'the last sleep is cut to the deadline');
});

test('a create whose resource keeps not being found gives up after the limit', async () => {
  const c = clock();
  const d = describer([undefined]);
  await assert.rejects(
    waitUntil(gaWaitTarget({ action: 'CreateEndpointGroup', resourceId: 'epg-1', describe: d.describe }), { sleep: c.sleep, now: c.now, timeoutMs: 3_600_000 }),
    { category: 'notFound', code: 'WaitNotFound' },
  );
  assert.equal(d.polled.length, NOT_FOUND_LIMIT);
});

test('aborting stops the wait at once with a cancelled error saying the operation continues', async () => {
  const ac = new AbortController();
  const d = describer([{ state: 'init' }]);
  const p = waitUntil(gaWaitTarget({ action: 'CreateAccelerator', resourceId: 'ga-1', describe: d.describe }), {
    signal: ac.signal,
    schedule: { firstDelayMs: 3_600_000 },
  });
  ac.abort();
  await assert.rejects(p, (e: unknown) => e instanceof CloudError && e.category === 'cancelled' && /continues on Alibaba Cloud/.test(e.message));
  assert.equal(d.polled.length, 0);
});

const reset = () => new CloudError({ code: 'ConnectionReset', category: 'network', transient: true, action: 'DescribeListener', product: 'ga', message: 'the endpoint reset the connection' });

test('a poll that failed after its own retries is a missed poll: the wait goes on and ends in the target state', async () => {
  const c = clock();
  const answers: (Body | Error)[] = [{ state: 'init' }, reset(), reset(), { state: 'active' }];
  let i = 0;
  const describe = async () => {
    const a = answers[i++];
    if (a instanceof Error) throw a;
    return a;
  };
  const r = await waitUntil(gaWaitTarget({ action: 'CreateListener', resourceId: 'lsr-1', describe }), { sleep: c.sleep, now: c.now });
  assert.equal(r?.state, 'active');
  assert.equal(i, 4);
});

test('a network down until the deadline times out naming the failed polls; an error that is not transient ends the wait at once', async () => {
  const c = clock();
  await assert.rejects(
    waitUntil(gaWaitTarget({ action: 'CreateListener', resourceId: 'lsr-2', describe: async () => { throw reset(); } }), { sleep: c.sleep, now: c.now, timeoutMs: 30_000 }),
    (e: unknown) => e instanceof CloudError && e.code === 'WaitTimeout' && /The last polls failed: the endpoint reset the connection/.test(e.message),
  );
  let polls = 0;
  const denied = new CloudError({ code: 'Forbidden.RAM', category: 'permission', action: 'DescribeListener', product: 'ga', message: 'not authorized' });
  await assert.rejects(
    waitUntil(gaWaitTarget({ action: 'CreateListener', resourceId: 'lsr-3', describe: async () => { polls++; throw denied; } }), { sleep: c.sleep, now: c.now }),
    { code: 'Forbidden.RAM' },
  );
  assert.equal(polls, 1);
});
