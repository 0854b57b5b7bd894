// Export: the live account as ga.yaml data (GaConfig), so people start from what they already have. Planning
// the exported file against the same account shows no changes: every key is written as the plan compares it,
// and what the file cannot say is left out with a warning rather than written wrong.
import type { DnsRecord } from '../cloud';
import {
  canonicalIpv6,
  GA_CONFIG_VERSION,
  isIpv6,
  sameHostName,
  type AcceleratorConfig,
  type ConfigClientAffinity,
  type ConfigListenerProtocol,
  type DnsRecordConfig,
  type DnsZoneConfig,
  type GaConfig,
  type IpVersion,
  type IspType,
  type TermConfig,
} from '../model';
import type { LiveAccelerator, LiveState } from './live/liveState';
import { billingOf } from './plan/views';

export interface ExportOptions {
  /** Only these accelerators (by name); default all. */
  accelerators?: readonly string[];
  /** Only these zones; default every zone read. */
  zones?: readonly string[];
}

export interface ExportResult {
  config: GaConfig;
  /** What could not be written as it is, and what was done instead. */
  warnings: string[];
}

export function exportConfig(live: LiveState, options: ExportOptions = {}): ExportResult {
  const warnings: string[] = [];
  const wanted = options.accelerators ? new Set(options.accelerators) : undefined;
  const candidates = live.accelerators.filter((a) => a.state !== 'deleting' && (!wanted || wanted.has(a.name) || wanted.has(a.id)));
  for (const name of wanted ?? []) {
    if (!live.accelerators.some((a) => a.name === name || a.id === name)) warnings.push(`No accelerator named ${name} in the account: nothing exported for it.`);
  }
  const exported: { config: AcceleratorConfig; live: LiveAccelerator }[] = [];
  const seen = new Set<string>();
  for (const a of candidates) {
    const key = a.name || a.id;
    if (seen.has(key)) {
      warnings.push(`Another accelerator is also named ${key} (${a.id} was left out): a file has one entry per name. Export it on its own with --accelerator ${a.id}, or rename one of them.`);
      continue;
    }
    seen.add(key);
    exported.push({ config: acceleratorConfig(a, warnings), live: a });
  }
  const zoneFilter = options.zones;
  const zones = live.zones.filter((z) => !z.error && (!zoneFilter || zoneFilter.some((w) => sameHostName(w, z.zone))));
  const dns: DnsZoneConfig[] = [];
  for (const z of zones) {
    const records = z.records.flatMap((r) => recordConfig(r, exported));
    if (records.length > 0) dns.push({ zone: z.zone, records });
  }
  return { config: { version: GA_CONFIG_VERSION, accelerators: exported.map((e) => e.config), dns }, warnings };
}

