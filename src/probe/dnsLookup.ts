// Resolves a name the way an IPv6 client would (AAAA, following CNAMEs) and keeps every step and TTL, so a
// failure can say which record is wrong. The A answer is looked up too, to tell "no AAAA" from "no name".
import { getServers } from 'node:dns';
import type * as dnsPacket from 'dns-packet';
import { canonicalIpv6, sameName } from './addresses';
import { DnsServer, formatDnsServer, parseDnsServer, queryDns } from './dnsClient';
import type { DnsAddress, DnsReport } from './types';

const MAX_CNAME_HOPS = 8;

export interface LookupOptions {
  /** `host:port`; undefined: the system's configured servers, in order. */
  dnsServer?: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

interface Followed {
  rcode?: string;
  chain: DnsReport['cnameChain'];
  records: DnsAddress[];
}

/** The servers a lookup asks, with how the report names them. */
export function dnsServersFor(dnsServer: string | undefined): { servers: DnsServer[]; label: string } {
  if (dnsServer !== undefined) {
    const server = parseDnsServer(dnsServer);
    return { servers: [server], label: formatDnsServer(server) };
  }
  const servers = getServers().map(parseDnsServer);
  return { servers, label: `system (${servers.map(formatDnsServer).join(', ') || 'none configured'})` };
}

export async function lookupName(name: string, options: LookupOptions): Promise<DnsReport> {
  const started = performance.now();
  const report: DnsReport = { name, server: '', cnameChain: [], aaaa: [], a: [] };
  try {
    const { servers, label } = dnsServersFor(options.dnsServer);
    report.server = label;
    if (servers.length === 0) throw new Error('This system has no DNS server configured; give one explicitly (host:port).');
    const [v6, v4] = await Promise.all([followAny(servers, name, 'AAAA', options), followAny(servers, name, 'A', options)]);
    report.rcode = v6.rcode;
    report.cnameChain = v6.chain;
    report.aaaa = v6.records.map((r) => ({ ...r, address: canonicalIpv6(r.address) }));
    report.a = v4.records;
  } catch (e) {
    if ((e as Error).name === 'CancelledError') throw e;
    report.error = (e as Error).message;
  }
  report.durationMs = performance.now() - started;
  return report;
}

/** The first server that answers wins; a server that does not answer is skipped, like a stub resolver does. */
async function followAny(servers: DnsServer[], name: string, type: 'AAAA' | 'A', options: LookupOptions): Promise<Followed> {
  let lastError: unknown;
  for (const server of servers) {
    try {
      return await follow(server, name, type, options);
    } catch (e) {
      if ((e as Error).name === 'CancelledError') throw e;
      lastError = e;
    }
  }
  throw lastError;
}

/**
 * Asks for `type` and walks the CNAMEs in the answer. An authoritative server may stop at a CNAME that leaves
 * its zones; then the target is asked for in turn, as a recursive resolver would.
 */
async function follow(server: DnsServer, name: string, type: 'AAAA' | 'A', options: LookupOptions): Promise<Followed> {
  const result: Followed = { chain: [], records: [] };
  const seen = new Set<string>([name.toLowerCase()]);
  let current = name;
  for (let hop = 0; hop <= MAX_CNAME_HOPS; hop++) {
    const answer = await queryDns(server, current, type, options);
    result.rcode = answer.rcode;
    if (answer.rcode !== 'NOERROR') return result;
    const answers = answer.answers ?? [];
    const chainBefore = result.chain.length;
    for (;;) {
      const cname = answers.find((a): a is dnsPacket.StringAnswer => a.type === 'CNAME' && sameName(a.name, current));
      if (!cname) break;
      result.chain.push({ name: current, target: cname.data, ttl: cname.ttl ?? 0 });
      current = cname.data;
      if (seen.has(current.toLowerCase())) throw new Error(`The CNAME records of ${name} form a loop at ${current}.`);
      seen.add(current.toLowerCase());
      if (result.chain.length > MAX_CNAME_HOPS) throw new Error(`${name} has more than ${MAX_CNAME_HOPS} CNAME steps.`);
    }
    result.records = answers
      .filter((a): a is dnsPacket.StringAnswer => a.type === type && sameName(a.name, current))
      .map((a) => ({ name: a.name, address: a.data, ttl: a.ttl ?? 0 }));
    const stoppedAtNewCname = result.chain.length > chainBefore && result.records.length === 0;
    if (!stoppedAtNewCname) return result;
  }
  return result;
}
