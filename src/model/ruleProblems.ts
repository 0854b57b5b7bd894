// The rules of rules.ts, dnsRules.ts and regions.ts as Problems: each with its stable code (ruleCodes.ts), its
// message and, where one is obvious, the fix. The workflow steps (form fields) and the ga.yaml checks (file keys)
// both call these with their own path, so a rule reads the same wherever it is reported. Pure.
import { checkRecordValue, checkRR, checkTtl, MAX_TTL } from './dnsRules';
import { childPath, type Problem } from './problems';
import { checkIpv6Region, ipv6Regions, isKnownRegion, nearestIpv6Region, regionName, type LiveRegionFlags } from './regions';
import { maybe, problem, type RuleId } from './ruleCodes';
import {
  checkAreaBandwidthFits,
  checkAreaCount,
  checkIpSetBandwidth,
  checkName,
  checkPlanBandwidth,
  checkSpec,
  checkSubscriptionTerm,
  checkWeight,
  bandwidthTypeWarning,
  findIpEndpointProblem,
  findLargeRangeConflict,
  findPortConflict,
  isInteger,
  MAX_ENDPOINTS_PER_GROUP,
  MAX_LISTENER_PORT,
  MAX_PLAN_BANDWIDTH,
  MAX_WEIGHT,
  MIN_IPSET_BANDWIDTH,
  MIN_LISTENER_PORT,
  MIN_PLAN_BANDWIDTH,
  MIN_WEIGHT,
  portRangeFindings,
  UDP_RESERVED_PORTS,
  weightWarning,
  type ListenerProtocol,
  type PortRange,
  type PortRangeRule,
} from './rules';
import { SPECS, specInfo } from './specs';

type Path = string;

const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, Math.round(n)));

// ---- names ---------------------------------------------------------------------------------------------------

const NAME_RULE: Record<'accelerator' | 'listener' | 'endpointGroup', RuleId> = {
  accelerator: 'acceleratorName',
  listener: 'listenerName',
  endpointGroup: 'endpointGroupName',
};

/** The console's (the seed's) name rule: 2–128 characters, a letter first, then letters, digits, `_`, `-`. */
export function nameProblems(kind: 'accelerator' | 'listener' | 'endpointGroup', value: string, path: Path): Problem[] {
  return maybe(NAME_RULE[kind], path, checkName(kind, value));
}

// ---- the instance and its billing ------------------------------------------------------------------------------

export function specProblems(spec: string, path: Path): Problem[] {
  const unknown = checkSpec(spec);
  if (unknown) return [problem('spec', path, unknown)];
  const info = specInfo(spec);
  if (info?.whitelistOnly) {
    return [problem('specWhitelist', path, `${info.name} (spec ${spec}) can be bought only after Alibaba Cloud has added the account to the specification's whitelist; specifications up to ${SPECS.filter((s) => !s.whitelistOnly).at(-1)?.name} need no request.`)];
  }
  return [];
}

/** A subscription's term: cycle Month (1–9) or Year (1–3). */
export function termProblems(cycle: string | undefined, duration: number | undefined, paths: { cycle: Path; duration: Path }): Problem[] {
  const message = checkSubscriptionTerm(cycle, duration);
  if (!message) return [];
  if (cycle !== 'Month' && cycle !== 'Year') return [problem('term', paths.cycle, message, { kind: 'setValue', title: 'Use Month', value: 'Month' })];
  const max = cycle === 'Month' ? 9 : 3;
  const fix = typeof duration === 'number' && Number.isFinite(duration) ? { kind: 'setValue' as const, title: `Use ${clamp(duration, 1, max)}`, value: clamp(duration, 1, max) } : undefined;
  return [problem('term', paths.duration, message, fix)];
}

export function planBandwidthProblems(value: number, path: Path): Problem[] {
  const message = checkPlanBandwidth(value);
  if (!message) return [];
  const to = clamp(value, MIN_PLAN_BANDWIDTH, MAX_PLAN_BANDWIDTH);
  return [problem('planBandwidth', path, message, Number.isFinite(value) ? { kind: 'setValue', title: `Use ${to} Mbit/s`, value: to } : undefined)];
}

/** A Basic plan serves Alibaba Cloud backends only: a warning (with Enhanced as the fix) for other backends. */
export function basicBandwidthProblems(bandwidthType: string, backendOnAlibabaCloud: boolean, path: Path): Problem[] {
  return maybe('basicBandwidthType', path, bandwidthTypeWarning(bandwidthType, backendOnAlibabaCloud), { kind: 'setValue', title: 'Use Enhanced', value: 'Enhanced' });
}

// ---- acceleration areas ----------------------------------------------------------------------------------------

