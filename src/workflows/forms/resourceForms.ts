// The per-resource forms the explorer's context menus open: Add Acceleration Area, Add Listener, Add Endpoint
// Group, Edit Endpoints and Weights, Add DNS Record, Edit Bandwidth. Each is fields + defaults + validate over
// the facts of one live accelerator, and the one change it asks the workflows to make.
import {
  areaBandwidthProblems,
  areaBandwidthSumProblems,
  DEFAULT_TTL,
  problem,
  isIpv6,
  recordFqdn,
  regionName,
  sortProblems,
  type AreaConfig,
  type ConfigClientAffinity,
  type ConfigListenerProtocol,
  type ConfigRecordType,
  type EndpointConfig,
  type EndpointGroupConfig,
  type IpVersion,
  type ListenerConfig,
  type Problem,
} from '../../model';
import { AREA_DEFAULTS, areaFields, areaIspType, validateArea, type AreaValues } from './areaSection';
import type { RegionOption } from './choices';
import { DNS_DEFAULTS, dnsFields, freeHost, validateDns, type DnsValues } from './dnsSection';
import type { AcceleratorFacts, ZoneFacts } from './facts';
import { liveFlags } from './facts';
import { parseWholeNumber, ProblemList, type SectionSpec } from './fields';
import {
  ENDPOINT_DEFAULTS,
  ENDPOINT_GROUP_DEFAULTS,
  endpointGroupFields,
  endpointRows,
  LISTENER_DEFAULTS,
  listenerFields,
  parsePorts,
  validateEndpointGroup,
  validateEndpoints,
  validateListener,
  type EndpointGroupValues,
  type EndpointRow,
  type ListenerValues,
} from './listenerSection';

export type ResourceFormKind = 'addArea' | 'addListener' | 'addEndpointGroup' | 'editEndpoints' | 'addDnsRecord' | 'editBandwidth';

/** What a per-resource form knows: the accelerator it works on and the account's regions and zones. */
export interface ResourceFacts {
  accelerator: AcceleratorFacts;
  regions: RegionOption[];
  regionsLive: boolean;
  zones: ZoneFacts[];
  sandbox: boolean;
  /** The listener (Add Endpoint Group, Edit Endpoints and Weights) or area (Add DNS Record, Edit Bandwidth) it was opened on. */
  listenerId?: string;
  endpointGroupId?: string;
  areaRegion?: string;
}

/** Every per-resource form's values, by form; only the form's own part is used. */
export interface ResourceValues {
  area?: AreaValues;
  listener?: ListenerValues;
  endpointGroup?: EndpointGroupValues;
  endpoints?: EndpointRow[];
  dns?: DnsValues;
  bandwidth?: string;
}

/**
 * The one change a per-resource form asks for, in ga.yaml's terms (names, as the file identifies things): applied
 * to the accelerator exported as a GaConfig (applyResourceChange), then planned and applied like any file.
 */
export type ResourceChange =
  | { kind: 'createArea'; acceleratorId: string; area: AreaConfig }
  | { kind: 'updateAreaBandwidth'; acceleratorId: string; region: string; bandwidth: number }
  | { kind: 'createListener'; acceleratorId: string; listener: ListenerConfig }
  | { kind: 'createEndpointGroup'; acceleratorId: string; listenerId: string; listenerName: string; group: EndpointGroupConfig }
  /** The group's whole endpoint list (UpdateEndpointGroup replaces it). */
  | { kind: 'updateEndpoints'; acceleratorId: string; listenerId: string; listenerName: string; groupName: string; region: string; endpoints: EndpointConfig[] }
  /** `to` as in ga.yaml (`accelerator/region` for AAAA, `accelerator` for CNAME); `value` is what it resolves to now. */
  | { kind: 'createDnsRecord'; acceleratorId: string; zone: string; record: { host: string; type: ConfigRecordType; to: string; ttl: number }; value: string };

