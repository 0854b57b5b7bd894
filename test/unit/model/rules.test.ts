import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  findPortRangeProblem,
  ipv6Regions,
  nearestIpv6Region,
  portRangeFindings,
  checkAreaBandwidthFits,
  checkEndpoint,
  checkIpv6Region,
  checkName,
  checkPort,
  checkPortRanges,
  checkTags,
  checkWeight,
  findPortConflict,
  ipv4NonPublicReason,
  isIpv6,
  SEED_IPV6_REGIONS,
} from '../../../src/model';

test('names: the seed rule (2–128, letter first, letters digits _ -)', () => {
  assert.equal(checkName('listener', 'web-80_a'), undefined);
  assert.match(checkName('listener', 'w') ?? '', /2 to 128/);
  assert.match(checkName('listener', 'x'.repeat(129)) ?? '', /has 129/);
  assert.match(checkName('listener', '8web') ?? '', /start with a letter/);
  assert.match(checkName('listener', 'web.80') ?? '', /"\." is not allowed/);
});

test('names: the API rule allows one character and dots for listeners, not for new accelerators', () => {
  assert.equal(checkName('listener', 'w', 'api'), undefined);
  assert.equal(checkName('listener', 'web.80', 'api'), undefined);
  assert.match(checkName('accelerator', 'web.80', 'api') ?? '', /not allowed/);
});

test('names: renaming an instance (UpdateAccelerator) also allows dots and Chinese characters, but not with the seed rule', () => {
  assert.equal(checkName('acceleratorUpdate', 'web.80', 'api'), undefined);
  assert.equal(checkName('acceleratorUpdate', '加速web', 'api'), undefined);
  assert.match(checkName('acceleratorUpdate', 'web/80', 'api') ?? '', /Instance name .*dots.*"\/" is not allowed/);
  assert.match(checkName('acceleratorUpdate', '.web', 'api') ?? '', /start with a letter or a Chinese character/);
  assert.match(checkName('acceleratorUpdate', 'web.80') ?? '', /"\." is not allowed/);
});

test('ports: 1–65499, reserved range, HTTP takes one port, UDP reserved ports, overlaps', () => {
  assert.equal(checkPort(80), undefined);
  assert.match(checkPort(0) ?? '', /out of range/);
  assert.match(checkPort(65500) ?? '', /reserved/);
  assert.match(checkPort(80.5) ?? '', /whole number/);
  assert.equal(checkPortRanges([{ fromPort: 80, toPort: 80 }], 'TCP'), undefined);
  assert.match(checkPortRanges([{ fromPort: 90, toPort: 80 }], 'TCP') ?? '', /backwards/);
  assert.match(checkPortRanges([{ fromPort: 80, toPort: 81 }], 'HTTP') ?? '', /exactly one port/);
  assert.match(checkPortRanges([{ fromPort: 4780, toPort: 4800 }], 'UDP') ?? '', /4789/);
  assert.match(checkPortRanges([{ fromPort: 1, toPort: 400 }, { fromPort: 500, toPort: 500 }], 'TCP') ?? '', /more than 300 ports/);
  assert.match(checkPortRanges([{ fromPort: 80, toPort: 90 }, { fromPort: 85, toPort: 85 }], 'TCP') ?? '', /overlap/);
  assert.match(checkPortRanges([], 'TCP') ?? '', /at least one port/);
});

test('ports: a conflict names the listener that holds the port', () => {
  assert.match(findPortConflict([{ fromPort: 443, toPort: 443 }], [{ name: 'tls', portRanges: [{ fromPort: 400, toPort: 500 }] }]) ?? '', /listener tls \(400-500\)/);
  assert.equal(findPortConflict([{ fromPort: 80, toPort: 80 }], [{ name: 'tls', portRanges: [{ fromPort: 443, toPort: 443 }] }]), undefined);
});

test('weights: 0–255 whole numbers', () => {
  assert.equal(checkWeight(0), undefined);
  assert.equal(checkWeight(255), undefined);
  assert.match(checkWeight(256) ?? '', /0 to 255/);
  assert.match(checkWeight(-1) ?? '', /0 to 255/);
  assert.match(checkWeight('5') ?? '', /0 to 255/);
});

test('endpoints: custom IPs must be public IPv4 unless the sandbox allows loopback', () => {
  assert.equal(checkEndpoint({ type: 'Ip', endpoint: '203.0.113.10', weight: 100 }), undefined);
  assert.match(checkEndpoint({ type: 'Ip', endpoint: '127.0.0.1', weight: 1 }) ?? '', /loopback/);
  assert.equal(checkEndpoint({ type: 'Ip', endpoint: '127.0.0.1', weight: 1 }, { allowNonPublic: true }), undefined);
  assert.match(checkEndpoint({ type: 'Ip', endpoint: 'fd00::1', weight: 1 }) ?? '', /not an IPv4 address/);
  assert.match(checkEndpoint({ type: 'Nope', endpoint: '1.2.3.4', weight: 1 }) ?? '', /not one of/);
  assert.equal(ipv4NonPublicReason('172.20.1.1'), 'a private address');
  assert.equal(ipv4NonPublicReason('172.32.1.1'), undefined);
  assert.equal(ipv4NonPublicReason('100.64.0.1'), 'a carrier-grade NAT address');
});

