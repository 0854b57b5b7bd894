import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AcceleratorSummary, DnsRecord } from '../../../src/cloud';
import type { AcceleratorDetails, DnsMatches } from '../../../src/explorer/loader';
import { loadListings, pickEntries, type ListingLoader } from '../../../src/probeUi/pickItems';
import { nodeProbe } from '../../../src/probeUi/targets';

const V6 = '2408:4000:1000::1';
const web: AcceleratorSummary = { acceleratorId: 'ga-web', name: 'web', dnsName: 'ga-web.aliyunga0019.com', state: 'active' };
const details: AcceleratorDetails = {
  ipSets: [
    { ipSetId: 'ips-bj', accelerateRegionId: 'cn-beijing', ipVersion: 'IPv6', ipAddressList: [V6] },
    { ipSetId: 'ips-v4', accelerateRegionId: 'cn-hangzhou', ipVersion: 'IPv4', ipAddressList: ['47.0.0.1'] },
  ],
  listeners: [{ listenerId: 'lsr-web', protocol: 'TCP', portRanges: [{ fromPort: 80, toPort: 80 }] }],
  endpointGroups: [],
};
const www: DnsRecord = { recordId: 'r-www', domainName: 'example.com', rr: 'www', type: 'AAAA', value: V6 };
const profile = { id: 'p', name: 'prod' };

/** A loader over `count` accelerators (the first is `web`) that records what it was asked. */
function fakeLoader(count: number, failures: { details?: string; dns?: string } = {}): ListingLoader & { asked: string[] } {
  const accelerators = [web, ...Array.from({ length: count - 1 }, (_, i) => ({ acceleratorId: `ga-${i + 2}`, name: `other-${i + 2}`, state: 'active' }))];
  const asked: string[] = [];
  return {
    asked,
    accelerators: async () => accelerators,
    details: async (a) => {
      asked.push(`details ${a.acceleratorId}`);
      if (failures.details) throw new Error(failures.details);
      return a === web ? details : { ipSets: [], listeners: [], endpointGroups: [] };
    },
    dnsRecordsFor: async (a): Promise<DnsMatches> => {
      asked.push(`dns ${a.acceleratorId}`);
      if (failures.dns) throw new Error(failures.dns);
      return { records: a === web ? [www] : [], scan: { records: [www], zonesSearched: ['example.com'], zonesTotal: 1, failures: [] } };
    },
  };
}

describe('the probe quick pick\'s items', () => {
  it('groups each accelerator with its IPv6 areas and its DNS records, each item carrying the node to probe', async () => {
    const entries = pickEntries(profile, await loadListings(fakeLoader(1)));
    assert.deepEqual(entries.map((e) => [e.separator ?? false, e.label, e.node?.kind]), [
      [true, 'web · ga-web', undefined],
      [false, '$(rocket) web', 'accelerator'],
      [false, '$(globe) China (Beijing)', 'area'],
      [false, '$(symbol-namespace) www.example.com', 'dnsRecord'],
    ]);
    assert.equal(entries[2].description, V6);
    assert.equal(entries[3].description, `AAAA → ${V6}`);
  });

  it('builds nodes the explorer\'s target builders probe like the tree\'s own', async () => {
    const [, , area, record] = pickEntries(profile, await loadListings(fakeLoader(1)));
    assert.ok(area.node && record.node);
    const areaProbe = nodeProbe(area.node, { accelerator: web, details });
    assert.deepEqual(areaProbe.targets.map((t) => [t.kind, t.label, t.ipv6Addresses, t.ports]), [['area', 'China (Beijing) of web', [V6], [80]]]);
    const recordProbe = nodeProbe(record.node, { accelerator: web, details });
    assert.deepEqual(recordProbe.targets.map((t) => [t.kind, t.hostName]), [['record', 'www.example.com']]);
  });

  it('expands only the first accelerators of a large account, and says so on the others', async () => {
    const loader = fakeLoader(12);
    const listings = await loadListings(loader, 10);
    assert.equal(loader.asked.filter((a) => a.startsWith('details')).length, 10);
    assert.ok(!loader.asked.some((a) => a.endsWith('ga-11') || a.endsWith('ga-12')), loader.asked.join(', '));
    const entries = pickEntries(profile, listings, 10);
    const last = entries.filter((e) => e.node?.kind === 'accelerator').at(-1);
    assert.equal(last?.label, '$(rocket) other-12');
    assert.match(last?.detail ?? '', /first 10 of 12 accelerators only/);
  });

  it('still offers the accelerator when its areas or DNS records cannot be read, with the reason', async () => {
    const entries = pickEntries(profile, await loadListings(fakeLoader(1, { details: 'Forbidden.RAM: no ga:ListIpSets', dns: 'Forbidden.RAM: no alidns:DescribeDomains' })));
    assert.deepEqual(entries.map((e) => e.node?.kind), [undefined, 'accelerator']);
    assert.match(entries[1].detail ?? '', /areas could not be listed \(Forbidden\.RAM: no ga:ListIpSets\)/);
    assert.match(entries[1].detail ?? '', /DNS records could not be listed \(Forbidden\.RAM: no alidns:DescribeDomains\)/);
  });
});
