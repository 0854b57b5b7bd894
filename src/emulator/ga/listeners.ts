// Listeners: create (init → active, optionally with inline endpoint groups), describe, list, update
// (updating → active), delete (deleting → gone; refused while endpoint groups remain). ga-api.md §2.20–2.24.
import { ApiError, type ActionHandler, type Params } from '../api';
import type { EndpointGroup, Listener } from '../state';
import {
  checkDescription,
  checkIdleTimeout,
  checkName,
  checkRequestTimeout,
  CLIENT_AFFINITIES,
  IDLE_TIMEOUT,
  normalizeProtocol,
  type ListenerProtocol,
} from '../../model';
import { begin } from './lifecycle';
import { failIf, invalidParameter, missingParameter } from './errors';
import { assertAcceleratorIdle, assertStable, listenersOf, requireAccelerator, requireBasicPlanIfNeeded, requireListener } from './guards';
import { newId } from './ids';
import { page } from './lists';
import { optBool, optInt, optString, optStruct, optStructs, reqString, type Struct } from './params';
import { assertListenerPorts, coversPort, readPortRanges } from './ports';
import { assertGroupFitsListener, createEndpointGroupRecord, groupsOfListener, readEndpointGroupInput, type EndpointGroupInput } from './endpointGroups';

const XFF_KEYS = ['XForwardedForGaIdEnabled', 'XForwardedForGaApEnabled', 'XForwardedForProtoEnabled', 'XForwardedForPortEnabled', 'XRealIpEnabled'] as const;
const MAX_INLINE_GROUPS = 10;
const DEFAULT_REQUEST_TIMEOUT = 60;
const DEFAULT_SECURITY_POLICY = 'tls_cipher_policy_1_0';
const DEFAULT_HTTP_VERSION = 'http2';

type ProtocolOptions = Pick<Listener, 'IdleTimeout' | 'RequestTimeout' | 'Certificates' | 'SecurityPolicyId' | 'HttpVersion' | 'XForwardedForConfig'>;

function readProtocol(p: Params): ListenerProtocol | undefined {
  const raw = optString(p, 'Protocol');
  if (raw === undefined) return undefined;
  const protocol = normalizeProtocol(raw);
  if (!protocol) throw new ApiError('ProtocalIllegal.Listener', `Listener protocol must be TCP, UDP, HTTP or HTTPS; got "${raw}".`);
  return protocol;
}

function readName(p: Params): string | undefined {
  const name = optString(p, 'Name');
  if (name !== undefined) failIf(checkName('listener', name, 'api'));
  return name;
}

function readDescription(p: Params): string | undefined {
  const description = optString(p, 'Description');
  if (description !== undefined) failIf(checkDescription(description));
  return description;
}

function readClientAffinity(p: Params): Listener['ClientAffinity'] | undefined {
  const v = optString(p, 'ClientAffinity');
  if (v !== undefined && !(CLIENT_AFFINITIES as readonly string[]).includes(v)) throw invalidParameter(`ClientAffinity must be NONE or SOURCE_IP; got "${v}".`);
  return v as Listener['ClientAffinity'] | undefined;
}

/**
 * The options that depend on the protocol. On update (`current` given), options the request leaves out keep
 * their value when it still fits the (possibly new) protocol and fall back to the protocol's default otherwise.
 */
