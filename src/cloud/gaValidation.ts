// Client-side checks of GA requests, with the rules of src/model: a mistake is reported before anything is sent
// (and before the per-accelerator queue is held). Each returns the first problem, or undefined.
import {
  BANDWIDTH_TYPES,
  CLIENT_AFFINITIES,
  MAX_ENDPOINTS_PER_GROUP,
  MAX_PORT_OVERRIDES,
  checkAutoRenewDuration,
  checkDescription,
  checkEndpoint,
  checkHealthCheckInterval,
  checkIdleTimeout,
  checkIpSetBandwidth,
  checkIpv6Region,
  checkName,
  checkPlanBandwidth,
  checkPortRanges,
  checkRequestTimeout,
  checkSpec,
  checkSubscriptionTerm,
  checkTags,
  checkThresholdCount,
  checkTrafficPercentage,
  findPortConflict,
  normalizeProtocol,
  type Check,
  type LiveRegionFlags,
  type NameStrictness,
  type PortRange,
} from '../model';
import type * as T from './types';

export interface ValidationSettings {
  nameStrictness: NameStrictness;
  allowNonPublicEndpoints: boolean;
}

function first(...checks: (() => Check)[]): Check {
  for (const c of checks) {
    const m = c();
    if (m) return m;
  }
  return undefined;
}

const when = <V>(v: V | undefined, check: (v: V) => Check) => () => (v === undefined ? undefined : check(v));

function checkPrepayTerm(chargeType: string | undefined, cycle: string | undefined, duration: number | string | undefined): Check {
  if ((chargeType ?? 'PREPAY') !== 'PREPAY') return undefined;
  return checkSubscriptionTerm(cycle, duration === undefined ? undefined : Number(duration));
}

export function checkCreateAccelerator(i: T.CreateAcceleratorInput, s: ValidationSettings): Check {
  return first(
    when(i.name, (n) => checkName('accelerator', n, s.nameStrictness)),
    () => ((i.instanceChargeType ?? 'PREPAY') === 'PREPAY' && i.spec === undefined ? 'A subscription (PREPAY) instance needs a specification, e.g. 1 (Small I).' : undefined),
    when(i.spec, checkSpec),
    () => checkPrepayTerm(i.instanceChargeType, i.pricingCycle, i.duration),
    when(i.autoRenewDuration, checkAutoRenewDuration),
    when(i.tag, (t) => checkTags(t)),
  );
}

export function checkUpdateAccelerator(i: T.UpdateAcceleratorInput, s: ValidationSettings): Check {
  return first(
    when(i.name, (n) => checkName('acceleratorUpdate', n, s.nameStrictness)),
    when(i.description, (d) => checkDescription(d)),
    when(i.spec, checkSpec),
  );
}

export function checkCreateBandwidthPackage(i: T.CreateBandwidthPackageInput): Check {
  return first(
    () => checkPlanBandwidth(i.bandwidth as number),
    () =>
      i.type === 'Basic' && !(BANDWIDTH_TYPES as readonly string[]).includes(i.bandwidthType ?? '')
        ? `A basic bandwidth plan needs a bandwidth type: ${BANDWIDTH_TYPES.join(', ')}.`
        : undefined,
    () => checkPrepayTerm(i.chargeType, i.pricingCycle, i.duration),
    when(i.autoRenewDuration, checkAutoRenewDuration),
    when(i.tag, (t) => checkTags(t)),
  );
}

/** `live` is what ListAvailableAccelerateAreas reported, when the request asks for IPv6. */
export function checkCreateIpSets(i: T.CreateIpSetsInput, live?: readonly LiveRegionFlags[]): Check {
  const regions = i.accelerateRegion ?? [];
  if (regions.length === 0) return 'Choose at least one acceleration region.';
  for (const r of regions) {
    if (!r.accelerateRegionId) return 'Each acceleration area needs a region id, e.g. cn-beijing.';
    const m = first(
      when(r.bandwidth, checkIpSetBandwidth),
      () => (r.ipVersion === 'IPv6' ? checkIpv6Region(r.accelerateRegionId as string, live) : undefined),
    );
    if (m) return m;
  }
  return undefined;
}

export function wantsIpv6(i: T.CreateIpSetsInput): boolean {
  return (i.accelerateRegion ?? []).some((r) => r.ipVersion === 'IPv6');
}

function portRangesOf(ranges: { fromPort?: number; toPort?: number }[] | undefined): PortRange[] {
  return (ranges ?? []).map((r) => ({ fromPort: r.fromPort as number, toPort: r.toPort as number }));
}

export interface ListenerChecks {
  name?: string;
  description?: string;
  protocol?: string;
  portRanges?: { fromPort?: number; toPort?: number }[];
  clientAffinity?: string;
  idleTimeout?: number;
  requestTimeout?: number;
}

/** `others` are the accelerator's other listeners, for port conflicts. */
export function checkListener(i: ListenerChecks, s: ValidationSettings, others: { listenerId?: string; name?: string; portRanges?: { fromPort?: number; toPort?: number }[] }[] = [], fallbackProtocol?: string): Check {
  const protocol = normalizeProtocol(i.protocol ?? fallbackProtocol);
  if (!protocol) return `Protocol "${i.protocol}" is not one of TCP, UDP, HTTP, HTTPS.`;
  return first(
    when(i.name, (n) => checkName('listener', n, s.nameStrictness)),
    when(i.description, (d) => checkDescription(d)),
    when(i.portRanges, (p) => checkPortRanges(portRangesOf(p), protocol)),
    when(i.portRanges, (p) => findPortConflict(portRangesOf(p), others.map((o) => ({ id: o.listenerId, name: o.name, portRanges: portRangesOf(o.portRanges) })))),
    when(i.clientAffinity, (a) => ((CLIENT_AFFINITIES as readonly string[]).includes(a) ? undefined : `Client affinity must be one of ${CLIENT_AFFINITIES.join(', ')}.`)),
    when(i.idleTimeout, (t) => checkIdleTimeout(t, protocol)),
    when(i.requestTimeout, (t) => checkRequestTimeout(t, protocol)),
  );
}

export interface EndpointGroupChecks {
  name?: string;
  description?: string;
  endpointConfigurations?: { type?: string; endpoint?: string; weight?: number }[];
  trafficPercentage?: number;
  healthCheckIntervalSeconds?: number;
  thresholdCount?: number;
  portOverrides?: unknown[];
}

export function checkEndpointGroup(i: EndpointGroupChecks, s: ValidationSettings): Check {
  const endpoints = i.endpointConfigurations ?? [];
  return first(
    when(i.name, (n) => checkName('endpointGroup', n, s.nameStrictness)),
    when(i.description, (d) => checkDescription(d)),
    () => (endpoints.length > MAX_ENDPOINTS_PER_GROUP ? `An endpoint group holds at most ${MAX_ENDPOINTS_PER_GROUP} endpoints (this one has ${endpoints.length}).` : undefined),
    ...endpoints.map((e) => () => checkEndpoint({ type: e.type ?? '', endpoint: e.endpoint ?? '', weight: e.weight as number }, { allowNonPublic: s.allowNonPublicEndpoints })),
    when(i.trafficPercentage, checkTrafficPercentage),
    when(i.healthCheckIntervalSeconds, checkHealthCheckInterval),
    when(i.thresholdCount, checkThresholdCount),
    () => ((i.portOverrides?.length ?? 0) > MAX_PORT_OVERRIDES ? `At most ${MAX_PORT_OVERRIDES} port overrides per endpoint group.` : undefined),
  );
}
