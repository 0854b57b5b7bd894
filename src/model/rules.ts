// The seed's and the API's rules for GA resources, written once. Pure: no I/O. Each check returns a message a
// person can act on, or undefined when the value is fine. Forms, ga.yaml, the client and the emulator use these.
import { SPECS, specInfo } from './specs';

export type Check = string | undefined;

/** Where a name rule comes from: the console's (the seed's) or the API's looser one. */
export type NameStrictness = 'seed' | 'api';
/** `acceleratorUpdate`: an instance's new name in UpdateAccelerator, which the API allows more characters than on create. */
export type NamedKind = 'accelerator' | 'acceleratorUpdate' | 'listener' | 'endpointGroup' | 'bandwidthPackage';

const KIND_LABEL: Record<NamedKind, string> = {
  accelerator: 'Instance name',
  acceleratorUpdate: 'Instance name',
  listener: 'Listener name',
  endpointGroup: 'Endpoint group name',
  bandwidthPackage: 'Bandwidth plan name',
};

/**
 * Seed: 2–128 characters, starts with a letter, letters, digits, `_` and `-`.
 * API (ga-api.md §6.2): 1–128, starts with a letter (or a Chinese character for listeners, endpoint groups
 * and updates), letters, digits, `.`, `_`, `-` (CreateAccelerator: no `.`).
 */
export function checkName(kind: NamedKind, value: string, strictness: NameStrictness = 'seed'): Check {
  const label = KIND_LABEL[kind];
  const min = strictness === 'seed' ? 2 : 1;
  if (value.length < min || value.length > 128) {
    return `${label} must be ${min} to 128 characters long (it has ${value.length}).`;
  }
  const chinese = '\\u4e00-\\u9fa5';
  // Only CreateAccelerator keeps the narrow set; the console (seed) rule is narrow for every kind.
  const wide = strictness === 'api' && kind !== 'accelerator';
  const first = wide ? `[A-Za-z${chinese}]` : '[A-Za-z]';
  if (!new RegExp(`^${first}`).test(value)) {
    return `${label} must start with a letter${wide ? ' or a Chinese character' : ''}; "${value.charAt(0)}" is not one.`;
  }
  const rest = new RegExp(`^[A-Za-z0-9_\\-${wide ? `.${chinese}` : ''}]*$`);
  if (!rest.test(value)) {
    const bad = [...value].find((c) => !rest.test(c)) ?? '';
    return `${label} may contain only letters, digits, underscores (_) and hyphens (-)${wide ? ', dots (.) and Chinese characters' : ''}; "${bad}" is not allowed.`;
  }
  return undefined;
}

