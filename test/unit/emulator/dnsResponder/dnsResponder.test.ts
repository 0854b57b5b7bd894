import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as dnsPacket from 'dns-packet';
import { startDnsResponder } from '../../../../src/emulator/dnsResponder';
import { queryDns } from '../../../../src/probe/dnsClient';
import { accelerator, buildState, fakeEmulator, ipSet, record } from '../dataplane/fakeEmulator';

const setup = () =>
  buildState({
    accelerators: [accelerator('ga-1'), accelerator('ga-2')],
    ipSets: [
      ipSet('ips-v6', 'ga-1', ['fd6a:6761::a:1']),
      ipSet('ips-v4', 'ga-1', ['198.18.0.1'], { IpVersion: 'IPv4' }),
      ipSet('ips-init', 'ga-2', ['fd6a:6761::a:2'], { State: 'init' }),
    ],
    zones: {
      'example.com': [
        record('www', 'AAAA', 'fd6a:6761::a:1', { TTL: 600 }),
        record('cdn', 'CNAME', 'ga-1.aliyunga0019.com', { TTL: 1200 }),
        record('loop', 'CNAME', 'loop.example.com'),
        record('dangling', 'CNAME', 'missing.example.com'),
        record('old', 'AAAA', '2001:db8::1', { Status: 'Disable' }),
        record('telecom', 'AAAA', '2001:db8::2', { Line: 'telecom' }),
        record('@', 'MX', 'mx.example.com', { Priority: 5 }),
        record('@', 'TXT', 'v=spf1 -all'),
        record('long', 'TXT', 'x'.repeat(300)),
        record('*.apps', 'A', '192.0.2.7'),
        record('a.b', 'A', '192.0.2.8'),
      ],
    },
  });

async function withResponder(t: import('node:test').TestContext) {
  const emulator = fakeEmulator(setup());
  const lines: string[] = [];
  const dns = await startDnsResponder(emulator, { port: 0, log: (l) => lines.push(l) });
  t.after(() => dns.stop());
  const server = { host: '127.0.0.1', port: dns.port };
  const ask = (name: string, type: dnsPacket.RecordType) => queryDns(server, name, type, { timeoutMs: 2000 });
  return { emulator, ask, lines };
}

test('an AAAA record is answered authoritatively with its TTL', async (t) => {
  const { ask, lines } = await withResponder(t);
  const r = await ask('WWW.example.com', 'AAAA');
  assert.equal(r.rcode, 'NOERROR');
  assert.equal(r.flag_aa, true);
  assert.deepEqual(r.answers?.map((x) => [x.name, x.type, (x as dnsPacket.StringAnswer).ttl, (x as dnsPacket.StringAnswer).data]), [['www.example.com', 'AAAA', 600, 'fd6a:6761::a:1']]);
  assert.ok(lines.some((l) => /WWW\.example\.com AAAA → 1 answer/.test(l)));
});

test('a CNAME to the accelerator DnsName is followed to its active IPv6 (AAAA) and IPv4 (A) ip sets', async (t) => {
  const { ask } = await withResponder(t);
  const v6 = await ask('cdn.example.com', 'AAAA');
  assert.deepEqual(v6.answers?.map((x) => [x.name, x.type, (x as dnsPacket.StringAnswer).data]), [
    ['cdn.example.com', 'CNAME', 'ga-1.aliyunga0019.com'],
    ['ga-1.aliyunga0019.com', 'AAAA', 'fd6a:6761::a:1'],
  ]);
  const v4 = await ask('ga-1.aliyunga0019.com', 'A');
  assert.deepEqual(v4.answers?.map((x) => (x as dnsPacket.StringAnswer).data), ['198.18.0.1']);
  const inactive = await ask('ga-2.aliyunga0019.com', 'AAAA');
  assert.equal(inactive.rcode, 'NOERROR', 'the name exists while its ip set is being created');
  assert.deepEqual(inactive.answers, []);
  assert.equal((await ask('ga-9.aliyunga0019.com', 'AAAA')).rcode, 'NXDOMAIN');
});