export interface ResourceForm {
  kind: ResourceFormKind;
  /** The panel's title and the submit button's label. */
  title(facts: ResourceFacts): string;
  submitLabel: string;
  defaults(facts: ResourceFacts): ResourceValues;
  sections(values: ResourceValues, facts: ResourceFacts): SectionSpec[];
  validate(values: ResourceValues, facts: ResourceFacts): Problem[];
  /** Call only when validate() reports no error. */
  change(values: ResourceValues, facts: ResourceFacts): ResourceChange;
  /** One sentence for the confirmation and the result. */
  describe(values: ResourceValues, facts: ResourceFacts): string;
}

const missing = (what: string): never => {
  throw new Error(`The form's values have no ${what}.`);
};

function listenerOf(facts: ResourceFacts) {
  const l = facts.accelerator.listeners.find((x) => x.id === facts.listenerId);
  if (!l) throw new Error(`Listener ${facts.listenerId ?? '(none)'} is not part of instance "${facts.accelerator.name}" any more; refresh the explorer.`);
  return l;
}

function groupOf(facts: ResourceFacts) {
  const l = listenerOf(facts);
  const g = l.endpointGroups.find((x) => x.id === facts.endpointGroupId) ?? (facts.endpointGroupId === undefined && l.endpointGroups.length === 1 ? l.endpointGroups[0] : undefined);
  if (!g) throw new Error(`Endpoint group ${facts.endpointGroupId ?? '(none)'} is not part of listener "${l.name}" any more; refresh the explorer.`);
  return g;
}

function areaOf(facts: ResourceFacts) {
  const a = facts.accelerator.areas.find((x) => x.region === facts.areaRegion);
  if (!a) throw new Error(`Instance "${facts.accelerator.name}" has no acceleration area in ${facts.areaRegion ?? '(none)'} any more; refresh the explorer.`);
  return a;
}

function endpointsConfig(rows: readonly EndpointRow[]): EndpointConfig[] {
  return rows.map((e) => ({ ip: e.address.trim(), weight: parseWholeNumber(e.weight) ?? 0 }));
}

function freeName(base: string, taken: readonly string[]): string {
  if (!taken.includes(base)) return base;
  for (let n = 2; ; n++) if (!taken.includes(`${base}-${n}`)) return `${base}-${n}`;
}

const addArea: ResourceForm = {
  kind: 'addArea',
  title: (f) => `Add Acceleration Area to "${f.accelerator.name}"`,
  submitLabel: 'Add Acceleration Area',
  defaults(f) {
    const free = f.regions.find((r) => r.supportIpv6 && !f.accelerator.areas.some((a) => a.region === r.regionId));
    return { area: { ...AREA_DEFAULTS, region: free?.regionId ?? AREA_DEFAULTS.region } };
  },
  sections: (v, f) => [{ id: 'area', title: 'Acceleration area', fields: areaFields('area', f.regions, v.area ?? AREA_DEFAULTS, { byDataTransfer: f.accelerator.billing === 'payAsYouGo' }) }],
  validate: (v, f) =>
    sortProblems(validateArea('area', v.area ?? missing('area'), {
      regions: f.regions,
      regionsLive: f.regionsLive,
      billing: f.accelerator.billing,
      spec: f.accelerator.spec,
      planBandwidth: f.accelerator.planBandwidth,
      existing: f.accelerator.areas,
    })),
  change(v, f) {
    const a = v.area ?? missing('area');
    const bandwidth = parseWholeNumber(a.bandwidth);
    const line = f.accelerator.billing === 'payAsYouGo' ? { ispType: areaIspType(a) } : {};
    return { kind: 'createArea', acceleratorId: f.accelerator.id, area: { region: a.region, ipVersion: a.ipVersion as IpVersion, ...(bandwidth !== undefined ? { bandwidth } : {}), ...line } };
  },
  describe: (v, f) => {
    const line = v.area && f.accelerator.billing === 'payAsYouGo' ? `, line ${areaIspType(v.area)}` : '';
    return `Acceleration area ${regionName(v.area?.region ?? '')} (${v.area?.ipVersion}${v.area?.bandwidth.trim() ? `, ${v.area.bandwidth} Mbit/s` : ''}${line})`;
  },
};

