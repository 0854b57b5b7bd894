// Endpoint groups: create (init → active; endpoints report health init, then normal), describe, list, update
// (updating → active; EndpointConfigurations replace the list), rename (sync), delete (deleting → gone).
// ga-api.md §2.25–2.29. CreateListener reuses the reading and building below for inline groups.
import { ApiError, type ActionHandler, type Clock, type Params } from '../api';
import type { EndpointConfiguration, EndpointGroup, GaState, Listener } from '../state';
import {
  checkDescription,
  checkEndpoint,
  checkHealthCheckInterval,
  checkName,
  checkThresholdCount,
  checkTrafficPercentage,
  MAX_ENDPOINTS_PER_GROUP,
  MAX_PORT_OVERRIDES,
} from '../../model';
import { begin } from './lifecycle';
import { allocateEndpointGroupIps } from './addresses';
import { requireRegion } from './areas';
import { failIf, invalidParameter, missingParameter } from './errors';
import {
  assertAcceleratorIdle,
  assertStable,
  requireAccelerator,
  requireBasicPlanIfNeeded,
  requireEndpointGroup,
  requireListener,
} from './guards';
import { newId } from './ids';
import { hasTags, page } from './lists';
import { optBool, optInt, optString, optStrings, optStructs, optTags, reqString, type Struct, type WireTag } from './params';
import { coversPort } from './ports';
import { isHealthChecked } from './healthChecked';

type EndpointInput = Omit<EndpointConfiguration, 'EndpointId' | 'health'>;
type PortOverride = EndpointGroup['PortOverrides'][number];

/** Everything a request says about a group, checked; what it leaves out is filled from `current` or defaults. */
export interface EndpointGroupInput {
  Name: string;
  Description: string;
  EndpointGroupRegion: string;
  EndpointGroupType: 'default' | 'virtual';
  EndpointRequestProtocol?: string;
  EndpointProtocolVersion?: string;
  EndpointIpVersion: string;
  endpoints: EndpointInput[];
  PortOverrides: PortOverride[];
  health: Pick<EndpointGroup, 'HealthCheckEnabled' | 'HealthCheckHost' | 'HealthCheckPath' | 'HealthCheckPort' | 'HealthCheckProtocol' | 'HealthCheckIntervalSeconds' | 'ThresholdCount'>;
  TrafficPercentage: number;
  Tags: WireTag[];
}

const isWeb = (l: Listener) => l.Protocol === 'HTTP' || l.Protocol === 'HTTPS';

function readEndpoints(raw: readonly Struct[], listener: Listener, allowNonPublic: boolean): EndpointInput[] {
  if (raw.length > MAX_ENDPOINTS_PER_GROUP) {
    throw new ApiError('QuotaExceeded.EndPoint', `An endpoint group takes at most ${MAX_ENDPOINTS_PER_GROUP} endpoints; this request has ${raw.length}.`);
  }
  const seen = new Set<string>();
  return raw.map((r, i) => {
    const at = `EndpointConfigurations.${i + 1}`;
    const type = reqString(r, 'Type');
    const endpoint = reqString(r, 'Endpoint');
    const weight = optInt(r, 'Weight');
    if (weight === undefined) throw missingParameter(`${at}.Weight`, '(0 to 255; 0 stops traffic to the endpoint)');
    failIf(checkEndpoint({ type, endpoint, weight }, { allowNonPublic }));
    if (seen.has(endpoint)) throw invalidParameter(`Endpoint ${endpoint} is listed twice in EndpointConfigurations; list each backend once.`);
    seen.add(endpoint);
    const preserve = optBool(r, 'EnableClientIPPreservation') ?? false;
    const proxy = optBool(r, 'EnableProxyProtocol') ?? false;
    if (preserve && proxy) throw invalidParameter(`${at}: EnableClientIPPreservation and EnableProxyProtocol cannot both be true; choose one way to pass the client address.`);
    if (proxy && listener.Protocol !== 'TCP') throw invalidParameter(`${at}: Proxy Protocol works with TCP listeners only; listener ${listener.ListenerId} is ${listener.Protocol}.`);
    const vpcId = optString(r, 'VpcId');
    if (type === 'IpTarget' && !vpcId) throw missingParameter(`${at}.VpcId`, 'for an IpTarget endpoint');
    const vSwitchIds = optStrings(r, 'VSwitchIds');
    if (vSwitchIds.length > 2) throw invalidParameter(`${at}.VSwitchIds takes at most 2 vSwitches.`);
    const subAddress = optString(r, 'SubAddress');
    return {
      Type: type,
      Endpoint: endpoint,
      Weight: weight,
      EnableClientIPPreservation: preserve,
      EnableProxyProtocol: proxy,
      ...(subAddress ? { SubAddress: subAddress } : {}),
      ...(vpcId ? { VpcId: vpcId } : {}),
      ...(vSwitchIds.length > 0 ? { VSwitchIds: vSwitchIds } : {}),
    };
  });
}

