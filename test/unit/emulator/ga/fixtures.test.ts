import { test } from 'node:test';
import { OFFERED_PURCHASES } from '../../../../src/model';
import assert from 'node:assert/strict';
import { Harness, TestClock, emptyState } from './harness';
import { addDemoAccelerators, addSeedSetup, BROKEN_DEMO_HINT, BROKEN_DEMO_NAME, emptyGaState, SEED_BACKEND_IP } from '../../../../src/emulator/ga/fixtures';
import { checkDescription } from '../../../../src/model';
import { checkGaInvariants, isEmulatedIpv6Address, REALISTIC_MS } from '../../../../src/emulator/ga';

const NOW = Date.UTC(2026, 2, 1, 12, 0, 0);

test('emptyGaState: no resources, the regions table with IPv6 flags', () => {
  const ga = emptyGaState();
  assert.deepEqual(ga.accelerators, {});
  assert.deepEqual(ga.clientTokens, {});
  assert.equal(ga.regions.filter((r) => r.SupportIpv6).length, 12);
  assert.deepEqual(checkGaInvariants(ga), []);
});

test('addSeedSetup ends exactly where the seed walk-through ends, all active', () => {
  const state = emptyState();
  const seed = addSeedSetup(state, new TestClock(NOW));
  const ga = state.ga;
  assert.deepEqual(checkGaInvariants(ga), []);
  const acc = ga.accelerators[seed.acceleratorId];
  assert.equal(acc.State, 'active');
  assert.equal(acc.InstanceChargeType, 'PREPAY');
  assert.equal(acc.Spec, '1');
  assert.equal(acc.Name, 'web-ipv6');
  assert.equal(acc.DnsName, seed.dnsName);
  assert.equal(seed.dnsName, `${seed.acceleratorId}.aliyunga0019.com`);
  assert.equal(acc.ExpiredTime, Date.UTC(2026, 3, 1, 12, 0, 0), 'a one-month term');
  assert.deepEqual({ ...acc.BasicBandwidthPackage, InstanceId: undefined }, { InstanceId: undefined, Bandwidth: 2, BandwidthType: 'Enhanced' });
  const plan = ga.bandwidthPackages[acc.BasicBandwidthPackage!.InstanceId];
  assert.equal(plan.State, 'binded');
  assert.equal(plan.ChargeType, 'PREPAY');
  const ipSets = Object.values(ga.ipSets);
  assert.deepEqual(ipSets.map((s) => [s.AccelerateRegionId, s.Bandwidth, s.IpVersion, s.State]), [['cn-beijing', 2, 'IPv6', 'active']]);
  assert.deepEqual(ipSets[0].IpAddressList, [seed.ipv6Address]);
  assert.ok(isEmulatedIpv6Address(seed.ipv6Address));
  const listener = ga.listeners[seed.listenerId];
  assert.deepEqual([listener.Protocol, listener.PortRanges, listener.ClientAffinity, listener.State], ['TCP', [{ FromPort: 80, ToPort: 80 }], 'SOURCE_IP', 'active']);
  const group = ga.endpointGroups[seed.endpointGroupId];
  assert.equal(group.State, 'active');
  assert.equal(group.EndpointGroupRegion, 'cn-beijing');
  assert.deepEqual(group.EndpointConfigurations.map((e) => [e.Type, e.Endpoint, e.Weight, e.EnableClientIPPreservation, e.health]), [['Ip', SEED_BACKEND_IP, 100, false, 'normal']]);
  for (const r of [acc, plan, ipSets[0], listener, group]) assert.equal(r.transition, undefined);
});

test('The seed setup answers the API like any other state (PREPAY delete refused, health normal)', () => {
  const state = emptyState();
  const seed = addSeedSetup(state, new TestClock(NOW));
  const h = new Harness(state);
  h.clock.t = NOW;
  h.fail('DeleteAccelerator', { AcceleratorId: seed.acceleratorId }, 'InvalidParameter');
  assert.equal(h.call('GetHealthStatus', { AcceleratorId: seed.acceleratorId, ListenerId: seed.listenerId }).HealthStatus, 'normal');
  assert.equal(h.call('DescribeAccelerator', { AcceleratorId: seed.acceleratorId }).DnsName, seed.dnsName);
});

