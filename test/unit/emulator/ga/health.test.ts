import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Harness } from './harness';
import { applyEndpointHealth, REALISTIC_MS } from '../../../../src/emulator/ga';

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

test('GetHealthStatus sums up the data plane\'s verdicts for checked endpoints and reports overridden ports', () => {
  const h = new Harness();
  const { acceleratorId } = h.acceleratorWithPlan();
  const listenerId = h.listener(acceleratorId);
  const groupId = h.endpointGroup(acceleratorId, listenerId, {
    EndpointConfigurations: [
      { Type: 'Ip', Endpoint: '198.18.20.10', Weight: 100 },
      { Type: 'Ip', Endpoint: '198.18.20.11', Weight: 100 },
      { Type: 'Ip', Endpoint: '203.0.113.10', Weight: 100 },
    ],
    PortOverrides: [{ ListenerPort: 80, EndpointPort: 8080 }],
    HealthCheckEnabled: true,
  });
  const [first, second, documentation] = h.ga.endpointGroups[groupId].EndpointConfigurations;
  const health = () => h.call('GetHealthStatus', { AcceleratorId: acceleratorId, ListenerId: listenerId }) as unknown as HealthAnswer;
  // Checked endpoints wait for the data plane; a documentation address is never checked: nothing answers there,
  // so it is abnormal at once (the data plane resets connections to it).
  assert.deepEqual(health().EndpointGroups[0].Endpoints.map((e) => e.HealthStatus), ['init', 'init', 'abnormal']);
  assert.equal(health().EndpointGroups[0].HealthStatus, 'partiallyAbnormal');
  assert.deepEqual(health().EndpointGroups[0].Endpoints.map((e) => e.Port), [8080, 8080, 8080]);

  const verdict = (e: typeof first, value: 'normal' | 'abnormal') => applyEndpointHealth(h.ga, [{ endpointGroupId: groupId, endpointId: e.EndpointId, health: value }]);
  assert.equal(verdict(first, 'abnormal'), true);
  assert.equal(verdict(second, 'normal'), true);
  assert.equal(verdict(documentation, 'normal'), false, 'an unchecked endpoint takes no verdict');
  let s = health();
  assert.equal(s.HealthStatus, 'partiallyAbnormal');
  assert.equal(s.EndpointGroups[0].HealthStatus, 'partiallyAbnormal');
  assert.deepEqual(s.EndpointGroups[0].Endpoints.map((e) => e.HealthStatus), ['abnormal', 'normal', 'abnormal']);
  // The emulator's own settling never overrides what the data plane decided.
  h.settle();
  assert.equal(h.ga.endpointGroups[groupId].EndpointConfigurations[0].health, 'abnormal');

  // Health checks off: every endpoint is plainly normal again; on again: checked ones start over at init.
  h.call('UpdateEndpointGroup', { EndpointGroupId: groupId, EndpointGroupRegion: 'cn-beijing', HealthCheckEnabled: false });
  h.settle();
  assert.deepEqual(health().EndpointGroups[0].Endpoints.map((e) => e.HealthStatus), ['normal', 'normal', 'normal']);
  assert.equal(verdict(first, 'abnormal'), false, 'no verdicts while checks are off');
  h.call('UpdateEndpointGroup', { EndpointGroupId: groupId, EndpointGroupRegion: 'cn-beijing', HealthCheckEnabled: true });
  h.settle();
  s = health();
  assert.deepEqual(s.EndpointGroups[0].Endpoints.map((e) => e.HealthStatus), ['init', 'init', 'abnormal']);
  assert.equal(verdict(first, 'normal') && verdict(second, 'abnormal'), true);
  assert.equal(health().EndpointGroups[0].HealthStatus, 'partiallyAbnormal');
  assert.equal(verdict(first, 'abnormal'), true);
  assert.equal(health().EndpointGroups[0].HealthStatus, 'abnormal', 'every endpoint abnormal, the documentation one included');
  h.assertSound();
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
