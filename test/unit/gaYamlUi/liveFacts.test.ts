import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { FACTS_TTL_MS, LiveFacts, type FactsServices } from '../../../src/gaYamlUi/liveFacts';
import { KeyedDebouncer } from '../../../src/gaYamlUi/debounce';
import type { Profile } from '../../../src/profiles/types';

function profile(id: string, source: Profile['source'] = 'vscode'): Profile {
  return { id, name: id, source, origin: 'test', endpoints: {}, credentials: async () => ({ accessKeyId: 'x', accessKeySecret: 'y' }) };
}

function fakeServices(calls: string[], opts: { failAreas?: boolean } = {}): FactsServices {
  return {
    ga: {
      listAvailableAccelerateAreas: async () => {
        calls.push('ListAvailableAccelerateAreas');
        if (opts.failAreas) throw new Error('Throttling.User');
        return [{ areaId: 'cn-huabei', regionList: [{ regionId: 'cn-beijing', supportIpv6: true, localName: 'China (Beijing)', ispTypeList: ['BGP'] }, { regionId: 'cn-zhangjiakou', supportIpv6: false }] }];
      },
      listAccelerators: async () => {
        calls.push('ListAccelerators');
        return [{ acceleratorId: 'ga-1', name: 'web-ipv6', state: 'active', dnsName: 'ga-1.aliyunga0019.com' }, { acceleratorId: 'ga-2', name: 'other' }];
      },
      listIpSets: async (id: string) => {
        calls.push(`ListIpSets ${id}`);
        return [{ accelerateRegionId: 'cn-beijing', ipVersion: 'IPv6', ipAddressList: ['2408:4000::1'] }];
      },
    } as unknown as FactsServices['ga'],
    dns: {
      describeDomains: async () => {
        calls.push('DescribeDomains');
        return [{ domainName: 'example.com' }, { domainName: 'example.org' }];
      },
      describeDomainInfo: async (zone: string) => {
        calls.push(`DescribeDomainInfo ${zone}`);
        return { domainName: zone, minTtl: 60, availableTtls: [], lines: [], dnsServers: [] };
      },
    } as unknown as FactsServices['dns'],
  };
}

test('facts: offline at once, then the account\'s regions and zones, read once per profile and kept as one object', async () => {
  const calls: string[] = [];
  let clock = 0;
  const facts = new LiveFacts(() => fakeServices(calls), undefined, () => clock);
  let changes = 0;
  facts.onDidChange(() => changes++);
  const p = profile('vscode:a');
  assert.deepEqual(facts.current(p), { sandbox: false }, 'nothing is waited for');
  const read = await facts.settled(p);
  assert.deepEqual(read.liveRegions?.map((r) => [r.regionId, r.supportIpv6, r.name, r.ispTypes]), [['cn-beijing', true, 'China (Beijing)', ['BGP']], ['cn-zhangjiakou', false, undefined, undefined]]);
  assert.deepEqual(read.zones, ['example.com', 'example.org']);
  assert.equal(changes, 1);
  assert.equal(facts.current(p), read, 'the same object until something changes');
  assert.deepEqual(calls, ['ListAvailableAccelerateAreas', 'DescribeDomains']);
  clock += FACTS_TTL_MS + 1;
  facts.current(p);
  await facts.settled(p);
  assert.equal(calls.length, 4, 'read again once stale');
  assert.deepEqual(facts.current(undefined), {}, 'no profile: the offline rules');
  assert.equal(facts.current(profile('sandbox', 'sandbox')).sandbox, true);
});

test('facts: a failed read leaves the offline rules for that part, and says so in the log', async () => {
  const log: string[] = [];
  const facts = new LiveFacts(() => fakeServices([], { failAreas: true }), (l) => log.push(l));
  const p = profile('vscode:b');
  facts.current(p);
  const read = await facts.settled(p);
  assert.equal(read.liveRegions, undefined);
  assert.deepEqual(read.zones, ['example.com', 'example.org']);
  assert.match(log.join('\n'), /reading the acceleration areas of vscode:b failed \(Throttling\.User\); the offline rules apply/);
});

test('facts: minimum TTLs only for zones the file names that the account has', async () => {
  const calls: string[] = [];
  const facts = new LiveFacts(() => fakeServices(calls));
  const p = profile('vscode:c');
  facts.current(p);
  await facts.settled(p);
  const changed = new Promise<void>((resolve) => facts.onDidChange(resolve));
  facts.current(p, ['example.com', 'not-mine.com']);
  await changed;
  assert.deepEqual(facts.current(p).zoneMinTtl, new Map([['example.com', 60]]));
  assert.deepEqual(calls.filter((c) => c.startsWith('DescribeDomainInfo')), ['DescribeDomainInfo example.com']);
  facts.current(p, ['example.com']);
  assert.equal(calls.filter((c) => c.startsWith('DescribeDomainInfo')).length, 1, 'asked once');
});

test('live accelerators for hover: one list, then addresses only for the names asked, cached', async () => {
  const calls: string[] = [];
  const facts = new LiveFacts(() => fakeServices(calls));
  const p = profile('vscode:d');
  const live = await facts.accelerators(p, ['web-ipv6'], 1000);
  assert.deepEqual(live, [{ name: 'web-ipv6', id: 'ga-1', state: 'active', cname: 'ga-1.aliyunga0019.com', areas: [{ region: 'cn-beijing', ipVersion: 'IPv6', addresses: ['2408:4000::1'] }] }]);
  await facts.accelerators(p, ['web-ipv6'], 1000);
  assert.deepEqual(calls, ['ListAccelerators', 'ListIpSets ga-1']);
  assert.equal(await facts.accelerators(undefined, ['web-ipv6'], 1000), undefined);
});

test('live accelerators: a slow account does not hold hover beyond its timeout', async () => {
  const never = new Promise<never>(() => undefined);
  const slow = { ga: { listAccelerators: () => never }, dns: {} } as unknown as FactsServices;
  const facts = new LiveFacts(() => slow);
  assert.equal(await facts.accelerators(profile('vscode:e'), ['web-ipv6'], 20), undefined);
});

test('debouncer: only the last of a burst runs; cancel drops it', async () => {
  const d = new KeyedDebouncer<string>(5);
  const ran: string[] = [];
  const done = new Promise<void>((resolve) => {
    d.schedule('a', () => ran.push('a1'));
    d.schedule('a', () => ran.push('a2'));
    d.schedule('b', () => ran.push('b1'));
    d.cancel('b');
    d.schedule('c', () => {
      ran.push('c1');
      resolve();
    }, 20);
  });
  await done;
  assert.deepEqual(ran, ['a2', 'c1']);
  assert.equal(d.has('a'), false);
  d.dispose();
});
