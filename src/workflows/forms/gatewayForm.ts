// "Create IPv6 Gateway": the seed walk-through as one form of five sections (purchase guide and purchase, area,
// listener with its endpoint group, DNS, review). Its values become a GaConfig: the desired state the plan
// engine creates, the same shape ga.yaml describes.
import {
  GA_CONFIG_VERSION,
  recordFqdn,
  regionName,
  sortProblems,
  specName,
  type AcceleratorConfig,
  type ConfigClientAffinity,
  type ConfigListenerProtocol,
  type ConfigRecordType,
  type GaConfig,
  type IpVersion,
  type Problem,
} from '../../model';
import { AREA_DEFAULTS, areaFields, areaIspType, validateArea, type AreaValues } from './areaSection';
import { NO_ZONE, parseTerm, type RegionOption } from './choices';
import { DNS_DEFAULTS, dnsFields, freeHost, recordsReplaced, validateDns, type DnsValues, type RecordTarget } from './dnsSection';
import type { AccountFacts, PayAsYouGoFacts } from './facts';
import { parseWholeNumber, type FieldSpec, type SectionSpec } from './fields';
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
import { CONNECTION_CHOICES, GUIDE_DEFAULTS, validateGuide, type GuideValues, type Recommendation } from './purchaseGuide';
import { PURCHASE_DEFAULTS, purchaseFields, purchaseLines, validatePurchase, planBandwidthOf, type PurchaseLines, type PurchaseValues } from './purchaseSection';
import { regionChoices, SERVER_AREA_CHOICES, YES_NO_CHOICES } from './choices';

export interface GatewayValues {
  guide: GuideValues;
  purchase: PurchaseValues;
  area: AreaValues;
  listener: ListenerValues;
  endpointGroup: EndpointGroupValues;
  endpoints: EndpointRow[];
  dns: DnsValues;
}

/** The five steps of the seed, in order; progress and "Retry from this step" use these ids. */
export const GATEWAY_STEPS = [
  { id: 'purchase', title: '1. Purchase a GA service bundle' },
  { id: 'area', title: '2. Add an acceleration area' },
  { id: 'listener', title: '3. Add a listener and an endpoint group' },
  { id: 'dns', title: '4. Configure DNS settings' },
  { id: 'verify', title: '5. Review, create and verify' },
] as const;

export type GatewayStepId = (typeof GATEWAY_STEPS)[number]['id'];

/** The seed's example values; a free instance name, and a zone of the account when example.com is not one. */
export function gatewayDefaults(facts: AccountFacts): GatewayValues {
  const name = freeName(PURCHASE_DEFAULTS.instanceName, facts.acceleratorNames);
  const zone = facts.zones.some((z) => z.name === DNS_DEFAULTS.zone) ? DNS_DEFAULTS.zone : (facts.zones[0]?.name ?? NO_ZONE);
  const host = freeHost(facts.zones.find((z) => z.name === zone), DNS_DEFAULTS.host);
  return {
    guide: { ...GUIDE_DEFAULTS },
    purchase: { ...PURCHASE_DEFAULTS, instanceName: name },
    area: { ...AREA_DEFAULTS },
    listener: { ...LISTENER_DEFAULTS },
    endpointGroup: { ...ENDPOINT_GROUP_DEFAULTS },
    endpoints: [{ ...ENDPOINT_DEFAULTS }],
    dns: { ...DNS_DEFAULTS, zone, host },
  };
}

function freeName(base: string, taken: readonly string[]): string {
  if (!taken.includes(base)) return base;
  for (let n = 2; ; n++) if (!taken.includes(`${base}-${n}`)) return `${base}-${n}`;
}

export function guideFields(regions: readonly RegionOption[]): FieldSpec[] {
  return [
    { path: 'guide.accelerationArea', label: 'Acceleration Area', kind: 'select', choices: regionChoices(regions), help: 'The region that requires acceleration: where the clients are.' },
    { path: 'guide.serviceRegion', label: 'Service Region', kind: 'select', choices: regionChoices(regions), help: 'Where the backend servers are deployed.' },
    { path: 'guide.icpFiling', label: 'ICP Filing', kind: 'select', choices: YES_NO_CHOICES, help: 'Whether the domain name has an ICP number (needed to serve clients in the Chinese mainland).' },
    { path: 'guide.serverArea', label: 'Server Area', kind: 'select', choices: SERVER_AREA_CHOICES, help: 'Whether the backend service is deployed on Alibaba Cloud.' },
    { path: 'guide.peakBandwidthRange', label: 'Peak Bandwidth Range', kind: 'text', help: 'Mbit/s needed at peak hours.' },
    { path: 'guide.maxConnections', label: 'Maximum Concurrent Connections', kind: 'select', choices: CONNECTION_CHOICES, help: 'New connections beyond this are dropped.' },
  ];
}

