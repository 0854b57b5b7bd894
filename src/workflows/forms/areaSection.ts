// Step 2: an acceleration area (the region of the IPv6 clients), its bandwidth and the clients' IP version.
import {
  areaBandwidthProblems,
  areaBandwidthSumProblems,
  areaCountProblems,
  areaIspTypeProblems,
  areaRegionProblems,
  problem,
  regionName,
  type Billing,
  type Problem,
} from '../../model';
import { IP_VERSION_CHOICES, ISP_TYPE_CHOICES, ispTypeChoices, regionChoices, type RegionOption } from './choices';
import { liveFlags } from './facts';
import { parseWholeNumber, ProblemList, type FieldSpec } from './fields';

export interface AreaValues {
  region: string;
  /** Mbit/s, as typed. CreateIpSets requires it for every instance (ga-wire-spec.json), pay-by-data-transfer ones too. */
  bandwidth: string;
  ipVersion: string;
  /** The line, BGP or BGP_PRO: chosen only for an instance billed by data transfer (optional in a saved state). */
  ispType?: string;
}

export const AREA_DEFAULTS: AreaValues = { region: 'cn-beijing', bandwidth: '2', ipVersion: 'IPv6', ispType: 'BGP' };

/** `byDataTransfer`: the instance is pay-as-you-go billed by data transfer (no plan): the area has a line to choose. */
export function areaFields(prefix: string, regions: readonly RegionOption[], v: AreaValues, opts: { byDataTransfer?: boolean } = {}): FieldSpec[] {
  // For IPv6 clients only the IPv6-capable regions, as the console's IPv6 tab lists them.
  return [
    { path: `${prefix}.region`, label: 'Regions', kind: 'select', choices: regionChoices(regions, { ipv6Only: v.ipVersion === 'IPv6' }), help: 'Where the clients that need acceleration are.' },
    {
      path: `${prefix}.bandwidth`,
      label: 'Bandwidth',
      kind: 'text',
      help: opts.byDataTransfer ? 'Mbit/s this area may carry, at least 2; traffic is billed by data transfer.' : 'Mbit/s allocated to this area from the bandwidth plan; at least 2.',
    },
    { path: `${prefix}.ipVersion`, label: 'Internet Protocol', kind: 'select', choices: IP_VERSION_CHOICES },
    {
      path: `${prefix}.ispType`,
      label: 'Line Type',
      kind: 'select',
      choices: ispTypeChoices(regions, v.region),
      disabled: !opts.byDataTransfer,
      help: opts.byDataTransfer ? 'The line of this area: an instance billed by data transfer chooses it per area.' : 'An instance with a bandwidth plan uses the plan\'s line.',
    },
  ];
}

export interface AreaFacts {
  regions: readonly RegionOption[];
  regionsLive: boolean;
  billing: Billing;
  spec?: string;
  planBandwidth?: number;
  /** The plan is bought by the same form: while its bandwidth is not a number, that field shows the error. */
  planPending?: boolean;
  /** The instance's areas so far (none for a new instance). */
  existing: readonly { region: string; bandwidth?: number }[];
}

export function validateArea(prefix: string, v: AreaValues, facts: AreaFacts): Problem[] {
  const out = new ProblemList();
  const region = `${prefix}.region`;
  if (!facts.regions.some((r) => r.regionId === v.region)) {
    out.add([problem('required', region, 'Choose the region where the clients that need acceleration are.')]);
  } else if (facts.existing.some((a) => a.region === v.region)) {
    out.add([problem('duplicateEntry', region, `The instance already has an acceleration area in ${regionName(v.region)}; change that area's bandwidth instead.`)]);
  } else {
    out.add(areaRegionProblems(v.region, v.ipVersion, liveFlags(facts), region));
  }
  if (!out.hasError(region) && facts.spec) out.add(areaCountProblems(facts.spec, facts.existing.length + 1, region));
  if (!IP_VERSION_CHOICES.some((c) => c.value === v.ipVersion)) out.add([problem('enum', `${prefix}.ipVersion`, 'Internet Protocol must be IPv6 or IPv4.')]);
  if (facts.billing === 'payAsYouGo') {
    const line = `${prefix}.ispType`;
    if (v.ispType !== undefined && !ISP_TYPE_CHOICES.some((c) => c.value === v.ispType)) {
      out.add([problem('enum', line, `Line Type must be ${ISP_TYPE_CHOICES.map((c) => c.label).join(' or ')}.`)]);
    } else if (!out.hasError(region)) {
      out.add(areaIspTypeProblems(areaIspType(v), v.region, { hasPlan: false, live: liveFlags(facts) }, line));
    }
  }

  const path = `${prefix}.bandwidth`;
  const bandwidth = parseWholeNumber(v.bandwidth) ?? Number.NaN;
  const planKnown = facts.planBandwidth !== undefined || !facts.planPending;
  if (!out.add(areaBandwidthProblems(bandwidth, path)) && facts.billing === 'subscription' && planKnown) {
    if (facts.planBandwidth === undefined) {
      out.add([problem('billing', path, 'Bind a basic bandwidth plan to the instance before adding acceleration areas.')]);
    } else {
      out.add(areaBandwidthSumProblems([...facts.existing.map((a) => a.bandwidth ?? 0), bandwidth], facts.planBandwidth, path));
    }
  }
  return out.items;
}

/** The area's line as it will be created: BGP unless the form chose BGP_PRO. */
export function areaIspType(v: AreaValues): 'BGP' | 'BGP_PRO' {
  return v.ispType === 'BGP_PRO' ? 'BGP_PRO' : 'BGP';
}