test('NODATA and NXDOMAIN differ, both with the zone SOA; foreign names are refused', async (t) => {
  const { ask } = await withResponder(t);
  const nodata = await ask('www.example.com', 'MX');
  assert.equal(nodata.rcode, 'NOERROR');
  assert.deepEqual(nodata.answers, []);
  assert.deepEqual(nodata.authorities?.map((x) => [x.name, x.type]), [['example.com', 'SOA']]);
  const nx = await ask('nope.example.com', 'AAAA');
  assert.equal(nx.rcode, 'NXDOMAIN');
  assert.equal(nx.flag_aa, true);
  assert.deepEqual(nx.authorities?.map((x) => x.type), ['SOA']);
  assert.equal((await ask('b.example.com', 'A')).rcode, 'NOERROR', 'an empty non-terminal exists');
  const refused = await ask('www.example.org', 'AAAA');
  assert.equal(refused.rcode, 'REFUSED');
  assert.equal(refused.flag_aa, false);
});

test('disabled and non-default-line records are not served', async (t) => {
  const { ask } = await withResponder(t);
  assert.deepEqual((await ask('old.example.com', 'AAAA')).answers, []);
  assert.deepEqual((await ask('telecom.example.com', 'AAAA')).answers, []);
});

test('MX, TXT (long values split into strings), wildcards, apex NS and SOA', async (t) => {
  const { ask } = await withResponder(t);
  const mx = await ask('example.com', 'MX');
  assert.deepEqual((mx.answers?.[0] as dnsPacket.MxAnswer).data, { preference: 5, exchange: 'mx.example.com' });
  const txt = await ask('long.example.com', 'TXT');
  const strings = (txt.answers?.[0] as dnsPacket.TxtAnswer).data as Buffer[];
  assert.deepEqual(strings.map((b) => b.length), [255, 45]);
  const wild = await ask('x.apps.example.com', 'A');
  assert.deepEqual(wild.answers?.map((x) => [x.name, (x as dnsPacket.StringAnswer).data]), [['x.apps.example.com', '192.0.2.7']]);
  const ns = await ask('example.com', 'NS');
  assert.deepEqual(ns.answers?.map((x) => (x as dnsPacket.StringAnswer).data), ['dns1.hichina.com', 'dns2.hichina.com']);
  const soa = await ask('example.com', 'SOA');
  assert.equal((soa.answers?.[0] as dnsPacket.SoaAnswer).data.serial, 1_700_000_000);
});

test('CNAME loops and dangling CNAMEs end cleanly', async (t) => {
  const { ask } = await withResponder(t);
  const loop = await ask('loop.example.com', 'AAAA');
  assert.deepEqual(loop.answers?.map((x) => x.type), ['CNAME']);
  const dangling = await ask('dangling.example.com', 'AAAA');
  assert.equal(dangling.rcode, 'NXDOMAIN');
  assert.deepEqual(dangling.answers?.map((x) => x.type), ['CNAME']);
});

test('every query reads the current state', async (t) => {
  const { ask, emulator } = await withResponder(t);
  assert.equal((await ask('new.example.com', 'AAAA')).rcode, 'NXDOMAIN');
  emulator.mutate((s) => {
    const r = record('new', 'AAAA', 'fd6a:6761::a:9');
    s.dns.zones['example.com'].records[r.RecordId] = { ...r, DomainName: 'example.com' };
  });
  assert.deepEqual((await ask('new.example.com', 'AAAA')).answers?.map((x) => (x as dnsPacket.StringAnswer).data), ['fd6a:6761::a:9']);
});

test('answers too big for UDP are truncated and complete over TCP', async (t) => {
  const emulator = fakeEmulator(
    buildState({ zones: { 'example.com': Array.from({ length: 40 }, (_, i) => record('many', 'AAAA', `fd6a:6761::b:${i + 1}`)) } }),
  );
  const dns = await startDnsResponder(emulator, { port: 0 });
  t.after(() => dns.stop());
  // queryDns retries over TCP by itself when the UDP answer is truncated.
  const r = await queryDns({ host: '127.0.0.1', port: dns.port }, 'many.example.com', 'AAAA', { timeoutMs: 2000 });
  assert.equal(r.answers?.length, 40);
  assert.equal(r.flag_tc, false);
});

test('a taken port gives an error that names it', async (t) => {
  const emulator = fakeEmulator(setup());
  const first = await startDnsResponder(emulator, { port: 0 });
  t.after(() => first.stop());
  await assert.rejects(startDnsResponder(emulator, { port: first.port }), new RegExp(`127\\.0\\.0\\.1:${first.port}.*--dns-port`));
});