function readProtocolOptions(p: Params, protocol: ListenerProtocol, current?: Listener): ProtocolOptions {
  const web = protocol === 'HTTP' || protocol === 'HTTPS';
  const https = protocol === 'HTTPS';
  const idleParam = optInt(p, 'IdleTimeout');
  if (idleParam !== undefined) failIf(checkIdleTimeout(idleParam, protocol));
  const idle = idleParam ?? (current && !checkIdleTimeout(current.IdleTimeout, protocol) ? current.IdleTimeout : IDLE_TIMEOUT[protocol].default);
  const requestParam = optInt(p, 'RequestTimeout');
  if (requestParam !== undefined) failIf(checkRequestTimeout(requestParam, protocol));
  const certParam = p.Certificates === undefined ? undefined : optStructs(p, 'Certificates').map((c, i) => {
    const id = optString(c, 'Id');
    if (!id) throw missingParameter(`Certificates.${i + 1}.Id`, 'for each certificate: the id of the SSL certificate');
    return { Id: id, Type: 'Server' };
  });
  if (certParam && certParam.length > 0 && !https) throw invalidParameter(`Certificates apply to HTTPS listeners only; this listener is ${protocol}.`);
  const certificates = https ? (certParam ?? current?.Certificates ?? []) : [];
  if (https && certificates.length === 0) throw missingParameter('Certificates.1.Id', 'for an HTTPS listener: the id of its SSL certificate');
  const policy = optString(p, 'SecurityPolicyId');
  const httpVersion = optString(p, 'HttpVersion');
  if ((policy !== undefined || httpVersion !== undefined) && !https) throw invalidParameter(`SecurityPolicyId and HttpVersion apply to HTTPS listeners only; this listener is ${protocol}.`);
  const xff = optStruct(p, 'XForwardedForConfig');
  if (xff && !web) throw invalidParameter(`XForwardedForConfig applies to HTTP/HTTPS listeners only; this listener is ${protocol}.`);
  return {
    IdleTimeout: idle,
    ...(web ? { RequestTimeout: requestParam ?? current?.RequestTimeout ?? DEFAULT_REQUEST_TIMEOUT } : {}),
    Certificates: certificates,
    ...(https ? { SecurityPolicyId: policy ?? current?.SecurityPolicyId ?? DEFAULT_SECURITY_POLICY, HttpVersion: httpVersion ?? current?.HttpVersion ?? DEFAULT_HTTP_VERSION } : {}),
    ...(web ? { XForwardedForConfig: readXff(xff ?? {}, current?.XForwardedForConfig) } : {}),
  };
}

function readXff(raw: Struct, current: Record<string, boolean> | undefined): Record<string, boolean> {
  return Object.fromEntries(XFF_KEYS.map((k) => [k, optBool(raw, k) ?? current?.[k] ?? false]));
}

/** Inline groups use EndpointGroupName/EndpointGroupDescription; everything else has CreateEndpointGroup's names. */
function inlineGroupParams(raw: Struct): Params {
  const { EndpointGroupName, EndpointGroupDescription, ...rest } = raw;
  return { ...rest, ...(EndpointGroupName !== undefined ? { Name: EndpointGroupName } : {}), ...(EndpointGroupDescription !== undefined ? { Description: EndpointGroupDescription } : {}) };
}