export function checkDescription(value: string, what = 'Description'): Check {
  if (value.length > 200) return `${what} must be at most 200 characters (it has ${value.length}).`;
  if (/^https?:\/\//i.test(value)) return `${what} must not start with http:// or https://.`;
  return undefined;
}

export function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

// ---- listeners ----------------------------------------------------------------------------------------------

export type ListenerProtocol = 'TCP' | 'UDP' | 'HTTP' | 'HTTPS';
export const LISTENER_PROTOCOLS: readonly ListenerProtocol[] = ['TCP', 'UDP', 'HTTP', 'HTTPS'];
export const MIN_LISTENER_PORT = 1;
export const MAX_LISTENER_PORT = 65499;
export const UDP_RESERVED_PORTS: readonly number[] = [250, 4789, 4790];

/** Requests take tcp/udp/http/https in either case; responses use upper case. */
export function normalizeProtocol(value: string | undefined): ListenerProtocol | undefined {
  const up = (value ?? 'TCP').toUpperCase();
  return (LISTENER_PROTOCOLS as readonly string[]).includes(up) ? (up as ListenerProtocol) : undefined;
}

export interface PortRange {
  fromPort: number;
  toPort: number;
}

export function isReservedPort(port: number): boolean {
  return port >= 65500 && port <= 65535;
}

export function checkPort(port: unknown, what = 'Port'): Check {
  if (!isInteger(port)) return `${what} must be a whole number from ${MIN_LISTENER_PORT} to ${MAX_LISTENER_PORT}.`;
  if (isReservedPort(port)) return `${what} ${port} is reserved by GA (65500–65535); use ${MIN_LISTENER_PORT}–${MAX_LISTENER_PORT}.`;
  if (port < MIN_LISTENER_PORT || port > MAX_LISTENER_PORT) return `${what} ${port} is out of range: valid values are ${MIN_LISTENER_PORT} to ${MAX_LISTENER_PORT}.`;
  return undefined;
}

export function portCount(ranges: readonly PortRange[]): number {
  return ranges.reduce((n, r) => n + (r.toPort - r.fromPort + 1), 0);
}

/** Which port rule a listener breaks: the API answers each with its own error code (ga-api.md §5.2). */
export type PortRangeRule = 'empty' | 'outOfRange' | 'reserved' | 'backwards' | 'udpReserved' | 'onePortOnly' | 'largeRangeAlone' | 'overlap';

export interface PortRangeProblem {
  rule: PortRangeRule;
  message: string;
}

/** Which range (by index in the list) a port rule is about; undefined for the listener's ports as a whole. */
export interface PortRangeFinding extends PortRangeProblem {
  index?: number;
}

/**
 * Every port rule of one listener that the ranges break, in the order a person should fix them: per range
 * (ports, order, UDP's reserved ports), then the listener's ranges together (protocol, size, overlap).
 */
export function portRangeFindings(ranges: readonly PortRange[], protocol: ListenerProtocol): PortRangeFinding[] {
  if (ranges.length === 0) return [{ rule: 'empty', message: 'A listener needs at least one port.' }];
  const out: PortRangeFinding[] = [];
  ranges.forEach((r, index) => {
    const ends = r.fromPort === r.toPort ? ([[r.fromPort, 'Port']] as const) : ([[r.fromPort, 'From port'], [r.toPort, 'To port']] as const);
    for (const [port, what] of ends) {
      const bad = checkPort(port, what);
      if (bad) {
        out.push({ index, rule: isInteger(port) && isReservedPort(port) ? 'reserved' : 'outOfRange', message: bad });
        return;
      }
    }
    if (r.fromPort > r.toPort) {
      out.push({ index, rule: 'backwards', message: `Port range ${r.fromPort}-${r.toPort} is backwards: the first port must not be greater than the last.` });
      return;
    }
    if (protocol === 'UDP') {
      const reserved = UDP_RESERVED_PORTS.find((p) => p >= r.fromPort && p <= r.toPort);
      if (reserved !== undefined) out.push({ index, rule: 'udpReserved', message: `UDP port ${reserved} is reserved by GA (250, 4789 and 4790 cannot be used for UDP listeners).` });
    }
  });
  if (out.length > 0) return out;
  if ((protocol === 'HTTP' || protocol === 'HTTPS') && (ranges.length !== 1 || ranges[0].fromPort !== ranges[0].toPort)) {
    const index = ranges[0].fromPort !== ranges[0].toPort ? 0 : 1;
    out.push({ index, rule: 'onePortOnly', message: `${protocol} listeners take exactly one port (not a range).` });
  }
  if (ranges.some(isLargeRange) && ranges.length > 1) {
    out.push({ index: ranges.findIndex(isLargeRange), rule: 'largeRangeAlone', message: 'A listener with a range of more than 300 ports may have only that one range.' });
  }
  for (let i = 0; i < ranges.length; i++) {
    const j = ranges.findIndex((other, k) => k < i && rangesOverlap(other, ranges[i]));
    if (j >= 0) out.push({ index: i, rule: 'overlap', message: `Port ranges ${fmt(ranges[j])} and ${fmt(ranges[i])} overlap.` });
  }
  return out;
}

/** The first port rule of one listener that the ranges break, with which rule it is. */
export function findPortRangeProblem(ranges: readonly PortRange[], protocol: ListenerProtocol): PortRangeProblem | undefined {
  const first = portRangeFindings(ranges, protocol)[0];
  return first ? { rule: first.rule, message: first.message } : undefined;
}

/** All port rules of one listener; returns the first problem. */
export function checkPortRanges(ranges: readonly PortRange[], protocol: ListenerProtocol): Check {
  return findPortRangeProblem(ranges, protocol)?.message;
}

/** A range of more than 300 ports: such a range must be alone on its listener and alone per protocol per instance. */
export function isLargeRange(r: PortRange): boolean {
  return r.toPort - r.fromPort + 1 > 300;
}

/** Only one listener per protocol with a range of more than 300 ports per instance (PortRangeIllegal.ExceedGaAbility). */
export function findLargeRangeConflict(
  candidate: { protocol: ListenerProtocol; portRanges: readonly PortRange[] },
  others: readonly { name?: string; id?: string; protocol: ListenerProtocol; portRanges: readonly PortRange[] }[],
): Check {
  if (!candidate.portRanges.some(isLargeRange)) return undefined;
  const other = others.find((o) => o.protocol === candidate.protocol && o.portRanges.some(isLargeRange));
  if (!other) return undefined;
  return `Listener ${other.name || other.id || ''} already has a ${candidate.protocol} range of more than 300 ports (${formatPortRanges(other.portRanges)}); an instance may have only one such listener per protocol.`;
}

export function rangesOverlap(a: PortRange, b: PortRange): boolean {
  return a.fromPort <= b.toPort && b.fromPort <= a.toPort;
}

function fmt(r: PortRange): string {
  return r.fromPort === r.toPort ? String(r.fromPort) : `${r.fromPort}-${r.toPort}`;
}

export function formatPortRanges(ranges: readonly PortRange[]): string {
  return ranges.map(fmt).join(',');
}

/** Listeners of one accelerator must not share a port (the API's PortConflict.Listener). */
export function findPortConflict(
  candidate: readonly PortRange[],
  others: readonly { name?: string; id?: string; portRanges: readonly PortRange[] }[],
): Check {
  for (const o of others) {
    for (const a of candidate) {
      for (const b of o.portRanges) {
        if (rangesOverlap(a, b)) {
          return `Port ${fmt(a)} is already used by listener ${o.name ?? o.id ?? ''} (${formatPortRanges(o.portRanges)}); each port can belong to one listener only.`;
        }
      }
    }
  }
  return undefined;
}

export type ClientAffinity = 'NONE' | 'SOURCE_IP';
export const CLIENT_AFFINITIES: readonly ClientAffinity[] = ['NONE', 'SOURCE_IP'];

export const IDLE_TIMEOUT: Record<ListenerProtocol, { min: number; max: number; default: number }> = {
  TCP: { min: 10, max: 900, default: 900 },
  UDP: { min: 10, max: 20, default: 20 },
  HTTP: { min: 1, max: 60, default: 15 },
  HTTPS: { min: 1, max: 60, default: 15 },
};

export function checkIdleTimeout(value: number, protocol: ListenerProtocol): Check {
  const r = IDLE_TIMEOUT[protocol];
  if (!isInteger(value) || value < r.min || value > r.max) return `Idle timeout for ${protocol} listeners must be ${r.min} to ${r.max} seconds.`;
  return undefined;
}

export function checkRequestTimeout(value: number, protocol: ListenerProtocol): Check {
  if (protocol !== 'HTTP' && protocol !== 'HTTPS') return 'Request timeout applies to HTTP and HTTPS listeners only.';
  if (!isInteger(value) || value < 1 || value > 180) return 'Request timeout must be 1 to 180 seconds.';
  return undefined;
}

// ---- endpoints ----------------------------------------------------------------------------------------------

export const MIN_WEIGHT = 0;
export const MAX_WEIGHT = 255;
export const MAX_ENDPOINTS_PER_GROUP = 100;
export const MAX_PORT_OVERRIDES = 5;
export const ENDPOINT_TYPES = ['Domain', 'Ip', 'IpTarget', 'PublicIp', 'ECS', 'SLB', 'ALB', 'OSS', 'ENI', 'NLB'] as const;
export type EndpointType = (typeof ENDPOINT_TYPES)[number];

/** How the console names each endpoint type (its "Backend Service Type"); the API's words are terse. */
export const ENDPOINT_TYPE_NAMES: Readonly<Record<EndpointType, string>> = {
  Ip: 'Custom IP',
  Domain: 'Domain',
  IpTarget: 'Custom private IP',
  PublicIp: 'Alibaba Cloud public IP',
  ECS: 'ECS instance',
  SLB: 'CLB (SLB) instance',
  ALB: 'ALB instance',
  OSS: 'OSS bucket',
  ENI: 'Elastic network interface',
  NLB: 'NLB instance',
};

/** The friendly name of an endpoint type; an unknown type as the API spells it. */
export function endpointTypeName(type: string | undefined): string | undefined {
  if (type === undefined) return undefined;
  return Object.hasOwn(ENDPOINT_TYPE_NAMES, type) ? ENDPOINT_TYPE_NAMES[type as EndpointType] : type;
}

export function checkWeight(value: unknown): Check {
  if (!isInteger(value) || value < MIN_WEIGHT || value > MAX_WEIGHT) return `Weight must be a whole number from ${MIN_WEIGHT} to ${MAX_WEIGHT}.`;
  return undefined;
}

/** A weight of 0 is legal but stops traffic to the endpoint: worth a warning, not an error. */
export function weightWarning(value: number): Check {
  return value === 0 ? 'Weight 0 stops GA from sending any traffic to this endpoint.' : undefined;
}

export function parseIpv4(value: string): number[] | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(value.trim());
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255) || m.slice(1).some((p) => p.length > 1 && p.startsWith('0'))) return undefined;
  return parts;
}

