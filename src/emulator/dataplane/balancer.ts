// Picks where one connection goes: an endpoint group by its traffic percentage, then an endpoint by weight.
// Without client affinity it is a smooth weighted round robin (deterministic, so weights show exactly in
// counts); with SOURCE_IP it is weighted rendezvous hashing of the client address, so a client stays on one
// endpoint and only the clients of a removed endpoint move. Weight 0 never gets traffic.
import { createHash } from 'node:crypto';
import type { Route, RouteEndpoint, RouteGroup } from './routes';

interface Weighted<T> {
  item: T;
  id: string;
  weight: number;
}

class SmoothRoundRobin<T> {
  private current = new Map<string, number>();

  pick(items: readonly Weighted<T>[]): T | undefined {
    let total = 0;
    let best: Weighted<T> | undefined;
    for (const w of items) {
      const c = (this.current.get(w.id) ?? 0) + w.weight;
      this.current.set(w.id, c);
      total += w.weight;
      if (!best || c > (this.current.get(best.id) ?? 0)) best = w;
    }
    if (!best) return undefined;
    this.current.set(best.id, (this.current.get(best.id) ?? 0) - total);
    return best.item;
  }
}

function rendezvous<T>(items: readonly Weighted<T>[], client: string): T | undefined {
  let best: { item: T; score: number } | undefined;
  for (const w of items) {
    const digest = createHash('sha256').update(`${client}|${w.id}`).digest();
    // A uniform number in (0, 1) from the hash; weight / -ln(u) makes the winner's odds proportional to weight.
    const u = (digest.readUIntBE(0, 6) + 1) / (2 ** 48 + 2);
    const score = w.weight / -Math.log(u);
    if (!best || score > best.score) best = { item: w.item, score };
  }
  return best?.item;
}

export interface Pick {
  group: RouteGroup;
  endpoint: RouteEndpoint;
}

export class Balancer {
  private groupRing = new SmoothRoundRobin<RouteGroup>();
  private endpointRings = new Map<string, SmoothRoundRobin<RouteEndpoint>>();

  constructor(private route: Route) {}

  /** A changed route starts a fresh rotation: old positions refer to weights that no longer hold. */
  update(route: Route): void {
    this.route = route;
    this.groupRing = new SmoothRoundRobin();
    this.endpointRings.clear();
  }

  /** Undefined when no endpoint may take traffic (none, or all weight 0). */
  pick(clientAddress: string): Pick | undefined {
    const groups = this.route.groups
      .filter((g) => g.trafficPercentage > 0 && g.endpoints.some((e) => e.weight > 0))
      .map((g) => ({ item: g, id: g.endpointGroupId, weight: g.trafficPercentage }));
    const sticky = this.route.clientAffinity === 'SOURCE_IP';
    const group = sticky ? rendezvous(groups, clientAddress) : this.groupRing.pick(groups);
    if (!group) return undefined;
    const endpoints = group.endpoints
      .filter((e) => e.weight > 0)
      .map((e) => ({ item: e, id: `${e.endpointId}|${e.address}:${e.port}`, weight: e.weight }));
    let ring = this.endpointRings.get(group.endpointGroupId);
    if (!ring) this.endpointRings.set(group.endpointGroupId, (ring = new SmoothRoundRobin()));
    const endpoint = sticky ? rendezvous(endpoints, clientAddress) : ring.pick(endpoints);
    return endpoint && { group, endpoint };
  }
}
