// Which DNS records point at an accelerator: the explorer's DNS folder, export, and what a delete breaks. One
// scan reads every zone of the account (DescribeDomains, then DescribeDomainRecords per zone with a few in
// flight, up to a cap on zones) and serves every accelerator of the profile until the next refresh: one pass
// over the zones instead of a search per accelerator.
import type { DnsRecord, DnsService } from '../../cloud';
import { isCloudError } from '../../cloud';
import { canonicalIpv6, createLimiter, isIpv6, sameHostName } from '../../model';

export type DnsReader = Pick<DnsService, 'describeDomains' | 'describeDomainRecords'>;

export interface DnsScanOptions {
  /** Zones read at most; an account with more is searched partly and says so. */
  zoneLimit?: number;
  /** DescribeDomainRecords calls in flight at once. */
  concurrency?: number;
}

export const DEFAULT_DNS_ZONE_LIMIT = 20;
export const DEFAULT_DNS_CONCURRENCY = 4;

export interface DnsScan {
  records: DnsRecord[];
  zonesSearched: string[];
  zonesTotal: number;
  /** Zones whose records could not be read, and why. */
  failures: { zone: string; message: string }[];
}

/** What an accelerator answers to: its CNAME and its IPv6 addresses. */
export interface DnsTarget {
  dnsName?: string;
  ipv6Addresses: readonly string[];
}

export async function scanDnsZones(dns: DnsReader, options: DnsScanOptions = {}): Promise<DnsScan> {
  const zoneLimit = options.zoneLimit ?? DEFAULT_DNS_ZONE_LIMIT;
  const limit = createLimiter(options.concurrency ?? DEFAULT_DNS_CONCURRENCY);
  const domains = await dns.describeDomains();
  const zones = domains.slice(0, zoneLimit).map((d) => d.domainName);
  const failures: DnsScan['failures'] = [];
  const perZone = await Promise.all(
    zones.map((zone) =>
      limit(async () => {
        try {
          return await dns.describeDomainRecords(zone);
        } catch (e) {
          // Auth and permission problems concern every zone alike: the caller shows them once, not per zone.
          if (isCloudError(e) && (e.category === 'auth' || e.category === 'permission')) throw e;
          failures.push({ zone, message: e instanceof Error ? e.message : String(e) });
          return [];
        }
      }),
    ),
  );
  return { records: perZone.flat(), zonesSearched: zones, zonesTotal: domains.length, failures };
}

/** Records whose value is the accelerator's CNAME (CNAME records) or one of its IPv6 addresses (AAAA records). */
export function recordsPointingAt(records: readonly DnsRecord[], target: DnsTarget): DnsRecord[] {
  const addresses = new Set(target.ipv6Addresses.filter(isIpv6).map(canonicalIpv6));
  return records.filter((r) => {
    const type = r.type.toUpperCase();
    if (type === 'CNAME') return target.dnsName !== undefined && target.dnsName !== '' && sameHostName(r.value, target.dnsName);
    if (type === 'AAAA') return isIpv6(r.value) && addresses.has(canonicalIpv6(r.value));
    return false;
  });
}