export function isIpv4(value: string): boolean {
  return parseIpv4(value) !== undefined;
}

/** Addresses that are not reachable on the public Internet (RFC 1918, loopback, link-local, CGNAT, …). */
export function ipv4NonPublicReason(value: string): string | undefined {
  const p = parseIpv4(value);
  if (!p) return 'not an IPv4 address';
  const [a, b] = p;
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'a private address';
  if (a === 127) return 'a loopback address';
  if (a === 169 && b === 254) return 'a link-local address';
  if (a === 100 && b >= 64 && b <= 127) return 'a carrier-grade NAT address';
  if (a === 0 || a >= 224) return 'not a unicast address';
  return undefined;
}

/**
 * RFC 5737 documentation ranges: nothing answers there (the seed's backend 203.0.113.10 is one), so the
 * sandbox neither forwards to nor health-checks them.
 */
export function isDocumentationIpv4(value: string): boolean {
  const p = parseIpv4(value);
  return p !== undefined && ((p[0] === 192 && p[1] === 0 && p[2] === 2) || (p[0] === 198 && p[1] === 51 && p[2] === 100) || (p[0] === 203 && p[1] === 0 && p[2] === 113));
}

export interface EndpointInput {
  type: string;
  endpoint: string;
  weight: number;
}

/** What is wrong with a custom-IP endpoint's address: not IPv4 at all, or not public (unless loopback is allowed). */
export function findIpEndpointProblem(address: string, opts: { allowNonPublic?: boolean } = {}): { rule: 'ipv4' | 'public'; message: string } | undefined {
  if (!isIpv4(address)) return { rule: 'ipv4', message: `"${address}" is not an IPv4 address; a custom IP endpoint takes the IPv4 address of the backend service, e.g. 203.0.113.10.` };
  const reason = ipv4NonPublicReason(address);
  if (reason && !opts.allowNonPublic) return { rule: 'public', message: `${address} is ${reason}; GA reaches custom IP endpoints over the Internet, so use the service's public IPv4 address.` };
  return undefined;
}

