// Turns what a person typed (or what the resource tree hands over) into a plan: which name to resolve,
// which IPv6 addresses and ports to connect to, and how to speak to them.
import { isIP } from 'node:net';
import { isHostName } from '../model';
import { canonicalIpv6, isIpv4Mapped, isValidPort, splitHostPort } from './addresses';
import type { Scheme, StructuredTarget, TargetInput, TargetReport } from './types';

export interface TargetPlan {
  label: string;
  kind: TargetReport['kind'];
  scheme: Scheme;
  path: string;
  /** Name to resolve (AAAA, CNAME chain) and to send as Host / TLS server name. */
  hostName?: string;
  /** Addresses to connect to without resolving; empty: use what hostName resolves to. */
  addresses: string[];
  ports: number[];
  expected: { addresses: string[]; dnsName?: string };
  origin?: { address: string; port: number };
  backendHealth?: StructuredTarget['backendHealth'];
  /** Why the target cannot be probed at all. */
  error?: string;
}

export interface PlanDefaults {
  scheme: Scheme;
  path: string;
  expect?: { addresses?: string[]; dnsName?: string };
}

export function defaultPort(scheme: Scheme): number {
  return scheme === 'https' ? 443 : 80;
}

export function planTarget(input: TargetInput, defaults: PlanDefaults): TargetPlan {
  return typeof input === 'string' ? planString(input, defaults) : planStructured(input, defaults);
}

/** Why an address cannot be used for an IPv6 probe, or undefined. */
export function ipv6AddressProblem(address: string): string | undefined {
  if (isIP(address) === 4) {
    return `${address} is an IPv4 address; an IPv6 probe needs the accelerator's IPv6 address (or a name with an AAAA record).`;
  }
  if (isIP(address) !== 6) return `"${address}" is not an IPv6 address.`;
  if (isIpv4Mapped(address)) {
    return `${address} is an IPv4-mapped address: a connection to it travels over IPv4, so it cannot show IPv6 reachability.`;
  }
  return undefined;
}

function planString(raw: string, defaults: PlanDefaults): TargetPlan {
  const input = raw.trim();
  const base = { label: input, path: defaults.path, expected: expectedFrom(defaults.expect) };
  const invalid = (error: string): TargetPlan => ({ ...base, kind: 'address', scheme: defaults.scheme, addresses: [], ports: [], error });
  if (input === '') return invalid('The target is empty: give an IPv6 address, [address]:port, a URL or a host name.');

  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) {
    let url: URL;
    try {
      url = new URL(input);
    } catch {
      return invalid(`"${input}" is not a valid URL.`);
    }
    const scheme = url.protocol.slice(0, -1);
    if (scheme !== 'http' && scheme !== 'https') return invalid(`Only http:// and https:// URLs can be probed ("${url.protocol}" given).`);
    const port = url.port ? Number(url.port) : defaultPort(scheme);
    const path = `${url.pathname}${url.search}` || '/';
    const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
    if (isIP(host) !== 0) {
      const problem = ipv6AddressProblem(host);
      return problem
        ? { ...invalid(problem), kind: 'url', scheme }
        : { ...base, kind: 'url', scheme, path, addresses: [canonicalIpv6(host)], ports: [port] };
    }
    return { ...base, kind: 'url', scheme, path, hostName: host.toLowerCase(), addresses: [], ports: [port] };
  }

  const parts = splitHostPort(input);
  if (!parts) return invalid(`"${input}" is neither an IPv6 address, [address]:port, a URL nor a host name.`);
  if (parts.port !== undefined && !isValidPort(parts.port)) return invalid(`Port ${parts.port} is out of range (1 to 65535).`);
  const port = parts.port ?? defaultPort(defaults.scheme);
  if (isIP(parts.host) !== 0) {
    const problem = ipv6AddressProblem(parts.host);
    return problem ? invalid(problem) : { ...base, kind: 'address', scheme: defaults.scheme, addresses: [canonicalIpv6(parts.host)], ports: [port] };
  }
  if (!isHostName(parts.host)) return invalid(`"${parts.host}" is not a valid host name.`);
  return { ...base, kind: 'host', scheme: defaults.scheme, hostName: parts.host.toLowerCase(), addresses: [], ports: [port] };
}

function planStructured(t: StructuredTarget, defaults: PlanDefaults): TargetPlan {
  const scheme = t.scheme ?? defaults.scheme;
  const label = t.label ?? t.hostName ?? t.ipv6Addresses.join(', ');
  const problems = [
    ...t.ipv6Addresses.map(ipv6AddressProblem),
    ...t.ports.map((p) => (isValidPort(p) ? undefined : `Port ${p} is out of range (1 to 65535).`)),
    t.hostName !== undefined && !isHostName(t.hostName) ? `"${t.hostName}" is not a valid host name.` : undefined,
    t.ports.length === 0 ? 'The target has no ports: the accelerator needs a listener before it can be probed.' : undefined,
    t.ipv6Addresses.length === 0 && t.hostName === undefined
      ? 'The target has no IPv6 address and no name: add an IPv6 acceleration area (or a DNS record) first.'
      : undefined,
  ].filter((p): p is string => p !== undefined);
  const expectedAddresses = t.expectedAddresses ?? t.ipv6Addresses;
  const plan: TargetPlan = {
    label,
    kind: t.kind,
    scheme,
    path: t.path ?? defaults.path,
    hostName: t.hostName?.toLowerCase(),
    addresses: problems.length ? [] : t.ipv6Addresses.map(canonicalIpv6),
    ports: [...new Set(t.ports)],
    expected: { addresses: expectedAddresses.filter((a) => isIP(a) === 6).map(canonicalIpv6), dnsName: t.dnsName },
    ...(t.backendHealth?.length ? { backendHealth: t.backendHealth.map((h) => ({ ...h })) } : {}),
    error: problems[0],
  };
  if (t.origin) {
    if (isIP(t.origin.address) !== 4) plan.error ??= `The origin ${t.origin.address} must be an IPv4 address.`;
    else plan.origin = { address: t.origin.address, port: t.origin.port ?? plan.ports[0] ?? defaultPort(scheme) };
  }
  return plan;
}

function expectedFrom(expect: PlanDefaults['expect']): TargetPlan['expected'] {
  return { addresses: (expect?.addresses ?? []).filter((a) => isIP(a) === 6).map(canonicalIpv6), dnsName: expect?.dnsName };
}

/** The Host header as curl would send it: the name (or bracketed address) plus a non-default port. */
export function hostHeader(plan: Pick<TargetPlan, 'hostName' | 'scheme'>, address: string, port: number): string {
  const host = plan.hostName ?? (isIP(address) === 6 ? `[${address}]` : address);
  return port === defaultPort(plan.scheme) ? host : `${host}:${port}`;
}
