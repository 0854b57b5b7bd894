import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hostHeader, planTarget } from '../../../src/probe/targets';

const DEFAULTS = { scheme: 'http', path: '/' } as const;

test('bare, bracketed and URL IPv6 targets become canonical addresses and ports', () => {
  const bare = planTarget('FD6A:6761:0:0::1', DEFAULTS);
  assert.deepEqual([bare.kind, bare.addresses, bare.ports, bare.error], ['address', ['fd6a:6761::1'], [80], undefined]);
  const bracketed = planTarget('[fd6a:6761::1]:8080', DEFAULTS);
  assert.deepEqual([bracketed.addresses, bracketed.ports], [['fd6a:6761::1'], [8080]]);
  const url = planTarget('https://[fd6a:6761::1]/status?x=1', DEFAULTS);
  assert.deepEqual([url.kind, url.scheme, url.ports, url.path, url.hostName], ['url', 'https', [443], '/status?x=1', undefined]);
});

test('names are resolved later; URL and host:port forms keep scheme and port', () => {
  const url = planTarget('http://WWW.example.com:8080/a', DEFAULTS);
  assert.deepEqual([url.kind, url.hostName, url.ports, url.path, url.addresses], ['url', 'www.example.com', [8080], '/a', []]);
  const host = planTarget('www.example.com:81', { ...DEFAULTS, expect: { addresses: ['fd6a:6761::0:1'], dnsName: 'ga.aliyunga0019.com' } });
  assert.deepEqual([host.kind, host.hostName, host.ports], ['host', 'www.example.com', [81]]);
  assert.deepEqual(host.expected, { addresses: ['fd6a:6761::1'], dnsName: 'ga.aliyunga0019.com' });
});

test('targets that cannot test IPv6 are refused with a reason', () => {
  const cases: [string, RegExp][] = [
    ['192.0.2.1', /IPv4 address; an IPv6 probe needs/],
    ['http://192.0.2.1/', /IPv4 address/],
    ['[::ffff:192.0.2.1]:80', /IPv4-mapped/],
    ['ftp://[::1]/', /Only http:\/\/ and https:\/\//],
    ['[::1]:70000', /out of range/],
    ['not a host!', /not a valid host name/],
    ['[a:b', /neither an IPv6 address/],
    ['', /empty/],
  ];
  for (const [input, message] of cases) assert.match(planTarget(input, DEFAULTS).error ?? '', message, input);
});

test('a structured target probes every address × port and expects its own addresses', () => {
  const plan = planTarget({ kind: 'accelerator', label: 'web', ipv6Addresses: ['fd6a:6761::1', 'fd6a:6761::2'], ports: [80, 443, 80], dnsName: 'ga-1.aliyunga0019.com' }, DEFAULTS);
  assert.equal(plan.error, undefined);
  assert.deepEqual(plan.addresses, ['fd6a:6761::1', 'fd6a:6761::2']);
  assert.deepEqual(plan.ports, [80, 443]);
  assert.deepEqual(plan.expected, { addresses: ['fd6a:6761::1', 'fd6a:6761::2'], dnsName: 'ga-1.aliyunga0019.com' });
  assert.match(planTarget({ kind: 'area', ipv6Addresses: ['fd6a:6761::1'], ports: [] }, DEFAULTS).error ?? '', /needs a listener/);
  assert.match(planTarget({ kind: 'accelerator', ipv6Addresses: [], ports: [80] }, DEFAULTS).error ?? '', /no IPv6 address and no name/);
  assert.match(planTarget({ kind: 'area', ipv6Addresses: ['fd6a:6761::1'], ports: [80], origin: { address: '::1' } }, DEFAULTS).error ?? '', /origin ::1 must be an IPv4 address/);
});

test('the Host header is the name or the bracketed address, with a non-default port', () => {
  assert.equal(hostHeader({ hostName: 'www.example.com', scheme: 'http' }, 'fd6a:6761::1', 80), 'www.example.com');
  assert.equal(hostHeader({ hostName: undefined, scheme: 'https' }, 'fd6a:6761::1', 8443), '[fd6a:6761::1]:8443');
});