function readPortOverrides(raw: readonly Struct[], listener: Listener, type: 'default' | 'virtual'): PortOverride[] {
  if (raw.length > MAX_PORT_OVERRIDES) throw new ApiError('QuotaExceeded.PortOverride', `An endpoint group takes at most ${MAX_PORT_OVERRIDES} port overrides; this request has ${raw.length}.`);
  if (raw.length > 0 && type === 'virtual' && !isWeb(listener)) throw invalidParameter('Virtual endpoint groups of TCP/UDP listeners take no port overrides.');
  const seen = new Set<number>();
  return raw.map((r, i) => {
    const listenerPort = optInt(r, 'ListenerPort');
    const endpointPort = optInt(r, 'EndpointPort');
    if (listenerPort === undefined || endpointPort === undefined) throw invalidParameter(`PortOverrides.${i + 1} needs both ListenerPort and EndpointPort.`);
    if (!coversPort(listener.PortRanges, listenerPort)) {
      throw new ApiError('NotExist.ListenerPort', `Port override ${listenerPort}→${endpointPort}: listener ${listener.ListenerId} does not listen on port ${listenerPort}.`);
    }
    if (endpointPort < 1 || endpointPort > 65535) throw invalidParameter(`PortOverrides.${i + 1}.EndpointPort must be 1 to 65535.`);
    if (seen.has(listenerPort)) throw invalidParameter(`Listener port ${listenerPort} has more than one port override.`);
    seen.add(listenerPort);
    return { ListenerPort: listenerPort, EndpointPort: endpointPort };
  });
}

function readRequestProtocol(p: Params, listener: Listener, current?: EndpointGroup): Pick<EndpointGroupInput, 'EndpointRequestProtocol' | 'EndpointProtocolVersion'> {
  const requested = optString(p, 'EndpointRequestProtocol');
  const version = optString(p, 'EndpointProtocolVersion');
  if (!isWeb(listener)) {
    if (requested || version) throw invalidParameter(`EndpointRequestProtocol and EndpointProtocolVersion apply to HTTP/HTTPS listeners only; listener ${listener.ListenerId} is ${listener.Protocol}.`);
    return {};
  }
  const protocol = requested ?? current?.EndpointRequestProtocol ?? 'HTTP';
  if (listener.Protocol === 'HTTP' && protocol !== 'HTTP') throw invalidParameter('An HTTP listener forwards to backends over HTTP; set EndpointRequestProtocol to HTTP.');
  if (version && protocol !== 'HTTPS') throw invalidParameter('EndpointProtocolVersion applies only when EndpointRequestProtocol is HTTPS.');
  return { EndpointRequestProtocol: protocol, ...(protocol === 'HTTPS' ? { EndpointProtocolVersion: version ?? current?.EndpointProtocolVersion ?? 'HTTP1.1' } : {}) };
}

