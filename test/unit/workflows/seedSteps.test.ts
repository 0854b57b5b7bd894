import { test } from 'node:test';
import assert from 'node:assert/strict';
import { problemAt, RULES, type Problem, type RuleId } from '../../../src/model';
import { areaStep, dnsRecordStep, listenerStep, purchaseStep, type ListenerInput, type PurchaseInput } from '../../../src/workflows/seed';
import { PurchaseDeclinedError, StepInputError, type StepContext } from '../../../src/workflows/step';
import { ServiceNotOpenedError } from '../../../src/workflows/service';

/** The message at a form field, checking that it carries the rule's code and severity. */
function at(problems: readonly Problem[], path: string, rule?: RuleId): string {
  const p = problemAt(problems, path);
  assert.ok(p, `no problem at ${path}; there are: ${problems.map((x) => `${x.path} ${x.code}`).join(', ') || 'none'}`);
  if (rule) assert.deepEqual([p.code, p.severity], [RULES[rule].code, RULES[rule].severity], `${path}: ${p.message}`);
  return p.message;
}

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
  assert.deepEqual(purchaseStep.validate(seedPurchase), []);
  assert.deepEqual(purchaseStep.warnings!(seedPurchase), []);
  assert.deepEqual(areaStep.validate({ acceleratorId: 'ga-1', regionId: 'cn-beijing', bandwidth: 2, ipVersion: 'IPv6', planBandwidth: 2, spec: '1' }), []);
  assert.deepEqual(listenerStep.validate(seedListener), []);
  assert.deepEqual(listenerStep.warnings!(seedListener), []);
  assert.deepEqual(dnsRecordStep.validate({ domainName: 'example.com', rr: 'www', type: 'AAAA', value: 'fd6a:6761::a:1', ttl: 600 }), []);
});

test('purchase: names, terms and bandwidth are checked field by field', () => {
  const p = purchaseStep.validate({ ...seedPurchase, name: '1web', duration: 12, planBandwidth: 1 });
  assert.match(at(p, 'name', 'acceleratorName'), /start with a letter/);
  assert.match(at(p, 'duration', 'term'), /1 to 9 months/);
  assert.deepEqual(problemAt(p, 'duration')?.fix, { kind: 'setValue', title: 'Use 9', value: 9 });
  assert.match(at(p, 'planBandwidth', 'planBandwidth'), /2 to 2000/);
  assert.equal(problemAt(p, 'spec'), undefined);
  assert.equal(p.length, 3);
});

test('purchase: a Basic plan for a backend outside Alibaba Cloud is a warning, not an error', () => {
  const input = { ...seedPurchase, bandwidthType: 'Basic' as const };
  assert.deepEqual(purchaseStep.validate(input), []);
  assert.match(at(purchaseStep.warnings!(input), 'bandwidthType', 'basicBandwidthType'), /Enhanced/);
  assert.match(at(purchaseStep.warnings!({ ...seedPurchase, spec: '40' }), 'spec', 'specWhitelist'), /whitelist/);
  assert.deepEqual(purchaseStep.validate({ ...seedPurchase, spec: '40' }), []);
});

test('purchase: the summary says what will be bought and that it is a subscription', () => {
  const s = purchaseStep.purchase!(seedPurchase);
  assert.equal(s.subscription, true);
  assert.match(s.title, /Small I/);
  assert.match(s.lines.join('\n'), /Enhanced, 2 Mbit\/s, subscription, 1 month/);
});

test('purchase offers what an ordinary account can buy: subscription with a subscription plan, or pay-as-you-go billed by data transfer', () => {
  const payAsYouGo = { name: 'api-ipv6', chargeType: 'POSTPAY' as const, autoPay: true };
  // Pay-as-you-go needs no specification, term or plan; it is billed by data transfer.
  assert.deepEqual(purchaseStep.validate(payAsYouGo), []);
  assert.deepEqual(purchaseStep.validate({ ...payAsYouGo, bandwidthBillingType: 'CDT' }), []);
  const planBilled = purchaseStep.validate({ ...payAsYouGo, bandwidthBillingType: 'BandwidthPackage' });
  assert.match(at(planBilled, 'bandwidthBillingType', 'billing'), /a subscription instance with a subscription basic bandwidth plan, or a pay-as-you-go instance billed by data transfer/);
  assert.match(at(purchaseStep.validate({ ...seedPurchase, bandwidthBillingType: 'CDT' }), 'bandwidthBillingType', 'billing'), /allow-listed accounts only/);
  assert.match(at(purchaseStep.validate({ ...seedPurchase, chargeType: 'MONTHLY' as never }), 'chargeType', 'billing'), /subscription \(PREPAY\) or pay-as-you-go \(POSTPAY\)/);
  const summary = purchaseStep.purchase!({ ...seedPurchase, ...payAsYouGo });
  assert.equal(summary.subscription, false);
  assert.match(summary.title, /Pay-as-you-go GA instance api-ipv6, billed by data transfer/);
  assert.match(summary.lines.join('\n'), /no specification and no bandwidth plan.*\n.*activated for pay-as-you-go/);
});

