// THE seed walk-through (ga-ipv6-access-to-ipv4-services.txt) end to end against the emulator: buy a Small I
// instance and an Enhanced 2 Mbit/s plan, add an IPv6 acceleration area in Beijing, a TCP:80 listener with
// source-IP affinity, an endpoint group with the custom IPv4 endpoint, then the AAAA record and the CNAME one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { addZone, startCloud, type Harness } from './cloudHarness';
import type { WaitProgress } from '../../src/cloud';
import { isIpv6 } from '../../src/model';

let h: Harness;
before(async () => (h = await startCloud('empty')));
after(() => h.stop());

test('the seed flow, waiting on every state, then the final state checked through Describe/List', async () => {
  const { ga, dns, connection } = h.services();
  const progress: WaitProgress[] = [];
  const onProgress = (p: WaitProgress) => progress.push(p);

  // Step 1: GA instance (Small I, 1 month) and an Enhanced 2 Mbit/s basic bandwidth plan, bound to it.
  const acc = await ga.createAccelerator({ name: 'seed-ipv6', spec: '1', instanceChargeType: 'PREPAY', pricingCycle: 'Month', duration: 1, autoPay: true }, { onProgress });
  assert.equal(acc.resource?.state, 'active');
  const plan = await ga.createBandwidthPackage(
    { bandwidth: 2, type: 'Basic', bandwidthType: 'Enhanced', chargeType: 'PREPAY', pricingCycle: 'Month', duration: '1', autoPay: true },
    { onProgress },
  );
  assert.equal(plan.resource?.state, 'active');
  const bound = await ga.bandwidthPackageAddAccelerator(plan.id, acc.id, { onProgress });
  assert.ok(bound.resource?.accelerators?.includes(acc.id));

  // Step 2: IPv6 acceleration area in China (Beijing) with 2 Mbit/s.
  const [area] = await ga.createIpSets({ acceleratorId: acc.id, accelerateRegion: [{ accelerateRegionId: 'cn-beijing', bandwidth: 2, ipVersion: 'IPv6' }] }, { onProgress });
  assert.equal(area.resource?.state, 'active');
  const ipv6 = area.resource?.ipAddressList?.[0] ?? '';
  assert.ok(isIpv6(ipv6), `an IPv6 address was allocated: ${ipv6}`);

  // Step 3: TCP:80 listener with source-IP client affinity, endpoint group in Beijing with the IPv4 service.
  const listener = await ga.createListener({ acceleratorId: acc.id, name: 'web', protocol: 'TCP', portRanges: [{ fromPort: 80, toPort: 80 }], clientAffinity: 'SOURCE_IP' }, { onProgress });
  assert.equal(listener.resource?.state, 'active');
  const group = await ga.createEndpointGroup(
    {
      acceleratorId: acc.id,
      listenerId: listener.id,
      endpointGroupRegion: 'cn-beijing',
      name: 'beijing-idc',
      endpointConfigurations: [{ type: 'Ip', endpoint: '203.0.113.10', weight: 100, enableClientIPPreservation: false }],
    },
    { onProgress },
  );
  assert.equal(group.resource?.state, 'active');

  // Step 4: DNS, both ways: AAAA www → the area's IPv6 address, CNAME app → the accelerator's DnsName.
  await addZone(connection, 'example.com');
  const dnsName = (await ga.describeAccelerator(acc.id)).dnsName ?? '';
  assert.match(dnsName, /\./);
  const www = await dns.addDomainRecord('example.com', { rr: 'www', type: 'AAAA', value: ipv6, ttl: 600, line: 'default' });
  const app = await dns.addDomainRecord('example.com', { rr: 'app', type: 'CNAME', value: dnsName, ttl: 600, line: 'default' });
  assert.ok(www.written && app.written);

  // Every async step was waited on, and the waits reported progress until the target state.
  const waited = new Set(progress.map((p) => p.action));
  for (const a of ['CreateAccelerator', 'CreateBandwidthPackage', 'BandwidthPackageAddAccelerator', 'CreateIpSets', 'CreateListener', 'CreateEndpointGroup']) assert.ok(waited.has(a), `progress for ${a}`);

  // The final state, read back.
  const a = await ga.describeAccelerator(acc.id);
  assert.equal(a.state, 'active');
  assert.equal(a.spec, '1');
  assert.equal(a.instanceChargeType, 'PREPAY');
  assert.deepEqual({ ...a.basicBandwidthPackage }, { instanceId: plan.id, bandwidth: 2, bandwidthType: 'Enhanced' });
  const p = await ga.describeBandwidthPackage(plan.id);
  assert.deepEqual(p.accelerators, [acc.id]);
  assert.equal(p.bandwidthType, 'Enhanced');
  assert.equal(p.bandwidth, 2);

  const areas = await ga.listIpSets(acc.id);
  assert.equal(areas.length, 1);
  assert.equal(areas[0].accelerateRegionId, 'cn-beijing');
  assert.equal(areas[0].ipVersion, 'IPv6');
  assert.equal(areas[0].bandwidth, 2);
  assert.equal(areas[0].state, 'active');
  assert.deepEqual(areas[0].ipAddressList, [ipv6]);

  const listeners = await ga.listListeners(acc.id);
  assert.equal(listeners.length, 1);
  assert.equal(listeners[0].protocol, 'TCP');
  assert.equal(listeners[0].clientAffinity, 'SOURCE_IP');
  assert.deepEqual(listeners[0].portRanges?.map((r) => [r.fromPort, r.toPort]), [[80, 80]]);

  const groups = await ga.listEndpointGroups(acc.id, listener.id);
  assert.equal(groups.length, 1);
  assert.equal(groups[0].endpointGroupRegion, 'cn-beijing');
  assert.equal(groups[0].state, 'active');
  assert.deepEqual(groups[0].endpointConfigurations?.map((e) => [e.type, e.endpoint, e.weight]), [['Ip', '203.0.113.10', 100]]);

  const wwwRecords = await dns.describeSubDomainRecords('www.example.com', { domainName: 'example.com' });
  assert.deepEqual(wwwRecords.map((r) => [r.type, r.value, r.ttl]), [['AAAA', ipv6, 600]]);
  const appRecords = await dns.describeSubDomainRecords('app.example.com', { domainName: 'example.com' });
  assert.deepEqual(appRecords.map((r) => [r.type, r.value]), [['CNAME', dnsName]]);
});
