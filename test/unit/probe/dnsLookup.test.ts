import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lookupName } from '../../../src/probe/dnsLookup';
import { parseDnsServer } from '../../../src/probe/dnsClient';
import { a, aaaa, cname, startFakeDns } from './servers';

const ZONE = {
  'www.example.com': [cname('www.example.com', 'ga-1.aliyunga0019.com', 600)],
  'ga-1.aliyunga0019.com': [aaaa('ga-1.aliyunga0019.com', 'fd6a:6761:0:0::1', 60)],
  'v4only.example.com': [a('v4only.example.com', '192.0.2.10', 300)],
  'direct.example.com': [aaaa('direct.example.com', 'fd6a:6761::2', 120), a('direct.example.com', '192.0.2.11', 120)],
};

test('a CNAME chain is reported step by step with every TTL', async (t) => {
  const dns = await startFakeDns(ZONE);
  t.after(() => dns.close());
  const r = await lookupName('www.example.com', { dnsServer: dns.server, timeoutMs: 2000 });
  assert.equal(r.error, undefined);
  assert.equal(r.rcode, 'NOERROR');
  assert.deepEqual(r.cnameChain, [{ name: 'www.example.com', target: 'ga-1.aliyunga0019.com', ttl: 600 }]);
  assert.deepEqual(r.aaaa, [{ name: 'ga-1.aliyunga0019.com', address: 'fd6a:6761::1', ttl: 60 }]);
  assert.equal(r.server, dns.server);
});

test('a server that stops at a CNAME is followed by asking for the target', async (t) => {
  const dns = await startFakeDns(ZONE, { chase: false });
  t.after(() => dns.close());
  const r = await lookupName('www.example.com', { dnsServer: dns.server, timeoutMs: 2000 });
  assert.deepEqual(r.aaaa.map((x) => x.address), ['fd6a:6761::1']);
  assert.deepEqual(
    dns.queries.filter((q) => q.type === 'AAAA').map((q) => q.name),
    ['www.example.com', 'ga-1.aliyunga0019.com'],
  );
});

test('A and AAAA are both looked up; NXDOMAIN is kept', async (t) => {
  const dns = await startFakeDns(ZONE);
  t.after(() => dns.close());
  const v4 = await lookupName('v4only.example.com', { dnsServer: dns.server, timeoutMs: 2000 });
  assert.equal(v4.rcode, 'NOERROR');
  assert.deepEqual(v4.aaaa, []);
  assert.deepEqual(v4.a, [{ name: 'v4only.example.com', address: '192.0.2.10', ttl: 300 }]);
  const missing = await lookupName('nope.example.com', { dnsServer: dns.server, timeoutMs: 2000 });
  assert.equal(missing.rcode, 'NXDOMAIN');
});

test('a truncated UDP answer is retried over TCP', async (t) => {
  const dns = await startFakeDns(ZONE, { truncateUdp: true });
  t.after(() => dns.close());
  const r = await lookupName('direct.example.com', { dnsServer: dns.server, timeoutMs: 2000 });
  assert.deepEqual(r.aaaa.map((x) => x.address), ['fd6a:6761::2']);
  assert.ok(dns.queries.some((q) => q.transport === 'tcp' && q.type === 'AAAA'));
});

test('a server that does not answer gives an error naming it, not an exception', async (t) => {
  const dns = await startFakeDns(ZONE, { silent: true });
  t.after(() => dns.close());
  const r = await lookupName('www.example.com', { dnsServer: dns.server, timeoutMs: 150 });
  assert.match(r.error ?? '', new RegExp(`${dns.server.replace(/\./g, '\\.')}.*did not answer within 150 ms`));
});

test('a DNS server must be an address with an optional port', () => {
  assert.deepEqual(parseDnsServer('127.0.0.1:5353'), { host: '127.0.0.1', port: 5353 });
  assert.deepEqual(parseDnsServer('[::1]:53'), { host: '::1', port: 53 });
  assert.deepEqual(parseDnsServer('::1'), { host: '::1', port: 53 });
  assert.throws(() => parseDnsServer('dns.example.com:53'), /must be an IP address/);
  assert.throws(() => parseDnsServer('127.0.0.1:70000'), /out of range/);
});