/** A custom-IP endpoint (the seed's "Custom IP Address") must be a public IPv4 address unless loopback is allowed (the local sandbox). */
export function checkEndpoint(e: EndpointInput, opts: { allowNonPublic?: boolean } = {}): Check {
  if (!(ENDPOINT_TYPES as readonly string[]).includes(e.type)) return `Endpoint type "${e.type}" is not one of ${ENDPOINT_TYPES.join(', ')}.`;
  const w = checkWeight(e.weight);
  if (w) return w;
  if (!e.endpoint) return 'Endpoint address is required.';
  if (e.type === 'Ip') {
    const bad = findIpEndpointProblem(e.endpoint, opts);
    if (bad) return bad.message;
  }
  if (e.type === 'Domain' && !isHostName(e.endpoint)) return `"${e.endpoint}" is not a valid domain name.`;
  return undefined;
}

export function checkTrafficPercentage(value: number): Check {
  if (!isInteger(value) || value < 1 || value > 100) return 'Traffic percentage must be 1 to 100.';
  return undefined;
}

export function checkHealthCheckInterval(value: number): Check {
  if (!isInteger(value) || value < 1 || value > 50) return 'Health check interval must be 1 to 50 seconds.';
  return undefined;
}

export function checkThresholdCount(value: number): Check {
  if (!isInteger(value) || value < 2 || value > 10) return 'Health check threshold must be 2 to 10.';
  return undefined;
}

