// The choices the forms offer, from the model's tables: what the console's drop-downs list, limited to what an
// ordinary account can buy (no whitelist-only specifications; subscription with a basic bandwidth plan, or
// pay-as-you-go billed by data transfer without one).
import { BANDWIDTH_TYPES, KNOWN_REGIONS, regionName, SEED_IPV6_REGIONS, SPECS, type Billing, type PricingCycle } from '../../model';
import type { Choice } from './fields';

/** A region as the form knows it: from the live ListAvailableAccelerateAreas when a profile answered, else the model's table. */
export interface RegionOption {
  regionId: string;
  name: string;
  /** The live SupportIpv6 flag, or the seed's list when offline. */
  supportIpv6: boolean;
  chinaMainland: boolean;
  /** The lines the live list offers there (IspTypeList: BGP, BGP_PRO); undefined offline. */
  ispTypes?: string[];
}

/** The model's regions, IPv6 support from the seed's list: what the forms offer before (or without) the live list. */
export function offlineRegions(): RegionOption[] {
  return KNOWN_REGIONS.map((r) => ({ regionId: r.regionId, name: r.name, supportIpv6: SEED_IPV6_REGIONS.includes(r.regionId), chinaMainland: r.chinaMainland }));
}

export function regionChoices(regions: readonly RegionOption[], opts: { ipv6Only?: boolean } = {}): Choice[] {
  return regions
    .filter((r) => !opts.ipv6Only || r.supportIpv6)
    .map((r) => ({ value: r.regionId, label: r.name || regionName(r.regionId), description: `Region ID ${r.regionId}.` }));
}

/** Specifications an ordinary account can buy, with the capacity the docs give (ga-api.md §6.2). */
export function specChoices(): Choice[] {
  return SPECS.filter((s) => !s.whitelistOnly).map((s) => ({
    value: s.spec,
    label: s.name,
    description: s.regions !== undefined
      ? `Up to ${s.regions} region${s.regions === 1 ? '' : 's'}, ${s.bandwidthMbps} Mbit/s and ${s.connections?.toLocaleString('en-US')} concurrent connections.`
      : 'Its capacity is not documented: check it with Alibaba Cloud.',
  }));
}

export const BANDWIDTH_TYPE_DESCRIPTIONS: Record<(typeof BANDWIDTH_TYPES)[number], string> = {
  Basic: 'For clients in the Chinese mainland and backends on Alibaba Cloud in the Chinese mainland.',
  Enhanced: 'For clients in the Chinese mainland, also with backends outside Alibaba Cloud (data centres).',
  Advanced: 'For clients outside the Chinese mainland (or served through China (Hong Kong)).',
};

export function bandwidthTypeChoices(): Choice[] {
  return BANDWIDTH_TYPES.map((t) => ({ value: t, label: t, description: BANDWIDTH_TYPE_DESCRIPTIONS[t] }));
}

/** The Term field's value: `subscription:Month:1` … `subscription:Year:3`, or `payAsYouGo`. */
export interface Term {
  billing: Billing;
  cycle?: PricingCycle;
  duration?: number;
}

export const PAY_AS_YOU_GO = 'payAsYouGo';

export function termValue(t: Term): string {
  return t.billing === 'payAsYouGo' ? PAY_AS_YOU_GO : `subscription:${t.cycle}:${t.duration}`;
}

/** Undefined for a value that is not one of termChoices(). */
export function parseTerm(value: string): Term | undefined {
  if (value === PAY_AS_YOU_GO) return { billing: 'payAsYouGo' };
  const m = /^subscription:(Month|Year):(\d)$/.exec(value);
  if (!m) return undefined;
  const cycle = m[1] as PricingCycle;
  const duration = Number(m[2]);
  const max = cycle === 'Month' ? 9 : 3;
  return duration >= 1 && duration <= max ? { billing: 'subscription', cycle, duration } : undefined;
}

