// Resources as a plan shows them: the keys ga.yaml uses, in its units, so `before` (live) and `after` (file)
// compare key by key and read like the file.
import type { AcceleratorConfig, AreaConfig, EndpointGroupConfig, ListenerConfig, PortRange } from '../../model';
import type { LiveAccelerator, LiveArea, LiveEndpointGroup, LiveListener } from '../live/liveState';

export type View = Record<string, unknown>;

/** `[80, "8000-8010"]`, as ga.yaml writes ports. */
export function portsView(ports: readonly PortRange[]): (number | string)[] {
  return ports.map((p) => (p.fromPort === p.toPort ? p.fromPort : `${p.fromPort}-${p.toPort}`));
}

export function billingOf(chargeType: string | undefined): 'subscription' | 'payAsYouGo' {
  return chargeType === 'POSTPAY' ? 'payAsYouGo' : 'subscription';
}

export function liveAcceleratorView(a: LiveAccelerator): View {
  return { id: a.id, name: a.name, spec: a.spec, billing: billingOf(a.chargeType), billedBy: a.bandwidthBilling === 'CDT' ? 'data transfer' : 'bandwidth plan', state: a.state };
}

export function desiredAcceleratorView(d: AcceleratorConfig): View {
  return { name: d.name, spec: d.spec, billing: d.billing, ...(d.term ? { term: { ...d.term } } : {}), billedBy: d.bandwidthPlan ? 'bandwidth plan' : 'data transfer' };
}

export function liveAreaView(a: LiveArea): View {
  return { id: a.id, region: a.region, ipVersion: a.ipVersion, bandwidth: a.bandwidth, ispType: a.ispType, addresses: [...a.addresses] };
}

export function desiredAreaView(a: AreaConfig): View {
  return { region: a.region, ipVersion: a.ipVersion, bandwidth: a.bandwidth, ispType: a.ispType };
}

export function liveListenerView(l: LiveListener): View {
  return { id: l.id, name: l.name, protocol: l.protocol, ports: portsView(l.ports), clientAffinity: l.clientAffinity };
}

export function desiredListenerView(l: ListenerConfig): View {
  return { name: l.name, protocol: l.protocol, ports: portsView(l.ports), clientAffinity: l.clientAffinity ?? 'NONE' };
}

export function liveGroupView(g: LiveEndpointGroup): View {
  return {
    id: g.id,
    name: g.name,
    region: g.region,
    endpoints: g.endpoints.map((e) => (e.type === 'Ip' ? { ip: e.ip, weight: e.weight } : { ip: e.ip, weight: e.weight, type: e.type })),
    preserveClientIp: g.endpoints.some((e) => e.preserveClientIp),
  };
}

export function desiredGroupView(g: EndpointGroupConfig): View {
  return { name: g.name, region: g.region, endpoints: g.endpoints.map((e) => ({ ip: e.ip, weight: e.weight })), preserveClientIp: g.preserveClientIp ?? false };
}

/** Values equal as JSON (key order aside): the views hold only plain data. */
export function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, sortKeys(x)]));
  }
  return v;
}
