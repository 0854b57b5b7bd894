// What the forms know about the account, sent by the host when a form opens (never a credential): the regions
// with their live IPv6 flags, the DNS zones with their records, the names already taken, and whether the
// profile is the local sandbox (where loopback backends are allowed). Plain JSON.
import type { ExistingRecord, LiveRegionFlags, PortRange } from '../../model';
import type { RegionOption } from './choices';

export interface ZoneFacts {
  name: string;
  /** The zone's minimum TTL (its DNS edition), when known. */
  minTtl?: number;
  records: ExistingRecord[];
}

export interface AccountFacts {
  regions: RegionOption[];
  /** True when `regions` came from ListAvailableAccelerateAreas (its SupportIpv6 flags win over the seed's list). */
  regionsLive: boolean;
  zones: ZoneFacts[];
  /** The local sandbox: private and loopback backends are allowed, nothing is billed. */
  sandbox: boolean;
  /** Names of the account's accelerators: a new instance must not take one (the plan would adopt it). */
  acceleratorNames: string[];
  /** Pay-as-you-go GA on the account; undefined when it could not be read. Only pay-as-you-go instances need it. */
  payAsYouGo?: PayAsYouGoFacts;
}

export interface PayAsYouGoFacts {
  /** DescribeAcceleratorServiceStatus: Normal, NotOpened (Create activates it, asked first), Expired, Released. */
  status: string;
  /** Why pay-as-you-go cannot be bought, in the workflows' words (serviceStatusProblem); none when Normal. */
  problem?: string;
}

/** An existing accelerator, as a per-resource form needs it. */
export interface AcceleratorFacts {
  id: string;
  name: string;
  spec?: string;
  billing: 'subscription' | 'payAsYouGo';
  /** Mbit/s of the bound basic bandwidth plan. */
  planBandwidth?: number;
  dnsName?: string;
  areas: { region: string; bandwidth?: number; ipVersion?: string; ipSetId?: string; addresses: string[] }[];
  listeners: {
    id: string;
    name: string;
    protocol: string;
    portRanges: PortRange[];
    endpointGroups: { id: string; name: string; region: string; preserveClientIp?: boolean; endpoints: { type: string; address: string; weight: number }[] }[];
  }[];
}

/** The live IPv6 flags in the shape the model's region rule takes; undefined offline (the seed's list decides). */
export function liveFlags(facts: { regions: readonly RegionOption[]; regionsLive: boolean }): LiveRegionFlags[] | undefined {
  return facts.regionsLive ? facts.regions.map((r) => ({ regionId: r.regionId, supportIpv6: r.supportIpv6, ...(r.ispTypes ? { ispTypes: r.ispTypes } : {}) })) : undefined;
}

export function hasZone(facts: { zones: readonly ZoneFacts[] }, name: string): ZoneFacts | undefined {
  return facts.zones.find((z) => z.name === name);
}