test('purchase: pay-as-you-go on an account without the service activated orders nothing', async () => {
  const calls: string[] = [];
  const ga = { describeAcceleratorServiceStatus: async () => (calls.push('status'), { status: 'NotOpened' }), createAccelerator: async () => calls.push('create') };
  const ctx = { ga, dns: {}, confirmPurchase: async () => (calls.push('asked'), true) } as unknown as StepContext;
  await assert.rejects(purchaseStep.execute({ ...seedPurchase, chargeType: 'POSTPAY' }, ctx), (e: unknown) => e instanceof ServiceNotOpenedError && e.status === 'NotOpened');
  assert.deepEqual(calls, ['status'], 'not even asked');
});

test('area: an instance billed by data transfer names the line of each area', () => {
  const cdt = { acceleratorId: 'ga-1', regionId: 'cn-beijing', bandwidth: 2, ipVersion: 'IPv6' as const, bandwidthBillingType: 'CDT' };
  assert.match(at(areaStep.validate(cdt), 'ispType', 'ispType'), /BGP, or BGP_PRO/);
  assert.deepEqual(problemAt(areaStep.validate(cdt), 'ispType')?.fix, { kind: 'setValue', title: 'Use BGP', value: 'BGP' });
  assert.deepEqual(areaStep.validate({ ...cdt, ispType: 'BGP' }), []);
  assert.equal(problemAt(areaStep.validate({ ...cdt, bandwidthBillingType: 'BandwidthPackage' }), 'ispType'), undefined);
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
  await assert.rejects(purchaseStep.execute({ ...seedPurchase, spec: '7' }, ctx), (e: unknown) => e instanceof StepInputError && e.problems.length === 1 && /Specification "7"/.test(at(e.problems, 'spec', 'spec')));
  assert.equal(asked, false);
});

test('area: IPv6 only in the seed regions unless the live flag says otherwise', () => {
  const base = { acceleratorId: 'ga-1', bandwidth: 2, ipVersion: 'IPv6' as const };
  const tokyo = areaStep.validate({ ...base, regionId: 'ap-northeast-1' });
  assert.match(at(tokyo, 'regionId', 'ipv6Region'), /not available in Japan \(Tokyo\)/);
  assert.deepEqual(problemAt(tokyo, 'regionId')?.fix, { kind: 'setValue', title: 'Use China (Hong Kong) (cn-hongkong)', value: 'cn-hongkong' });
  assert.deepEqual(areaStep.validate({ ...base, regionId: 'ap-northeast-1' }, { ipv6Regions: [{ regionId: 'ap-northeast-1', supportIpv6: true }] }), []);
  assert.match(at(areaStep.validate({ ...base, regionId: 'cn-beijing' }, { ipv6Regions: [{ regionId: 'cn-beijing', supportIpv6: false }] }), 'regionId', 'ipv6Region'), /SupportIpv6 = false/);
  assert.deepEqual(areaStep.validate({ ...base, regionId: 'ap-northeast-1', ipVersion: 'IPv4' }), []);
  assert.match(at(areaStep.validate({ ...base, regionId: 'cn-beijing' }, { ipv6Regions: [{ regionId: 'cn-hangzhou', supportIpv6: true }] }), 'regionId', 'ipv6Region'), /not an acceleration region this account can use/);
  assert.deepEqual(areaStep.validate({ ...base, regionId: 'mars-north-1', ipVersion: 'IPv4' }), []);
  assert.match(at(areaStep.warnings!({ ...base, regionId: 'mars-north-1', ipVersion: 'IPv4' }), 'regionId', 'unknownRegion'), /not a region this extension knows/);
});

test('area: bandwidth must fit the plan and the spec limits the number of areas', () => {
  const p = areaStep.validate({ acceleratorId: 'ga-1', regionId: 'cn-beijing', bandwidth: 2, ipVersion: 'IPv6', planBandwidth: 3, existingAreaBandwidths: [2], spec: '1' });
  assert.match(at(p, 'bandwidth', 'areaBandwidthSum'), /4 Mbit\/s but the bandwidth plan has 3/);
  assert.match(at(p, 'spec', 'areaCount'), /at most 1 region/);
  assert.deepEqual(problemAt(p, 'spec')?.fix, { kind: 'setValue', title: 'Use Small II (spec 2)', value: '2' });
});