function listenerConfig(l: ListenerValues, g: EndpointGroupValues, rows: readonly EndpointRow[]): ListenerConfig {
  const ports = parsePorts(l.ports);
  return {
    name: l.name,
    protocol: l.protocol as ConfigListenerProtocol,
    ports: 'ranges' in ports ? ports.ranges : [],
    clientAffinity: l.clientAffinity as ConfigClientAffinity,
    endpointGroups: [groupConfig(g, rows)],
  };
}

function groupConfig(g: EndpointGroupValues, rows: readonly EndpointRow[]): EndpointGroupConfig {
  return { name: g.name, region: g.region, preserveClientIp: g.preserveClientIp, endpoints: endpointsConfig(rows) };
}

const addListener: ResourceForm = {
  kind: 'addListener',
  title: (f) => `Add Listener to "${f.accelerator.name}"`,
  submitLabel: 'Add Listener',
  defaults(f) {
    const taken = f.accelerator.listeners.map((l) => l.name);
    const used = f.accelerator.listeners.flatMap((l) => l.portRanges);
    const port = [80, 443, 8080, 8000, 8443].find((p) => !used.some((r) => p >= r.fromPort && p <= r.toPort)) ?? 8081;
    const region = f.accelerator.listeners[0]?.endpointGroups[0]?.region ?? ENDPOINT_GROUP_DEFAULTS.region;
    return {
      listener: { ...LISTENER_DEFAULTS, name: freeName(LISTENER_DEFAULTS.name, taken), ports: String(port) },
      endpointGroup: { ...ENDPOINT_GROUP_DEFAULTS, region },
      endpoints: [{ ...ENDPOINT_DEFAULTS }],
    };
  },
  sections: (_v, f) => [
    { id: 'listener', title: 'Listener', fields: listenerFields('listener') },
    { id: 'endpointGroup', title: 'Endpoint group', fields: endpointGroupFields('endpointGroup', f.regions), rows: endpointRows('endpoints') },
  ],
  validate: (v, f) =>
    sortProblems([
      ...validateListener('listener', v.listener ?? missing('listener'), { others: f.accelerator.listeners }),
      ...validateEndpointGroup('endpointGroup', v.endpointGroup ?? missing('endpoint group'), { regions: f.regions, others: [] }),
      ...validateEndpoints('endpoints', v.endpoints ?? [], { allowNonPublic: f.sandbox }),
    ]),
  change: (v, f) => ({ kind: 'createListener', acceleratorId: f.accelerator.id, listener: listenerConfig(v.listener ?? missing('listener'), v.endpointGroup ?? missing('endpoint group'), v.endpoints ?? []) }),
  describe: (v) => `Listener "${v.listener?.name}" (${v.listener?.protocol} ${v.listener?.ports}) with endpoint group "${v.endpointGroup?.name}"`,
};

