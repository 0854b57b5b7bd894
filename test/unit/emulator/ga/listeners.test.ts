import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Harness } from './harness';
import { REALISTIC_MS } from '../../../../src/emulator/ga';

const ports = (from: number, to = from) => [{ FromPort: from, ToPort: to }];

test('CreateListener: init → active after about 20 s; Describe answers CreateTime as a string, List as a number', () => {
  const h = new Harness();
  const { acceleratorId } = h.acceleratorWithPlan();
  const body = h.call('CreateListener', { AcceleratorId: acceleratorId, Protocol: 'tcp', PortRanges: ports(80), ClientAffinity: 'SOURCE_IP', Name: 'web' });
  const id = body.ListenerId as string;
  assert.match(id, /^lsr-bp1[a-z0-9]{17}$/);
  let l = h.call('DescribeListener', { ListenerId: id });
  assert.equal(l.State, 'init');
  assert.equal(l.Protocol, 'TCP');
  assert.equal(l.ClientAffinity, 'SOURCE_IP');
  assert.equal(l.IdleTimeout, 900);
  assert.equal(l.CreateTime, String(h.clock.now()));
  assert.deepEqual(l.PortRanges, ports(80));
  h.elapse(REALISTIC_MS.createListener);
  l = h.call('DescribeListener', { ListenerId: id });
  assert.equal(l.State, 'active');
  const listed = (h.call('ListListeners', { AcceleratorId: acceleratorId }).Listeners as { CreateTime: unknown }[])[0];
  assert.equal(typeof listed.CreateTime, 'number');
});

test('CreateListener needs a bound plan on bandwidth-plan instances', () => {
  const h = new Harness();
  const acc = h.accelerator();
  h.fail('CreateListener', { AcceleratorId: acc, PortRanges: ports(80) }, 'NotExist.BasicBandwidthPackage');
});

test('Listener port rules answer with their own codes', () => {
  const h = new Harness();
  const { acceleratorId } = h.acceleratorWithPlan();
  const create = (Protocol: string, PortRanges: { FromPort: number; ToPort: number }[]) => ({ AcceleratorId: acceleratorId, Protocol, PortRanges });
  h.fail('CreateListener', create('TCP', ports(65500)), 'SystemPort.Listener');
  h.fail('CreateListener', create('TCP', ports(0)), 'PortRangeIllegal.Listener');
  h.fail('CreateListener', create('TCP', ports(90, 80)), 'PortRangeIllegal.Listener');
  h.fail('CreateListener', create('HTTP', ports(80, 81)), 'PortRanges.MustOne');
  h.fail('CreateListener', create('UDP', ports(4700, 4800)), 'PortRangeIllegal.UDP');
  h.fail('CreateListener', create('TCP', [...ports(1000, 1400), ...ports(2000)]), 'PortRangeIllegal.Count');
  h.fail('CreateListener', create('SCTP', ports(80)), 'ProtocalIllegal.Listener');
  h.listener(acceleratorId, { PortRanges: ports(80) });
  assert.match(h.fail('CreateListener', create('UDP', ports(70, 90)), 'PortConflict.Listener').message, /already used by listener/);
  h.listener(acceleratorId, { PortRanges: ports(10000, 10400) });
  h.fail('CreateListener', create('TCP', ports(20000, 20400)), 'PortRangeIllegal.ExceedGaAbility');
  h.listener(acceleratorId, { Protocol: 'UDP', PortRanges: ports(20000, 20400) });
  h.assertSound();
});

test('CreateListener protocol options: timeouts by protocol, HTTPS needs a certificate', () => {
  const h = new Harness();
  const { acceleratorId } = h.acceleratorWithPlan();
  h.fail('CreateListener', { AcceleratorId: acceleratorId, Protocol: 'UDP', PortRanges: ports(53), IdleTimeout: 30 }, 'InvalidParameter');
  h.fail('CreateListener', { AcceleratorId: acceleratorId, Protocol: 'TCP', PortRanges: ports(22), RequestTimeout: 30 }, 'InvalidParameter');
  h.fail('CreateListener', { AcceleratorId: acceleratorId, Protocol: 'HTTPS', PortRanges: ports(443) }, 'MissingParameter');
  h.fail('CreateListener', { AcceleratorId: acceleratorId, Protocol: 'TCP', PortRanges: ports(22), XForwardedForConfig: { XRealIpEnabled: true } }, 'InvalidParameter');
  const id = h.listener(acceleratorId, {
    Protocol: 'HTTPS',
    PortRanges: ports(443),
    Certificates: [{ Id: '4491-cn-hangzhou' }],
    XForwardedForConfig: { XRealIpEnabled: true },
  });
  const l = h.call('DescribeListener', { ListenerId: id });
  assert.equal(l.IdleTimeout, 15);
  assert.equal(l.RequestTimeout, 60);
  assert.equal(l.HttpVersion, 'http2');
  assert.equal(l.SecurityPolicyId, 'tls_cipher_policy_1_0');
  assert.deepEqual(l.Certificates, [{ Id: '4491-cn-hangzhou', Type: 'Server' }]);
  assert.equal((l.XForwardedForConfig as Record<string, boolean>).XRealIpEnabled, true);
  assert.equal((l.XForwardedForConfig as Record<string, boolean>).XForwardedForGaIdEnabled, false);
});

