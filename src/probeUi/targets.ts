// What "Probe over IPv6" checks for a node of the explorer: an accelerator → every IPv6 address of its areas ×
// every listener port; an area or an address → its own addresses × those ports; a DNS record → its name,
// resolved and compared with the accelerator's addresses and CNAME; an endpoint → the accelerator's addresses ×
// the ports of the endpoint's listener, next to the endpoint itself over IPv4 (the origin), which shows what
// the accelerator adds and tells "GA path broken" from "backend down". Pure: the accelerator's details come
// from the explorer's loader.
import type { AcceleratorSummary, EndpointGroupSummary, HealthStatus, ListenerSummary } from '../cloud';
import { ipv6AddressesOf, type AcceleratorDetails } from '../explorer/loader';
import { acceleratorOf, type ExplorerNode } from '../explorer/nodes';
import { formatPortRanges, isIpv4, isIpv6, isLoopbackHost, normalizeProtocol, portCount, recordFqdn, regionName } from '../model';
import type { BackendHealth, Scheme, StructuredTarget } from '../probe';

/** A listener range of thousands of ports would mean thousands of connections; the first ones stand for it. */
export const MAX_PORTS_PER_LISTENER = 8;

export interface AcceleratorView {
  accelerator: AcceleratorSummary;
  details: Pick<AcceleratorDetails, 'ipSets' | 'listeners'>;
  /** GetHealthStatus of its listeners, where it could be read: the verdict names an abnormal endpoint. */
  health?: readonly HealthStatus[];
}

/**
 * The local sandbox: its accelerated addresses exist only on this machine (on the loopback device, or all on
 * the data plane's fallback address), so every connection goes to a placed address and never to what a name
 * resolves to, and an IPv4 origin is probed only when it is a loopback address.
 */
export interface SandboxScope {
  /** Where the data plane serves an accelerated address. */
  place(address: string): string;
}

export interface NodeProbe {
  /** Names the terminal: what was chosen. */
  title: string;
  targets: StructuredTarget[];
  /** Said above the table: what was left out or changed, and why. */
  notes: string[];
}

interface ProbePort {
  port: number;
  scheme: Scheme;
}

export function nodeProbe(node: ExplorerNode, view: AcceleratorView, sandbox?: SandboxScope): NodeProbe {
  const probe = nodeProbeWithoutHealth(node, view, sandbox);
  const listenerId = node.kind === 'endpoint' && node.parent?.kind === 'endpointGroup' ? node.parent.group.listenerId : undefined;
  const backendHealth = backendHealthOf(view.health ?? [], listenerId);
  if (backendHealth.length) for (const t of probe.targets) t.backendHealth = backendHealth;
  return probe;
}

/** Every endpoint GA's health checks report on (of one listener, when given). */
export function backendHealthOf(health: readonly HealthStatus[], listenerId?: string): BackendHealth[] {
  return health
    .filter((h) => listenerId === undefined || h.listenerId === listenerId)
    .flatMap((h) => (h.endpointGroups ?? []).flatMap((g) => g.endpoints ?? []))
    .filter((e) => e.address && e.healthStatus)
    .map((e) => ({ endpoint: e.address ?? '', ...(e.port !== undefined ? { port: e.port } : {}), status: e.healthStatus ?? '' }));
}

function nodeProbeWithoutHealth(node: ExplorerNode, view: AcceleratorView, sandbox?: SandboxScope): NodeProbe {
  const notes: string[] = [];
  const name = acceleratorLabel(view.accelerator);
  const allAddresses = ipv6AddressesOf(view.details);
  const ports = listenerPorts(view.details.listeners, notes);
  const common = { dnsName: view.accelerator.dnsName, expectedAddresses: allAddresses };
  const connectTo = (addresses: string[]) => placed(addresses, sandbox, notes);
  switch (node.kind) {
    case 'accelerator':
      return { title: name, notes, targets: byScheme(ports, { ...common, kind: 'accelerator', label: name, ipv6Addresses: connectTo(allAddresses) }) };
    case 'area': {
      const label = `${regionName(node.ipSet.accelerateRegionId ?? '') || node.ipSet.ipSetId || 'area'} of ${name}`;
      const own = ipv6AddressesOf({ ipSets: [node.ipSet] });
      return { title: label, notes, targets: byScheme(ports, { ...common, kind: 'area', label, ipv6Addresses: connectTo(own) }) };
    }
    case 'address':
      // An IPv4 address goes through unchanged: the probe engine says why it cannot show IPv6 reachability.
      return { title: node.address, notes, targets: byScheme(ports, { ...common, kind: 'area', label: node.address, ipv6Addresses: node.ipv6 ? connectTo([node.address]) : [node.address] }) };
    case 'dnsRecord': {
      const fqdn = recordFqdn(node.record.rr, node.record.domainName);
      // A real client connects to what the name resolves to; the sandbox's names only exist in its DNS.
      const ipv6Addresses = sandbox ? connectTo(allAddresses) : [];
      return { title: fqdn, notes, targets: byScheme(ports, { ...common, kind: 'record', label: fqdn, hostName: fqdn, ipv6Addresses }) };
    }
    case 'endpoint':
      return endpointProbe(node, view, sandbox, notes);
    default:
      throw new Error(`"Probe over IPv6" works on an accelerator, an acceleration area, an accelerated address, an endpoint or a DNS record; "${node.kind}" items have nothing to probe.`);
  }
}

