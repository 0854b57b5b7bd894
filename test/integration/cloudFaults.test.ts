// Retries under the emulator's injected faults: throttling, 5xx, dropped connections (before and after the
// change was made) and slow answers. ClientToken keeps a retried create from creating a second resource.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { startCloud, type Harness } from './cloudHarness';

let h: Harness;
before(async () => (h = await startCloud('empty')));
after(() => h.stop());
beforeEach(async () => {
  await h.admin.reset();
  h.lines.length = 0;
});

/** What an ordinary account buys to pay by use: a pay-as-you-go instance billed by data transfer, no plan. */
async function payByDataTransfer(h: Harness) {
  const { ga } = h.services();
  const acc = await ga.createAccelerator({ instanceChargeType: 'POSTPAY', bandwidthBillingType: 'CDT' });
  return acc.id;
}

test('a connection dropped after CreateIpSets ran is retried with the same ClientToken: one area, not two', async () => {
  const acceleratorId = await payByDataTransfer(h);
  const { ga } = h.services();
  await h.admin.setFault({ action: 'CreateIpSets', reset: 1, resetPhase: 'after', times: 2 });
  const created = await ga.createIpSets({ acceleratorId, accelerateRegion: [{ accelerateRegionId: 'cn-beijing', bandwidth: 2, ipVersion: 'IPv6', ispType: 'BGP' }] });
  assert.equal(created.length, 1);
  assert.equal(created[0].resource?.state, 'active');
  assert.equal((await ga.listIpSets(acceleratorId)).length, 1, 'no duplicate acceleration area');
  const sent = (await h.admin.requests()).filter((r) => r.action === 'CreateIpSets');
  assert.equal(sent.length, 3);
  assert.equal(new Set(sent.map((r) => r.params.ClientToken)).size, 1, 'one ClientToken for all attempts');
  assert.equal(h.lines.filter((l) => / CreateIpSets .*→ retry/.test(l)).length, 2);
});

test('the same for listeners and endpoint groups under throttling and 503s', async () => {
  const acceleratorId = await payByDataTransfer(h);
  const { ga } = h.services();
  await h.admin.setFault({ action: 'CreateListener', reset: 1, resetPhase: 'after', times: 1 });
  await h.admin.setFault({ action: 'DescribeListener', throttle: 1, times: 2 });
  const listener = await ga.createListener({ acceleratorId, protocol: 'TCP', portRanges: [{ fromPort: 80, toPort: 80 }] });
  assert.equal((await ga.listListeners(acceleratorId)).length, 1);
  await h.admin.setFault({ action: 'CreateEndpointGroup', serverError: 1, times: 2 });
  const group = await ga.createEndpointGroup({ acceleratorId, listenerId: listener.id, endpointGroupRegion: 'cn-beijing', endpointConfigurations: [{ type: 'Ip', endpoint: '203.0.113.10', weight: 100 }] });
  assert.equal(group.resource?.state, 'active');
  assert.equal((await ga.listEndpointGroups(acceleratorId)).length, 1);
  assert.ok(h.lines.some((l) => /DescribeListener \d+ ms Throttling\.User → retry 1/.test(l)));
  assert.ok(h.lines.some((l) => /CreateEndpointGroup \d+ ms ServiceUnavailable → retry 2/.test(l)));
});

test('an accelerator created while the answer was lost is created once', async () => {
  const { ga } = h.services();
  await h.admin.setFault({ action: 'CreateAccelerator', reset: 1, resetPhase: 'after', times: 1 });
  await ga.createAccelerator({ name: 'once', instanceChargeType: 'POSTPAY', bandwidthBillingType: 'CDT' });
  assert.equal((await ga.listAccelerators()).length, 1);
});

test('a read timeout is retried, and a persistent one ends as a timeout CloudError naming the endpoint', async () => {
  const { ga } = h.services(undefined, { readTimeoutMs: 150, connectTimeoutMs: 100 });
  await h.admin.setFault({ action: 'ListAccelerators', latencyMs: 1000, times: 1 });
  assert.deepEqual(await ga.listAccelerators(), []);
  await h.admin.setFault({ action: 'ListAccelerators', latencyMs: 1000 });
  const impatient = h.services(undefined, { readTimeoutMs: 150, connectTimeoutMs: 100, retry: { baseDelayMs: 5, maxDelayMs: 10, maxAttempts: 2 } }).ga;
  await assert.rejects(impatient.listAccelerators(), (e: unknown) => {
    const err = e as { category?: string; message?: string };
    return err.category === 'timeout' && (err.message ?? '').includes(h.emulator.endpoint);
  });
  await h.admin.clearFaults();
});

test('faults on every action: throttling that goes away is invisible to the caller', async () => {
  const { ga } = h.services();
  await h.admin.setFault({ action: '*', throttle: 1, times: 3 });
  const acc = await ga.createAccelerator({ instanceChargeType: 'POSTPAY', bandwidthBillingType: 'CDT' });
  assert.equal(acc.resource?.state, 'active');
});
