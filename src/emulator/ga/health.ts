// GetHealthStatus: endpoint health per endpoint group of a listener. Endpoints report `init` until their group
// is active. Then an endpoint the data plane health-checks (health checks on, an IPv4 address outside the
// documentation ranges) reports what those checks found, `init` until the first verdict. With health checks on,
// an endpoint at a documentation address is `abnormal` without a check: nothing answers there and the data plane
// resets every connection to it, as a real check would find. Every other endpoint reports `normal`. Group and
// listener statuses sum the endpoints up.
import type { ActionHandler } from '../api';
import type { EndpointConfiguration, GaState } from '../state';
import { own } from '../ownKeys';
import { dryRunPassed } from './errors';
import { groupsOfListener } from './endpointGroups';
import { requireAccelerator, requireListener } from './guards';
import { optBool, reqString } from './params';
import { endpointPortFor } from './ports';
import { isHealthChecked } from './healthChecked';

export { isHealthChecked } from './healthChecked';

type Health = NonNullable<EndpointConfiguration['health']>;

function count(states: readonly Health[], s: Health): number {
  return states.filter((x) => x === s).length;
}

/** A group's status: all abnormal → abnormal, some → partiallyAbnormal, all still starting → init, else normal. */
function groupHealth(states: readonly Health[]): 'init' | 'normal' | 'abnormal' | 'partiallyAbnormal' {
  const abnormal = count(states, 'abnormal');
  if (states.length > 0 && abnormal === states.length) return 'abnormal';
  if (abnormal > 0) return 'partiallyAbnormal';
  if (states.length > 0 && count(states, 'init') === states.length) return 'init';
  return 'normal';
}

/** The listener's summary has no `init`: endpoints still starting count as normal. */
function listenerHealth(states: readonly Health[]): 'normal' | 'abnormal' | 'partiallyAbnormal' {
  const g = groupHealth(states);
  return g === 'init' ? 'normal' : g;
}

export const getHealthStatus: ActionHandler = (params, _ctx, state) => {
  const ga = state.ga;
  const acc = requireAccelerator(ga, reqString(params, 'AcceleratorId'));
  const listener = requireListener(ga, reqString(params, 'ListenerId'), acc.AcceleratorId);
  if (optBool(params, 'DryRun') === true) throw dryRunPassed('GetHealthStatus');
  const groups = groupsOfListener(ga, listener.ListenerId);
  const all: Health[] = [];
  const endpointGroups = groups.map((g) => {
    const states = g.EndpointConfigurations.map((e) => e.health ?? 'init');
    all.push(...states);
    const port = endpointPortFor(listener, g.PortOverrides);
    return {
      EndpointGroupId: g.EndpointGroupId,
      EndpointGroupType: g.EndpointGroupType,
      HealthStatus: groupHealth(states),
      ForwardingRuleIds: [...g.ForwardingRuleIds],
      Endpoints: g.EndpointConfigurations.map((e, i) => ({ EndpointId: e.EndpointId, Address: e.Endpoint, Port: port, Type: e.Type, HealthStatus: states[i] })),
    };
  });
  return { ListenerId: listener.ListenerId, HealthStatus: listenerHealth(all), EndpointGroups: endpointGroups };
};


/** A verdict of the data plane's health checks. */
export interface EndpointHealthUpdate {
  endpointGroupId: string;
  endpointId: string;
  health: 'normal' | 'abnormal';
}

/**
 * Records verdicts of the data plane's checks; a verdict for an endpoint that is gone, no longer checked or in a
 * group that is not active (any more) is dropped. Returns whether anything changed.
 */
export function applyEndpointHealth(ga: GaState, updates: readonly EndpointHealthUpdate[]): boolean {
  let changed = false;
  for (const u of updates) {
    const group = own(ga.endpointGroups, u.endpointGroupId);
    const endpoint = group?.EndpointConfigurations.find((e) => e.EndpointId === u.endpointId);
    if (!group || !endpoint || group.State !== 'active' || !isHealthChecked(group, endpoint) || endpoint.health === u.health) continue;
    endpoint.health = u.health;
    changed = true;
  }
  return changed;
}