function acceleratorConfig(a: LiveAccelerator, warnings: string[]): AcceleratorConfig {
  const name = a.name || a.id;
  const billing = billingOf(a.chargeType);
  if (!a.name) warnings.push(`Accelerator ${a.id} has no name: exported as ${a.id} and pinned with \`id:\`.`);
  if (!a.plan && a.bandwidthBilling !== 'CDT') warnings.push(`${name} is billed by a bandwidth plan but has none bound: exported without \`bandwidthPlan\`; add one before adding areas or listeners.`);
  if (a.state !== 'active') warnings.push(`${name} is ${a.state}: exported as the account shows it now.`);
  const present = <T extends { state: string }>(xs: T[]) => xs.filter((x) => x.state !== 'deleting');
  return {
    name,
    ...(a.name ? {} : { id: a.id }),
    ...(a.spec ? { spec: a.spec } : {}),
    billing,
    ...(billing === 'subscription' ? { term: termOf(a) } : {}),
    ...(a.plan ? { bandwidthPlan: { bandwidthType: (a.plan.bandwidthType ?? 'Basic') as 'Basic', bandwidth: a.plan.bandwidth ?? 0 } } : {}),
    areas: present(a.areas).map((s) => ({
      region: s.region,
      ipVersion: s.ipVersion as IpVersion,
      ...(s.bandwidth !== undefined ? { bandwidth: s.bandwidth } : {}),
      ...(a.bandwidthBilling === 'CDT' && s.ispType ? { ispType: s.ispType as IspType } : {}),
    })),
    listeners: present(a.listeners).map((l) => {
      if (!l.name) warnings.push(`Listener ${l.id} of ${name} has no name: exported as ${l.id}.`);
      return {
        name: l.name || l.id,
        protocol: l.protocol as ConfigListenerProtocol,
        ports: l.ports.map((p) => ({ ...p })),
        clientAffinity: l.clientAffinity as ConfigClientAffinity,
        endpointGroups: present(l.groups).map((g) => {
          if (!g.name) warnings.push(`Endpoint group ${g.id} of listener ${l.name || l.id} has no name: exported as ${g.id}.`);
          const others = g.endpoints.filter((e) => e.type !== 'Ip');
          if (others.length > 0) warnings.push(`Endpoint group ${g.name || g.id} has endpoints of type ${[...new Set(others.map((e) => e.type))].join(', ')}, which ga.yaml does not describe: written as custom-IP endpoints (${others.map((e) => e.ip).join(', ')}); applying the file would change them.`);
          return {
            name: g.name || g.id,
            region: g.region,
            endpoints: g.endpoints.map((e) => ({ ip: e.ip, weight: e.weight })),
            ...(g.endpoints.some((e) => e.preserveClientIp) ? { preserveClientIp: true } : {}),
          };
        }),
      };
    }),
  };
}

/** The term the instance was bought for, from its creation and expiry times (whole months or years). */
function termOf(a: LiveAccelerator): TermConfig {
  const created = toMs(a.raw.createTime);
  const expires = toMs(a.raw.expiredTime);
  if (created === undefined || expires === undefined || expires <= created) return { cycle: 'Month', duration: 1 };
  const months = Math.max(1, Math.round((expires - created) / (30.44 * 24 * 3600 * 1000)));
  return months % 12 === 0 && months >= 12 ? { cycle: 'Year', duration: Math.min(3, months / 12) } : { cycle: 'Month', duration: Math.min(9, months) };
}

/** Epoch seconds or milliseconds (the API uses both, ga-api.md §2.2). */
function toMs(t: number | undefined): number | undefined {
  if (t === undefined || !Number.isFinite(t) || t <= 0) return undefined;
  return t < 1e11 ? t * 1000 : t;
}

/** A record that points at an exported accelerator, with `to:`; others are not exported. */
function recordConfig(r: DnsRecord, exported: readonly { config: AcceleratorConfig; live: LiveAccelerator }[]): DnsRecordConfig[] {
  const type = r.type.toUpperCase();
  const base = { host: r.rr, ...(r.ttl !== undefined ? { ttl: r.ttl } : {}) };
  if (type === 'CNAME') {
    const hit = exported.find((e) => e.live.dnsName && sameHostName(e.live.dnsName, r.value));
    return hit ? [{ ...base, type: 'CNAME', to: hit.config.name }] : [];
  }
  if (type !== 'AAAA' || !isIpv6(r.value)) return [];
  const address = canonicalIpv6(r.value);
  for (const e of exported) {
    for (const area of e.live.areas.filter((s) => s.state !== 'deleting')) {
      const v6 = area.addresses.filter(isIpv6).map((x) => canonicalIpv6(x));
      if (!v6.includes(address)) continue;
      // `to:` means the area's (first) IPv6 address; a record on another of its addresses keeps its literal value.
      return v6[0] === address ? [{ ...base, type: 'AAAA', to: `${e.config.name}/${area.region}` }] : [{ ...base, type: 'AAAA', value: r.value }];
    }
  }
  return [];
}