test('IPv6 regions: the seed\'s twelve, overridden by the live flag', () => {
  assert.equal(SEED_IPV6_REGIONS.length, 12);
  for (const r of SEED_IPV6_REGIONS) assert.equal(checkIpv6Region(r), undefined, r);
  assert.match(checkIpv6Region('us-west-1') ?? '', /not available in US \(Silicon Valley\)/);
  assert.equal(checkIpv6Region('us-west-1', [{ regionId: 'us-west-1', supportIpv6: true }]), undefined);
});

test('bandwidth: areas must fit the plan, and need a plan at all', () => {
  assert.equal(checkAreaBandwidthFits([2], 2), undefined);
  assert.match(checkAreaBandwidthFits([2, 2], 3) ?? '', /4 Mbit\/s/);
  assert.match(checkAreaBandwidthFits([2], undefined) ?? '', /Bind a basic bandwidth plan/);
});

test('tags: count, lengths and reserved prefixes', () => {
  assert.equal(checkTags([{ key: 'env', value: 'prod' }]), undefined);
  assert.match(checkTags([{ key: 'aliyun:x', value: '' }]) ?? '', /must not start/);
  assert.match(checkTags(Array.from({ length: 21 }, (_, i) => ({ key: `k${i}` }))) ?? '', /At most 20/);
});

test('isIpv6 parses the forms the API and users write', () => {
  for (const ok of ['::1', 'fd6a:6761::a:1', '2001:db8:0:0:0:0:0:1', '::ffff:192.0.2.1', '2408:4000::']) assert.equal(isIpv6(ok), true, ok);
  for (const bad of ['', '1.2.3.4', 'fd6a:::1', '2001:db8::1::2', '12345::', 'g::1', '1:2:3:4:5:6:7:8:9']) assert.equal(isIpv6(bad), false, bad);
});

test('canonicalIpv6 makes equal addresses compare equal', async () => {
  const { canonicalIpv6 } = await import('../../../src/model');
  assert.equal(canonicalIpv6('2408:4000:0:0:0:0:0:1'), '2408:4000::1');
  assert.equal(canonicalIpv6('2408:4000:0:0::01'), '2408:4000::1');
  assert.equal(canonicalIpv6('0:0:0:0:0:0:0:0'), '::');
  assert.equal(canonicalIpv6('::ffff:192.0.2.1'), '::ffff:c000:201');
  assert.equal(canonicalIpv6('FD6A:6761:0:0:0:0:A:1'), 'fd6a:6761::a:1');
  assert.equal(canonicalIpv6('1.2.3.4'), undefined);
});

test('port findings: every broken rule, each at its range, in the order to fix them', () => {
  assert.deepEqual(portRangeFindings([{ fromPort: 80, toPort: 80 }, { fromPort: 65500, toPort: 65500 }, { fromPort: 90, toPort: 80 }], 'TCP').map((f) => [f.index, f.rule]), [[1, 'reserved'], [2, 'backwards']]);
  assert.deepEqual(portRangeFindings([{ fromPort: 80, toPort: 90 }, { fromPort: 85, toPort: 85 }, { fromPort: 100, toPort: 100 }, { fromPort: 88, toPort: 88 }], 'TCP').map((f) => [f.index, f.rule]), [[1, 'overlap'], [3, 'overlap']]);
  assert.deepEqual(portRangeFindings([{ fromPort: 80, toPort: 80 }, { fromPort: 81, toPort: 81 }], 'HTTP').map((f) => [f.index, f.rule]), [[1, 'onePortOnly']]);
  assert.deepEqual(portRangeFindings([], 'TCP').map((f) => f.rule), ['empty']);
  assert.equal(findPortRangeProblem([{ fromPort: 80, toPort: 90 }, { fromPort: 85, toPort: 85 }], 'TCP')?.message, 'Port ranges 80-90 and 85 overlap.');
});

test('nearest IPv6 region: same geographic area first, the live list when there is one', () => {
  assert.equal(nearestIpv6Region('cn-zhangjiakou'), 'cn-qingdao');
  assert.equal(nearestIpv6Region('ap-northeast-1'), 'cn-hongkong');
  assert.equal(nearestIpv6Region('us-west-1'), 'us-east-1');
  assert.equal(nearestIpv6Region('cn-beijing', [{ regionId: 'cn-beijing', supportIpv6: false }, { regionId: 'cn-shanghai', supportIpv6: true }]), 'cn-shanghai');
  assert.deepEqual(ipv6Regions([{ regionId: 'a', supportIpv6: true }, { regionId: 'b', supportIpv6: false }]), ['a']);
});
