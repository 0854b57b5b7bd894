import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Harness } from './harness';
import { REALISTIC_MS } from '../../../../src/emulator/ga';

const ip = (Endpoint: string, Weight = 100) => ({ Type: 'Ip', Endpoint, Weight });

function setup() {
  const h = new Harness();
  const { acceleratorId } = h.acceleratorWithPlan();
  h.area(acceleratorId);
  const listenerId = h.listener(acceleratorId);
  return { h, acceleratorId, listenerId };
}

test('CreateEndpointGroup: init → active after about 20 s, with ids, defaults and emulated source IPs', () => {
  const { h, acceleratorId, listenerId } = setup();
  const body = h.call('CreateEndpointGroup', {
    AcceleratorId: acceleratorId,
    ListenerId: listenerId,
    EndpointGroupRegion: 'cn-beijing',
    Name: 'web-backend',
    EndpointConfigurations: [ip('203.0.113.10'), ip('203.0.113.11', 0)],
  });
  const id = body.EndpointGroupId as string;
  assert.match(id, /^epg-bp1[a-z0-9]{17}$/);
  let g = h.call('DescribeEndpointGroup', { EndpointGroupId: id });
  assert.equal(g.State, 'init');
  assert.equal(g.EndpointGroupType, 'default');
  assert.equal(g.EndpointIpVersion, 'IPv4');
  assert.equal(g.ThresholdCount, 3);
  assert.equal(g.TrafficPercentage, 100);
  assert.equal(g.AccessLogSwitch, 'off');
  const endpoints = g.EndpointConfigurations as { Endpoint: string; Weight: number; EndpointId?: string }[];
  assert.deepEqual(endpoints.map((e) => [e.Endpoint, e.Weight]), [['203.0.113.10', 100], ['203.0.113.11', 0]]);
  assert.equal(endpoints[0].EndpointId, undefined, 'DescribeEndpointGroup has no EndpointId');
  const sources = g.EndpointGroupIpList as string[];
  assert.ok(sources.length >= 2);
  for (const s of sources) assert.match(s, /^100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\.\d+\.\d+$/);
  h.elapse(REALISTIC_MS.createEndpointGroup);
  g = h.call('DescribeEndpointGroup', { EndpointGroupId: id });
  assert.equal(g.State, 'active');
  const listed = (h.call('ListEndpointGroups', { AcceleratorId: acceleratorId }).EndpointGroups as { EndpointConfigurations: { EndpointId: string }[] }[])[0];
  for (const e of listed.EndpointConfigurations) assert.match(e.EndpointId, /^ep-bp1[a-z0-9]{17}$/);
  h.assertSound();
});

test('CreateEndpointGroup waits for an active listener and a bound plan', () => {
  const h = new Harness();
  const { acceleratorId } = h.acceleratorWithPlan();
  const listenerId = h.call('CreateListener', { AcceleratorId: acceleratorId, PortRanges: [{ FromPort: 80, ToPort: 80 }] }).ListenerId;
  const params = { AcceleratorId: acceleratorId, ListenerId: listenerId, EndpointGroupRegion: 'cn-beijing', EndpointConfigurations: [ip('203.0.113.10')] };
  h.fail('CreateEndpointGroup', params, 'NotActive.Listener');
  h.settle();
  h.fail('CreateEndpointGroup', { ...params, ListenerId: 'lsr-bp1nosuchlistener00' }, 'NotExist.Listener');
  const other = h.acceleratorWithPlan().acceleratorId;
  h.fail('CreateEndpointGroup', { ...params, AcceleratorId: other }, 'NotExist.Listener');
  h.fail('CreateEndpointGroup', { ...params, EndpointGroupRegion: 'mars-north-1' }, 'NotExist.BusinessRegion');
  h.call('CreateEndpointGroup', params);
});