test('addDemoAccelerators: the seed plus accelerators in other situations, sound, with realistic in-flight operations', () => {
  const state = emptyState();
  const seed = addDemoAccelerators(state, new TestClock(NOW));
  const ga = state.ga;
  assert.deepEqual(checkGaInvariants(ga), []);
  assert.equal(ga.accelerators[seed.acceleratorId].State, 'active');
  const byName = (name: string) => Object.values(ga.accelerators).find((a) => a.Name === name)!;

  const creating = byName('api-ipv6-new');
  assert.equal(creating.State, 'init');
  assert.equal(creating.InstanceChargeType, 'POSTPAY');
  assert.equal(creating.transition?.at, NOW + REALISTIC_MS.createAccelerator);
  const configuring = byName('shop-ipv6');
  assert.equal(configuring.State, 'configuring');
  assert.equal(configuring.transition?.at, NOW + REALISTIC_MS.updateAccelerator);

  const game = byName('game-ipv6');
  assert.equal(Object.values(ga.listeners).filter((l) => l.AcceleratorId === game.AcceleratorId).length, 2);
  const weights = Object.values(ga.endpointGroups).filter((g) => g.AcceleratorId === game.AcceleratorId).flatMap((g) => g.EndpointConfigurations.map((e) => e.Weight));
  assert.ok(weights.includes(0), 'one endpoint is drained');
  assert.equal(byName('bare-no-plan').BasicBandwidthPackage, undefined);
  const tokyoSets = Object.values(ga.ipSets).filter((s) => s.AcceleratorId === byName('tokyo-ipv4').AcceleratorId);
  assert.deepEqual(tokyoSets.map((s) => [s.AccelerateRegionId, s.IpVersion]), [['ap-northeast-1', 'IPv4']]);
  assert.ok(Object.values(ga.bandwidthPackages).some((p) => p.State === 'active' && p.Accelerators.length === 0), 'a spare plan to bind');

  // The sandbox's clock takes it from there.
  const h = new Harness(state);
  h.clock.t = NOW;
  h.elapse(REALISTIC_MS.createAccelerator);
  assert.ok(Object.values(ga.accelerators).every((a) => a.State === 'active'));
  h.bind(byName('bare-no-plan').AcceleratorId, Object.values(ga.bandwidthPackages).find((p) => p.Name === 'spare-bandwidth')!.BandwidthPackageId);
  h.assertSound();
});

test('the demo holds only what an ordinary account can buy', () => {
  const state = emptyState();
  addDemoAccelerators(state, new TestClock(NOW));
  const offered = new Map(OFFERED_PURCHASES.map((o) => [o.chargeType, o.bandwidthBillingType]));
  for (const a of Object.values(state.ga.accelerators)) {
    assert.equal(offered.get(a.InstanceChargeType), a.BandwidthBillingType, `${a.Name}: ${a.InstanceChargeType} billed by ${a.BandwidthBillingType}`);
  }
  for (const p of Object.values(state.ga.bandwidthPackages)) assert.equal(p.ChargeType, 'PREPAY', `${p.Name} is a subscription plan`);
  assert.ok(Object.values(state.ga.accelerators).some((a) => a.BandwidthBillingType === 'CDT'), 'pay-as-you-go instances are shown too');
});

test('addDemoAccelerators: operations in flight follow the clock\'s time scale; finished ones are settled', () => {
  const state = emptyState();
  addDemoAccelerators(state, new TestClock(NOW, 0.01));
  const byName = (name: string) => Object.values(state.ga.accelerators).find((a) => a.Name === name)!;
  assert.equal(byName('api-ipv6-new').transition?.at, NOW + REALISTIC_MS.createAccelerator * 0.01);
  assert.equal(byName('shop-ipv6').transition?.at, NOW + REALISTIC_MS.updateAccelerator * 0.01);
  assert.equal(byName('web-ipv6').transition, undefined);
});

test('Fixtures allocate IPv6 addresses from the address block they are given', () => {
  const state = emptyState();
  const seed = addSeedSetup(state, new TestClock(NOW), { addressBlock: 0xb7 });
  assert.equal(seed.ipv6Address, 'fd6a:6761::b7:1');
  assert.ok(isEmulatedIpv6Address(seed.ipv6Address));
  assert.equal(addSeedSetup(emptyState(), new TestClock(NOW)).ipv6Address, 'fd6a:6761::a:1', 'the default block keeps the familiar form');
});