// ---- bandwidth, instances, billing --------------------------------------------------------------------------

export const MIN_IPSET_BANDWIDTH = 2;
export const MIN_PLAN_BANDWIDTH = 2;
export const MAX_PLAN_BANDWIDTH = 2000;
export const BANDWIDTH_TYPES = ['Basic', 'Enhanced', 'Advanced'] as const;

export function checkPlanBandwidth(value: number): Check {
  if (!isInteger(value) || value < MIN_PLAN_BANDWIDTH || value > MAX_PLAN_BANDWIDTH) {
    return `Bandwidth plan peak must be ${MIN_PLAN_BANDWIDTH} to ${MAX_PLAN_BANDWIDTH} Mbit/s.`;
  }
  return undefined;
}

export function checkIpSetBandwidth(value: number): Check {
  if (!isInteger(value) || value < MIN_IPSET_BANDWIDTH) return `Each acceleration area needs at least ${MIN_IPSET_BANDWIDTH} Mbit/s, in whole Mbit/s.`;
  return undefined;
}

/** The areas' bandwidth must fit in the basic bandwidth plan (GreaterThanGa.IpSetBandwidth). */
export function checkAreaBandwidthFits(areaBandwidths: readonly number[], planBandwidth: number | undefined): Check {
  if (planBandwidth === undefined) return 'Bind a basic bandwidth plan to the instance before adding acceleration areas.';
  const sum = areaBandwidths.reduce((a, b) => a + b, 0);
  if (sum > planBandwidth) {
    return `The acceleration areas would use ${sum} Mbit/s but the bandwidth plan has ${planBandwidth} Mbit/s; lower an area's bandwidth or upgrade the plan.`;
  }
  return undefined;
}

/** Some bandwidth types fit some backends (ga-api.md §2.6); Basic is for Alibaba Cloud backends only. */
export function bandwidthTypeWarning(bandwidthType: string, backendOnAlibabaCloud: boolean): Check {
  if (bandwidthType === 'Basic' && !backendOnAlibabaCloud) {
    return 'A Basic bandwidth plan serves backends on Alibaba Cloud only; for servers outside Alibaba Cloud (like the seed\'s data centre) choose Enhanced.';
  }
  return undefined;
}

export function checkSpec(spec: string): Check {
  const s = specInfo(spec);
  if (!s) return `Specification "${spec}" is not one of ${SPECS.map((x) => `${x.spec} (${x.name})`).join(', ')}.`;
  return undefined;
}

export function checkAreaCount(spec: string, areas: number): Check {
  const s = specInfo(spec);
  if (s?.regions !== undefined && areas > s.regions) {
    return `A ${s.name} instance accelerates at most ${s.regions} region${s.regions === 1 ? '' : 's'}; this setup has ${areas}. Choose a larger specification.`;
  }
  return undefined;
}

export type ChargeType = 'PREPAY' | 'POSTPAY';
export type PricingCycle = 'Month' | 'Year';
export type BandwidthBillingType = 'BandwidthPackage' | 'CDT';

/**
 * What an ordinary account can buy (ga-api.md §2.6, §2.32): pay-as-you-go bandwidth plans and PayBY95 are
 * whitelist-only, so a subscription instance comes with a subscription basic plan (the seed walk-through) and a
 * pay-as-you-go instance is billed by data transfer, which needs no plan. The product offers exactly these.
 */
export const OFFERED_PURCHASES: readonly { chargeType: ChargeType; bandwidthBillingType: BandwidthBillingType; label: string }[] = [
  { chargeType: 'PREPAY', bandwidthBillingType: 'BandwidthPackage', label: 'a subscription instance with a subscription basic bandwidth plan' },
  { chargeType: 'POSTPAY', bandwidthBillingType: 'CDT', label: 'a pay-as-you-go instance billed by data transfer (no bandwidth plan)' },
];

