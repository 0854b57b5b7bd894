import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { recordsPointingAt, scanDnsZones } from '../../../src/workflows/live/dnsScan';
import { ExplorerLoader } from '../../../src/explorer/loader';
import { cloudError, FakeCloud, seedAccount } from './fakes';

describe('explorer loader', () => {
  it('expands an accelerator with ListIpSets, ListListeners, ListEndpointGroups in parallel (plans once)', async () => {
    const cloud = new FakeCloud(seedAccount());
    const loader = new ExplorerLoader(cloud.ga, cloud.dns);
    const [seed, fresh] = await loader.accelerators();
    await Promise.all([loader.details(seed), loader.details(seed), loader.details(fresh)]);
    assert.deepEqual(cloud.calls.sort(), ['ListAccelerators', 'ListBandwidthPackages', 'ListEndpointGroups', 'ListEndpointGroups', 'ListIpSets', 'ListIpSets', 'ListListeners', 'ListListeners']);
  });

  it('keeps a failed plan listing from failing the expansion', async () => {
    const cloud = new FakeCloud(seedAccount());
    cloud.failures.ListBandwidthPackages = cloudError('permission', 'Forbidden.RAM', 'missing ga:ListBandwidthPackages');
    const loader = new ExplorerLoader(cloud.ga, cloud.dns);
    const [seed] = await loader.accelerators();
    const details = await loader.details(seed);
    assert.equal(details.bandwidthPlan, undefined);
    assert.match(details.bandwidthPlanError ?? '', /ListBandwidthPackages/);
    assert.equal(details.listeners.length, 1);
  });

  it('forgets a failure, so the next expansion asks again', async () => {
    const cloud = new FakeCloud(seedAccount());
    const loader = new ExplorerLoader(cloud.ga, cloud.dns);
    cloud.failures.ListAccelerators = cloudError('network', 'ECONNRESET');
    await assert.rejects(loader.accelerators(), /ECONNRESET/);
    delete cloud.failures.ListAccelerators;
    assert.equal((await loader.accelerators()).length, 2);
    assert.deepEqual(cloud.calls, ['ListAccelerators', 'ListAccelerators']);
  });

  it('asks for health once per listener and forgets it with its accelerator', async () => {
    const cloud = new FakeCloud(seedAccount());
    const loader = new ExplorerLoader(cloud.ga, cloud.dns);
    await Promise.all([loader.health('ga-seed', 'lsr-seed'), loader.health('ga-seed', 'lsr-seed')]);
    loader.forgetAccelerator('ga-other');
    await loader.health('ga-seed', 'lsr-seed');
    loader.forgetAccelerator('ga-seed');
    await loader.health('ga-seed', 'lsr-seed');
    assert.deepEqual(cloud.calls, ['GetHealthStatus', 'GetHealthStatus']);
  });

  it('treats an ip set answering without State as gone, and not-found as gone', async () => {
    const account = seedAccount();
    const cloud = new FakeCloud(account);
    const loader = new ExplorerLoader(cloud.ga, cloud.dns);
    account.ipSets[0].state = undefined;
    assert.equal(await loader.pollIpSet('ips-seed'), undefined);
    assert.equal(await loader.pollAccelerator('ga-missing'), undefined);
    assert.equal(await loader.pollListener('lsr-missing'), undefined);
    cloud.failures.DescribeAccelerator = cloudError('network', 'ECONNRESET');
    await assert.rejects(loader.pollAccelerator('ga-seed'), /ECONNRESET/, 'only not-found means gone');
  });
});

describe('DNS scan', () => {
  it('reads at most zoneLimit zones with at most `concurrency` calls in flight', async () => {
    const account = seedAccount();
    for (let i = 0; i < 12; i++) account.zones[`zone${i}.test`] = [];
    const cloud = new FakeCloud(account);
    const scan = await scanDnsZones(cloud.dns, { zoneLimit: 10, concurrency: 3 });
    assert.equal(scan.zonesTotal, 14);
    assert.equal(scan.zonesSearched.length, 10);
    assert.equal(cloud.calls.filter((c) => c === 'DescribeDomainRecords').length, 10);
    assert.equal(cloud.maxInFlight, 3);
  });

  it('stops at an auth or permission problem instead of reporting it per zone', async () => {
    const cloud = new FakeCloud(seedAccount());
    cloud.failures['DescribeDomainRecords:example.net'] = cloudError('permission', 'Forbidden.RAM');
    await assert.rejects(scanDnsZones(cloud.dns), /Forbidden.RAM/);
  });

  it('matches CNAME by name (any case, trailing dot) and AAAA by address (any spelling), nothing else', () => {
    const records = seedAccount().zones['example.com'];
    const matched = recordsPointingAt(records, { dnsName: 'ga-seed.aliyunga0019.com', ipv6Addresses: ['2408:4000:1000::1'] });
    assert.deepEqual(matched.map((r) => r.recordId), ['r-www', 'r-app']);
    assert.deepEqual(recordsPointingAt(records, { ipv6Addresses: [] }), []);
  });
});