function endpointProbe(node: Extract<ExplorerNode, { kind: 'endpoint' }>, view: AcceleratorView, sandbox: SandboxScope | undefined, notes: string[]): NodeProbe {
  const group = node.parent?.kind === 'endpointGroup' ? node.parent.group : undefined;
  const listener = view.details.listeners.find((l) => l.listenerId !== undefined && l.listenerId === group?.listenerId);
  if (!group || !listener) throw new Error(`The listener of endpoint ${node.endpoint.endpoint ?? ''} is no longer listed: refresh the accelerator and try again.`);
  const address = node.endpoint.endpoint ?? '';
  const label = `${address} via ${acceleratorLabel(view.accelerator)}`;
  const ports = listenerPorts([listener], notes);
  const all = ipv6AddressesOf(view.details);
  const targets = byScheme(ports, {
    kind: 'accelerator',
    label,
    ipv6Addresses: placed(all, sandbox, notes),
    expectedAddresses: all,
    dnsName: view.accelerator.dnsName,
  });
  const first = targets[0];
  if (!first) return { title: label, notes, targets };
  if (!isIpv4(address)) notes.push(`The endpoint ${address} is not an IPv4 address, so it is not probed directly for comparison.`);
  else if (sandbox && !isLoopbackHost(address)) notes.push(`The sandbox probes only loopback origins; ${address} is not probed directly for comparison.`);
  else first.origin = { address, port: endpointPort(first.ports[0], group) };
  return { title: label, notes, targets };
}

/** The port the endpoint receives a listener port on (the group's port override, if any). */
export function endpointPort(listenerPort: number | undefined, group: Pick<EndpointGroupSummary, 'portOverrides'>): number | undefined {
  if (listenerPort === undefined) return undefined;
  return group.portOverrides?.find((o) => o.listenerPort === listenerPort)?.endpointPort ?? listenerPort;
}

/**
 * Every port clients reach the accelerator on, and how to speak to it: HTTP(S) listeners as such, a TCP
 * listener on 443 with TLS and on any other port with plain HTTP (like the seed's `curl -6 -g http://[…]`).
 * UDP listeners are left out with a note: the probe connects over TCP.
 */
export function listenerPorts(listeners: readonly ListenerSummary[], notes: string[]): ProbePort[] {
  const out = new Map<number, ProbePort>();
  for (const l of listeners) {
    const protocol = normalizeProtocol(l.protocol);
    const ranges = (l.portRanges ?? []).flatMap((r) => (r.fromPort === undefined ? [] : [{ fromPort: r.fromPort, toPort: r.toPort ?? r.fromPort }]));
    const what = `Listener ${[l.name || l.listenerId, `${l.protocol ?? 'TCP'}:${formatPortRanges(ranges)}`].filter(Boolean).join(' ')}`;
    if (protocol === 'UDP') {
      notes.push(`${what} is not probed: the probe connects over TCP.`);
      continue;
    }
    if (portCount(ranges) > MAX_PORTS_PER_LISTENER) notes.push(`${what} has ${portCount(ranges)} ports; the first ${MAX_PORTS_PER_LISTENER} are probed.`);
    for (const port of ranges.flatMap((r) => portsOf(r.fromPort, r.toPort)).slice(0, MAX_PORTS_PER_LISTENER)) {
      if (!out.has(port)) out.set(port, { port, scheme: schemeFor(protocol, port) });
    }
  }
  return [...out.values()];
}

function schemeFor(protocol: string | undefined, port: number): Scheme {
  if (protocol === 'HTTPS') return 'https';
  if (protocol === 'HTTP') return 'http';
  return port === 443 ? 'https' : 'http';
}

function portsOf(from: number, to: number): number[] {
  const out: number[] = [];
  // Only the first few are ever used: a 1-65499 range must not become 65499 numbers.
  for (let p = from; p <= to && out.length < MAX_PORTS_PER_LISTENER; p++) out.push(p);
  return out;
}

/** One target per scheme (a target speaks one protocol); no ports at all still gives one, which says so. */
function byScheme(ports: ProbePort[], base: Omit<StructuredTarget, 'ports' | 'scheme'>): StructuredTarget[] {
  const schemes = [...new Set(ports.map((p) => p.scheme))];
  if (schemes.length === 0) return [{ ...base, ports: [] }];
  return schemes.map((scheme) => ({
    ...base,
    label: schemes.length > 1 ? `${base.label} (${scheme})` : base.label,
    scheme,
    ports: ports.filter((p) => p.scheme === scheme).map((p) => p.port),
  }));
}

/** Where to connect for each address (deduplicated), with a note for every address the sandbox moves. */
export function placed(addresses: string[], sandbox: SandboxScope | undefined, notes: string[]): string[] {
  if (!sandbox) return addresses;
  const out = new Set<string>();
  for (const address of addresses) {
    const where = sandbox.place(address);
    if (where !== address && isIpv6(address)) notes.push(`${address} is not on this machine: probing [${where}], where the sandbox's data plane serves it.`);
    out.add(where);
  }
  return [...out];
}

function acceleratorLabel(a: AcceleratorSummary): string {
  return a.name || a.acceleratorId || 'accelerator';
}

/** The accelerator a node belongs to, or an error saying where to right-click. */
export function acceleratorNodeOf(node: ExplorerNode): Extract<ExplorerNode, { kind: 'accelerator' }> {
  const accelerator = acceleratorOf(node);
  if (!accelerator) throw new Error('"Probe over IPv6" works on an accelerator or something under one in the Global Accelerator explorer.');
  return accelerator;
}