const addEndpointGroup: ResourceForm = {
  kind: 'addEndpointGroup',
  title: (f) => `Add Endpoint Group to listener "${listenerOf(f).name}"`,
  submitLabel: 'Add Endpoint Group',
  defaults(f) {
    const l = listenerOf(f);
    const free = f.regions.find((r) => !l.endpointGroups.some((g) => g.region === r.regionId));
    return {
      endpointGroup: { ...ENDPOINT_GROUP_DEFAULTS, name: freeName(ENDPOINT_GROUP_DEFAULTS.name, l.endpointGroups.map((g) => g.name)), region: free?.regionId ?? ENDPOINT_GROUP_DEFAULTS.region },
      endpoints: [{ ...ENDPOINT_DEFAULTS }],
    };
  },
  sections: (_v, f) => [{ id: 'endpointGroup', title: 'Endpoint group', fields: endpointGroupFields('endpointGroup', f.regions), rows: endpointRows('endpoints') }],
  validate: (v, f) =>
    sortProblems([
      ...validateEndpointGroup('endpointGroup', v.endpointGroup ?? missing('endpoint group'), { regions: f.regions, others: listenerOf(f).endpointGroups }),
      ...validateEndpoints('endpoints', v.endpoints ?? [], { allowNonPublic: f.sandbox }),
    ]),
  change(v, f) {
    const l = listenerOf(f);
    return { kind: 'createEndpointGroup', acceleratorId: f.accelerator.id, listenerId: l.id, listenerName: l.name, group: groupConfig(v.endpointGroup ?? missing('endpoint group'), v.endpoints ?? []) };
  },
  describe: (v) => `Endpoint group "${v.endpointGroup?.name}" in ${regionName(v.endpointGroup?.region ?? '')}`,
};

const editEndpoints: ResourceForm = {
  kind: 'editEndpoints',
  title: (f) => `Edit Endpoints and Weights of "${groupOf(f).name}"`,
  submitLabel: 'Save Endpoints and Weights',
  defaults: (f) => ({ endpoints: groupOf(f).endpoints.map((e) => ({ type: e.type === 'Ip' ? 'Ip' : e.type, address: e.address, weight: String(e.weight) })) }),
  sections: (_v, f) => [{ id: 'endpoints', title: `Endpoints of "${groupOf(f).name}" (${regionName(groupOf(f).region)})`, fields: [], rows: endpointRows('endpoints') }],
  validate: (v, f) => sortProblems(validateEndpoints('endpoints', v.endpoints ?? [], { allowNonPublic: f.sandbox })),
  change(v, f) {
    const l = listenerOf(f);
    const g = groupOf(f);
    return { kind: 'updateEndpoints', acceleratorId: f.accelerator.id, listenerId: l.id, listenerName: l.name, groupName: g.name, region: g.region, endpoints: endpointsConfig(v.endpoints ?? []) };
  },
  describe: (v, f) => `Endpoints of "${groupOf(f).name}": ${(v.endpoints ?? []).map((e) => `${e.address.trim()} (weight ${e.weight})`).join(', ')}`,
};

/** The area an AAAA record points at: the one the form was opened on, else the accelerator's first IPv6 area. */
function recordArea(f: ResourceFacts) {
  const areas = f.areaRegion ? f.accelerator.areas.filter((a) => a.region === f.areaRegion) : f.accelerator.areas;
  return areas.find((a) => a.addresses.some(isIpv6));
}

/** The address or name the record points at: the area's IPv6 address (AAAA) or the instance's CNAME. */
export function dnsRecordValue(type: string, f: ResourceFacts): string | undefined {
  if (type === 'CNAME') return f.accelerator.dnsName;
  return recordArea(f)?.addresses.find(isIpv6);
}