/** The sections as the panel draws them; choices depend on the account (regions, zones) and on the values (term). */
export function gatewaySections(v: GatewayValues, facts: AccountFacts): SectionSpec[] {
  return [
    {
      id: 'purchase',
      title: GATEWAY_STEPS[0].title,
      intro: 'Enter what you know about the web service; "Generate Service List" recommends an instance and a basic bandwidth plan. Then adjust what will be bought.',
      fields: [...guideFields(facts.regions), ...purchaseFields('purchase', v.purchase, facts.payAsYouGo)],
    },
    {
      id: 'area',
      title: GATEWAY_STEPS[1].title,
      intro: 'The region of the users who need the acceleration; GA allocates an accelerated IPv6 address there.',
      fields: areaFields('area', facts.regions, v.area, { byDataTransfer: parseTerm(v.purchase.term)?.billing === 'payAsYouGo' }),
    },
    {
      id: 'listener',
      title: GATEWAY_STEPS[2].title,
      intro: 'The listener receives the IPv6 clients\' connections and forwards them to the endpoints of its endpoint group: your IPv4 service.',
      fields: [...listenerFields('listener'), ...endpointGroupFields('endpointGroup', facts.regions)],
      rows: endpointRows('endpoints'),
    },
    { id: 'dns', title: GATEWAY_STEPS[3].title, intro: 'Point the service\'s name at GA.', fields: dnsFields('dns', facts.zones, { allowNone: true }) },
  ];
}

/** Every problem of the form, errors and warnings, in display order. Runs on every keystroke. */
export function validateGateway(v: GatewayValues, facts: AccountFacts): Problem[] {
  const term = parseTerm(v.purchase.term);
  const billing = term?.billing ?? 'subscription';
  return sortProblems([
    ...validateGuide(v.guide, facts.regions),
    ...validatePurchase('purchase', v.purchase, { acceleratorNames: facts.acceleratorNames, backendOnAlibabaCloud: v.guide.serverArea === 'onAlibabaCloud', payAsYouGo: facts.payAsYouGo }),
    ...validateArea('area', v.area, {
      regions: facts.regions,
      regionsLive: facts.regionsLive,
      billing,
      spec: billing === 'subscription' ? v.purchase.spec : undefined,
      planBandwidth: planBandwidthOf(v.purchase),
      planPending: true,
      existing: [],
    }),
    ...validateListener('listener', v.listener, { others: [] }),
    ...validateEndpointGroup('endpointGroup', v.endpointGroup, { regions: facts.regions, others: [] }),
    ...validateEndpoints('endpoints', v.endpoints, { allowNonPublic: facts.sandbox }),
    ...validateDns('dns', v.dns, { zones: facts.zones, allowNone: true }),
  ]);
}

/** Which step a problem belongs to (by its path's first segment), for the section headers' counts. */
export function stepOfPath(path: string): GatewayStepId {
  const head = /^[A-Za-z]+/.exec(path)?.[0] ?? '';
  switch (head) {
    case 'guide':
    case 'purchase': return 'purchase';
    case 'area': return 'area';
    case 'listener':
    case 'endpointGroup':
    case 'endpoints': return 'listener';
    case 'dns': return 'dns';
    default: return 'verify';
  }
}

/** "Generate Service List" applied: the recommendation fills the purchase, the area and the endpoint group's region. */
export function applyRecommendation(v: GatewayValues, r: Recommendation): GatewayValues {
  return {
    ...v,
    purchase: { ...v.purchase, spec: r.spec, bandwidthType: r.bandwidthType, peakBandwidth: String(r.peakBandwidth) },
    area: { ...v.area, region: r.accelerationArea, bandwidth: String(r.peakBandwidth) },
    endpointGroup: { ...v.endpointGroup, region: r.serviceRegion },
  };
}

