import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runProbe, renderReport } from '../../../src/probe';
import type { ProbeReport } from '../../../src/probe';
import { aaaa, cname, freePort, startFakeDns, startHttp, startSilent } from './servers';

const FAST = { attempts: 2, intervalMs: 0, connectTimeoutMs: 2000, requestTimeoutMs: 2000 };

test('an HTTP server on ::1 passes, over IPv6, with timings, status, bytes and the body', async (t) => {
  const seenHosts: string[] = [];
  const web = await startHttp('::1', (req, res) => {
    seenHosts.push(req.headers.host ?? '');
    res.end('hello from the IPv4 service');
  });
  t.after(() => web.close());
  const report = await runProbe([`[::1]:${web.port}`], FAST);
  assert.equal(report.state, 'done');
  assert.equal(report.verdict.status, 'pass', report.verdict.reason);
  const [e] = report.targets[0].endpoints;
  assert.equal(e.attempts.length, 2);
  for (const at of e.attempts) {
    assert.equal(at.ok, true);
    assert.equal(at.httpStatus, 200);
    assert.equal(at.bytes, 'hello from the IPv4 service'.length);
    assert.equal(at.bodyPreview, 'hello from the IPv4 service');
    assert.deepEqual(at.remote, { address: '::1', family: 'IPv6', port: web.port });
    assert.ok(at.connectMs !== undefined && at.ttfbMs !== undefined && at.totalMs !== undefined);
    assert.ok(at.connectMs <= at.totalMs);
  }
  assert.equal(e.stats.loss, 0);
  assert.equal(e.stats.connectMs?.count, 2);
  assert.deepEqual(seenHosts, [`[::1]:${web.port}`, `[::1]:${web.port}`]);
  assert.deepEqual(JSON.parse(JSON.stringify(report)), report, 'the report is plain JSON');
});

test('a refused port fails with "refused" and advice about the listener', async () => {
  const port = await freePort('::1');
  const report = await runProbe([`[::1]:${port}`], FAST);
  const [e] = report.targets[0].endpoints;
  assert.equal(e.verdict.code, 'refused');
  assert.match(e.verdict.reason, /refused the connection.*listener/);
  assert.equal(e.stats.loss, 1);
  assert.equal(report.verdict.status, 'fail');
});

test('a server that never answers fails with "timeout" after the request limit', async (t) => {
  const silent = await startSilent('::1');
  t.after(() => silent.close());
  const report = await runProbe([`[::1]:${silent.port}`], { ...FAST, attempts: 1, requestTimeoutMs: 200 });
  const [at] = report.targets[0].endpoints[0].attempts;
  assert.ok(at.connectMs !== undefined, 'the TCP connection itself opened');
  assert.deepEqual(at.failure?.code, 'timeout');
  assert.equal(at.failure?.phase, 'http');
  assert.equal(report.targets[0].verdict.code, 'timeout');
});

test('HTTP 5xx fails and says the IPv4 service returned the error', async (t) => {
  const web = await startHttp('::1', (_req, res) => {
    res.statusCode = 503;
    res.end('down');
  });
  t.after(() => web.close());
  const report = await runProbe([`http://[::1]:${web.port}/health`], FAST);
  const v = report.targets[0].verdict;
  assert.equal(v.code, 'http-5xx');
  assert.match(v.reason, /HTTP 503.*IPv4 service/);
});

test('an IPv4 address or an IPv4-mapped address is refused as a target, without connecting', async () => {
  const report = await runProbe(['127.0.0.1:80', '[::ffff:127.0.0.1]:80'], FAST);
  assert.deepEqual(report.targets.map((x) => x.verdict.code), ['invalid-target', 'invalid-target']);
  assert.match(report.targets[0].verdict.reason, /IPv4 address/);
  assert.match(report.targets[1].verdict.reason, /IPv4-mapped/);
  assert.deepEqual(report.targets.map((x) => x.endpoints.length), [0, 0]);
});