export const createListener: ActionHandler = (params, ctx, state) => {
  const ga = state.ga;
  const acc = requireAccelerator(ga, reqString(params, 'AcceleratorId'));
  const protocol = readProtocol(params) ?? 'TCP';
  const type = optString(params, 'Type') ?? 'Standard';
  if (type !== 'Standard') throw invalidParameter(`Listener type ${type} is invitation-only and not offered here; use Standard (intelligent routing).`);
  const ranges = readPortRanges(optStructs(params, 'PortRanges'), 'PortRanges');
  assertListenerPorts(ga, acc.AcceleratorId, protocol, ranges);
  const name = readName(params) ?? '';
  const description = readDescription(params) ?? '';
  const clientAffinity = readClientAffinity(params) ?? 'NONE';
  const options = readProtocolOptions(params, protocol);
  const rawGroups = optStructs(params, 'EndpointGroupConfigurations');
  if (rawGroups.length > MAX_INLINE_GROUPS) throw invalidParameter(`CreateListener takes at most ${MAX_INLINE_GROUPS} inline endpoint groups; create the others with CreateEndpointGroup.`);
  assertAcceleratorIdle(ga, acc, 'CreateListener');
  requireBasicPlanIfNeeded(acc, 'CreateListener');

  const listener: Listener = {
    ListenerId: newId(ga, 'listener'),
    AcceleratorId: acc.AcceleratorId,
    Name: name,
    Description: description,
    State: 'init',
    Protocol: protocol,
    Type: type,
    PortRanges: ranges,
    ClientAffinity: clientAffinity,
    CreateTime: ctx.clock.now(),
    ...options,
  };
  // Inline groups are all checked before anything is stored, so a bad group creates nothing.
  const inputs: EndpointGroupInput[] = [];
  for (const raw of rawGroups) {
    const input = readEndpointGroupInput(ga, inlineGroupParams(raw), listener, ctx.options.allowLoopbackEndpoints);
    assertGroupFitsListener(listener, input, inputs.map((i) => ({ EndpointGroupId: '', EndpointGroupType: i.EndpointGroupType, EndpointGroupRegion: i.EndpointGroupRegion })));
    inputs.push(input);
  }
  begin(listener, 'createListener', 'init', 'active', ctx.clock);
  ga.listeners[listener.ListenerId] = listener;
  for (const input of inputs) createEndpointGroupRecord(ga, listener, input, ctx.clock);
  return { ListenerId: listener.ListenerId };
};

/** DescribeListener's view; ListListeners answers CreateTime as a number instead of a string. */
function listenerView(l: Listener, forList = false): Record<string, unknown> {
  return {
    ListenerId: l.ListenerId,
    AcceleratorId: l.AcceleratorId,
    Name: l.Name,
    Description: l.Description,
    State: l.State,
    Protocol: l.Protocol,
    Type: l.Type,
    PortRanges: l.PortRanges.map((r) => ({ ...r })),
    ...(l.BackendPorts ? { BackendPorts: l.BackendPorts.map((r) => ({ FromPort: String(r.FromPort), ToPort: String(r.ToPort) })) } : {}),
    Certificates: l.Certificates.map((c) => ({ ...c })),
    ClientAffinity: l.ClientAffinity,
    CreateTime: forList ? l.CreateTime : String(l.CreateTime),
    IdleTimeout: l.IdleTimeout,
    ...(l.RequestTimeout !== undefined ? { RequestTimeout: l.RequestTimeout } : {}),
    ...(l.HttpVersion !== undefined ? { HttpVersion: l.HttpVersion } : {}),
    ...(l.SecurityPolicyId !== undefined ? { SecurityPolicyId: l.SecurityPolicyId } : {}),
    ...(l.XForwardedForConfig ? { XForwardedForConfig: { ...l.XForwardedForConfig } } : {}),
    ServiceManaged: false,
  };
}

export const describeListener: ActionHandler = (params, _ctx, state) => listenerView(requireListener(state.ga, reqString(params, 'ListenerId')));

export const listListeners: ActionHandler = (params, _ctx, state) => {
  const acc = requireAccelerator(state.ga, reqString(params, 'AcceleratorId'));
  const protocolFilter = optString(params, 'Protocol')?.toUpperCase();
  const all = listenersOf(state.ga, acc.AcceleratorId).filter((l) => !protocolFilter || l.Protocol === protocolFilter);
  const { items, paging } = page(all, params);
  return { Listeners: items.map((l) => listenerView(l, true)), ...paging };
};

/** Port overrides pin the protocol family and the ports they map (ga-api.md §2.23). */
function assertKeepsPortOverrides(l: Listener, groups: readonly EndpointGroup[], protocol: ListenerProtocol, ranges: Listener['PortRanges']): void {
  const overrides = groups.flatMap((g) => g.PortOverrides);
  if (overrides.length === 0) return;
  const web = (p: ListenerProtocol) => p === 'HTTP' || p === 'HTTPS';
  if (protocol !== l.Protocol && !(web(protocol) && web(l.Protocol))) {
    throw invalidParameter(`Listener ${l.ListenerId} has port overrides, so its protocol can only switch between HTTP and HTTPS; remove the overrides first.`);
  }
  const lost = overrides.find((o) => !coversPort(ranges, o.ListenerPort));
  if (lost) throw new ApiError('NotExist.ListenerPort', `Port ${lost.ListenerPort} is used by a port override of listener ${l.ListenerId}; keep it in PortRanges or remove the override first.`);
}