/**
 * Whether an acceleration area may be added in `regionId` for `ipVersion`. With the live list
 * (ListAvailableAccelerateAreas) a region it does not offer is an error; without it, a region we do not know
 * is a warning (the list in this extension may be older than the account's).
 */
export function areaRegionProblems(regionId: string, ipVersion: string | undefined, live: readonly LiveRegionFlags[] | undefined, path: Path): Problem[] {
  const hasLive = live !== undefined && live.length > 0;
  if (hasLive && !live.some((r) => r.regionId === regionId)) {
    const offered = live.map((r) => r.regionId).join(', ');
    return [problem('ipv6Region', path, `${regionId} is not an acceleration region this account can use (ListAvailableAccelerateAreas offers ${offered}).`, regionFix(regionId, live))];
  }
  if (!hasLive && !isKnownRegion(regionId)) {
    return [problem('unknownRegion', path, `${regionId} is not a region this extension knows (${ipv6Regions().join(', ')} accept IPv6 clients); check the spelling, or select a profile so the account's own list is used.`, regionFix(regionId, live))];
  }
  if (ipVersion === 'IPv6' || ipVersion === 'DUAL_STACK') return maybe('ipv6Region', path, checkIpv6Region(regionId, live), regionFix(regionId, live));
  return [];
}

function regionFix(regionId: string, live: readonly LiveRegionFlags[] | undefined) {
  const to = nearestIpv6Region(regionId, live);
  return to ? { kind: 'setValue' as const, title: `Use ${regionName(to, live)} (${to})`, value: to } : undefined;
}

/** A region of backends (an endpoint group's): only a warning when we do not know it. */
export function backendRegionProblems(regionId: string, live: readonly LiveRegionFlags[] | undefined, path: Path): Problem[] {
  if (isKnownRegion(regionId) || live?.some((r) => r.regionId === regionId)) return [];
  return [problem('unknownRegion', path, `${regionId} is not a region this extension knows; check the spelling of the region where the backend service runs (e.g. cn-beijing).`)];
}

export function areaBandwidthProblems(bandwidth: number, path: Path): Problem[] {
  const message = checkIpSetBandwidth(bandwidth);
  if (!message) return [];
  const to = Number.isFinite(bandwidth) ? Math.max(MIN_IPSET_BANDWIDTH, Math.round(bandwidth)) : MIN_IPSET_BANDWIDTH;
  return [problem('areaBandwidth', path, message, { kind: 'setValue', title: `Use ${to} Mbit/s`, value: to })];
}

/**
 * The line (ISP type) of an area: only an instance billed by data transfer (no bandwidth plan) chooses one, and
 * only among the lines the account's list offers in that region (ListAvailableAccelerateAreas IspTypeList).
 */
export function areaIspTypeProblems(ispType: string, regionId: string, opts: { hasPlan: boolean; live?: readonly LiveRegionFlags[] }, path: Path): Problem[] {
  if (opts.hasPlan) {
    return [problem('ispType', path, 'ispType is for pay-by-data-transfer instances (billing: payAsYouGo without a bandwidth plan); an instance with a plan uses the plan\'s line.', { kind: 'removeKey', title: 'Remove ispType' })];
  }
  const offered = opts.live?.find((r) => r.regionId === regionId)?.ispTypes;
  if (offered && offered.length > 0 && !offered.includes(ispType)) {
    return [problem('ispType', path, `${regionId} offers ${offered.join(' and ')} lines to this account, not ${ispType}.`, { kind: 'setValue', title: `Use ${offered[0]}`, value: offered[0] })];
  }
  return [];
}

/** The areas' bandwidths together must fit in the bandwidth plan. */
export function areaBandwidthSumProblems(bandwidths: readonly number[], planBandwidth: number, path: Path): Problem[] {
  return maybe('areaBandwidthSum', path, checkAreaBandwidthFits(bandwidths, planBandwidth));
}

/** How many areas the specification accelerates; the fix is the smallest specification that fits. */
export function areaCountProblems(spec: string, areas: number, path: Path): Problem[] {
  const message = checkAreaCount(spec, areas);
  if (!message) return [];
  const fits = SPECS.find((s) => s.regions !== undefined && s.regions >= areas);
  return [problem('areaCount', path, message, fits ? { kind: 'setValue', title: `Use ${fits.name} (spec ${fits.spec})`, value: fits.spec } : undefined)];
}

// ---- listeners and ports ---------------------------------------------------------------------------------------

const PORT_RULE: Record<PortRangeRule, RuleId> = {
  empty: 'portRange',
  outOfRange: 'portRange',
  backwards: 'portRange',
  reserved: 'reservedPort',
  udpReserved: 'reservedPort',
  onePortOnly: 'protocolPorts',
  largeRangeAlone: 'protocolPorts',
  overlap: 'portOverlap',
};

