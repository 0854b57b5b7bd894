// The shape of an emulator account without ids, times and addresses: what two accounts built differently (a
// fixture, an apply) must agree on. DNS values are compared as what they point at.
import type { EmulatorState } from '../../../src/emulator/state';
import type { DnsRecord } from '../../../src/cloud';

export interface RequestCount {
  action: string;
}

/** GA and Alidns actions that change something. */
export const MUTATING = /^(Create|Update|Delete|BandwidthPackage(Add|Remove)Accelerator|AddDomainRecord|UpdateDomainRecord|DeleteDomainRecord|Open)/;

export function mutationsIn(log: readonly RequestCount[]): string[] {
  return log.map((r) => r.action).filter((a) => MUTATING.test(a));
}

export function gaShape(state: EmulatorState): unknown {
  const ga = state.ga;
  return Object.values(ga.accelerators)
    .sort((a, b) => a.Name.localeCompare(b.Name))
    .map((a) => {
      const plan = a.BasicBandwidthPackage ? ga.bandwidthPackages[a.BasicBandwidthPackage.InstanceId] : undefined;
      const listeners = Object.values(ga.listeners).filter((l) => l.AcceleratorId === a.AcceleratorId);
      return {
        name: a.Name,
        state: a.State,
        spec: a.Spec,
        charge: a.InstanceChargeType,
        billing: a.BandwidthBillingType,
        plan: plan && { state: plan.State, type: plan.Type, bandwidthType: plan.BandwidthType, bandwidth: plan.Bandwidth, charge: plan.ChargeType, bound: plan.Accelerators },
        areas: Object.values(ga.ipSets)
          .filter((s) => s.AcceleratorId === a.AcceleratorId)
          .map((s) => ({ region: s.AccelerateRegionId, ipVersion: s.IpVersion, bandwidth: s.Bandwidth, state: s.State, addresses: s.IpAddressList.length }))
          .sort((x, y) => x.region.localeCompare(y.region)),
        listeners: listeners
          .map((l) => ({
            name: l.Name,
            protocol: l.Protocol,
            ports: l.PortRanges,
            affinity: l.ClientAffinity,
            state: l.State,
            groups: Object.values(ga.endpointGroups)
              .filter((g) => g.ListenerId === l.ListenerId)
              .map((g) => ({
                name: g.Name,
                region: g.EndpointGroupRegion,
                state: g.State,
                endpoints: g.EndpointConfigurations.map((e) => ({ type: e.Type, endpoint: e.Endpoint, weight: e.Weight, preserve: e.EnableClientIPPreservation })),
              })),
          }))
          .sort((x, y) => x.name.localeCompare(y.name)),
      };
    })
    .map((a) => ({ ...a, plan: a.plan && { ...a.plan, bound: a.plan.bound.length } }));
}

/** Records of a zone pointing at accelerators, as "host TYPE → what": the accelerator's CNAME or an area address. */
export function recordShape(records: readonly DnsRecord[], state: EmulatorState): string[] {
  const byDnsName = new Map(Object.values(state.ga.accelerators).map((a) => [a.DnsName.toLowerCase(), `${a.Name} CNAME`]));
  const byAddress = new Map(
    Object.values(state.ga.ipSets).flatMap((s) => s.IpAddressList.map((ip) => [ip.toLowerCase(), `${state.ga.accelerators[s.AcceleratorId]?.Name}/${s.AccelerateRegionId}`] as const)),
  );
  return records
    .filter((r) => r.type === 'AAAA' || r.type === 'CNAME')
    .map((r) => `${r.rr} ${r.type} → ${byDnsName.get(r.value.toLowerCase().replace(/\.$/, '')) ?? byAddress.get(r.value.toLowerCase()) ?? r.value} ttl ${r.ttl}`)
    .sort();
}