test('a name whose CNAME reaches the accelerator passes, with the Host header of the name', async (t) => {
  const hosts: string[] = [];
  const web = await startHttp('::1', (req, res) => {
    hosts.push(req.headers.host ?? '');
    res.end('ok');
  });
  const dns = await startFakeDns({
    'www.example.com': [cname('www.example.com', 'ga-1.aliyunga0019.com')],
    'ga-1.aliyunga0019.com': [aaaa('ga-1.aliyunga0019.com', '::1', 60)],
  });
  t.after(async () => {
    await web.close();
    await dns.close();
  });
  const report = await runProbe(
    [{ kind: 'record', hostName: 'www.example.com', ipv6Addresses: [], expectedAddresses: ['::1'], dnsName: 'ga-1.aliyunga0019.com', ports: [web.port] }],
    { ...FAST, dnsServer: dns.server },
  );
  const target = report.targets[0];
  assert.equal(target.verdict.status, 'pass', target.verdict.reason);
  assert.deepEqual(target.dns?.cnameChain.map((c) => c.target), ['ga-1.aliyunga0019.com']);
  assert.deepEqual(hosts, [`www.example.com:${web.port}`, `www.example.com:${web.port}`]);
});

test('an AAAA record pointing elsewhere fails on DNS even though that address answers', async (t) => {
  const web = await startHttp('::1', (_req, res) => res.end('someone else'));
  const dns = await startFakeDns({ 'www.example.com': [aaaa('www.example.com', '::1')] });
  t.after(async () => {
    await web.close();
    await dns.close();
  });
  const report = await runProbe([`www.example.com:${web.port}`], { ...FAST, dnsServer: dns.server, expect: { addresses: ['fd6a:6761::1'] } });
  const target = report.targets[0];
  assert.equal(target.endpoints[0].verdict.status, 'pass');
  assert.equal(target.verdict.code, 'aaaa-not-accelerator');
  assert.match(target.verdict.reason, /::1.*not the accelerator's address \(fd6a:6761::1\)/);
});

test('a CNAME to another name fails with the accelerator DnsName to use', async (t) => {
  const dns = await startFakeDns({
    'www.example.com': [cname('www.example.com', 'old-cdn.example.net')],
    'old-cdn.example.net': [aaaa('old-cdn.example.net', '::1')],
  });
  t.after(() => dns.close());
  const report = await runProbe(
    [{ kind: 'record', hostName: 'www.example.com', ipv6Addresses: [], dnsName: 'ga-1.aliyunga0019.com', expectedAddresses: ['fd6a:6761::1'], ports: [await freePort('::1')] }],
    { ...FAST, attempts: 1, dnsServer: dns.server },
  );
  const v = report.targets[0].verdict;
  assert.equal(v.code, 'cname-not-accelerator');
  assert.match(v.reason, /point the CNAME at ga-1\.aliyunga0019\.com/);
});

test('no AAAA record: the verdict says so and nothing is connected', async (t) => {
  const dns = await startFakeDns({ 'www.example.com': [{ type: 'A', name: 'www.example.com', ttl: 600, data: '192.0.2.1' }] });
  t.after(() => dns.close());
  const report = await runProbe(['www.example.com'], { ...FAST, dnsServer: dns.server });
  const target = report.targets[0];
  assert.equal(target.verdict.code, 'no-aaaa');
  assert.match(target.verdict.reason, /only IPv4 \(A 192\.0\.2\.1\)/);
  assert.deepEqual(target.endpoints, []);
});

test('HTTPS: a self-signed certificate is a TLS failure unless accepted explicitly', async (t) => {
  const web = await startHttp('::1', (_req, res) => res.end('secure'), true);
  const dns = await startFakeDns({ 'www.example.com': [aaaa('www.example.com', '::1')] });
  t.after(async () => {
    await web.close();
    await dns.close();
  });
  const url = `https://www.example.com:${web.port}/`;
  const strict = await runProbe([url], { ...FAST, attempts: 1, dnsServer: dns.server });
  assert.equal(strict.targets[0].verdict.code, 'tls-failure');
  assert.match(strict.targets[0].verdict.reason, /self.signed/i);
  const relaxed = await runProbe([url], { ...FAST, attempts: 1, dnsServer: dns.server, insecureTls: true });
  const [at] = relaxed.targets[0].endpoints[0].attempts;
  assert.equal(relaxed.verdict.status, 'pass', relaxed.verdict.reason);
  assert.equal(at.bodyPreview, 'secure');
  assert.ok(at.tlsMs !== undefined);
});

test('the IPv4 origin is probed over IPv4 next to the IPv6 address and does not change the verdict', async (t) => {
  const v6 = await startHttp('::1', (_req, res) => res.end('via GA'));
  const v4 = await startHttp('127.0.0.1', (_req, res) => {
    res.statusCode = 500;
    res.end();
  });
  t.after(async () => {
    await v6.close();
    await v4.close();
  });
  const report = await runProbe([{ kind: 'area', ipv6Addresses: ['::1'], ports: [v6.port], origin: { address: '127.0.0.1', port: v4.port } }], FAST);
  const target = report.targets[0];
  assert.equal(target.origin?.family, 4);
  assert.equal(target.origin?.attempts[0].remote?.family, 'IPv4');
  assert.equal(target.origin?.verdict.code, 'http-5xx');
  assert.equal(target.verdict.status, 'pass');
});

test('never more attempts in flight than the concurrency allows', async (t) => {
  let active = 0;
  let maxActive = 0;
  const held: (() => void)[] = [];
  const web = await startHttp('::1', (_req, res) => {
    active++;
    maxActive = Math.max(maxActive, active);
    const release = () => {
      active--;
      res.end('ok');
    };
    held.push(release);
    // Answer once two requests are in (the allowed maximum); the timer only keeps a broken limiter from hanging.
    if (held.length >= 2) held.splice(0).forEach((r) => r());
    else setTimeout(() => held.splice(0).forEach((r) => r()), 200);
  });
  t.after(() => web.close());
  const targets = Array.from({ length: 6 }, (_, i) => `http://[::1]:${web.port}/${i}`);
  const report = await runProbe(targets, { ...FAST, attempts: 1, concurrency: 2 });
  assert.equal(report.verdict.status, 'pass', report.verdict.reason);
  assert.equal(maxActive, 2);
});

test('cancelling stops the probe: the report says cancelled and no attempt runs afterwards', async (t) => {
  const silent = await startSilent('::1');
  t.after(() => silent.close());
  const controller = new AbortController();
  const updates: ProbeReport[] = [];
  const running = runProbe([`[::1]:${silent.port}`], {
    attempts: 5,
    intervalMs: 0,
    requestTimeoutMs: 60_000,
    signal: controller.signal,
    onUpdate: (r) => updates.push(r),
  });
  // Cancel while the first attempt is connected and waiting for an answer.
  await silent.connected;
  controller.abort();
  const report = await running;
  assert.equal(report.state, 'cancelled');
  assert.equal(report.verdict.status, 'cancelled');
  const e = report.targets[0].endpoints[0];
  assert.equal(e.attempts.length, 1);
  assert.equal(e.attempts[0].failure?.code, 'cancelled');
  assert.equal(e.stats.sent, 0);
  assert.ok(updates.length > 0);
});

test('the live report renders at every stage', async (t) => {
  const web = await startHttp('::1', (_req, res) => res.end('ok'));
  t.after(() => web.close());
  const frames: string[][] = [];
  const report = await runProbe([`[::1]:${web.port}`, '[::1]:0'], { ...FAST, onUpdate: (r) => frames.push(renderReport(r, { color: false })) });
  assert.ok(frames.length >= 3);
  assert.match(frames[0].join('\n'), /running/);
  const last = renderReport(report, { color: false }).join('\n');
  assert.match(last, /PASS/);
  assert.match(last, /FAIL/);
  assert.match(last, /Port 0 is out of range/);
});

test('connectVia: a resolved address is reached where the caller places it, and the report says so', async (t) => {
  const web = await startHttp('::1', (_req, res) => res.end('served on ::1'));
  // An address this machine does not have: only connectVia keeps the probe on loopback.
  const dns = await startFakeDns({ 'www.example.com': [aaaa('www.example.com', 'fd6a:6761::ff:1', 600)] });
  t.after(async () => {
    await web.close();
    await dns.close();
  });
  const placed: string[] = [];
  const report = await runProbe([{ kind: 'record', hostName: 'www.example.com', ipv6Addresses: [], ports: [web.port] }], {
    ...FAST,
    dnsServer: dns.server,
    connectVia: (a) => {
      placed.push(a);
      return '::1';
    },
  });
  const target = report.targets[0];
  assert.equal(target.verdict.status, 'pass', target.verdict.reason);
  assert.deepEqual(placed, ['fd6a:6761::ff:1']);
  assert.equal(target.endpoints[0].address, 'fd6a:6761::ff:1');
  assert.equal(target.endpoints[0].via, '::1');
  assert.match(renderReport(report, { color: false }).join('\n'), /\[fd6a:6761::ff:1\]:\d+ via \[::1\]:\d+/);
});
