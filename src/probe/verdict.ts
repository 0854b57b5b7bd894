// Verdicts: what broke, in words a person can act on. DNS first (the name must lead to the accelerator),
// then the connections (refused, timeout, reset, TLS, HTTP status, loss).
import { formatHostPort, isIpv4Mapped, sameAddress, sameName } from './addresses';
import type { DnsReport, EndpointReport, FailureCode, TargetReport, Verdict, VerdictStatus } from './types';

export const PENDING: Verdict = { status: 'pending', code: 'pending', reason: 'Not finished yet.' };

const RANK: Record<VerdictStatus, number> = { pass: 0, pending: 1, warn: 2, cancelled: 3, fail: 4 };

/** The worse of several verdicts; on a tie the first one keeps its reason. */
export function worst(verdicts: readonly Verdict[]): Verdict | undefined {
  return verdicts.reduce<Verdict | undefined>((w, v) => (w === undefined || RANK[v.status] > RANK[w.status] ? v : w), undefined);
}

function chainText(dns: DnsReport): string {
  return dns.cnameChain.length ? ` (via CNAME ${[dns.name, ...dns.cnameChain.map((c) => c.target)].join(' → ')})` : '';
}

function fixHint(expected: TargetReport['expected']): string {
  const parts = [];
  if (expected.addresses.length) parts.push(`an AAAA record with the accelerator's IPv6 address ${expected.addresses.join(' or ')}`);
  if (expected.dnsName) parts.push(`a CNAME record to ${expected.dnsName}`);
  return parts.length ? parts.join(', or ') : "an AAAA record with GA's IPv6 address (or a CNAME to the accelerator's DnsName)";
}

export function dnsVerdict(dns: DnsReport, expected: TargetReport['expected']): Verdict {
  if (dns.error) return { status: 'fail', code: 'dns-error', reason: `Looking up ${dns.name} failed: ${dns.error}` };
  const lastName = dns.cnameChain.at(-1)?.target ?? dns.name;
  if (dns.rcode === 'NXDOMAIN') {
    const reason = dns.cnameChain.length
      ? `${dns.name} is a CNAME to ${lastName}, which does not exist (NXDOMAIN at ${dns.server}); point the CNAME at ${expected.dnsName ?? "the accelerator's DnsName"}.`
      : `${dns.name} does not exist (NXDOMAIN at ${dns.server}); add ${fixHint(expected)}.`;
    return { status: 'fail', code: 'nxdomain', reason };
  }
  if (dns.rcode !== 'NOERROR') {
    return { status: 'fail', code: 'dns-error', reason: `${dns.server} answered ${dns.rcode} for ${dns.name}; check that this server serves the zone.` };
  }
  const reachesDnsName = expected.dnsName !== undefined && dns.cnameChain.some((c) => sameName(c.target, expected.dnsName as string));
  if (dns.aaaa.length === 0) {
    if (expected.dnsName && dns.cnameChain.length && !reachesDnsName) return cnameElsewhere(dns, expected.dnsName);
    const v4 = dns.a.length ? ` It has only IPv4 (A ${dns.a.map((a) => a.address).join(', ')}), so IPv6 clients cannot reach it.` : '';
    const tail = reachesDnsName
      ? ` The CNAME reaches ${expected.dnsName}, which has no IPv6 address: check that the accelerator has an active IPv6 acceleration area.`
      : ` Add ${fixHint(expected)}.`;
    return { status: 'fail', code: 'no-aaaa', reason: `${dns.name} has no AAAA record${chainText(dns)}.${v4}${tail}` };
  }
  if (dns.aaaa.every((r) => isIpv4Mapped(r.address))) {
    return {
      status: 'fail',
      code: 'no-aaaa',
      reason: `${dns.name} has only IPv4-mapped AAAA records (${dns.aaaa.map((r) => r.address).join(', ')}), which clients reach over IPv4; add ${fixHint(expected)}.`,
    };
  }
  if (expected.addresses.length) {
    const foreign = dns.aaaa.filter((r) => !expected.addresses.some((e) => sameAddress(e, r.address)));
    if (foreign.length === dns.aaaa.length) {
      if (expected.dnsName && dns.cnameChain.length && !reachesDnsName) return cnameElsewhere(dns, expected.dnsName);
      return {
        status: 'fail',
        code: 'aaaa-not-accelerator',
        reason: `${dns.name} resolves to ${foreign.map((r) => r.address).join(', ')}${chainText(dns)}, which is not the accelerator's address (${expected.addresses.join(', ')}); update the AAAA record.`,
      };
    }
    if (foreign.length) {
      return {
        status: 'warn',
        code: 'aaaa-partly-elsewhere',
        reason: `${dns.name} also resolves to ${foreign.map((r) => r.address).join(', ')}, which is not the accelerator's; some clients will miss GA. Remove that AAAA record.`,
      };
    }
  } else if (expected.dnsName && dns.cnameChain.length && !reachesDnsName) {
    return cnameElsewhere(dns, expected.dnsName);
  }
  const ttl = Math.min(...dns.aaaa.map((r) => r.ttl), ...dns.cnameChain.map((c) => c.ttl));
  return { status: 'pass', code: 'ok', reason: `${dns.name} resolves to ${dns.aaaa.map((r) => r.address).join(', ')}${chainText(dns)}, TTL ${ttl} s.` };
}