/** The desired state the form describes. Call only when validateGateway() reports no error. */
export function gatewayConfig(v: GatewayValues): GaConfig {
  const term = parseTerm(v.purchase.term) ?? { billing: 'subscription' as const, cycle: 'Month' as const, duration: 1 };
  const ports = parsePorts(v.listener.ports);
  const byDataTransfer = term.billing === 'payAsYouGo';
  const accelerator: AcceleratorConfig = {
    name: v.purchase.instanceName,
    // A subscription names its specification; an instance billed by data transfer has none (model OFFERED_PURCHASES).
    ...(byDataTransfer ? {} : { spec: v.purchase.spec }),
    billing: term.billing,
    areas: [{
      region: v.area.region,
      ipVersion: v.area.ipVersion as IpVersion,
      ...(parseWholeNumber(v.area.bandwidth) !== undefined ? { bandwidth: parseWholeNumber(v.area.bandwidth) } : {}),
      ...(byDataTransfer ? { ispType: areaIspType(v.area) } : {}),
    }],
    listeners: [{
      name: v.listener.name,
      protocol: v.listener.protocol as ConfigListenerProtocol,
      ports: 'ranges' in ports ? ports.ranges : [],
      clientAffinity: v.listener.clientAffinity as ConfigClientAffinity,
      endpointGroups: [{
        name: v.endpointGroup.name,
        region: v.endpointGroup.region,
        preserveClientIp: v.endpointGroup.preserveClientIp,
        endpoints: v.endpoints.map((e) => ({ ip: e.address.trim(), weight: parseWholeNumber(e.weight) ?? 0 })),
      }],
    }],
  };
  if (term.billing === 'subscription') {
    accelerator.term = { cycle: term.cycle ?? 'Month', duration: term.duration ?? 1, autoRenew: v.purchase.autoRenew };
    accelerator.bandwidthPlan = { bandwidthType: v.purchase.bandwidthType as 'Basic' | 'Enhanced' | 'Advanced', bandwidth: parseWholeNumber(v.purchase.peakBandwidth) ?? 0 };
  }
  const config: GaConfig = { version: GA_CONFIG_VERSION, accelerators: [accelerator], dns: [] };
  if (v.dns.zone !== NO_ZONE) {
    const type = v.dns.type as ConfigRecordType;
    config.dns.push({
      zone: v.dns.zone,
      records: [{ host: v.dns.host.trim(), type, to: type === 'AAAA' ? `${accelerator.name}/${v.area.region}` : accelerator.name, ttl: parseWholeNumber(v.dns.ttl) }],
    });
  }
  return config;
}

/** What the DNS record's value will be, before the instance exists (the Value line of step 4). */
export function recordTarget(v: GatewayValues, known: { ipv6Address?: string; cname?: string } = {}): RecordTarget {
  if (v.dns.type === 'CNAME') {
    return { value: known.cname, description: known.cname ?? `the CNAME GA allocates to instance "${v.purchase.instanceName}"` };
  }
  return { value: known.ipv6Address, description: known.ipv6Address ?? `the IPv6 address GA allocates to ${regionName(v.area.region)}` };
}

/** The review: everything that will be created, one line per resource, in the order it is created. */
export function reviewLines(v: GatewayValues, facts?: Pick<AccountFacts, 'zones'>): string[] {
  return [...boughtLines(v), ...createdLines(v, facts)];
}

/** The review's lines of what is bought: the instance, and a subscription's basic bandwidth plan. */
export function boughtLines(v: GatewayValues): string[] {
  if (parseTerm(v.purchase.term)?.billing === 'payAsYouGo') return [`GA instance "${v.purchase.instanceName}", pay-as-you-go (billed by data transfer)`];
  return [
    `GA instance "${v.purchase.instanceName}", ${specName(v.purchase.spec)}`,
    `Basic bandwidth plan: ${v.purchase.bandwidthType}, ${v.purchase.peakBandwidth} Mbit/s, bound to the instance`,
  ];
}

/** The review's lines of what is created once the instance exists, in the order it is created. */
export function createdLines(v: GatewayValues, facts?: Pick<AccountFacts, 'zones'>): string[] {
  const byDataTransfer = parseTerm(v.purchase.term)?.billing === 'payAsYouGo';
  const lines: string[] = [];
  const line = byDataTransfer ? `, line ${areaIspType(v.area)}` : '';
  lines.push(`Acceleration area ${regionName(v.area.region)}: ${v.area.ipVersion}${v.area.bandwidth.trim() ? `, ${v.area.bandwidth} Mbit/s` : ''}${line}`);
  lines.push(`Listener "${v.listener.name}": ${v.listener.protocol} ${v.listener.ports}, client affinity ${v.listener.clientAffinity === 'SOURCE_IP' ? 'source IP address' : 'disabled'}`);
  lines.push(`Endpoint group "${v.endpointGroup.name}" in ${regionName(v.endpointGroup.region)}${v.endpointGroup.preserveClientIp ? ', client IP preserved' : ''}: ${v.endpoints.map((e) => `${e.address.trim()} (weight ${e.weight})`).join(', ')}`);
  if (v.dns.zone !== NO_ZONE) {
    const replaced = facts ? recordsReplaced(v.dns, facts.zones) : [];
    const repoint = replaced.length ? ` (repoints the existing ${v.dns.type} record → ${replaced.map((r) => r.value).join(', ')})` : '';
    lines.push(`DNS record ${recordFqdn(v.dns.host.trim() || '@', v.dns.zone)} ${v.dns.type} → ${recordTarget(v).description}, TTL ${v.dns.ttl} s${repoint}`);
  }
  return lines;
}

/** What Create buys, on what terms: the confirmation modal's text. */
export function gatewayPurchase(v: GatewayValues, opts: { sandbox?: boolean; payAsYouGo?: PayAsYouGoFacts } = {}): PurchaseLines {
  return purchaseLines(v.purchase, opts);
}