function readHealthCheck(p: Params, current?: EndpointGroup): EndpointGroupInput['health'] {
  const interval = optInt(p, 'HealthCheckIntervalSeconds') ?? current?.HealthCheckIntervalSeconds;
  if (interval !== undefined) failIf(checkHealthCheckInterval(interval));
  const threshold = optInt(p, 'ThresholdCount') ?? current?.ThresholdCount ?? 3;
  failIf(checkThresholdCount(threshold));
  const port = optInt(p, 'HealthCheckPort') ?? current?.HealthCheckPort;
  if (port !== undefined && (port < 1 || port > 65535)) throw invalidParameter('HealthCheckPort must be 1 to 65535.');
  const host = optString(p, 'HealthCheckHost') ?? current?.HealthCheckHost;
  const path = optString(p, 'HealthCheckPath') ?? current?.HealthCheckPath;
  const protocol = optString(p, 'HealthCheckProtocol') ?? current?.HealthCheckProtocol;
  return {
    HealthCheckEnabled: optBool(p, 'HealthCheckEnabled') ?? current?.HealthCheckEnabled ?? false,
    ...(host !== undefined ? { HealthCheckHost: host } : {}),
    ...(path !== undefined ? { HealthCheckPath: path } : {}),
    ...(port !== undefined ? { HealthCheckPort: port } : {}),
    ...(protocol !== undefined ? { HealthCheckProtocol: protocol } : {}),
    ...(interval !== undefined ? { HealthCheckIntervalSeconds: interval } : {}),
    ThresholdCount: threshold,
  };
}

/**
 * Reads and checks a group's parameters in CreateEndpointGroup/UpdateEndpointGroup names (inline groups of
 * CreateListener are renamed to these first). Pure apart from reading the state.
 */
export function readEndpointGroupInput(ga: GaState, p: Params, listener: Listener, allowNonPublic: boolean, current?: EndpointGroup): EndpointGroupInput {
  const name = optString(p, 'Name') ?? current?.Name ?? '';
  if (name !== '') failIf(checkName('endpointGroup', name, 'api'));
  const description = optString(p, 'Description') ?? current?.Description ?? '';
  failIf(checkDescription(description));
  const region = reqString(p, 'EndpointGroupRegion');
  requireRegion(ga, region, 'Endpoint group region');
  if (current && region !== current.EndpointGroupRegion) {
    throw invalidParameter(`The region of endpoint group ${current.EndpointGroupId} is ${current.EndpointGroupRegion} and cannot change; create a new group in ${region} instead.`);
  }
  const type = current?.EndpointGroupType ?? (optString(p, 'EndpointGroupType') ?? 'default');
  if (type !== 'default' && type !== 'virtual') throw invalidParameter(`EndpointGroupType must be default or virtual; got "${type}".`);
  const traffic = optInt(p, 'TrafficPercentage') ?? current?.TrafficPercentage ?? 100;
  failIf(checkTrafficPercentage(traffic));
  const endpoints =
    p.EndpointConfigurations !== undefined || !current
      ? readEndpoints(optStructs(p, 'EndpointConfigurations'), listener, allowNonPublic)
      : current.EndpointConfigurations.map(({ EndpointId: _id, health: _health, ...e }) => e);
  const overrides = p.PortOverrides !== undefined || !current ? readPortOverrides(optStructs(p, 'PortOverrides'), listener, type) : current.PortOverrides;
  return {
    Name: name,
    Description: description,
    EndpointGroupRegion: region,
    EndpointGroupType: type,
    ...readRequestProtocol(p, listener, current),
    EndpointIpVersion: optString(p, 'EndpointIpVersion') ?? current?.EndpointIpVersion ?? 'IPv4',
    endpoints,
    PortOverrides: overrides,
    health: readHealthCheck(p, current),
    TrafficPercentage: traffic,
    Tags: current ? current.Tags : optTags(p),
  };
}

