// What a form needs to know about the account, read by the host (list calls only, through the explorer's loader
// where it has the answer cached) and sent to the page: regions with their live IPv6 flags, the DNS zones with
// their records, the accelerators' names, one accelerator's children. Never a credential or an endpoint.
import type { AcceleratorSummary, CloudServices, DnsDomain } from '../cloud';
import type { ExplorerLoader } from '../explorer/loader';
import { isIpv6, MIN_TTL_BY_EDITION, regionName } from '../model';
import type { Profile } from '../profiles/types';
import { serviceStatusProblem } from '../workflows/service';
import { offlineRegions, type AcceleratorFacts, type AccountFacts, type PayAsYouGoFacts, type RegionOption, type ZoneFacts } from '../workflows/forms';

export interface FactsResult<T> {
  facts: T;
  /** What could not be read and what the form uses instead, for a notice on the page. */
  notes: string[];
}

/** The live acceleration regions (ListAvailableAccelerateAreas), or the model's table with a note. */
export async function readRegions(services: CloudServices): Promise<{ regions: RegionOption[]; live: boolean; note?: string }> {
  try {
    const areas = await services.ga.listAvailableAccelerateAreas();
    const regions = areas.flatMap((a) => (a.regionList ?? []).flatMap((r): RegionOption[] =>
      r.regionId ? [{ regionId: r.regionId, name: r.localName || regionName(r.regionId), supportIpv6: r.supportIpv6 === true, chinaMainland: r.chinaMainland === true, ...(r.ispTypeList?.length ? { ispTypes: r.ispTypeList } : {}) }] : []));
    if (regions.length > 0) return { regions, live: true };
    return { regions: offlineRegions(), live: false, note: 'The account listed no acceleration regions; the form offers the regions of the walk-through.' };
  } catch (e) {
    return { regions: offlineRegions(), live: false, note: `The account's acceleration regions could not be read (${messageOf(e)}); the form offers the regions of the walk-through.` };
  }
}

/** The account's DNS zones with their records (records from the explorer's DNS scan, shared with the tree). */
export async function readZones(services: CloudServices, loader: ExplorerLoader | undefined): Promise<{ zones: ZoneFacts[]; note?: string }> {
  try {
    const [domains, scan] = await Promise.all([services.dns.describeDomains(), loader ? loader.dnsScan() : undefined]);
    return { zones: domains.map((d) => zoneFacts(d, scan?.records ?? [])) };
  } catch (e) {
    return { zones: [], note: `The DNS zones could not be read (${messageOf(e)}); the form can create the gateway without a DNS record.` };
  }
}

function zoneFacts(d: DnsDomain, records: readonly { domainName: string; recordId: string; rr: string; type: string; value: string; ttl?: number; line?: string }[]): ZoneFacts {
  const minTtl = d.versionCode !== undefined && Object.hasOwn(MIN_TTL_BY_EDITION, d.versionCode) ? MIN_TTL_BY_EDITION[d.versionCode] : undefined;
  return {
    name: d.domainName,
    ...(minTtl !== undefined ? { minTtl } : {}),
    records: records.filter((r) => r.domainName === d.domainName).map((r) => ({ recordId: r.recordId, rr: r.rr, type: r.type, value: r.value, ttl: r.ttl, line: r.line })),
  };
}

/** Whether pay-as-you-go GA is activated (DescribeAcceleratorServiceStatus); undefined when it cannot be read. */
export async function readPayAsYouGo(services: CloudServices): Promise<PayAsYouGoFacts | undefined> {
  try {
    const status = (await services.ga.describeAcceleratorServiceStatus()).status ?? 'Normal';
    const problem = serviceStatusProblem(status);
    return { status, ...(problem ? { problem } : {}) };
  } catch {
    // Only pay-as-you-go needs it, and Create's plan checks it again: the form just says nothing about it.
    return undefined;
  }
}

export async function readAccountFacts(profile: Profile, services: CloudServices, loader: ExplorerLoader | undefined): Promise<FactsResult<AccountFacts>> {
  const [regions, zones, names, payAsYouGo] = await Promise.all([
    readRegions(services),
    readZones(services, loader),
    (loader ? loader.accelerators() : services.ga.listAccelerators()).then(
      (list) => ({ names: list.flatMap((a) => (a.name ? [a.name] : [])) }),
      (e: unknown) => ({ names: [] as string[], note: `The account's instances could not be listed (${messageOf(e)}); a name already taken is found only when Create plans.` }),
    ),
    readPayAsYouGo(services),
  ]);
  return {
    facts: { regions: regions.regions, regionsLive: regions.live, zones: zones.zones, sandbox: profile.source === 'sandbox', acceleratorNames: names.names, ...(payAsYouGo ? { payAsYouGo } : {}) },
    notes: [regions.note, zones.note, 'note' in names ? names.note : undefined].filter((n): n is string => !!n),
  };
}

/** One accelerator as the per-resource forms need it, from the explorer's (cached) listing. */
export async function readAcceleratorFacts(loader: ExplorerLoader, acceleratorId: string): Promise<AcceleratorFacts> {
  const summary = (await loader.accelerators()).find((a) => a.acceleratorId === acceleratorId);
  if (!summary) throw new Error(`Instance ${acceleratorId} is not in this account any more; refresh the explorer.`);
  return acceleratorFacts(summary, await loader.details(summary));
}

export function acceleratorFacts(summary: AcceleratorSummary, details: Awaited<ReturnType<ExplorerLoader['details']>>): AcceleratorFacts {
  return {
    id: summary.acceleratorId ?? '',
    name: summary.name ?? summary.acceleratorId ?? '',
    spec: summary.spec || undefined,
    billing: summary.bandwidthBillingType === 'CDT' ? 'payAsYouGo' : 'subscription',
    planBandwidth: summary.basicBandwidthPackage?.bandwidth,
    dnsName: summary.dnsName || undefined,
    areas: details.ipSets.map((s) => ({
      region: s.accelerateRegionId ?? '',
      bandwidth: s.bandwidth,
      ipVersion: s.ipVersion,
      ipSetId: s.ipSetId,
      addresses: (s.ipAddressList ?? []).filter(isIpv6),
    })),
    listeners: details.listeners.map((l) => ({
      id: l.listenerId ?? '',
      name: l.name ?? '',
      protocol: l.protocol ?? 'TCP',
      portRanges: (l.portRanges ?? []).flatMap((r) => (r.fromPort !== undefined && r.toPort !== undefined ? [{ fromPort: r.fromPort, toPort: r.toPort }] : [])),
      endpointGroups: details.endpointGroups
        .filter((g) => g.listenerId === l.listenerId)
        .map((g) => ({
          id: g.endpointGroupId ?? '',
          name: g.name ?? '',
          region: g.endpointGroupRegion ?? '',
          preserveClientIp: (g.endpointConfigurations ?? []).some((e) => e.enableClientIPPreservation === true),
          endpoints: (g.endpointConfigurations ?? []).map((e) => ({ type: e.type ?? 'Ip', address: e.endpoint ?? '', weight: e.weight ?? 0 })),
        })),
    })),
  };
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
