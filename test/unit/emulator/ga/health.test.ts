import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Harness } from './harness';
import { REALISTIC_MS } from '../../../../src/emulator/ga';

interface HealthAnswer {
  ListenerId: string;
  HealthStatus: string;
  EndpointGroups: { EndpointGroupId: string; HealthStatus: string; Endpoints: { Address: string; Port: number; HealthStatus: string }[] }[];
}

test('GetHealthStatus: endpoints init while the group is created, normal once it is active', () => {
  const h = new Harness();
  const { acceleratorId } = h.acceleratorWithPlan();
  const listenerId = h.listener(acceleratorId);
  const groupId = h.call('CreateEndpointGroup', {
    AcceleratorId: acceleratorId,
    ListenerId: listenerId,
    EndpointGroupRegion: 'cn-beijing',
    EndpointConfigurations: [{ Type: 'Ip', Endpoint: '203.0.113.10', Weight: 100 }],
  }).EndpointGroupId;
  let s = h.call('GetHealthStatus', { AcceleratorId: acceleratorId, ListenerId: listenerId }) as unknown as HealthAnswer;
  assert.equal(s.ListenerId, listenerId);
  assert.equal(s.EndpointGroups[0].EndpointGroupId, groupId);
  assert.equal(s.EndpointGroups[0].HealthStatus, 'init');
  assert.deepEqual(s.EndpointGroups[0].Endpoints.map((e) => [e.Address, e.Port, e.HealthStatus]), [['203.0.113.10', 80, 'init']]);
  assert.equal(s.HealthStatus, 'normal');
  h.elapse(REALISTIC_MS.createEndpointGroup);
  s = h.call('GetHealthStatus', { AcceleratorId: acceleratorId, ListenerId: listenerId }) as unknown as HealthAnswer;
  assert.equal(s.EndpointGroups[0].HealthStatus, 'normal');
  assert.equal(s.EndpointGroups[0].Endpoints[0].HealthStatus, 'normal');
});

test('GetHealthStatus sums up abnormal endpoints (set by the data plane) and reports overridden ports', () => {
  const h = new Harness();
  const { acceleratorId } = h.acceleratorWithPlan();
  const listenerId = h.listener(acceleratorId);
  const groupId = h.endpointGroup(acceleratorId, listenerId, {
    EndpointConfigurations: [
      { Type: 'Ip', Endpoint: '203.0.113.10', Weight: 100 },
      { Type: 'Ip', Endpoint: '203.0.113.11', Weight: 100 },
    ],
    PortOverrides: [{ ListenerPort: 80, EndpointPort: 8080 }],
  });
  const endpoints = h.ga.endpointGroups[groupId].EndpointConfigurations;
  endpoints[0].health = 'abnormal';
  let s = h.call('GetHealthStatus', { AcceleratorId: acceleratorId, ListenerId: listenerId }) as unknown as HealthAnswer;
  assert.equal(s.HealthStatus, 'partiallyAbnormal');
  assert.equal(s.EndpointGroups[0].HealthStatus, 'partiallyAbnormal');
  assert.deepEqual(s.EndpointGroups[0].Endpoints.map((e) => e.Port), [8080, 8080]);
  endpoints[1].health = 'abnormal';
  s = h.call('GetHealthStatus', { AcceleratorId: acceleratorId, ListenerId: listenerId }) as unknown as HealthAnswer;
  assert.equal(s.HealthStatus, 'abnormal');
  // The emulator's own settling never overrides what the data plane decided.
  h.settle();
  assert.equal(h.ga.endpointGroups[groupId].EndpointConfigurations[0].health, 'abnormal');
});

test('GetHealthStatus: DryRun answers DryRunOperation; unknown or foreign listeners are NotExist.Listener', () => {
  const h = new Harness();
  const { acceleratorId } = h.acceleratorWithPlan();
  const listenerId = h.listener(acceleratorId);
  h.fail('GetHealthStatus', { AcceleratorId: acceleratorId, ListenerId: listenerId, DryRun: true }, 'DryRunOperation');
  h.fail('GetHealthStatus', { AcceleratorId: acceleratorId, ListenerId: 'lsr-bp1nosuchlistener00' }, 'NotExist.Listener');
  const other = h.acceleratorWithPlan().acceleratorId;
  h.fail('GetHealthStatus', { AcceleratorId: other, ListenerId: listenerId }, 'NotExist.Listener');
  const empty = h.call('GetHealthStatus', { AcceleratorId: acceleratorId, ListenerId: listenerId });
  assert.deepEqual(empty.EndpointGroups, []);
});