function readBackendPorts(p: Params, protocol: ListenerProtocol, current?: Listener): Listener['BackendPorts'] {
  const web = protocol === 'HTTP' || protocol === 'HTTPS';
  if (p.BackendPorts === undefined) return web ? current?.BackendPorts : undefined;
  const ports = readPortRanges(optStructs(p, 'BackendPorts'), 'BackendPorts');
  if (ports.length > 0 && !web) throw invalidParameter(`BackendPorts apply to HTTP/HTTPS listeners only; this listener is ${protocol}.`);
  const bad = ports.find((r) => r.FromPort !== r.ToPort || r.FromPort < 1 || r.FromPort > 65535);
  if (bad) throw invalidParameter(`BackendPorts take one port each (FromPort = ToPort, 1 to 65535); got ${bad.FromPort}-${bad.ToPort}.`);
  return ports.length > 0 ? ports : undefined;
}

export const updateListener: ActionHandler = (params, ctx, state) => {
  const ga = state.ga;
  const l = requireListener(ga, reqString(params, 'ListenerId'));
  const protocol = readProtocol(params) ?? l.Protocol;
  const ranges = params.PortRanges !== undefined ? readPortRanges(optStructs(params, 'PortRanges'), 'PortRanges') : l.PortRanges;
  assertListenerPorts(ga, l.AcceleratorId, protocol, ranges, l.ListenerId);
  assertKeepsPortOverrides(l, groupsOfListener(ga, l.ListenerId), protocol, ranges);
  const name = readName(params);
  const description = readDescription(params);
  const clientAffinity = readClientAffinity(params);
  const options = readProtocolOptions(params, protocol, l);
  const backendPorts = readBackendPorts(params, protocol, l);
  assertStable('NotActive.Listener', 'Listener', l.ListenerId, l.State);
  assertAcceleratorIdle(ga, requireAccelerator(ga, l.AcceleratorId), 'UpdateListener');

  for (const k of ['RequestTimeout', 'SecurityPolicyId', 'HttpVersion', 'XForwardedForConfig', 'BackendPorts'] as const) delete l[k];
  Object.assign(l, {
    Protocol: protocol,
    PortRanges: ranges,
    ...(name !== undefined ? { Name: name } : {}),
    ...(description !== undefined ? { Description: description } : {}),
    ...(clientAffinity !== undefined ? { ClientAffinity: clientAffinity } : {}),
    ...options,
    ...(backendPorts ? { BackendPorts: backendPorts } : {}),
  });
  begin(l, 'updateListener', 'updating', 'active', ctx.clock);
  return {};
};

export const deleteListener: ActionHandler = (params, ctx, state) => {
  const ga = state.ga;
  const acceleratorId = optString(params, 'AcceleratorId');
  const l = requireListener(ga, reqString(params, 'ListenerId'), acceleratorId);
  assertStable('NotActive.Listener', 'Listener', l.ListenerId, l.State);
  assertAcceleratorIdle(ga, requireAccelerator(ga, l.AcceleratorId), 'DeleteListener');
  const groups = groupsOfListener(ga, l.ListenerId);
  if (groups.length > 0) {
    throw new ApiError('Exist.EndpointGroup', `Listener ${l.ListenerId} still has endpoint group(s) ${groups.map((g) => g.EndpointGroupId).join(', ')}; delete them and wait until they are gone first.`);
  }
  begin(l, 'deleteListener', 'deleting', 'gone', ctx.clock);
  return {};
};
