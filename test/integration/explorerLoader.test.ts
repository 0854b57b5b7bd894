// The explorer's loader against the emulator's demo account over real HTTP: what it shows for the seed
// accelerator, and what it costs in API calls (counted by the emulator's request log).
import { after, before, beforeEach, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { ExplorerLoader } from '../../src/explorer/loader';
import { startCloud, type Harness } from './cloudHarness';

describe('explorer loader on the demo account', () => {
  let h: Harness;
  let loader: ExplorerLoader;

  before(async () => {
    h = await startCloud('demo');
  });
  after(() => h.stop());
  beforeEach(async () => {
    const { ga, dns } = h.services();
    loader = new ExplorerLoader(ga, dns);
    await h.admin.clearRequests();
  });

  const calls = async (): Promise<string[]> => (await h.admin.requests()).map((r) => r.action).sort();
  const seedAccelerator = async () => {
    const found = (await loader.accelerators()).find((a) => a.name === 'web-ipv6');
    assert.ok(found, 'the demo account has the seed accelerator web-ipv6');
    return found;
  };

  it('shows the seed accelerator as the walk-through leaves it', async () => {
    const state = await h.admin.state();
    const seed = await seedAccelerator();
    const details = await loader.details(seed);
    const area = details.ipSets.find((s) => s.ipVersion === 'IPv6');
    const expectedAddress = Object.values(state.ga.ipSets).find((s) => s.AcceleratorId === seed.acceleratorId)?.IpAddressList[0];
    assert.equal(area?.accelerateRegionId, 'cn-beijing');
    assert.deepEqual(area?.ipAddressList, [expectedAddress]);
    assert.deepEqual(details.listeners.map((l) => [l.protocol, l.portRanges?.[0]?.fromPort, l.clientAffinity]), [['TCP', 80, 'SOURCE_IP']]);
    const endpoints = details.endpointGroups.flatMap((g) => g.endpointConfigurations ?? []);
    assert.deepEqual(endpoints.map((e) => [e.endpoint, e.weight]), [['203.0.113.10', 100]]);
    assert.equal(details.bandwidthPlan?.bandwidthPackageId, seed.basicBandwidthPackage?.instanceId);
    assert.equal(details.bandwidthPlan?.bandwidth, 2);

    const health = await loader.health(seed.acceleratorId ?? '', details.listeners[0].listenerId ?? '');
    assert.equal(health.endpointGroups?.[0]?.endpoints?.[0]?.address, '203.0.113.10');

    const dns = await loader.dnsRecordsFor(seed);
    assert.deepEqual(dns.records.map((r) => `${r.rr} ${r.type}`).sort(), ['app CNAME', 'www AAAA']);
  });

  it('expands an accelerator with three list calls, lists plans once per refresh and caches every answer', async () => {
    const all = await loader.accelerators();
    assert.deepEqual(await calls(), ['ListAccelerators']);

    await h.admin.clearRequests();
    const seed = await seedAccelerator();
    await loader.details(seed);
    assert.deepEqual(await calls(), ['ListBandwidthPackages', 'ListEndpointGroups', 'ListIpSets', 'ListListeners']);

    await h.admin.clearRequests();
    const others = all.filter((a) => a !== seed);
    await Promise.all(others.map((a) => loader.details(a)));
    const perAction = (await calls()).reduce<Record<string, number>>((m, a) => ({ ...m, [a]: (m[a] ?? 0) + 1 }), {});
    assert.deepEqual(perAction, { ListEndpointGroups: others.length, ListIpSets: others.length, ListListeners: others.length });

    await h.admin.clearRequests();
    await loader.details(seed);
    await loader.accelerators();
    assert.deepEqual(await calls(), [], 'answers are kept until refresh');

    loader.refresh();
    await loader.accelerators();
    assert.deepEqual(await calls(), ['ListAccelerators']);
  });

  it('reads each DNS zone once per refresh, whatever the number of accelerators asking', async () => {
    const all = await loader.accelerators();
    await Promise.all(all.map((a) => loader.details(a)));
    await h.admin.clearRequests();
    await Promise.all(all.map((a) => loader.dnsRecordsFor(a)));
    assert.deepEqual(await calls(), ['DescribeDomainRecords', 'DescribeDomainRecords', 'DescribeDomains']);
  });
});