/** How an offered instance of this charge type is billed for bandwidth. */
export function offeredBillingType(chargeType: ChargeType): BandwidthBillingType {
  return chargeType === 'POSTPAY' ? 'CDT' : 'BandwidthPackage';
}

export function checkOfferedPurchase(chargeType: string | undefined, bandwidthBillingType?: string): Check {
  const offered = OFFERED_PURCHASES.find((o) => o.chargeType === (chargeType ?? 'PREPAY'));
  const choices = OFFERED_PURCHASES.map((o) => o.label).join(', or ');
  if (!offered) return `Choose subscription (PREPAY) or pay-as-you-go (POSTPAY); an account can buy ${choices}.`;
  if (bandwidthBillingType !== undefined && bandwidthBillingType !== offered.bandwidthBillingType) {
    return `An ordinary account can buy ${choices}; pay-as-you-go bandwidth plans are for allow-listed accounts only.`;
  }
  return undefined;
}

export function checkSubscriptionTerm(cycle: string | undefined, duration: number | undefined): Check {
  if (cycle !== 'Month' && cycle !== 'Year') return 'Choose a billing cycle: Month or Year.';
  const max = cycle === 'Month' ? 9 : 3;
  if (!isInteger(duration) || duration < 1 || duration > max) return `A subscription of ${cycle === 'Month' ? 'months' : 'years'} lasts 1 to ${max} ${cycle === 'Month' ? 'months' : 'years'}.`;
  return undefined;
}

export function checkAutoRenewDuration(value: number): Check {
  if (!isInteger(value) || value < 1 || value > 12) return 'Auto-renewal lasts 1 to 12 months.';
  return undefined;
}

// ---- tags ---------------------------------------------------------------------------------------------------

export function checkTags(tags: readonly { key?: string; value?: string }[]): Check {
  if (tags.length > 20) return `At most 20 tags (there are ${tags.length}).`;
  for (const t of tags) {
    const key = t.key ?? '';
    const value = t.value ?? '';
    if (key.length < 1 || key.length > 64) return 'A tag key must be 1 to 64 characters.';
    if (value.length > 128) return `Tag "${key}" has a value longer than 128 characters.`;
    for (const s of [key, value]) {
      if (/^(aliyun|acs:)/i.test(s)) return `Tag "${key}": keys and values must not start with "aliyun" or "acs:".`;
      if (/https?:\/\//i.test(s)) return `Tag "${key}": keys and values must not contain http:// or https://.`;
    }
  }
  return undefined;
}

// ---- shared ---------------------------------------------------------------------------------------------------

export function isHostName(value: string): boolean {
  const v = value.endsWith('.') ? value.slice(0, -1) : value;
  if (v.length < 1 || v.length > 253) return false;
  return v.split('.').every((label) => /^[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?$/.test(label));
}

export function isIpv6(value: string): boolean {
  // net.isIPv6 would do, but this module stays free of Node APIs so a webview can bundle it.
  const v = value.trim();
  if (!/^[0-9a-fA-F:.]+$/.test(v) || !v.includes(':')) return false;
  const dbl = v.split('::');
  if (dbl.length > 2) return false;
  const groups = (s: string) => (s === '' ? [] : s.split(':'));
  let parts = [...groups(dbl[0]), ...(dbl.length === 2 ? groups(dbl[1]) : [])];
  let needed = 8;
  const last = parts[parts.length - 1];
  if (last !== undefined && last.includes('.')) {
    if (!isIpv4(last)) return false;
    parts = parts.slice(0, -1);
    needed = 6;
  }
  if (!parts.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  return dbl.length === 2 ? parts.length < needed : parts.length === needed;
}

/** RFC 5952 form of an IPv6 address (`2408:4000:0:0::01` → `2408:4000::1`), so equal addresses compare equal. */
export function canonicalIpv6(value: string): string | undefined {
  const v = value.trim();
  if (!isIpv6(v)) return undefined;
  // The WHATWG URL parser (in Node and in webviews alike) serialises IPv6 hosts in RFC 5952 form.
  return new URL(`http://[${v}]/`).hostname.slice(1, -1);
}