const addDnsRecord: ResourceForm = {
  kind: 'addDnsRecord',
  title: (f) => `Add DNS Record for "${f.accelerator.name}"${f.areaRegion ? ` (${regionName(f.areaRegion)})` : ''}`,
  submitLabel: 'Add DNS Record',
  defaults(f) {
    const zone = f.zones.some((z) => z.name === DNS_DEFAULTS.zone) ? DNS_DEFAULTS.zone : (f.zones[0]?.name ?? '');
    return { dns: { ...DNS_DEFAULTS, zone, host: freeHost(f.zones.find((z) => z.name === zone)), type: dnsRecordValue('AAAA', f) ? 'AAAA' : 'CNAME' } };
  },
  sections: (_v, f) => [{ id: 'dns', title: 'DNS record', fields: dnsFields('dns', f.zones, { allowNone: false }) }],
  validate(v, f) {
    const dns = v.dns ?? missing('DNS record');
    const value = dnsRecordValue(dns.type, f);
    const out: Problem[] = [];
    if (!value && (dns.type === 'AAAA' || dns.type === 'CNAME')) {
      out.push(problem('dnsTargetVersion', 'dns.type', dns.type === 'CNAME'
        ? `Instance "${f.accelerator.name}" has no CNAME yet; wait until it is active, or use an AAAA record.`
        : `Instance "${f.accelerator.name}" has no IPv6 address${f.areaRegion ? ` in ${regionName(f.areaRegion)}` : ''} yet: add an IPv6 acceleration area first, or use a CNAME record.`));
    }
    return sortProblems([...out, ...validateDns('dns', dns, { zones: f.zones, allowNone: false, value, sameHostAndTypeTaken: true })]);
  },
  change(v, f) {
    const dns = v.dns ?? missing('DNS record');
    const value = dnsRecordValue(dns.type, f) ?? missing('record value');
    const to = dns.type === 'CNAME' ? f.accelerator.name : `${f.accelerator.name}/${recordArea(f)?.region ?? missing('IPv6 area')}`;
    return { kind: 'createDnsRecord', acceleratorId: f.accelerator.id, zone: dns.zone, record: { host: dns.host.trim(), type: dns.type as ConfigRecordType, to, ttl: parseWholeNumber(dns.ttl) ?? DEFAULT_TTL }, value };
  },
  describe: (v, f) => `${v.dns?.type} record ${recordFqdn(v.dns?.host.trim() || '@', v.dns?.zone ?? '')} → ${dnsRecordValue(v.dns?.type ?? '', f) ?? '?'}`,
};

const editBandwidth: ResourceForm = {
  kind: 'editBandwidth',
  title: (f) => `Edit Bandwidth of ${regionName(areaOf(f).region)} in "${f.accelerator.name}"`,
  submitLabel: 'Save Bandwidth',
  defaults: (f) => ({ bandwidth: String(areaOf(f).bandwidth ?? '') }),
  sections: () => [{ id: 'area', title: 'Acceleration area bandwidth', fields: [{ path: 'bandwidth', label: 'Bandwidth', kind: 'text', help: 'Mbit/s allocated to this area; at least 2, all areas together at most the bandwidth plan\'s.' }] }],
  validate(v, f) {
    const out = new ProblemList();
    const area = areaOf(f);
    const bandwidth = parseWholeNumber(v.bandwidth ?? '') ?? Number.NaN;
    if (!out.add(areaBandwidthProblems(bandwidth, 'bandwidth')) && f.accelerator.billing === 'subscription') {
      const others = f.accelerator.areas.filter((a) => a !== area).map((a) => a.bandwidth ?? 0);
      if (f.accelerator.planBandwidth === undefined) out.add([problem('billing', 'bandwidth', 'Bind a basic bandwidth plan to the instance before changing the area\'s bandwidth.')]);
      else out.add(areaBandwidthSumProblems([...others, bandwidth], f.accelerator.planBandwidth, 'bandwidth'));
    }
    return sortProblems(out.items);
  },
  change(v, f) {
    const area = areaOf(f);
    return { kind: 'updateAreaBandwidth', acceleratorId: f.accelerator.id, region: area.region, bandwidth: parseWholeNumber(v.bandwidth ?? '') ?? missing('bandwidth') };
  },
  describe: (v, f) => `Bandwidth of ${regionName(areaOf(f).region)}: ${areaOf(f).bandwidth ?? '?'} → ${v.bandwidth} Mbit/s`,
};

export const RESOURCE_FORMS: ReadonlyMap<ResourceFormKind, ResourceForm> = new Map(
  [addArea, addListener, addEndpointGroup, editEndpoints, addDnsRecord, editBandwidth].map((f) => [f.kind, f]),
);

export function resourceForm(kind: ResourceFormKind): ResourceForm {
  const form = RESOURCE_FORMS.get(kind);
  if (!form) throw new Error(`Unknown form ${kind}.`);
  return form;
}

/** Regions offline/live flags in the model's shape (re-exported for the host's area check). */
export { liveFlags };
