import { test } from 'node:test';
import assert from 'node:assert/strict';
import { areaStep, dnsRecordStep, listenerStep, purchaseStep, type ListenerInput, type PurchaseInput } from '../../../src/workflows/seed';
import { PurchaseDeclinedError, StepInputError, type StepContext } from '../../../src/workflows/step';

const seedPurchase: PurchaseInput = {
  name: 'web-ipv6',
  spec: '1',
  chargeType: 'PREPAY',
  pricingCycle: 'Month',
  duration: 1,
  bandwidthType: 'Enhanced',
  planBandwidth: 2,
  backendOnAlibabaCloud: false,
  autoPay: true,
};

const seedListener: ListenerInput = {
  acceleratorId: 'ga-bp1test',
  listenerName: 'web-80',
  protocol: 'tcp',
  portRanges: [{ fromPort: 80, toPort: 80 }],
  clientAffinity: 'SOURCE_IP',
  endpointGroupName: 'beijing-dc',
  endpointGroupRegion: 'cn-beijing',
  preserveClientIp: false,
  endpoints: [{ type: 'Ip', endpoint: '203.0.113.10', weight: 100 }],
};

test('the seed\'s own values pass every step', () => {
  assert.deepEqual(purchaseStep.validate(seedPurchase), {});
  assert.deepEqual(areaStep.validate({ acceleratorId: 'ga-1', regionId: 'cn-beijing', bandwidth: 2, ipVersion: 'IPv6', planBandwidth: 2, spec: '1' }), {});
  assert.deepEqual(listenerStep.validate(seedListener), {});
  assert.deepEqual(dnsRecordStep.validate({ domainName: 'example.com', rr: 'www', type: 'AAAA', value: 'fd6a:6761::a:1', ttl: 600 }), {});
});

test('purchase: names, terms and bandwidth are checked field by field', () => {
  const p = purchaseStep.validate({ ...seedPurchase, name: '1web', duration: 12, planBandwidth: 1 });
  assert.match(p.name, /start with a letter/);
  assert.match(p.term, /1 to 9 months/);
  assert.match(p.planBandwidth, /2 to 2000/);
  assert.equal(p.spec, undefined);
});

test('purchase: a Basic plan for a backend outside Alibaba Cloud is a warning, not an error', () => {
  const input = { ...seedPurchase, bandwidthType: 'Basic' as const };
  assert.deepEqual(purchaseStep.validate(input), {});
  assert.match(purchaseStep.warnings!(input).bandwidthType, /Enhanced/);
});

test('purchase: the summary says what will be bought and that it is a subscription', () => {
  const s = purchaseStep.purchase!(seedPurchase);
  assert.equal(s.subscription, true);
  assert.match(s.title, /Small I/);
  assert.match(s.lines.join('\n'), /Enhanced, 2 Mbit\/s, subscription, 1 month/);
});

test('purchase: nothing is ordered without confirmation', async () => {
  let called = false;
  const ga = new Proxy({}, { get: () => () => { called = true; } });
  const ctx = { ga, dns: {}, confirmPurchase: async () => false } as unknown as StepContext;
  await assert.rejects(purchaseStep.execute(seedPurchase, ctx), PurchaseDeclinedError);
  assert.equal(called, false);
});

test('purchase: invalid input is refused before anything is asked or ordered', async () => {
  let asked = false;
  const ctx = { ga: {}, dns: {}, confirmPurchase: async () => { asked = true; return true; } } as unknown as StepContext;
  await assert.rejects(purchaseStep.execute({ ...seedPurchase, spec: '7' }, ctx), (e: unknown) => e instanceof StepInputError && /Specification "7"/.test(e.problems.spec));
  assert.equal(asked, false);
});

test('area: IPv6 only in the seed regions unless the live flag says otherwise', () => {
  const base = { acceleratorId: 'ga-1', bandwidth: 2, ipVersion: 'IPv6' as const };
  assert.match(areaStep.validate({ ...base, regionId: 'ap-northeast-1' }).regionId, /not available in Japan \(Tokyo\)/);
  assert.deepEqual(areaStep.validate({ ...base, regionId: 'ap-northeast-1' }, { ipv6Regions: [{ regionId: 'ap-northeast-1', supportIpv6: true }] }), {});
  assert.match(areaStep.validate({ ...base, regionId: 'cn-beijing' }, { ipv6Regions: [{ regionId: 'cn-beijing', supportIpv6: false }] }).regionId, /SupportIpv6 = false/);
  assert.deepEqual(areaStep.validate({ ...base, regionId: 'ap-northeast-1', ipVersion: 'IPv4' }), {});
});

test('area: bandwidth must fit the plan and the spec limits the number of areas', () => {
  const p = areaStep.validate({ acceleratorId: 'ga-1', regionId: 'cn-beijing', bandwidth: 2, ipVersion: 'IPv6', planBandwidth: 3, existingAreaBandwidths: [2], spec: '1' });
  assert.match(p.bandwidth, /4 Mbit\/s but the bandwidth plan has 3/);
  assert.match(p.spec, /at most 1 region/);
});

test('listener: ports, conflicts, names and endpoints', () => {
  const p = listenerStep.validate({
    ...seedListener,
    listenerName: 'a',
    portRanges: [{ fromPort: 65500, toPort: 65500 }],
    endpoints: [{ type: 'Ip', endpoint: '10.0.0.5', weight: 300 }],
  });
  assert.match(p.listenerName, /2 to 128/);
  assert.match(p.portRanges, /reserved/);
  assert.match(p['endpoints.0'], /0 to 255/);
  const conflict = listenerStep.validate({ ...seedListener, otherListeners: [{ name: 'old', portRanges: [{ fromPort: 70, toPort: 90 }] }] });
  assert.match(conflict.portRanges, /already used by listener old/);
  const privateIp = listenerStep.validate({ ...seedListener, endpoints: [{ type: 'Ip', endpoint: '192.168.1.4', weight: 10 }] });
  assert.match(privateIp['endpoints.0'], /private address.*public IPv4/);
  assert.deepEqual(listenerStep.validate({ ...seedListener, endpoints: [{ type: 'Ip', endpoint: '127.0.0.1', weight: 10 }], allowNonPublicEndpoints: true }), {});
});

test('listener: weight 0 is allowed with a warning', () => {
  const input = { ...seedListener, endpoints: [{ type: 'Ip', endpoint: '203.0.113.10', weight: 0 }] };
  assert.deepEqual(listenerStep.validate(input), {});
  assert.match(listenerStep.warnings!(input)['endpoints.0'], /stops GA from sending any traffic/);
});

test('dns: AAAA takes an IPv6 address, CNAME a host name, TTL respects the zone', () => {
  assert.match(dnsRecordStep.validate({ domainName: 'example.com', rr: 'www', type: 'AAAA', value: '203.0.113.10' }).record, /IPv6 address/);
  assert.match(dnsRecordStep.validate({ domainName: 'example.com', rr: 'www', type: 'CNAME', value: 'fd6a::1' }).record, /host name, not an IP/);
  assert.match(dnsRecordStep.validate({ domainName: 'example.com', rr: 'www', type: 'AAAA', value: 'fd6a::1', ttl: 60, minTtl: 600 }).record, /below this zone's minimum of 600/);
  assert.deepEqual(dnsRecordStep.validate({ domainName: 'example.com', rr: 'app', type: 'CNAME', value: 'ga-bp1abc.aliyunga0019.com' }), {});
});