test('Endpoints: weights 0-255, custom IPs must be public IPv4 unless loopback endpoints are allowed', () => {
  const { h, acceleratorId, listenerId } = setup();
  const create = (...EndpointConfigurations: object[]) => ({ AcceleratorId: acceleratorId, ListenerId: listenerId, EndpointGroupRegion: 'cn-beijing', EndpointConfigurations });
  h.fail('CreateEndpointGroup', create(ip('203.0.113.10', 256)), 'InvalidParameter');
  assert.match(h.fail('CreateEndpointGroup', create(ip('10.0.0.5')), 'InvalidParameter').message, /private address/);
  h.fail('CreateEndpointGroup', create(ip('127.0.0.1')), 'InvalidParameter');
  h.fail('CreateEndpointGroup', create(ip('2001:db8::1')), 'InvalidParameter');
  h.fail('CreateEndpointGroup', create(ip('203.0.113.10'), ip('203.0.113.10')), 'InvalidParameter');
  h.fail('CreateEndpointGroup', create({ ...ip('203.0.113.10'), EnableClientIPPreservation: true, EnableProxyProtocol: true }), 'InvalidParameter');
  h.fail('CreateEndpointGroup', create({ Type: 'IpTarget', Endpoint: '203.0.113.10', Weight: 1 }), 'MissingParameter');
  const tooMany = Array.from({ length: 101 }, (_, i) => ip(`198.51.100.${i + 1}`));
  h.fail('CreateEndpointGroup', create(...tooMany), 'QuotaExceeded.EndPoint');
  h.options.allowLoopbackEndpoints = true;
  h.call('CreateEndpointGroup', create(ip('127.0.0.1')));
  h.settle();
  h.assertSound();
});

test('One default group per region and listener; a virtual group on TCP needs the default one first', () => {
  const { h, acceleratorId, listenerId } = setup();
  const params = { AcceleratorId: acceleratorId, ListenerId: listenerId, EndpointConfigurations: [ip('203.0.113.10')] };
  h.fail('CreateEndpointGroup', { ...params, EndpointGroupRegion: 'cn-beijing', EndpointGroupType: 'virtual' }, 'InvalidParameter');
  h.endpointGroup(acceleratorId, listenerId);
  h.fail('CreateEndpointGroup', { ...params, EndpointGroupRegion: 'cn-beijing' }, 'Exist.EndpointGroup');
  h.endpointGroup(acceleratorId, listenerId, { EndpointGroupRegion: 'cn-hangzhou' });
  h.endpointGroup(acceleratorId, listenerId, { EndpointGroupType: 'virtual' });
  const virtual = h.call('ListEndpointGroups', { AcceleratorId: acceleratorId, EndpointGroupType: 'virtual' });
  assert.equal(virtual.TotalCount, 1);
  assert.equal(h.call('ListEndpointGroups', { AcceleratorId: acceleratorId, EndpointGroupRegion: 'cn-hangzhou' }).TotalCount, 1);
  assert.equal(h.call('ListEndpointGroups', { AcceleratorId: acceleratorId, ListenerId: listenerId }).TotalCount, 3);
  assert.equal(h.call('ListEndpointGroups', { AcceleratorId: acceleratorId, AccessLogSwitch: 'on' }).TotalCount, 0);
  const page = h.call('ListEndpointGroups', { AcceleratorId: acceleratorId, PageSize: 2, PageNumber: 2 });
  assert.equal((page.EndpointGroups as unknown[]).length, 1);
});

test('Port overrides must map a listener port (NotExist.ListenerPort)', () => {
  const { h, acceleratorId, listenerId } = setup();
  const params = { AcceleratorId: acceleratorId, ListenerId: listenerId, EndpointGroupRegion: 'cn-beijing', EndpointConfigurations: [ip('203.0.113.10')] };
  h.fail('CreateEndpointGroup', { ...params, PortOverrides: [{ ListenerPort: 81, EndpointPort: 8080 }] }, 'NotExist.ListenerPort');
  const id = h.endpointGroup(acceleratorId, listenerId, { PortOverrides: [{ ListenerPort: 80, EndpointPort: 8080 }] });
  assert.deepEqual(h.call('DescribeEndpointGroup', { EndpointGroupId: id }).PortOverrides, [{ ListenerPort: 80, EndpointPort: 8080 }]);
});

