// What the checks, completion and hover may know about the account behind the active profile. Everything is
// optional: without a profile (the command line, a fresh editor) the checks use the seed's offline rules. The
// VS Code adapter fills this from the cloud services, cached per profile, and never waits for it while typing.
import type { LiveRegionFlags } from '../model';

export interface LiveAccelerator {
  name: string;
  id?: string;
  state?: string;
  /** The CNAME GA allocated (DnsName). */
  cname?: string;
  areas: { region: string; ipVersion?: string; addresses: string[] }[];
}

export interface GaYamlFacts {
  /** The active profile is the local sandbox: its data plane serves loopback and private backends. */
  sandbox?: boolean;
  /** ListAvailableAccelerateAreas of the active profile: regions, their IPv6 flag and ISP types. */
  liveRegions?: readonly LiveRegionFlags[];
  /** The active profile's Alibaba Cloud DNS zones (DescribeDomains). */
  zones?: readonly string[];
  /** A zone's minimum TTL (DescribeDomainInfo), when known. */
  zoneMinTtl?: ReadonlyMap<string, number>;
  /** Live accelerators by name, for hover on `to:` (the address a record would get). */
  accelerators?: readonly LiveAccelerator[];
}

export const NO_FACTS: GaYamlFacts = Object.freeze({});