test('CreateListener with inline endpoint groups creates them with the listener, or nothing when one is bad', () => {
  const h = new Harness();
  const { acceleratorId } = h.acceleratorWithPlan();
  const group = (Endpoint: string) => ({ EndpointGroupName: 'inline', EndpointGroupRegion: 'cn-beijing', EndpointConfigurations: [{ Type: 'Ip', Endpoint, Weight: 10 }] });
  h.fail('CreateListener', { AcceleratorId: acceleratorId, PortRanges: ports(80), EndpointGroupConfigurations: [group('192.168.1.1')] }, 'InvalidParameter');
  h.fail('CreateListener', { AcceleratorId: acceleratorId, PortRanges: ports(80), EndpointGroupConfigurations: [group('203.0.113.1'), group('203.0.113.2')] }, 'Exist.EndpointGroup');
  assert.deepEqual(h.ga.listeners, {});
  assert.deepEqual(h.ga.endpointGroups, {});
  const id = h.call('CreateListener', { AcceleratorId: acceleratorId, PortRanges: ports(80), EndpointGroupConfigurations: [group('203.0.113.1')] }).ListenerId;
  const groups = h.call('ListEndpointGroups', { AcceleratorId: acceleratorId, ListenerId: id }).EndpointGroups as { Name: string; State: string }[];
  assert.deepEqual(groups.map((g) => [g.Name, g.State]), [['inline', 'init']]);
  h.settle();
  h.assertSound();
});

test('UpdateListener: updating → active; ports re-checked against the other listeners; options follow the protocol', () => {
  const h = new Harness();
  const { acceleratorId } = h.acceleratorWithPlan();
  const a = h.listener(acceleratorId, { PortRanges: ports(80) });
  h.listener(acceleratorId, { PortRanges: ports(443) });
  h.fail('UpdateListener', { ListenerId: a, PortRanges: ports(443) }, 'PortConflict.Listener');
  h.fail('UpdateListener', { ListenerId: a, Protocol: 'HTTP', PortRanges: ports(80, 81) }, 'PortRanges.MustOne');
  h.call('UpdateListener', { ListenerId: a, Protocol: 'HTTP', Name: 'web-http', BackendPorts: ports(8080) });
  let l = h.call('DescribeListener', { ListenerId: a });
  assert.equal(l.State, 'updating');
  assert.equal(l.Protocol, 'HTTP');
  assert.equal(l.IdleTimeout, 15, 'the TCP idle timeout does not fit HTTP, so the HTTP default applies');
  assert.equal(l.RequestTimeout, 60);
  assert.deepEqual(l.BackendPorts, [{ FromPort: '8080', ToPort: '8080' }]);
  h.fail('UpdateListener', { ListenerId: a, Name: 'again' }, 'NotActive.Listener');
  h.elapse(REALISTIC_MS.updateListener);
  l = h.call('DescribeListener', { ListenerId: a });
  assert.equal(l.State, 'active');
  assert.equal(l.Name, 'web-http');
  h.call('UpdateListener', { ListenerId: a, Protocol: 'TCP' });
  h.settle();
  l = h.call('DescribeListener', { ListenerId: a });
  assert.equal(l.RequestTimeout, undefined);
  assert.equal(l.BackendPorts, undefined);
  assert.equal(l.XForwardedForConfig, undefined);
});

test('UpdateListener keeps the ports and protocol family that port overrides use', () => {
  const h = new Harness();
  const { acceleratorId } = h.acceleratorWithPlan();
  const l = h.listener(acceleratorId, { PortRanges: ports(80, 90) });
  h.endpointGroup(acceleratorId, l, { PortOverrides: [{ ListenerPort: 85, EndpointPort: 8085 }] });
  h.fail('UpdateListener', { ListenerId: l, PortRanges: ports(80, 84) }, 'NotExist.ListenerPort');
  h.fail('UpdateListener', { ListenerId: l, Protocol: 'UDP' }, 'InvalidParameter');
  h.call('UpdateListener', { ListenerId: l, PortRanges: ports(85, 95) });
});

test('DeleteListener: refused while endpoint groups remain, then deleting → gone', () => {
  const h = new Harness();
  const { acceleratorId, listenerId, endpointGroupId } = h.chain();
  h.fail('DeleteListener', { ListenerId: listenerId }, 'Exist.EndpointGroup');
  h.call('DeleteEndpointGroup', { EndpointGroupId: endpointGroupId });
  // The group is still being deleted: the instance is busy.
  h.fail('DeleteListener', { ListenerId: listenerId }, 'StateError.Accelerator');
  h.elapse(REALISTIC_MS.deleteEndpointGroup);
  h.fail('DeleteListener', { ListenerId: listenerId, AcceleratorId: 'ga-bp1someotheracc00000' }, 'NotExist.Listener');
  h.call('DeleteListener', { ListenerId: listenerId, AcceleratorId: acceleratorId });
  assert.equal(h.call('DescribeListener', { ListenerId: listenerId }).State, 'deleting');
  h.elapse(REALISTIC_MS.deleteListener);
  h.fail('DescribeListener', { ListenerId: listenerId }, 'NotExist.Listener');
});

test('ListListeners filters by protocol and pages', () => {
  const h = new Harness();
  const { acceleratorId } = h.acceleratorWithPlan();
  const tcp = [h.listener(acceleratorId, { PortRanges: ports(80) }), h.listener(acceleratorId, { PortRanges: ports(81) })];
  const udp = h.listener(acceleratorId, { Protocol: 'UDP', PortRanges: ports(53) });
  assert.deepEqual((h.call('ListListeners', { AcceleratorId: acceleratorId, Protocol: 'udp' }).Listeners as { ListenerId: string }[]).map((l) => l.ListenerId), [udp]);
  const p = h.call('ListListeners', { AcceleratorId: acceleratorId, PageSize: 1, PageNumber: 2 });
  assert.equal(p.TotalCount, 3);
  assert.deepEqual((p.Listeners as { ListenerId: string }[]).map((l) => l.ListenerId), [tcp[1]]);
});
