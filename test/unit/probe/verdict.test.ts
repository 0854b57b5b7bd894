import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dnsVerdict, endpointVerdict, PENDING, targetVerdict } from '../../../src/probe/verdict';
import { endpointStats } from '../../../src/probe/stats';
import type { AttemptResult, DnsReport, EndpointReport, TargetReport } from '../../../src/probe/types';

const dns = (over: Partial<DnsReport>): DnsReport => ({ name: 'www.example.com', server: '127.0.0.1:53', rcode: 'NOERROR', cnameChain: [], aaaa: [], a: [], ...over });
const GA = { addresses: ['fd6a:6761::1'], dnsName: 'ga-1.aliyunga0019.com' };
const rec = (address: string, ttl = 600) => ({ name: 'www.example.com', address, ttl });

test('DNS verdicts name the record to fix', () => {
  assert.equal(dnsVerdict(dns({ aaaa: [rec('fd6a:6761:0::1')] }), GA).status, 'pass');
  const nx = dnsVerdict(dns({ rcode: 'NXDOMAIN' }), GA);
  assert.equal(nx.code, 'nxdomain');
  assert.match(nx.reason, /add an AAAA record with the accelerator's IPv6 address fd6a:6761::1, or a CNAME record to ga-1\.aliyunga0019\.com/);
  const dangling = dnsVerdict(dns({ rcode: 'NXDOMAIN', cnameChain: [{ name: 'www.example.com', target: 'gone.example.net', ttl: 60 }] }), GA);
  assert.match(dangling.reason, /CNAME to gone\.example\.net, which does not exist/);
  assert.equal(dnsVerdict(dns({ rcode: 'SERVFAIL' }), GA).code, 'dns-error');
  assert.equal(dnsVerdict(dns({ error: 'The DNS server did not answer.' }), GA).code, 'dns-error');
  assert.equal(dnsVerdict(dns({ aaaa: [rec('2001:db8::9')] }), GA).code, 'aaaa-not-accelerator');
  const partly = dnsVerdict(dns({ aaaa: [rec('fd6a:6761::1'), rec('2001:db8::9')] }), GA);
  assert.deepEqual([partly.status, partly.code], ['warn', 'aaaa-partly-elsewhere']);
  assert.equal(dnsVerdict(dns({ aaaa: [rec('::ffff:192.0.2.1')] }), GA).code, 'no-aaaa');
});

test('a CNAME must lead to the DnsName; reaching it without IPv6 means no IPv6 area', () => {
  const viaGa = dns({ cnameChain: [{ name: 'www.example.com', target: 'GA-1.aliyunga0019.com.', ttl: 600 }], aaaa: [rec('fd6a:6761::1', 60)] });
  const ok = dnsVerdict(viaGa, GA);
  assert.equal(ok.status, 'pass');
  assert.match(ok.reason, /\(via CNAME www\.example\.com → GA-1\.aliyunga0019\.com\.\), TTL 60 s/);
  const elsewhere = dns({ cnameChain: [{ name: 'www.example.com', target: 'cdn.example.net', ttl: 600 }], aaaa: [rec('2001:db8::1')] });
  assert.equal(dnsVerdict(elsewhere, GA).code, 'cname-not-accelerator');
  assert.equal(dnsVerdict(elsewhere, { addresses: [], dnsName: GA.dnsName }).code, 'cname-not-accelerator');
  const noV6 = dnsVerdict(dns({ cnameChain: [{ name: 'www.example.com', target: GA.dnsName, ttl: 600 }], a: [rec('192.0.2.1')] }), GA);
  assert.equal(noV6.code, 'no-aaaa');
  assert.match(noV6.reason, /active IPv6 acceleration area/);
});

function endpoint(attempts: AttemptResult[]): EndpointReport {
  const e: EndpointReport = { address: 'fd6a:6761::1', port: 80, family: 6, attempts, stats: endpointStats(attempts), verdict: { status: 'pending', code: 'pending', reason: '' } };
  return e;
}
const ok = (seq: number, httpStatus?: number): AttemptResult => ({ seq, ok: true, connectMs: 1, httpStatus });
const failed = (seq: number, code: 'refused' | 'reset' | 'timeout'): AttemptResult => ({ seq, ok: false, failure: { phase: 'connect', code, message: `[fd6a:6761::1]:80 ${code}.` } });

test('connection verdicts: all failed, 5xx, partial loss, 4xx, pass', () => {
  const allFailed = endpointVerdict(endpoint([failed(1, 'reset'), failed(2, 'timeout'), failed(3, 'reset')]));
  assert.deepEqual([allFailed.status, allFailed.code], ['fail', 'reset']);
  assert.match(allFailed.reason, /weight above 0/);
  assert.equal(endpointVerdict(endpoint([ok(1, 200), ok(2, 502)])).code, 'http-5xx');
  const lossy = endpointVerdict(endpoint([ok(1, 200), failed(2, 'timeout')]));
  assert.deepEqual([lossy.status, lossy.code], ['warn', 'partial-loss']);
  assert.match(lossy.reason, /1 of 2 attempts/);
  assert.deepEqual(endpointVerdict(endpoint([ok(1, 404)])).code, 'http-4xx');
  assert.deepEqual(endpointVerdict(endpoint([ok(1)])).status, 'pass');
  assert.deepEqual(endpointVerdict(endpoint([])).status, 'pending');
});

test('an endpoint GA\'s health checks report abnormal is named in the target\'s verdict', () => {
  const target = (attempts: AttemptResult[], backendHealth?: TargetReport['backendHealth']): TargetReport => {
    const e = endpoint(attempts);
    e.verdict = endpointVerdict(e);
    return { label: 'web', kind: 'accelerator', scheme: 'http', path: '/', expected: GA, endpoints: [e], ...(backendHealth ? { backendHealth } : {}), verdict: PENDING };
  };
  const down = [{ endpoint: '127.0.0.1', port: 8080, status: 'abnormal' }, { endpoint: '203.0.113.10', port: 8080, status: 'normal' }];
  const reset = targetVerdict(target([failed(1, 'reset'), failed(2, 'reset')], down));
  assert.deepEqual([reset.status, reset.code], ['fail', 'reset']);
  assert.match(reset.reason, /GA's health check reports endpoint 127\.0\.0\.1:8080 abnormal/);
  assert.doesNotMatch(reset.reason, /203\.0\.113\.10/, 'a healthy endpoint is not blamed');
  // Every attempt answered, yet a backend is down: worth a warning that names it.
  const answered = targetVerdict(target([ok(1, 200), ok(2, 200)], down));
  assert.deepEqual([answered.status, answered.code], ['warn', 'backend-abnormal']);
  assert.match(answered.reason, /answered HTTP 200 .* But GA's health check reports endpoint 127\.0\.0\.1:8080 abnormal/);
  const two = targetVerdict(target([ok(1, 200)], [{ endpoint: '127.0.0.1', port: 80, status: 'abnormal' }, { endpoint: '127.0.0.2', status: 'abnormal' }]));
  assert.match(two.reason, /health checks report endpoints 127\.0\.0\.1:80, 127\.0\.0\.2 abnormal: those backends/);
  // Healthy, starting or unknown: the verdict is the connections' alone.
  assert.deepEqual(targetVerdict(target([ok(1, 200)], [{ endpoint: '127.0.0.1', status: 'normal' }, { endpoint: '127.0.0.2', status: 'init' }])).code, 'ok');
  assert.deepEqual(targetVerdict(target([ok(1, 200)])).code, 'ok');
});
