// The live account as a typed model: what the plan compares ga.yaml with, what export writes, what the explorer
// shows. Built from list answers only (ListAccelerators, ListIpSets, ListListeners, ListEndpointGroups,
// DescribeDomainRecords), never one Describe per resource. Each entry keeps the API's own answer in `raw` for
// the views that show more than the plan compares.
import type { AcceleratorSummary, DnsRecord, EndpointGroupSummary, IpSetSummary, ListenerSummary } from '../../cloud';
import { isIpv6, type PortRange } from '../../model';

export interface LiveEndpoint {
  /** The endpoint's address (or domain / instance id for other types). */
  ip: string;
  type: string;
  weight: number;
  preserveClientIp: boolean;
}

export interface LiveEndpointGroup {
  id: string;
  /** '' when the group has no name (created elsewhere without one). */
  name: string;
  region: string;
  state: string;
  listenerId: string;
  endpoints: LiveEndpoint[];
  raw: EndpointGroupSummary;
}

export interface LiveListener {
  id: string;
  name: string;
  protocol: string;
  ports: PortRange[];
  clientAffinity: string;
  state: string;
  groups: LiveEndpointGroup[];
  raw: ListenerSummary;
}

export interface LiveArea {
  id: string;
  region: string;
  ipVersion: string;
  bandwidth?: number;
  ispType?: string;
  state: string;
  addresses: string[];
  raw: IpSetSummary;
}

export interface LivePlan {
  id: string;
  bandwidth?: number;
  bandwidthType?: string;
}

export interface LiveAccelerator {
  id: string;
  name: string;
  state: string;
  spec?: string;
  /** PREPAY (subscription) or POSTPAY (pay-as-you-go). */
  chargeType?: string;
  /** BandwidthPackage (billed by a bandwidth plan) or CDT (billed by data transfer). */
  bandwidthBilling?: string;
  dnsName?: string;
  /** The bound basic bandwidth plan, as the accelerator's listing reports it. */
  plan?: LivePlan;
  areas: LiveArea[];
  listeners: LiveListener[];
  /** Endpoint groups whose listener was not listed (being deleted with it): deleted with the accelerator. */
  orphanGroups: LiveEndpointGroup[];
  raw: AcceleratorSummary;
}

export interface LiveDnsZone {
  zone: string;
  records: DnsRecord[];
  /** Why the zone's records could not be read (e.g. the zone is not in this account). */
  error?: string;
}

export interface LiveState {
  /** The accelerators that were read in full (those a ga.yaml names, or all for export). */
  accelerators: LiveAccelerator[];
  /** Zones read, with their records. */
  zones: LiveDnsZone[];
}

/** The three list answers that describe one accelerator's children. */
export interface AcceleratorChildren {
  ipSets: IpSetSummary[];
  listeners: ListenerSummary[];
  endpointGroups: EndpointGroupSummary[];
}

export function toLiveAccelerator(summary: AcceleratorSummary, children: AcceleratorChildren): LiveAccelerator {
  const groups = children.endpointGroups.map(toLiveGroup);
  const listeners = children.listeners.map((l) => toLiveListener(l, groups.filter((g) => g.listenerId === l.listenerId)));
  const listed = new Set(listeners.map((l) => l.id));
  const plan = summary.basicBandwidthPackage?.instanceId
    ? { id: summary.basicBandwidthPackage.instanceId, bandwidth: summary.basicBandwidthPackage.bandwidth, bandwidthType: summary.basicBandwidthPackage.bandwidthType }
    : undefined;
  return {
    id: summary.acceleratorId ?? '',
    name: summary.name ?? '',
    state: summary.state ?? '',
    spec: summary.spec || undefined,
    chargeType: summary.instanceChargeType,
    bandwidthBilling: summary.bandwidthBillingType,
    dnsName: summary.dnsName,
    plan,
    areas: children.ipSets.map(toLiveArea),
    listeners,
    orphanGroups: groups.filter((g) => !listed.has(g.listenerId)),
    raw: summary,
  };
}

function toLiveArea(s: IpSetSummary): LiveArea {
  return {
    id: s.ipSetId ?? '',
    region: s.accelerateRegionId ?? '',
    ipVersion: s.ipVersion ?? 'IPv4',
    bandwidth: s.bandwidth,
    ispType: s.ispType,
    state: s.state ?? '',
    addresses: s.ipAddressList ?? [],
    raw: s,
  };
}

function toLiveListener(l: ListenerSummary, groups: LiveEndpointGroup[]): LiveListener {
  return {
    id: l.listenerId ?? '',
    name: l.name ?? '',
    protocol: (l.protocol ?? 'TCP').toUpperCase(),
    ports: (l.portRanges ?? []).map((r) => ({ fromPort: r.fromPort ?? 0, toPort: r.toPort ?? r.fromPort ?? 0 })),
    clientAffinity: l.clientAffinity || 'NONE',
    state: l.state ?? '',
    groups,
    raw: l,
  };
}

function toLiveGroup(g: EndpointGroupSummary): LiveEndpointGroup {
  return {
    id: g.endpointGroupId ?? '',
    name: g.name ?? '',
    region: g.endpointGroupRegion ?? '',
    state: g.state ?? '',
    listenerId: g.listenerId ?? '',
    endpoints: (g.endpointConfigurations ?? []).map((e) => ({
      ip: e.endpoint ?? '',
      type: e.type ?? 'Ip',
      weight: e.weight ?? 0,
      preserveClientIp: e.enableClientIPPreservation ?? false,
    })),
    raw: g,
  };
}

/** The accelerator's IPv6 addresses (AAAA targets), over all of its areas. */
export function liveIpv6Addresses(a: Pick<LiveAccelerator, 'areas'>): string[] {
  return a.areas.flatMap((s) => s.addresses.filter(isIpv6));
}