test('listener: ports, conflicts, names and endpoints', () => {
  const p = listenerStep.validate({
    ...seedListener,
    listenerName: 'a',
    portRanges: [{ fromPort: 65500, toPort: 65500 }],
    endpoints: [{ type: 'Ip', endpoint: '10.0.0.5', weight: 300 }],
  });
  assert.match(at(p, 'listenerName', 'listenerName'), /2 to 128/);
  assert.match(at(p, 'portRanges[0]', 'reservedPort'), /reserved/);
  assert.deepEqual(problemAt(p, 'portRanges[0]')?.fix, { kind: 'setValue', title: 'Use port 65499', value: 65499 });
  assert.match(at(p, 'endpoints[0].weight', 'weight'), /0 to 255/);
  assert.deepEqual(problemAt(p, 'endpoints[0].weight')?.fix, { kind: 'setValue', title: 'Use 255', value: 255 });
  assert.match(at(p, 'endpoints[0].endpoint', 'publicEndpoint'), /private address/);
  const conflict = listenerStep.validate({ ...seedListener, otherListeners: [{ name: 'old', portRanges: [{ fromPort: 70, toPort: 90 }] }] });
  assert.match(at(conflict, 'portRanges[0]', 'portOverlap'), /already used by listener old/);
  const udp = listenerStep.validate({ ...seedListener, protocol: 'UDP', portRanges: [{ fromPort: 53, toPort: 53 }, { fromPort: 4789, toPort: 4789 }] });
  assert.match(at(udp, 'portRanges[1]', 'reservedPort'), /UDP port 4789 is reserved/);
  assert.deepEqual(problemAt(udp, 'portRanges[1]')?.fix, { kind: 'setValue', title: 'Use port 4788', value: 4788 });
  const privateIp = listenerStep.validate({ ...seedListener, endpoints: [{ type: 'Ip', endpoint: '192.168.1.4', weight: 10 }] });
  assert.match(at(privateIp, 'endpoints[0].endpoint', 'publicEndpoint'), /private address.*public IPv4/);
  assert.deepEqual(listenerStep.validate({ ...seedListener, endpoints: [{ type: 'Ip', endpoint: '127.0.0.1', weight: 10 }], allowNonPublicEndpoints: true }), []);
  assert.match(at(listenerStep.validate({ ...seedListener, endpoints: [] }), 'endpoints', 'endpointCount'), /at least one endpoint/);
});

test('listener: weight 0 is allowed with a warning', () => {
  const input = { ...seedListener, endpoints: [{ type: 'Ip', endpoint: '203.0.113.10', weight: 0 }] };
  assert.deepEqual(listenerStep.validate(input), []);
  assert.match(at(listenerStep.warnings!(input), 'endpoints[0].weight', 'weightZero'), /stops GA from sending any traffic/);
});

test('dns: AAAA takes an IPv6 address, CNAME a host name, TTL respects the zone', () => {
  assert.match(at(dnsRecordStep.validate({ domainName: 'example.com', rr: 'www', type: 'AAAA', value: '203.0.113.10' }), 'value', 'dnsValue'), /IPv6 address/);
  assert.match(at(dnsRecordStep.validate({ domainName: 'example.com', rr: 'www', type: 'CNAME', value: 'fd6a::1' }), 'value', 'dnsValue'), /host name, not an IP/);
  const lowTtl = dnsRecordStep.validate({ domainName: 'example.com', rr: 'www', type: 'AAAA', value: 'fd6a::1', ttl: 60, minTtl: 600 });
  assert.match(at(lowTtl, 'ttl', 'dnsTtl'), /below this zone's minimum of 600/);
  assert.deepEqual(problemAt(lowTtl, 'ttl')?.fix, { kind: 'setValue', title: 'Use 600 s', value: 600 });
  assert.match(at(dnsRecordStep.validate({ domainName: 'example.com', rr: 'a..b', type: 'AAAA', value: 'fd6a::1' }), 'rr', 'dnsHost'), /each label must be 1 to 63/);
  assert.deepEqual(dnsRecordStep.validate({ domainName: 'example.com', rr: 'app', type: 'CNAME', value: 'ga-bp1abc.aliyunga0019.com' }), []);
});