/** The nearest port a listener may use instead of `port` (for the protocol). */
export function nearestValidPort(port: number, protocol: ListenerProtocol): number {
  const p = clamp(port, MIN_LISTENER_PORT, MAX_LISTENER_PORT);
  if (protocol === 'UDP') {
    for (let d = 0; d < 10; d++) {
      for (const c of [p - d, p + d]) if (c >= MIN_LISTENER_PORT && c <= MAX_LISTENER_PORT && !UDP_RESERVED_PORTS.includes(c)) return c;
    }
  }
  return p;
}

/**
 * Port rules of one listener. `entryPath(i)` is where the i-th range sits (`ports[0]` in the file, `portRanges[0]` in
 * a form); a single port out of range or reserved gets the nearest valid port as its fix.
 */
export function portRangeProblems(ranges: readonly PortRange[], protocol: ListenerProtocol, path: Path, entryPath: (index: number) => Path = (i) => childPath(path, i)): Problem[] {
  return portRangeFindings(ranges, protocol).map((f) => {
    const at = f.index === undefined ? path : entryPath(f.index);
    const r = f.index === undefined ? undefined : ranges[f.index];
    const single = r !== undefined && r.fromPort === r.toPort && isInteger(r.fromPort);
    const fix = single && (f.rule === 'outOfRange' || f.rule === 'reserved' || f.rule === 'udpReserved')
      ? { kind: 'setValue' as const, title: `Use port ${nearestValidPort(r.fromPort, protocol)}`, value: nearestValidPort(r.fromPort, protocol) }
      : undefined;
    return problem(PORT_RULE[f.rule], at, f.message, fix);
  });
}

export interface OtherListener {
  name?: string;
  id?: string;
  protocol?: ListenerProtocol;
  portRanges: readonly PortRange[];
}

/** Ports another listener of the same accelerator already uses, and the one-large-range-per-protocol rule. */
export function listenerConflictProblems(
  ranges: readonly PortRange[],
  protocol: ListenerProtocol,
  others: readonly OtherListener[],
  path: Path,
  entryPath: (index: number) => Path = (i) => childPath(path, i),
): Problem[] {
  const out: Problem[] = [];
  ranges.forEach((r, i) => out.push(...maybe('portOverlap', entryPath(i), findPortConflict([r], others))));
  const large = others.filter((o): o is OtherListener & { protocol: ListenerProtocol } => o.protocol !== undefined);
  out.push(...maybe('largePortRange', path, findLargeRangeConflict({ protocol, portRanges: ranges }, large)));
  return out;
}

// ---- endpoints ---------------------------------------------------------------------------------------------------

export function weightProblems(weight: unknown, path: Path): Problem[] {
  const message = checkWeight(weight);
  if (message) {
    const to = typeof weight === 'number' && Number.isFinite(weight) ? clamp(weight, MIN_WEIGHT, MAX_WEIGHT) : undefined;
    return [problem('weight', path, message, to === undefined ? undefined : { kind: 'setValue', title: `Use ${to}`, value: to })];
  }
  return maybe('weightZero', path, weightWarning(weight as number));
}

/** A custom-IP endpoint: an IPv4 address, and a public one unless `allowNonPublic` (the local sandbox). */
export function endpointAddressProblems(address: string, allowNonPublic: boolean, path: Path): Problem[] {
  const bad = findIpEndpointProblem(address, { allowNonPublic });
  if (!bad) return [];
  return [problem(bad.rule === 'ipv4' ? 'endpointAddress' : 'publicEndpoint', path, bad.message)];
}

export function endpointCountProblems(count: number, path: Path): Problem[] {
  if (count === 0) return [problem('endpointCount', path, 'Add at least one endpoint: the public IPv4 address of your service.')];
  if (count > MAX_ENDPOINTS_PER_GROUP) return [problem('endpointCount', path, `An endpoint group holds at most ${MAX_ENDPOINTS_PER_GROUP} endpoints (this one has ${count}).`)];
  return [];
}

// ---- DNS records ---------------------------------------------------------------------------------------------------

export function dnsHostProblems(rr: string, path: Path): Problem[] {
  return maybe('dnsHost', path, checkRR(rr));
}

export function dnsTtlProblems(ttl: number, minTtl: number | undefined, path: Path): Problem[] {
  const message = checkTtl(ttl, minTtl);
  if (!message) return [];
  const to = Number.isFinite(ttl) ? clamp(ttl, minTtl ?? 600, MAX_TTL) : undefined;
  return [problem('dnsTtl', path, message, to === undefined ? undefined : { kind: 'setValue', title: `Use ${to} s`, value: to })];
}

export function dnsValueProblems(type: string, value: string, path: Path): Problem[] {
  return maybe('dnsValue', path, checkRecordValue(type, value));
}