test('Fixtures can be added to a state that already holds resources', () => {
  const state = emptyState();
  const a = addSeedSetup(state, new TestClock(NOW));
  const b = addSeedSetup(state, new TestClock(NOW));
  assert.notEqual(a.acceleratorId, b.acceleratorId);
  assert.notEqual(a.ipv6Address, b.ipv6Address);
  assert.deepEqual(checkGaInvariants(state.ga), []);
});

test('With the sandbox\'s origin, the walk-through\'s endpoint is the origin: weight, port and affinity as in the seed', () => {
  const state = emptyState();
  const seed = addSeedSetup(state, new TestClock(NOW), { demoOrigin: { address: '127.0.0.1', port: 80 } });
  assert.deepEqual(checkGaInvariants(state.ga, { allowNonPublicEndpoints: true }), []);
  const group = state.ga.endpointGroups[seed.endpointGroupId];
  assert.deepEqual(group.EndpointConfigurations.map((e) => [e.Type, e.Endpoint, e.Weight, e.EnableClientIPPreservation]), [['Ip', '127.0.0.1', 100, false]]);
  assert.deepEqual(group.PortOverrides, [], 'the origin serves the listener port itself');
  const listener = state.ga.listeners[seed.listenerId];
  assert.deepEqual([listener.PortRanges, listener.ClientAffinity], [[{ FromPort: 80, ToPort: 80 }], 'SOURCE_IP']);

  // Port 80 was taken: the origin is elsewhere and the listener port is mapped onto it.
  const moved = emptyState();
  const other = addSeedSetup(moved, new TestClock(NOW), { demoOrigin: { address: '127.0.0.1', port: 43210 } });
  assert.deepEqual(moved.ga.endpointGroups[other.endpointGroupId].PortOverrides, [{ ListenerPort: 80, EndpointPort: 43210 }]);
  assert.deepEqual(checkGaInvariants(moved.ga, { allowNonPublicEndpoints: true }), []);
});

test('The demo keeps one deliberately broken gateway, whose description (the tooltip) says so', () => {
  const state = emptyState();
  addDemoAccelerators(state, new TestClock(NOW), { demoOrigin: { address: '127.0.0.1', port: 80 } });
  const broken = Object.values(state.ga.accelerators).find((a) => a.Name === BROKEN_DEMO_NAME)!;
  assert.equal(broken.Description, BROKEN_DEMO_HINT);
  assert.equal(checkDescription(BROKEN_DEMO_HINT), undefined, 'a description the API accepts');
  const endpoints = Object.values(state.ga.endpointGroups).filter((g) => g.AcceleratorId === broken.AcceleratorId).flatMap((g) => g.EndpointConfigurations.map((e) => e.Endpoint));
  assert.ok(endpoints.includes('198.51.100.20') && BROKEN_DEMO_HINT.includes('198.51.100.20'), 'the hint names the endpoint that breaks it');
  assert.equal(broken.State, 'active');
  // Health: the broken gateway's TCP endpoints are abnormal (checks on, nothing answers a documentation address);
  // the walk-through's endpoint, the sandbox origin, is normal.
  const h = new Harness(state);
  const healthOf = (acceleratorId: string) => Object.values(state.ga.listeners).filter((l) => l.AcceleratorId === acceleratorId)
    .map((l) => h.call('GetHealthStatus', { AcceleratorId: acceleratorId, ListenerId: l.ListenerId }) as { HealthStatus: string; EndpointGroups: { Endpoints: { Address: string; HealthStatus: string }[] }[] });
  const game = healthOf(broken.AcceleratorId).flatMap((l) => l.EndpointGroups.flatMap((g) => g.Endpoints.map((e) => `${e.Address}:${e.HealthStatus}`)));
  assert.ok(game.includes('198.51.100.20:abnormal'), game.join(', '));
  const web = Object.values(state.ga.accelerators).find((a) => a.Name === 'web-ipv6')!;
  assert.deepEqual(healthOf(web.AcceleratorId).map((l) => l.HealthStatus), ['normal']);
});
