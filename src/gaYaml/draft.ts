// What a ga.yaml says while it is being written: GaConfig with every value optional, each present only when it
// had the right type. The checks read it; a file without errors becomes a GaConfig (toGaConfig).
import type { AcceleratorConfig, DnsZoneConfig, EndpointGroupConfig, GaConfig, ListenerConfig, PortRange } from '../model';
import { GA_CONFIG_VERSION } from '../model';

/** T with every property optional, recursively; list entries that were not even the right kind are `{}`. */
export type Draft<T> = T extends readonly (infer U)[] ? Draft<U>[] : T extends object ? { [K in keyof T]?: Draft<T[K]> } : T;

export type GaConfigDraft = Draft<GaConfig>;
export type AcceleratorDraft = Draft<AcceleratorConfig>;
export type ListenerDraft = Draft<ListenerConfig>;
export type EndpointGroupDraft = Draft<EndpointGroupConfig>;
export type DnsZoneDraft = Draft<DnsZoneConfig>;

/** A port range whose both ends were read. */
export function isCompleteRange(r: Draft<PortRange> | undefined): r is PortRange {
  return r !== undefined && typeof r.fromPort === 'number' && typeof r.toPort === 'number';
}

/**
 * The GaConfig a draft describes. Call it only when the checks found no error: required values are then all
 * present (a missing one is taken as empty, never invented).
 */
export function toGaConfig(d: GaConfigDraft): GaConfig {
  return {
    version: GA_CONFIG_VERSION,
    accelerators: (d.accelerators ?? []).map((a): AcceleratorConfig => ({
      name: a.name ?? '',
      ...(a.id !== undefined ? { id: a.id } : {}),
      ...(a.state !== undefined ? { state: a.state } : {}),
      ...(a.spec !== undefined ? { spec: a.spec } : {}),
      billing: a.billing ?? 'subscription',
      ...(a.term ? { term: { cycle: a.term.cycle ?? 'Month', duration: a.term.duration ?? 1, ...(a.term.autoRenew !== undefined ? { autoRenew: a.term.autoRenew } : {}) } } : {}),
      ...(a.bandwidthPlan ? { bandwidthPlan: { bandwidthType: a.bandwidthPlan.bandwidthType ?? 'Enhanced', bandwidth: a.bandwidthPlan.bandwidth ?? 0 } } : {}),
      areas: (a.areas ?? []).map((r) => ({
        region: r.region ?? '',
        ipVersion: r.ipVersion ?? 'IPv4',
        ...(r.bandwidth !== undefined ? { bandwidth: r.bandwidth } : {}),
        ...(r.ispType !== undefined ? { ispType: r.ispType } : {}),
      })),
      listeners: (a.listeners ?? []).map((l) => ({
        name: l.name ?? '',
        protocol: l.protocol ?? 'TCP',
        ports: (l.ports ?? []).filter(isCompleteRange).map((r) => ({ fromPort: r.fromPort, toPort: r.toPort })),
        ...(l.clientAffinity !== undefined ? { clientAffinity: l.clientAffinity } : {}),
        endpointGroups: (l.endpointGroups ?? []).map((g) => ({
          name: g.name ?? '',
          region: g.region ?? '',
          endpoints: (g.endpoints ?? []).map((e) => ({ ip: e.ip ?? '', weight: e.weight ?? 0 })),
          ...(g.preserveClientIp !== undefined ? { preserveClientIp: g.preserveClientIp } : {}),
        })),
      })),
    })),
    dns: (d.dns ?? []).map((z) => ({
      zone: z.zone ?? '',
      records: (z.records ?? []).map((r) => ({
        host: r.host ?? '',
        type: r.type ?? 'AAAA',
        ...(r.to !== undefined ? { to: r.to } : {}),
        ...(r.value !== undefined ? { value: r.value } : {}),
        ...(r.ttl !== undefined ? { ttl: r.ttl } : {}),
      })),
    })),
  };
}
