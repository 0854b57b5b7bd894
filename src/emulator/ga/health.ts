// GetHealthStatus: endpoint health per endpoint group of a listener. Endpoints report `init` until their group
// is active, then `normal`; the data plane may set `abnormal` on an endpoint that refuses connections.
import type { ActionHandler } from '../api';
import type { EndpointConfiguration } from '../state';
import { dryRunPassed } from './errors';
import { groupsOfListener } from './endpointGroups';
import { requireAccelerator, requireListener } from './guards';
import { optBool, reqString } from './params';
import { endpointPortFor } from './ports';

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