/** A listener has at most one default group per region, and a TCP/UDP listener's virtual group needs a default one. */
export function assertGroupFitsListener(listener: Listener, input: EndpointGroupInput, siblings: readonly Pick<EndpointGroup, 'EndpointGroupId' | 'EndpointGroupType' | 'EndpointGroupRegion'>[]): void {
  if (input.EndpointGroupType === 'default') {
    const same = siblings.find((g) => g.EndpointGroupType === 'default' && g.EndpointGroupRegion === input.EndpointGroupRegion);
    if (same) {
      throw new ApiError('Exist.EndpointGroup', `Listener ${listener.ListenerId} already has a default endpoint group in ${input.EndpointGroupRegion} (${same.EndpointGroupId || 'in this request'}); update that group instead.`);
    }
  } else if (!isWeb(listener) && !siblings.some((g) => g.EndpointGroupType === 'default')) {
    throw invalidParameter(`A virtual endpoint group on a ${listener.Protocol} listener needs a default endpoint group first; create that one first.`);
  }
}

export function groupsOfListener(ga: GaState, listenerId: string): EndpointGroup[] {
  return Object.values(ga.endpointGroups).filter((g) => g.ListenerId === listenerId);
}

function toEndpoints(ga: GaState, inputs: readonly EndpointInput[], current: readonly EndpointConfiguration[] = []): EndpointConfiguration[] {
  // An endpoint that stays (same type and address) keeps its id and health; a new one starts at init.
  return inputs.map((e) => {
    const kept = current.find((c) => c.Type === e.Type && c.Endpoint === e.Endpoint);
    return { EndpointId: kept?.EndpointId ?? newId(ga, 'endpoint'), ...e, health: kept?.health ?? 'init' };
  });
}

function applyInput(g: EndpointGroup, input: EndpointGroupInput): void {
  for (const k of ['EndpointRequestProtocol', 'EndpointProtocolVersion', 'HealthCheckHost', 'HealthCheckPath', 'HealthCheckPort', 'HealthCheckProtocol', 'HealthCheckIntervalSeconds'] as const) delete g[k];
  Object.assign(g, {
    Name: input.Name,
    Description: input.Description,
    ...(input.EndpointRequestProtocol ? { EndpointRequestProtocol: input.EndpointRequestProtocol } : {}),
    ...(input.EndpointProtocolVersion ? { EndpointProtocolVersion: input.EndpointProtocolVersion } : {}),
    EndpointIpVersion: input.EndpointIpVersion,
    PortOverrides: input.PortOverrides,
    ...input.health,
    TrafficPercentage: input.TrafficPercentage,
  });
}

/** Stores a new group in `init`; it becomes active (and its endpoints healthy) after the realistic duration. */
export function createEndpointGroupRecord(ga: GaState, listener: Listener, input: EndpointGroupInput, clock: Clock): EndpointGroup {
  const g: EndpointGroup = {
    EndpointGroupId: newId(ga, 'endpointGroup'),
    AcceleratorId: listener.AcceleratorId,
    ListenerId: listener.ListenerId,
    Name: '',
    Description: '',
    State: 'init',
    EndpointGroupRegion: input.EndpointGroupRegion,
    EndpointGroupType: input.EndpointGroupType,
    EndpointConfigurations: toEndpoints(ga, input.endpoints),
    PortOverrides: [],
    HealthCheckEnabled: false,
    ThresholdCount: 3,
    TrafficPercentage: 100,
    EndpointGroupIpList: allocateEndpointGroupIps(ga),
    EndpointGroupUnconfirmedIpList: [],
    ForwardingRuleIds: [],
    Tags: input.Tags,
  };
  applyInput(g, input);
  begin(g, 'createEndpointGroup', 'init', 'active', clock);
  ga.endpointGroups[g.EndpointGroupId] = g;
  return g;
}

