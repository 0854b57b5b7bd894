// Listener port ranges between their wire shape ({FromPort, ToPort}) and the model's rules (src/model/rules.ts),
// with the API error code for each rule a listener breaks (ga-api.md §5.2).
import { ApiError } from '../api';
import type { GaState, Listener, PortRange } from '../state';
import {
  findLargeRangeConflict,
  findPortConflict,
  findPortRangeProblem,
  type ListenerProtocol,
  type PortRange as ModelPortRange,
  type PortRangeRule,
} from '../../model';
import { failIf, invalidParameter } from './errors';
import { listenersOf } from './guards';
import { optInt, type Struct } from './params';

const CODE_FOR_RULE: Record<PortRangeRule, string> = {
  empty: 'PortRangeIllegal.Listener',
  outOfRange: 'PortRangeIllegal.Listener',
  backwards: 'PortRangeIllegal.Listener',
  overlap: 'PortRangeIllegal.Listener',
  reserved: 'SystemPort.Listener',
  udpReserved: 'PortRangeIllegal.UDP',
  onePortOnly: 'PortRanges.MustOne',
  largeRangeAlone: 'PortRangeIllegal.Count',
};

export function readPortRanges(raw: readonly Struct[], key: string): PortRange[] {
  return raw.map((r, i) => {
    const from = optInt(r, 'FromPort');
    const to = optInt(r, 'ToPort');
    if (from === undefined || to === undefined) throw invalidParameter(`${key}.${i + 1} needs both FromPort and ToPort.`);
    return { FromPort: from, ToPort: to };
  });
}

export function toModelRanges(ranges: readonly PortRange[]): ModelPortRange[] {
  return ranges.map((r) => ({ fromPort: r.FromPort, toPort: r.ToPort }));
}

/** The listener's own port rules, then conflicts with the accelerator's other listeners. */
export function assertListenerPorts(ga: GaState, acceleratorId: string, protocol: ListenerProtocol, ranges: readonly PortRange[], selfId?: string): void {
  const model = toModelRanges(ranges);
  const problem = findPortRangeProblem(model, protocol);
  if (problem) throw new ApiError(CODE_FOR_RULE[problem.rule], problem.message);
  const others = listenersOf(ga, acceleratorId)
    .filter((l) => l.ListenerId !== selfId)
    .map((l) => ({ id: l.ListenerId, name: l.Name, protocol: l.Protocol, portRanges: toModelRanges(l.PortRanges) }));
  failIf(findPortConflict(model, others), 'PortConflict.Listener');
  failIf(findLargeRangeConflict({ protocol, portRanges: model }, others), 'PortRangeIllegal.ExceedGaAbility');
}

export function coversPort(ranges: readonly PortRange[], port: number): boolean {
  return ranges.some((r) => port >= r.FromPort && port <= r.ToPort);
}

/** The backend port GA uses for a listener's first port: through a port override when one maps it. */
export function endpointPortFor(listener: Listener, overrides: readonly { ListenerPort: number; EndpointPort: number }[]): number {
  const port = listener.PortRanges[0]?.FromPort ?? 0;
  return overrides.find((o) => o.ListenerPort === port)?.EndpointPort ?? listener.BackendPorts?.[0]?.FromPort ?? port;
}
