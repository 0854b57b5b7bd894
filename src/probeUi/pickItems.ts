// What the quick pick of "Probe IPv6 Reachability…" offers: per accelerator of the active profile a group with
// the accelerator itself, its IPv6 acceleration areas and the DNS records that point at it, each carrying the
// explorer node it stands for, so the pick is probed exactly as a right-click on that node would be
// (targets.ts). Pure: the explorer's loader (which caches per refresh) is passed in, and only the first
// MAX_EXPANDED_ACCELERATORS accelerators are expanded so a large account does not cost hundreds of calls.
import type { AcceleratorSummary, DnsRecord, IpSetSummary } from '../cloud';
import { ipv6AddressesOf, type ExplorerLoader } from '../explorer/loader';
import type { AcceleratorNode, ExplorerNode } from '../explorer/nodes';
import { recordFqdn, regionName } from '../model';

/** Accelerators whose areas and DNS records are listed (each costs three GA calls; DNS is one scan for all). */
export const MAX_EXPANDED_ACCELERATORS = 10;

export type ListingLoader = Pick<ExplorerLoader, 'accelerators' | 'details' | 'dnsRecordsFor'>;

/** A part of an accelerator as read: the value, why it could not be read, or undefined when not read at all. */
type Loaded<T> = { value: T } | { error: string } | undefined;

export interface AcceleratorListing {
  accelerator: AcceleratorSummary;
  ipSets: Loaded<IpSetSummary[]>;
  records: Loaded<DnsRecord[]>;
}

export interface Listings {
  listings: AcceleratorListing[];
  /** How many accelerators the profile has (only the first MAX_EXPANDED_ACCELERATORS are expanded). */
  total: number;
}

/** One row of the quick pick, without vscode: `separator` rows head a group, the others carry a node to probe. */
export interface PickEntry {
  label: string;
  description?: string;
  detail?: string;
  separator?: true;
  node?: ExplorerNode;
}

export async function loadListings(loader: ListingLoader, limit = MAX_EXPANDED_ACCELERATORS): Promise<Listings> {
  const all = await loader.accelerators();
  const listings = await Promise.all(
    all.map(async (accelerator, i): Promise<AcceleratorListing> => {
      if (i >= limit) return { accelerator, ipSets: undefined, records: undefined };
      const [details, dns] = await Promise.allSettled([loader.details(accelerator), loader.dnsRecordsFor(accelerator)]);
      return {
        accelerator,
        ipSets: details.status === 'fulfilled' ? { value: details.value.ipSets } : { error: messageOf(details.reason) },
        records: dns.status === 'fulfilled' ? { value: dns.value.records } : { error: messageOf(dns.reason) },
      };
    }),
  );
  return { listings, total: all.length };
}

export function pickEntries(profile: { id: string; name: string }, { listings, total }: Listings, limit = MAX_EXPANDED_ACCELERATORS): PickEntry[] {
  return listings.flatMap((listing) => {
    const a = listing.accelerator;
    const name = acceleratorName(a);
    const node: AcceleratorNode = { kind: 'accelerator', id: `${profile.id}/${a.acceleratorId}`, profileId: profile.id, accelerator: a };
    const missing = [
      listing.ipSets === undefined ? `areas and DNS records are listed for the first ${limit} of ${total} accelerators only: pick it to probe all of its addresses, or expand it in the explorer` : undefined,
      listing.ipSets && 'error' in listing.ipSets ? `its areas could not be listed (${listing.ipSets.error})` : undefined,
      listing.records && 'error' in listing.records ? `its DNS records could not be listed (${listing.records.error})` : undefined,
    ].filter((m): m is string => m !== undefined);
    const entries: PickEntry[] = [
      { label: [name, a.acceleratorId !== name ? a.acceleratorId : undefined].filter(Boolean).join(' · '), separator: true },
      {
        label: `$(rocket) ${name}`,
        description: [a.acceleratorId, a.state, profile.name].filter(Boolean).join(' · '),
        detail: ['Every IPv6 address of its areas × every listener port', ...missing].join('; '),
        node,
      },
    ];
    if (listing.ipSets && 'value' in listing.ipSets) entries.push(...areaEntries(node, listing.ipSets.value));
    if (listing.records && 'value' in listing.records) entries.push(...recordEntries(node, listing.records.value));
    return entries;
  });
}

/** IPv6 areas only: an IPv4 area has nothing an IPv6 probe could reach. */
function areaEntries(parent: AcceleratorNode, ipSets: IpSetSummary[]): PickEntry[] {
  return ipSets.flatMap((ipSet) => {
    const addresses = ipv6AddressesOf({ ipSets: [ipSet] });
    if (addresses.length === 0) return [];
    const region = ipSet.accelerateRegionId ?? '';
    return [{
      label: `$(globe) ${regionName(region) || ipSet.ipSetId || 'acceleration area'}`,
      description: addresses.join(', '),
      detail: `Acceleration area of ${acceleratorName(parent.accelerator)}: its IPv6 addresses × every listener port`,
      node: { kind: 'area', id: `${parent.id}/areas/${ipSet.ipSetId}`, profileId: parent.profileId, parent, acceleratorId: parent.accelerator.acceleratorId ?? '', ipSet },
    }];
  });
}

function recordEntries(parent: AcceleratorNode, records: DnsRecord[]): PickEntry[] {
  return records.map((record) => ({
    label: `$(symbol-namespace) ${recordFqdn(record.rr, record.domainName)}`,
    description: `${record.type} → ${record.value}`,
    detail: `DNS record: resolved, checked that it leads to ${acceleratorName(parent.accelerator)}, and probed on every listener port`,
    node: { kind: 'dnsRecord', id: `${parent.id}/dns/${record.recordId}`, profileId: parent.profileId, parent, record },
  }));
}

function acceleratorName(a: AcceleratorSummary): string {
  return a.name || a.acceleratorId || 'accelerator';
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
