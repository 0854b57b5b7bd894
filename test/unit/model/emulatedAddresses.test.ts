import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isEmulatedIpv6Address } from '../../../src/model';

describe('emulated IPv6 addresses', () => {
  it('recognises the prefix fd6a:6761::/64 however the address is written', () => {
    for (const a of ['fd6a:6761::a:1', 'FD6A:6761:0:0:0:0:A:1', 'fd6a:6761::b:1:2', 'fd6a:6761:0:0:1::', ' fd6a:6761::1 ']) assert.equal(isEmulatedIpv6Address(a), true, a);
  });

  it('refuses real addresses, the neighbouring /64 and text that is no address', () => {
    for (const a of ['2001:db8::1', 'fd6a:6761:0:1::1', 'fd6a:6762::1', '::1', '198.18.0.1', 'www.example.com', '']) assert.equal(isEmulatedIpv6Address(a), false, a);
  });
});
