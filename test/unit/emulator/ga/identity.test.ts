import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dnsNameOf, emulatedIpv6Address, isEmulatedIpv6Address, gaModule } from '../../../../src/emulator/ga';
import { emulatedIpv4Address } from '../../../../src/emulator/ga/addresses';
import { isIpv6 } from '../../../../src/model';
import { GA_SPEC } from './harness';

test('Emulated IPv6 addresses: fd6a:6761::a:<n in hex>, valid, distinct, recognisable', () => {
  assert.equal(emulatedIpv6Address(1), 'fd6a:6761::a:1');
  assert.equal(emulatedIpv6Address(255), 'fd6a:6761::a:ff');
  assert.equal(emulatedIpv6Address(0x10000), 'fd6a:6761::a:1:0');
  const many = Array.from({ length: 300 }, (_, i) => emulatedIpv6Address(i * 257 + 1));
  assert.equal(new Set(many).size, many.length);
  for (const a of many) {
    assert.ok(isIpv6(a), a);
    assert.ok(isEmulatedIpv6Address(a), a);
  }
  assert.equal(isEmulatedIpv6Address('2001:db8::1'), false);
  assert.throws(() => emulatedIpv6Address(0), RangeError);
});

test('Address blocks keep emulators apart: fd6a:6761::<block>:<n>, never overlapping another block', () => {
  assert.equal(emulatedIpv6Address(1, 0xb), 'fd6a:6761::b:1');
  assert.equal(emulatedIpv6Address(0x10001, 0xffff), 'fd6a:6761::ffff:1:1');
  // The two-group form of one block and the three-group form of another differ in the group before the last two.
  const blocks = [1, 0xa, 0xb, 0x1234, 0xffff];
  const indices = [1, 0xa, 0xffff, 0x10000, 0xa0001, 0xffffffff];
  const all = blocks.flatMap((b) => indices.map((n) => emulatedIpv6Address(n, b)));
  assert.equal(new Set(all).size, all.length);
  for (const a of all) {
    assert.ok(isIpv6(a), a);
    assert.ok(isEmulatedIpv6Address(a), a);
  }
  for (const bad of [0, 0x10000, 1.5, -1]) assert.throws(() => emulatedIpv6Address(1, bad), /address block must be a whole number from 1 to 0xffff/);
});

test('Emulated IPv4 addresses stay inside 198.18.0.0/15', () => {
  assert.equal(emulatedIpv4Address(1), '198.18.0.1');
  assert.equal(emulatedIpv4Address(256), '198.18.1.0');
  assert.equal(emulatedIpv4Address(2 ** 17 - 2), '198.19.255.254');
  assert.throws(() => emulatedIpv4Address(2 ** 17), RangeError);
});

test('Accelerators\' CNAME is <id>.aliyunga0019.com', () => {
  assert.equal(dnsNameOf('ga-bp1odcab8tmno0hdq2x7'), 'ga-bp1odcab8tmno0hdq2x7.aliyunga0019.com');
});

test('The module answers exactly the GA actions of the wire spec, as product ga 2019-11-20', () => {
  assert.equal(gaModule.product, 'ga');
  assert.equal(gaModule.version, '2019-11-20');
  assert.deepEqual(Object.keys(gaModule.handlers).sort(), Object.keys(GA_SPEC).sort());
});
