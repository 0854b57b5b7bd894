import { test } from 'node:test';
import assert from 'node:assert/strict';
import { endpointStats, summarize } from '../../../src/probe/stats';

test('median, nearest-rank p95, min and max', () => {
  assert.equal(summarize([]), undefined);
  assert.deepEqual(summarize([5]), { count: 1, min: 5, median: 5, p95: 5, max: 5 });
  assert.deepEqual(summarize([4, 1, 3, 2]), { count: 4, min: 1, median: 2.5, p95: 4, max: 4 });
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i);
  assert.deepEqual(summarize(hundred), { count: 100, min: 1, median: 50.5, p95: 95, max: 100 });
});

test('loss counts attempts without an answer; cancelled attempts were never sent', () => {
  const stats = endpointStats([
    { seq: 1, ok: true, connectMs: 2, ttfbMs: 5, totalMs: 8 },
    { seq: 2, ok: false, connectMs: 3, failure: { phase: 'http', code: 'reset', message: 'x' } },
    { seq: 3, ok: true, connectMs: 4, ttfbMs: 7, totalMs: 9 },
    { seq: 4, ok: false, failure: { phase: 'connect', code: 'cancelled', message: 'x' } },
  ]);
  assert.equal(stats.sent, 3);
  assert.equal(stats.answered, 2);
  assert.equal(stats.loss, 1 / 3);
  assert.deepEqual(stats.connectMs, { count: 3, min: 2, median: 3, p95: 4, max: 4 });
  assert.equal(stats.ttfbMs?.count, 2);
});
