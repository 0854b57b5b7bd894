import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backoffDelay, isRetryable, withRetry, abortableSleep } from '../../../src/cloud/retry';
import { CloudError, toCloudError } from '../../../src/cloud/errors';
import { apiError, networkError } from './fakes';

const ctx = (action: string) => ({ action, product: 'ga' as const, profileName: 'p' });
const err = (code: string, status = 400, action = 'CreateIpSets') => toCloudError(apiError(code, status), ctx(action));

test('full jitter: the sleep before retry n is random(0, min(cap, base·2ⁿ))', () => {
  const o = { baseDelayMs: 100, maxDelayMs: 1000 };
  assert.equal(backoffDelay(0, { ...o, random: () => 0 }), 0);
  assert.equal(backoffDelay(0, { ...o, random: () => 0.999999 }), 99);
  assert.equal(backoffDelay(3, { ...o, random: () => 0.5 }), 400);
  assert.equal(backoffDelay(10, { ...o, random: () => 0.5 }), 500, 'capped at maxDelayMs');
  for (let n = 0; n < 20; n++) {
    const d = backoffDelay(n, { ...o, random: Math.random });
    assert.ok(d >= 0 && d < Math.min(1000, 100 * 2 ** n), `retry ${n}: ${d}`);
  }
});

test('retried: throttling, 5xx, connection resets, timeouts and the action\'s busy codes', () => {
  assert.ok(isRetryable('DescribeAccelerator', err('Throttling.User')));
  assert.ok(isRetryable('DescribeAccelerator', err('ServiceUnavailable', 503)));
  assert.ok(isRetryable('DescribeAccelerator', err('InternalError', 500)));
  assert.ok(isRetryable('DescribeAccelerator', toCloudError(networkError('ECONNRESET'), ctx('DescribeAccelerator'))));
  assert.ok(isRetryable('DescribeAccelerator', toCloudError(new Error('socket hang up'), ctx('DescribeAccelerator'))));
  assert.ok(isRetryable('DescribeAccelerator', toCloudError(Object.assign(new Error('ReadTimeout: 20000. POST / failed.'), { name: 'RequestTimeoutError' }), ctx('DescribeAccelerator'))));
  assert.ok(isRetryable('CreateIpSets', err('StateError.Accelerator')));
  assert.ok(isRetryable('CreateIpSets', err('NotExist.BasicBandwidthPackage')));
  assert.ok(isRetryable('CreateEndpointGroup', err('GA_NOT_STEADY')));
  assert.ok(isRetryable('AddDomainRecord', err('LastOperationNotFinished', 400, 'AddDomainRecord')));
});

test('never retried: auth, permission, invalid parameters, busy codes of other actions, refused connections', () => {
  assert.equal(isRetryable('CreateIpSets', err('SignatureDoesNotMatch')), false);
  assert.equal(isRetryable('CreateIpSets', err('InvalidAccessKeyId.NotFound', 404)), false);
  assert.equal(isRetryable('CreateIpSets', err('Forbidden.RAM', 403)), false);
  assert.equal(isRetryable('CreateIpSets', err('InvalidParameter')), false);
  assert.equal(isRetryable('CreateIpSets', err('MissingParameter')), false);
  assert.equal(isRetryable('CreateAccelerator', err('StateError.Accelerator')), false, 'Terraform does not retry CreateAccelerator');
  assert.equal(isRetryable('DescribeIpSet', err('NotExist.IpSet')), false);
  assert.equal(isRetryable('DescribeIpSet', toCloudError(networkError('ECONNREFUSED'), ctx('DescribeIpSet'))), false);
});

function recorder() {
  const sleeps: number[] = [];
  return { sleeps, sleep: async (ms: number) => void sleeps.push(ms) };
}

test('withRetry retries until success and reports each retry', async () => {
  const r = recorder();
  const seen: [string, number, number][] = [];
  let n = 0;
  const out = await withRetry(
    async () => {
      n++;
      if (n < 3) throw apiError('Throttling.User');
      return 'done';
    },
    { ctx: ctx('ListAccelerators'), onRetry: (e, retry, delay) => seen.push([e.code, retry, delay]) },
    { sleep: r.sleep, random: () => 0.5, baseDelayMs: 100, maxDelayMs: 1000 },
  );
  assert.equal(out, 'done');
  assert.equal(n, 3);
  assert.deepEqual(r.sleeps, [50, 100]);
  assert.deepEqual(seen, [['Throttling.User', 1, 50], ['Throttling.User', 2, 100]]);
});

test('withRetry gives up after maxAttempts with the last error as a CloudError', async () => {
  const r = recorder();
  let n = 0;
  await assert.rejects(
    withRetry(async () => { n++; throw apiError('ServiceUnavailable', 503); }, { ctx: ctx('ListIpSets') }, { sleep: r.sleep, maxAttempts: 4 }),
    (e: unknown) => e instanceof CloudError && e.code === 'ServiceUnavailable' && e.category === 'server',
  );
  assert.equal(n, 4);
  assert.equal(r.sleeps.length, 3);
});

test('withRetry stops when the next sleep would pass maxElapsedMs', async () => {
  let clock = 0;
  let n = 0;
  await assert.rejects(
    withRetry(
      async () => { n++; clock += 400; throw apiError('Throttling'); },
      { ctx: ctx('ListIpSets') },
      { sleep: async (ms) => void (clock += ms), now: () => clock, random: () => 0.99, baseDelayMs: 1000, maxDelayMs: 1000, maxElapsedMs: 3000, maxAttempts: 100 },
    ),
    (e: unknown) => e instanceof CloudError && e.code === 'Throttling',
  );
  // Attempts end at 400, 1790 and 3180 ms (each followed by a 990 ms sleep); after the 3rd the sleep would
  // end past 3000 ms, so there is no 4th.
  assert.equal(n, 3);
});

test('withRetry does not retry an auth error', async () => {
  let n = 0;
  await assert.rejects(withRetry(async () => { n++; throw apiError('SignatureDoesNotMatch'); }, { ctx: ctx('ListIpSets') }, { sleep: async () => undefined }), { category: 'auth' });
  assert.equal(n, 1);
});

test('aborting during the backoff sleep rejects at once with a cancelled CloudError', async () => {
  const ac = new AbortController();
  let n = 0;
  const p = withRetry(
    async () => {
      n++;
      if (n === 1) setImmediate(() => ac.abort());
      throw apiError('Throttling');
    },
    { ctx: ctx('CreateIpSets'), signal: ac.signal, mutation: true },
    { baseDelayMs: 3_600_000, maxDelayMs: 3_600_000, maxElapsedMs: 7_200_000, random: () => 0.99 },
  );
  await assert.rejects(p, (e: unknown) => e instanceof CloudError && e.category === 'cancelled' && /may still happen/.test(e.message));
  assert.equal(n, 1);
});

test('an already aborted signal stops before the first attempt', async () => {
  const ac = new AbortController();
  ac.abort();
  let n = 0;
  await assert.rejects(withRetry(async () => { n++; }, { ctx: ctx('ListIpSets'), signal: ac.signal }), { category: 'cancelled' });
  assert.equal(n, 0);
});

test('abortableSleep clears its timer when aborted', async () => {
  const ac = new AbortController();
  const p = abortableSleep(3_600_000, ac.signal);
  ac.abort();
  await assert.rejects(p, { name: 'AbortError' });
});