test('CreateEndpointGroup DryRun is a plain success that creates nothing', () => {
  const { h, acceleratorId, listenerId } = setup();
  const body = h.call('CreateEndpointGroup', { AcceleratorId: acceleratorId, ListenerId: listenerId, EndpointGroupRegion: 'cn-beijing', EndpointConfigurations: [ip('203.0.113.10')], DryRun: true });
  assert.deepEqual(body, {});
  assert.deepEqual(h.ga.endpointGroups, {});
  h.fail('CreateEndpointGroup', { AcceleratorId: acceleratorId, ListenerId: listenerId, EndpointGroupRegion: 'cn-beijing', EndpointConfigurations: [ip('10.1.1.1')], DryRun: true }, 'InvalidParameter');
});

test('UpdateEndpointGroup replaces the endpoints (kept ones keep id and health), updating → active', () => {
  const { h, acceleratorId, listenerId } = setup();
  const id = h.endpointGroup(acceleratorId, listenerId, { EndpointConfigurations: [ip('203.0.113.10'), ip('203.0.113.11')] });
  const before = h.ga.endpointGroups[id].EndpointConfigurations.map((e) => ({ ...e }));
  h.fail('UpdateEndpointGroup', { EndpointGroupId: id, EndpointGroupRegion: 'cn-hangzhou' }, 'InvalidParameter');
  h.call('UpdateEndpointGroup', { EndpointGroupId: id, EndpointGroupRegion: 'cn-beijing', EndpointConfigurations: [ip('203.0.113.10', 0), ip('203.0.113.12', 5)], HealthCheckEnabled: true });
  const g = h.ga.endpointGroups[id];
  assert.equal(g.State, 'updating');
  assert.equal(g.HealthCheckEnabled, true);
  assert.deepEqual(g.EndpointConfigurations.map((e) => [e.Endpoint, e.Weight, e.health]), [['203.0.113.10', 0, 'normal'], ['203.0.113.12', 5, 'init']]);
  assert.equal(g.EndpointConfigurations[0].EndpointId, before[0].EndpointId);
  h.fail('UpdateEndpointGroup', { EndpointGroupId: id, EndpointGroupRegion: 'cn-beijing' }, 'StateError.EndPointGroup');
  h.elapse(REALISTIC_MS.updateEndpointGroup);
  assert.equal(h.call('DescribeEndpointGroup', { EndpointGroupId: id }).State, 'active');
  // Health checks on and a documentation address (nothing answers there): abnormal once active.
  assert.deepEqual(h.ga.endpointGroups[id].EndpointConfigurations.map((e) => e.health), ['abnormal', 'abnormal']);
  // Leaving EndpointConfigurations out keeps them.
  h.call('UpdateEndpointGroup', { EndpointGroupId: id, EndpointGroupRegion: 'cn-beijing', TrafficPercentage: 50 });
  assert.equal(h.ga.endpointGroups[id].EndpointConfigurations.length, 2);
  assert.equal(h.ga.endpointGroups[id].TrafficPercentage, 50);
});

test('UpdateEndpointGroupAttribute renames at once; DeleteEndpointGroup goes deleting → gone', () => {
  const { h, acceleratorId, listenerId } = setup();
  const id = h.endpointGroup(acceleratorId, listenerId);
  h.fail('UpdateEndpointGroupAttribute', { EndpointGroupId: id, Name: '-bad' }, 'InvalidParameter');
  h.call('UpdateEndpointGroupAttribute', { EndpointGroupId: id, Name: 'renamed', Description: 'IPv4 web servers' });
  const g = h.call('DescribeEndpointGroup', { EndpointGroupId: id });
  assert.equal(g.State, 'active');
  assert.equal(g.Name, 'renamed');
  h.fail('DeleteEndpointGroup', { EndpointGroupId: id, AcceleratorId: 'ga-bp1someotheracc00000' }, 'NotExist.EndPointGroup');
  h.call('DeleteEndpointGroup', { EndpointGroupId: id });
  assert.equal(h.call('DescribeEndpointGroup', { EndpointGroupId: id }).State, 'deleting');
  h.fail('DeleteEndpointGroup', { EndpointGroupId: id }, 'StateError.EndPointGroup');
  h.fail('UpdateEndpointGroupAttribute', { EndpointGroupId: id, Name: 'late' }, 'StateError.EndPointGroup');
  h.elapse(REALISTIC_MS.deleteEndpointGroup);
  h.fail('DescribeEndpointGroup', { EndpointGroupId: id }, 'NotExist.EndPointGroup');
});