export const createEndpointGroup: ActionHandler = (params, ctx, state) => {
  const ga = state.ga;
  const acc = requireAccelerator(ga, reqString(params, 'AcceleratorId'));
  const listener = requireListener(ga, reqString(params, 'ListenerId'), acc.AcceleratorId);
  const input = readEndpointGroupInput(ga, params, listener, ctx.options.allowLoopbackEndpoints);
  assertGroupFitsListener(listener, input, groupsOfListener(ga, listener.ListenerId));
  assertStable('NotActive.Listener', 'Listener', listener.ListenerId, listener.State);
  assertAcceleratorIdle(ga, acc, 'CreateEndpointGroup');
  requireBasicPlanIfNeeded(acc, 'CreateEndpointGroup');
  // A passing dry run is a plain success here, unlike CreateAccelerator (ga-api.md §6.1).
  if (optBool(params, 'DryRun') === true) return {};
  return { EndpointGroupId: createEndpointGroupRecord(ga, listener, input, ctx.clock).EndpointGroupId };
};

function endpointView(e: EndpointConfiguration, withId: boolean): Record<string, unknown> {
  return {
    ...(withId ? { EndpointId: e.EndpointId } : {}),
    Type: e.Type,
    Endpoint: e.Endpoint,
    Weight: e.Weight,
    EnableClientIPPreservation: e.EnableClientIPPreservation,
    EnableProxyProtocol: e.EnableProxyProtocol,
    ...(e.ProbePort !== undefined ? { ProbePort: e.ProbePort } : {}),
    ...(e.ProbeProtocol !== undefined ? { ProbeProtocol: e.ProbeProtocol } : {}),
    ...(e.SubAddress !== undefined ? { SubAddress: e.SubAddress } : {}),
    ...(e.VpcId !== undefined ? { VpcId: e.VpcId } : {}),
    ...(e.VSwitchIds !== undefined ? { VSwitchIds: [...e.VSwitchIds] } : {}),
  };
}

/** DescribeEndpointGroup's view; ListEndpointGroups items add EndpointId to endpoints and drop the access-log fields. */
function endpointGroupView(g: EndpointGroup, forList = false): Record<string, unknown> {
  const optional = <K extends keyof EndpointGroup>(k: K) => (g[k] !== undefined ? { [k]: g[k] } : {});
  return {
    EndpointGroupId: g.EndpointGroupId,
    AcceleratorId: g.AcceleratorId,
    ListenerId: g.ListenerId,
    Name: g.Name,
    Description: g.Description,
    State: g.State,
    EndpointGroupRegion: g.EndpointGroupRegion,
    EndpointGroupType: g.EndpointGroupType,
    ...optional('EndpointRequestProtocol'),
    ...optional('EndpointProtocolVersion'),
    ...optional('EndpointIpVersion'),
    EndpointConfigurations: g.EndpointConfigurations.map((e) => endpointView(e, forList)),
    PortOverrides: g.PortOverrides.map((o) => ({ ...o })),
    HealthCheckEnabled: g.HealthCheckEnabled,
    ...optional('HealthCheckHost'),
    ...optional('HealthCheckPath'),
    ...optional('HealthCheckPort'),
    ...optional('HealthCheckProtocol'),
    ...optional('HealthCheckIntervalSeconds'),
    ThresholdCount: g.ThresholdCount,
    TrafficPercentage: g.TrafficPercentage,
    EndpointGroupIpList: [...g.EndpointGroupIpList],
    EndpointGroupUnconfirmedIpList: [...g.EndpointGroupUnconfirmedIpList],
    ForwardingRuleIds: [...g.ForwardingRuleIds],
    ...(forList ? {} : { AccessLogSwitch: 'off', EnableAccessLog: false }),
    Tags: g.Tags.map((t) => ({ ...t })),
    ServiceManaged: false,
  };
}

export const describeEndpointGroup: ActionHandler = (params, _ctx, state) =>
  endpointGroupView(requireEndpointGroup(state.ga, reqString(params, 'EndpointGroupId')));

