// Consistency rules any GA state must keep, whatever produced it (handlers, fixtures, a hand-edited state
// file). Returns the broken ones as sentences; an empty list means the state is sound.
import type { GaState } from '../state';
import { checkAreaBandwidthFits, checkAreaCount, checkEndpoint, findPortConflict, findPortRangeProblem, isTransient, type ResourceKind } from '../../model';
import { isEmulatedIpv6Address } from './addresses';
import { dnsNameOf } from './accelerators';
import { ID_PATTERN, type IdKind } from './ids';
import { toModelRanges } from './ports';

export interface InvariantOptions {
  /** Custom-IP endpoints may be loopback/private addresses (the sandbox). */
  allowNonPublicEndpoints?: boolean;
}

export function checkGaInvariants(ga: GaState, opts: InvariantOptions = {}): string[] {
  const problems: string[] = [];
  const seenIds = new Set<string>();
  const id = (kind: IdKind, value: string, key?: string) => {
    if (!ID_PATTERN[kind].test(value)) problems.push(`${value} is not a well-formed ${kind} id.`);
    if (key !== undefined && key !== value) problems.push(`${kind} ${value} is stored under key ${key}.`);
    if (seenIds.has(value)) problems.push(`Id ${value} is used twice.`);
    seenIds.add(value);
  };
  const lifecycle = (kind: ResourceKind, rid: string, r: { State: string; transition?: unknown }) => {
    if (isTransient(kind, r.State) && !r.transition) problems.push(`${rid} is ${r.State} but has no transition to end it.`);
    if (!isTransient(kind, r.State) && r.transition) problems.push(`${rid} is ${r.State} yet has a pending transition.`);
  };

  for (const [key, a] of Object.entries(ga.accelerators)) {
    id('accelerator', a.AcceleratorId, key);
    lifecycle('accelerator', a.AcceleratorId, a);
    if (a.DnsName !== dnsNameOf(a.AcceleratorId)) problems.push(`${a.AcceleratorId} has DnsName ${a.DnsName}.`);
    const plan = a.BasicBandwidthPackage ? ga.bandwidthPackages[a.BasicBandwidthPackage.InstanceId] : undefined;
    if (a.BasicBandwidthPackage && !plan?.Accelerators.includes(a.AcceleratorId)) {
      problems.push(`${a.AcceleratorId} names plan ${a.BasicBandwidthPackage.InstanceId}, which does not list it as bound.`);
    }
    const ipSets = Object.values(ga.ipSets).filter((s) => s.AcceleratorId === a.AcceleratorId);
    const groups = Object.values(ga.endpointGroups).filter((g) => g.AcceleratorId === a.AcceleratorId);
    if (a.BandwidthBillingType === 'BandwidthPackage') {
      if (!a.BasicBandwidthPackage && (ipSets.length > 0 || groups.length > 0)) problems.push(`${a.AcceleratorId} has areas or endpoint groups but no bandwidth plan.`);
      if (a.BasicBandwidthPackage) {
        const fits = checkAreaBandwidthFits(ipSets.map((s) => s.Bandwidth), a.BasicBandwidthPackage.Bandwidth);
        if (fits) problems.push(`${a.AcceleratorId}: ${fits}`);
      }
    }
    const count = a.Spec ? checkAreaCount(a.Spec, ipSets.length) : undefined;
    if (count) problems.push(`${a.AcceleratorId}: ${count}`);
    const listeners = Object.values(ga.listeners).filter((l) => l.AcceleratorId === a.AcceleratorId);
    listeners.forEach((l, i) => {
      const others = listeners.slice(i + 1).map((o) => ({ id: o.ListenerId, portRanges: toModelRanges(o.PortRanges) }));
      const conflict = findPortConflict(toModelRanges(l.PortRanges), others);
      if (conflict) problems.push(`${l.ListenerId}: ${conflict}`);
    });
  }

  for (const [key, p] of Object.entries(ga.bandwidthPackages)) {
    id('bandwidthPackage', p.BandwidthPackageId, key);
    lifecycle('bandwidthPackage', p.BandwidthPackageId, p);
    for (const accId of p.Accelerators) {
      if (ga.accelerators[accId]?.BasicBandwidthPackage?.InstanceId !== p.BandwidthPackageId) {
        problems.push(`Plan ${p.BandwidthPackageId} lists ${accId}, which does not name it as its plan.`);
      }
    }
    if (p.State === 'binded' && p.Accelerators.length === 0) problems.push(`Plan ${p.BandwidthPackageId} is binded to nothing.`);
  }

  const addresses = new Set<string>();
  for (const [key, s] of Object.entries(ga.ipSets)) {
    id('ipSet', s.IpSetId, key);
    lifecycle('ipSet', s.IpSetId, s);
    if (!ga.accelerators[s.AcceleratorId]) problems.push(`Ip set ${s.IpSetId} belongs to missing accelerator ${s.AcceleratorId}.`);
    if (s.State === 'active' && s.IpAddressList.length === 0) problems.push(`Active ip set ${s.IpSetId} has no address.`);
    if (s.IpVersion !== 'IPv4' && s.State === 'active' && !s.IpAddressList.some(isEmulatedIpv6Address)) problems.push(`${s.IpVersion} ip set ${s.IpSetId} has no IPv6 address.`);
    for (const addr of s.IpAddressList) {
      if (addresses.has(addr)) problems.push(`Address ${addr} is given to more than one ip set.`);
      addresses.add(addr);
    }
  }

  for (const [key, l] of Object.entries(ga.listeners)) {
    id('listener', l.ListenerId, key);
    lifecycle('listener', l.ListenerId, l);
    if (!ga.accelerators[l.AcceleratorId]) problems.push(`Listener ${l.ListenerId} belongs to missing accelerator ${l.AcceleratorId}.`);
    const ports = findPortRangeProblem(toModelRanges(l.PortRanges), l.Protocol);
    if (ports) problems.push(`${l.ListenerId}: ${ports.message}`);
  }

  for (const [key, g] of Object.entries(ga.endpointGroups)) {
    id('endpointGroup', g.EndpointGroupId, key);
    lifecycle('endpointGroup', g.EndpointGroupId, g);
    const listener = ga.listeners[g.ListenerId];
    if (!listener || listener.AcceleratorId !== g.AcceleratorId) problems.push(`Endpoint group ${g.EndpointGroupId} points at listener ${g.ListenerId} of another or no accelerator.`);
    for (const e of g.EndpointConfigurations) {
      id('endpoint', e.EndpointId);
      const bad = checkEndpoint({ type: e.Type, endpoint: e.Endpoint, weight: e.Weight }, { allowNonPublic: opts.allowNonPublicEndpoints });
      if (bad) problems.push(`${g.EndpointGroupId}: ${bad}`);
    }
  }
  return problems;
}
