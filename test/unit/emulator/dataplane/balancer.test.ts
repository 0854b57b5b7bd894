import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Balancer } from '../../../../src/emulator/dataplane/balancer';
import type { Route } from '../../../../src/emulator/dataplane/routes';

const route = (weights: number[], affinity: Route['clientAffinity'] = 'NONE', groups = 1): Route => ({
  acceleratorId: 'ga-1',
  listenerId: 'lsr-1',
  clientAffinity: affinity,
  idleTimeoutSeconds: 900,
  groups: Array.from({ length: groups }, (_, g) => ({
    endpointGroupId: `epg-${g}`,
    trafficPercentage: g === 0 ? 75 : 25,
    endpoints: weights.map((weight, i) => ({ endpointId: `ep-${g}-${i}`, address: `10.0.${g}.${i}`, port: 80, weight })),
  })),
});

function counts(b: Balancer, n: number, client = (i: number) => `2001:db8::${i}`): Record<string, number> {
  const out: Record<string, number> = {};
  for (let i = 0; i < n; i++) {
    const p = b.pick(client(i));
    const key = p ? p.endpoint.address : 'none';
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

test('without affinity traffic follows the weights exactly; weight 0 gets nothing', () => {
  assert.deepEqual(counts(new Balancer(route([3, 1, 0])), 8), { '10.0.0.0': 6, '10.0.0.1': 2 });
  assert.deepEqual(counts(new Balancer(route([0, 0])), 3), { none: 3 });
});

test('endpoint groups share traffic by their traffic percentage', () => {
  assert.deepEqual(counts(new Balancer(route([1], 'NONE', 2)), 8), { '10.0.0.0': 6, '10.0.1.0': 2 });
});

test('SOURCE_IP keeps each client on one endpoint and still spreads clients by weight', () => {
  const b = new Balancer(route([1, 1, 0], 'SOURCE_IP'));
  for (let i = 0; i < 50; i++) {
    const first = b.pick(`2001:db8::${i}`)?.endpoint.address;
    for (let k = 0; k < 5; k++) assert.equal(b.pick(`2001:db8::${i}`)?.endpoint.address, first);
  }
  const spread = counts(b, 400);
  assert.equal(spread['10.0.0.2'], undefined, 'weight 0 gets no client');
  assert.ok(spread['10.0.0.0'] > 120 && spread['10.0.0.1'] > 120, JSON.stringify(spread));
});

test('removing an endpoint moves only its own clients', () => {
  const before = new Balancer(route([1, 1, 1], 'SOURCE_IP'));
  const after = new Balancer({ ...route([1, 1, 1], 'SOURCE_IP') });
  after.update({ ...route([1, 1, 1], 'SOURCE_IP'), groups: [{ ...route([1, 1, 1]).groups[0], endpoints: route([1, 1, 1]).groups[0].endpoints.slice(0, 2) }] });
  for (let i = 0; i < 100; i++) {
    const was = before.pick(`c${i}`)?.endpoint.address;
    if (was !== '10.0.0.2') assert.equal(after.pick(`c${i}`)?.endpoint.address, was);
  }
});