export function termLabel(t: Term): string {
  if (t.billing === 'payAsYouGo') return 'Pay-as-you-go, billed by data transfer (no bandwidth plan)';
  const unit = t.cycle === 'Year' ? 'year' : 'month';
  return `Subscription, ${t.duration} ${unit}${t.duration === 1 ? '' : 's'}`;
}

export function termChoices(): Choice[] {
  const terms: Term[] = [
    ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((duration): Term => ({ billing: 'subscription', cycle: 'Month', duration })),
    ...[1, 2, 3].map((duration): Term => ({ billing: 'subscription', cycle: 'Year', duration })),
    { billing: 'payAsYouGo' },
  ];
  return terms.map((t) => ({
    value: termValue(t),
    label: termLabel(t),
    description: t.billing === 'payAsYouGo' ? 'The instance and its traffic are billed by use; no basic bandwidth plan.' : 'The instance and its basic bandwidth plan are paid up front for the term.',
  }));
}

export const IP_VERSION_CHOICES: readonly Choice[] = [
  { value: 'IPv6', label: 'IPv6', description: 'IPv6 clients connect to GA (the walk-through).' },
  { value: 'IPv4', label: 'IPv4', description: 'IPv4 clients connect to GA.' },
];

/** The line of an area of an instance billed by data transfer (CreateIpSets IspType). */
export const ISP_TYPE_CHOICES: readonly Choice[] = [
  { value: 'BGP', label: 'BGP (Multi-ISP)', description: 'The default line, offered in every region.' },
  { value: 'BGP_PRO', label: 'BGP (Multi-ISP) Pro', description: 'Optimised routes to the Chinese mainland, in the regions that offer it.' },
];

/** The lines a region offers: the live IspTypeList when known, else both. */
export function ispTypeChoices(regions: readonly RegionOption[], regionId: string): Choice[] {
  const offered = regions.find((r) => r.regionId === regionId)?.ispTypes;
  return offered && offered.length > 0 ? ISP_TYPE_CHOICES.filter((c) => offered.includes(c.value)) : [...ISP_TYPE_CHOICES];
}

export const PROTOCOL_CHOICES: readonly Choice[] = ['TCP', 'UDP', 'HTTP', 'HTTPS'].map((p) => ({ value: p, label: p }));

export const CLIENT_AFFINITY_CHOICES: readonly Choice[] = [
  { value: 'SOURCE_IP', label: 'Source IP Address', description: 'Requests from one client go to the same endpoint.' },
  { value: 'NONE', label: 'Disabled', description: 'Each connection may go to any endpoint.' },
];

/** Only custom IP addresses: the form (and ga.yaml) describe IPv4 services by their address. */
export const BACKEND_TYPE_CHOICES: readonly Choice[] = [{ value: 'Ip', label: 'Custom IP Address', description: 'The service is reached at its IPv4 address.' }];

export const RECORD_TYPE_CHOICES: readonly Choice[] = [
  { value: 'AAAA', label: 'AAAA', description: 'The name points at the IPv6 address GA allocates to the acceleration area.' },
  { value: 'CNAME', label: 'CNAME', description: 'The name points at the CNAME GA allocates to the instance.' },
];

/** Alibaba Cloud DNS's TTL drop-down (seconds); the zone's edition decides the minimum. */
export const TTL_CHOICES: readonly Choice[] = [
  [1, '1 second'], [5, '5 seconds'], [10, '10 seconds'], [60, '1 minute'], [120, '2 minutes'], [300, '5 minutes'],
  [600, '10 minutes'], [1800, '30 minutes'], [3600, '1 hour'], [43200, '12 hours'], [86400, '1 day'],
].map(([seconds, label]) => ({ value: String(seconds), label: String(label) }));

/** The Domain Name choice that skips the DNS step (an account without zones can still create the gateway). */
export const NO_ZONE = '';

export const YES_NO_CHOICES: readonly Choice[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

export const SERVER_AREA_CHOICES: readonly Choice[] = [
  { value: 'offAlibabaCloud', label: 'Off Alibaba Cloud', description: 'In a data centre or another cloud.' },
  { value: 'onAlibabaCloud', label: 'On Alibaba Cloud' },
];
