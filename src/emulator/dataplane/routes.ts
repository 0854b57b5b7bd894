// Which IPv6 address × port the data plane must serve, and where each goes, derived from the emulator's
// state. Pure. A binding exists while an IPv6 ip set, a listener and a default endpoint group of the same
// accelerator are all active; anything that cannot be forwarded is explained in a note for the log.
import { isIP } from 'node:net';
import { checkEndpoint, isDocumentationIpv4 } from '../../model';
import type { EmulatorState, EndpointGroup, Listener } from '../state';

/** A listener range of thousands of ports would mean thousands of sockets; the sandbox serves the first ones. */
export const MAX_PORTS_PER_LISTENER = 256;

/**
 * RFC 5737 documentation ranges: nothing answers there (the fixtures' seed backend is 203.0.113.10), so the
 * data plane resets at once instead of sending packets nowhere and waiting for a timeout.
 */
export const isDocumentationAddress = isDocumentationIpv4;

export interface RouteEndpoint {
  endpointId: string;
  address: string;
  port: number;
  weight: number;
}

export interface RouteGroup {
  endpointGroupId: string;
  trafficPercentage: number;
  endpoints: RouteEndpoint[];
}

export interface Route {
  acceleratorId: string;
  listenerId: string;
  clientAffinity: 'NONE' | 'SOURCE_IP';
  idleTimeoutSeconds: number;
  groups: RouteGroup[];
}

export interface DesiredBinding {
  /** Stable identity: the same key across state changes means the same socket. */
  key: string;
  ipSetId: string;
  /** The ip set's IPv6 address (what DNS and the API report). */
  address: string;
  port: number;
  route: Route;
}

export interface DesiredPlane {
  bindings: DesiredBinding[];
  /** Why something in the state is not served: for the log, each said once. */
  notes: string[];
}

export function desiredBindings(state: EmulatorState, options: { allowLoopbackEndpoints: boolean }): DesiredPlane {
  const notes: string[] = [];
  const bindings: DesiredBinding[] = [];
  const { ipSets, listeners, endpointGroups, accelerators } = state.ga;
  for (const listener of Object.values(listeners)) {
    if (listener.State !== 'active' || !accelerators[listener.AcceleratorId]) continue;
    if (!forwardable(listener, notes)) continue;
    const groups = Object.values(endpointGroups)
      .filter((g) => g.ListenerId === listener.ListenerId && g.State === 'active' && g.EndpointGroupType === 'default')
      .filter((g) => forwardableGroup(g, listener, notes));
    if (groups.length === 0) continue;
    const sets = Object.values(ipSets).filter(
      (s) => s.AcceleratorId === listener.AcceleratorId && s.State === 'active' && (s.IpVersion === 'IPv6' || s.IpVersion === 'DUAL_STACK'),
    );
    const ports = listenerPorts(listener, notes);
    for (const set of sets) {
      for (const address of set.IpAddressList.filter((a) => isIP(a) === 6)) {
        for (const port of ports) {
          bindings.push({
            key: `${set.IpSetId}|${address}|${port}`,
            ipSetId: set.IpSetId,
            address,
            port,
            route: {
              acceleratorId: listener.AcceleratorId,
              listenerId: listener.ListenerId,
              clientAffinity: listener.ClientAffinity === 'SOURCE_IP' ? 'SOURCE_IP' : 'NONE',
              idleTimeoutSeconds: listener.IdleTimeout,
              groups: groups.map((g) => routeGroup(g, port, options, notes)),
            },
          });
        }
      }
    }
  }
  return { bindings, notes: [...new Set(notes)] };
}

function forwardable(listener: Listener, notes: string[]): boolean {
  if (listener.Protocol === 'TCP') return true;
  if (listener.Protocol === 'HTTP') {
    notes.push(`Listener ${listener.ListenerId} (HTTP) is forwarded as plain TCP: no X-Forwarded-For or GA headers, no request timeout.`);
    return true;
  }
  notes.push(`Listener ${listener.ListenerId} (${listener.Protocol}) is not served: the sandbox's data plane forwards TCP (and HTTP as plain TCP) only.`);
  return false;
}

function forwardableGroup(group: EndpointGroup, listener: Listener, notes: string[]): boolean {
  if (listener.Protocol === 'HTTP' && group.EndpointRequestProtocol === 'HTTPS') {
    notes.push(`Endpoint group ${group.EndpointGroupId} speaks HTTPS to its backends; the sandbox cannot re-encrypt, so it is not served.`);
    return false;
  }
  return true;
}

function listenerPorts(listener: Listener, notes: string[]): number[] {
  const ports: number[] = [];
  for (const r of listener.PortRanges) {
    for (let p = r.FromPort; p <= r.ToPort && ports.length < MAX_PORTS_PER_LISTENER; p++) ports.push(p);
  }
  const total = listener.PortRanges.reduce((n, r) => n + r.ToPort - r.FromPort + 1, 0);
  if (total > ports.length) notes.push(`Listener ${listener.ListenerId} has ${total} ports; the sandbox serves the first ${ports.length}.`);
  return ports;
}

function routeGroup(group: EndpointGroup, listenerPort: number, options: { allowLoopbackEndpoints: boolean }, notes: string[]): RouteGroup {
  const override = group.PortOverrides.find((o) => o.ListenerPort === listenerPort);
  const endpoints: RouteEndpoint[] = [];
  for (const e of group.EndpointConfigurations) {
    if (isIP(e.Endpoint) !== 4) {
      notes.push(`Endpoint ${e.Endpoint} (${e.Type}) of ${group.EndpointGroupId} is not served: the sandbox forwards to IPv4 addresses only.`);
      continue;
    }
    const problem = checkEndpoint({ type: 'Ip', endpoint: e.Endpoint, weight: e.Weight }, { allowNonPublic: options.allowLoopbackEndpoints });
    if (problem) {
      const hint = options.allowLoopbackEndpoints ? '' : ' For local backends start the emulator with --allow-loopback-endpoints.';
      notes.push(`Endpoint ${e.Endpoint} of ${group.EndpointGroupId} is not served: ${problem}${hint}`);
      continue;
    }
    endpoints.push({ endpointId: e.EndpointId, address: e.Endpoint, port: override?.EndpointPort ?? listenerPort, weight: e.Weight });
  }
  return { endpointGroupId: group.EndpointGroupId, trafficPercentage: group.TrafficPercentage, endpoints };
}