function cnameElsewhere(dns: DnsReport, dnsName: string): Verdict {
  return {
    status: 'fail',
    code: 'cname-not-accelerator',
    reason: `${dns.name} is a CNAME to ${dns.cnameChain.map((c) => c.target).join(' → ')}, which does not lead to the accelerator's DnsName ${dnsName}; point the CNAME at ${dnsName}.`,
  };
}

const FAILURE_ADVICE: Record<Exclude<FailureCode, 'cancelled'>, string> = {
  refused: 'Nothing accepts connections on that port: check that a listener covers the port and that the listener and its endpoint group are active.',
  timeout: 'Check that this client has IPv6 connectivity, that the address is the acceleration area\'s, and that no firewall drops the traffic.',
  unreachable: 'This machine has no IPv6 route there: run the probe from an IPv6 client (in an acceleration region).',
  reset: 'GA took the connection but could not reach a backend: check the endpoints (weight above 0, IPv4 address and port) and that the server allows GA\'s source addresses (EndpointGroupIpList).',
  'tls-failure': 'For HTTPS the backend\'s certificate must match the host name and be trusted; check it with the service owner.',
  'http-error': 'The backend did not answer with HTTP: check the listener port maps to the web service\'s port (PortOverrides).',
};

export function endpointVerdict(e: EndpointReport): Verdict {
  const sent = e.attempts.filter((a) => a.failure?.code !== 'cancelled');
  const at = formatHostPort(e.address, e.port);
  if (sent.length === 0) {
    return e.attempts.length ? { status: 'cancelled', code: 'cancelled', reason: `The probe of ${at} was cancelled before any attempt.` } : PENDING;
  }
  const failed = sent.filter((a) => !a.ok);
  const server5xx = sent.filter((a) => a.httpStatus !== undefined && a.httpStatus >= 500);
  const client4xx = sent.filter((a) => a.httpStatus !== undefined && a.httpStatus >= 400 && a.httpStatus < 500);
  if (failed.length === sent.length) {
    const counts = new Map<FailureCode, number>();
    for (const a of failed) counts.set(a.failure!.code, (counts.get(a.failure!.code) ?? 0) + 1);
    const code = [...counts.entries()].sort((x, y) => y[1] - x[1])[0][0] as Exclude<FailureCode, 'cancelled'>;
    const example = failed.find((a) => a.failure!.code === code)!.failure!.message;
    return { status: 'fail', code, reason: `${example} ${FAILURE_ADVICE[code]}` };
  }
  if (server5xx.length) {
    const statuses = [...new Set(server5xx.map((a) => a.httpStatus))].join(', ');
    return {
      status: 'fail',
      code: 'http-5xx',
      reason: `${at} answered HTTP ${statuses}: the connection works, but the IPv4 service behind it returned a server error; check the service.`,
    };
  }
  if (failed.length) {
    const first = failed[0].failure!;
    return {
      status: 'warn',
      code: 'partial-loss',
      reason: `${failed.length} of ${sent.length} attempts to ${at} got no answer (${first.code}: ${first.message}).`,
    };
  }
  if (client4xx.length) {
    const statuses = [...new Set(client4xx.map((a) => a.httpStatus))].join(', ');
    return {
      status: 'warn',
      code: 'http-4xx',
      reason: `${at} is reachable over IPv${e.family} but answered HTTP ${statuses}; check the path and the Host header the service expects.`,
    };
  }
  const status = sent[0].httpStatus;
  return { status: 'pass', code: 'ok', reason: `${at} answered ${status === undefined ? 'the TCP connection' : `HTTP ${status}`} over IPv${e.family} on every attempt.` };
}

/**
 * Worst of DNS and every address; a target with nothing to connect to keeps its DNS verdict. An endpoint GA's
 * health checks report abnormal is named: it explains a reset, and even when every attempt answered it is
 * worth a warning (that backend gets no healthy share of the traffic).
 */
export function targetVerdict(t: TargetReport, dns?: Verdict): Verdict {
  const parts = [...(dns ? [dns] : []), ...t.endpoints.map((e) => e.verdict)];
  const verdict = worst(parts) ?? PENDING;
  const abnormal = (t.backendHealth ?? []).filter((h) => h.status === 'abnormal');
  if (abnormal.length === 0 || verdict.status === 'pending' || verdict.status === 'cancelled') return verdict;
  const named = abnormal.map((h) => (h.port !== undefined ? formatHostPort(h.endpoint, h.port) : h.endpoint)).join(', ');
  const health = `GA's health check${abnormal.length > 1 ? 's report endpoints' : ' reports endpoint'} ${named} abnormal: ${abnormal.length > 1 ? 'those backends do' : 'that backend does'} not answer GA's checks; check that the service runs and allows GA's source addresses.`;
  if (verdict.status === 'pass') return { status: 'warn', code: 'backend-abnormal', reason: `${verdict.reason} But ${health}` };
  return { ...verdict, reason: `${verdict.reason} ${health}` };
}