export const listEndpointGroups: ActionHandler = (params, _ctx, state) => {
  const acc = requireAccelerator(state.ga, reqString(params, 'AcceleratorId'));
  const listenerId = optString(params, 'ListenerId');
  const groupId = optString(params, 'EndpointGroupId');
  const type = optString(params, 'EndpointGroupType');
  const region = optString(params, 'EndpointGroupRegion');
  // No emulated group ships access logs, so every group matches "off" and none matches "on".
  const accessLogOn = optString(params, 'AccessLogSwitch') === 'on';
  const tags = optTags(params);
  const all = Object.values(state.ga.endpointGroups).filter(
    (g) =>
      g.AcceleratorId === acc.AcceleratorId &&
      (!listenerId || g.ListenerId === listenerId) &&
      (!groupId || g.EndpointGroupId === groupId) &&
      (!type || g.EndpointGroupType === type) &&
      (!region || g.EndpointGroupRegion === region) &&
      !accessLogOn &&
      hasTags(g.Tags, tags),
  );
  const { items, paging } = page(all, params);
  return { EndpointGroups: items.map((g) => endpointGroupView(g, true)), ...paging };
};

export const updateEndpointGroup: ActionHandler = (params, ctx, state) => {
  const ga = state.ga;
  const g = requireEndpointGroup(ga, reqString(params, 'EndpointGroupId'));
  const listener = requireListener(ga, g.ListenerId);
  const input = readEndpointGroupInput(ga, params, listener, ctx.options.allowLoopbackEndpoints, g);
  assertStable('StateError.EndPointGroup', 'Endpoint group', g.EndpointGroupId, g.State);
  assertAcceleratorIdle(ga, requireAccelerator(ga, g.AcceleratorId), 'UpdateEndpointGroup');

  const checkedBefore = g.HealthCheckEnabled;
  applyInput(g, input);
  g.EndpointConfigurations = toEndpoints(ga, input.endpoints, g.EndpointConfigurations);
  // Health checks just turned on: what the endpoints reported so far was not from checks.
  if (!checkedBefore && g.HealthCheckEnabled) for (const e of g.EndpointConfigurations) if (isHealthChecked(g, e)) e.health = 'init';
  begin(g, 'updateEndpointGroup', 'updating', 'active', ctx.clock);
  return {};
};

/** Name and description only; answered at once (no async note in the API). */
export const updateEndpointGroupAttribute: ActionHandler = (params, _ctx, state) => {
  const g = requireEndpointGroup(state.ga, reqString(params, 'EndpointGroupId'));
  const name = optString(params, 'Name');
  if (name !== undefined) failIf(checkName('endpointGroup', name, 'api'));
  const description = optString(params, 'Description');
  if (description !== undefined) failIf(checkDescription(description));
  if (g.State === 'deleting') throw new ApiError('StateError.EndPointGroup', `Endpoint group ${g.EndpointGroupId} is being deleted; it can no longer be renamed.`);
  if (name !== undefined) g.Name = name;
  if (description !== undefined) g.Description = description;
  return {};
};

export const deleteEndpointGroup: ActionHandler = (params, ctx, state) => {
  const ga = state.ga;
  const g = requireEndpointGroup(ga, reqString(params, 'EndpointGroupId'));
  const acceleratorId = optString(params, 'AcceleratorId');
  if (acceleratorId !== undefined && acceleratorId !== g.AcceleratorId) {
    throw new ApiError('NotExist.EndPointGroup', `Endpoint group ${g.EndpointGroupId} belongs to accelerator ${g.AcceleratorId}, not ${acceleratorId}; check the ids.`);
  }
  assertStable('StateError.EndPointGroup', 'Endpoint group', g.EndpointGroupId, g.State);
  assertAcceleratorIdle(ga, requireAccelerator(ga, g.AcceleratorId), 'DeleteEndpointGroup');
  begin(g, 'deleteEndpointGroup', 'deleting', 'gone', ctx.clock);
  return {};
};
