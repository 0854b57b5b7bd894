// What a profile may hold: its name, its AccessKey pair and the API endpoints it talks to. Pure, so the
// profile forms and the profile loaders share one set of rules. Messages never repeat a secret back.
import { Check, isHostName, isIpv6, parseIpv4 } from './rules';

export const MAX_PROFILE_NAME_LENGTH = 64;

export function checkProfileName(value: string): Check {
  if (value.trim() === '') return 'Profile name is required.';
  if (value !== value.trim()) return 'Profile name must not start or end with spaces.';
  if (value.length > MAX_PROFILE_NAME_LENGTH) return `Profile name must be at most ${MAX_PROFILE_NAME_LENGTH} characters.`;
  if (/[\u0000-\u001f\u007f]/.test(value)) return 'Profile name must not contain control characters.';
  return undefined;
}

/** RAM AccessKey ids look like LTAI…, STS ones like STS.…; only the character set is enforced. */
export function checkAccessKeyId(value: string): Check {
  if (value.trim() === '') return 'AccessKey ID is required (RAM console → AccessKey; it usually starts with LTAI).';
  if (/\s/.test(value)) return 'AccessKey ID must not contain spaces or line breaks; paste it again without them.';
  if (!/^[A-Za-z0-9.]+$/.test(value)) return 'AccessKey ID may contain only letters, digits and dots; check that you pasted the ID, not the secret.';
  if (value.length > 128) return 'AccessKey ID is too long (at most 128 characters); check that you pasted the ID, not the secret or a token.';
  return undefined;
}

/** `what` names the field ("AccessKey secret", "Security token"); the value itself never appears in the message. */
export function checkSecretValue(value: string, what = 'AccessKey secret'): Check {
  if (value.trim() === '') return `${what} is required.`;
  if (/\s/.test(value)) return `${what} must not contain spaces or line breaks; paste it again without them.`;
  return undefined;
}

// ---- API endpoints ------------------------------------------------------------------------------------------

export interface HostPort {
  /** Without brackets for IPv6 ("::1"). */
  host: string;
  port?: number;
}

/** "host", "host:port", "[v6]" or "[v6]:port"; undefined when the text is none of these. */
export function parseHostPort(value: string): HostPort | undefined {
  const m = /^(?:\[([^\]]+)\]|([^:[\]]+))(?::(\d{1,5}))?$/.exec(value);
  if (!m) return undefined;
  const host = m[1] ?? m[2];
  if (m[1] !== undefined ? !isIpv6(host) : !(isHostName(host) || parseIpv4(host))) return undefined;
  if (m[3] === undefined) return { host };
  const port = Number(m[3]);
  return port >= 1 && port <= 65535 ? { host, port } : undefined;
}

/** "host:port" with IPv6 hosts bracketed, as an SDK endpoint is written. */
export function formatHostPort({ host, port }: HostPort): string {
  const h = host.includes(':') ? `[${host}]` : host;
  return port === undefined ? h : `${h}:${port}`;
}

/**
 * Literal loopback addresses only (127.0.0.0/8, ::1, ::ffff:127.x.x.x). "localhost" is refused on purpose:
 * a hosts file can point it anywhere, and the sandbox's promise is that it cannot reach a real account.
 */
export function isLoopbackHost(host: string): boolean {
  const v4 = parseIpv4(host);
  if (v4) return v4[0] === 127;
  if (!isIpv6(host)) return false;
  const w = ipv6Words(host);
  if (w.slice(0, 7).every((x) => x === 0) && w[7] === 1) return true;
  return w.slice(0, 5).every((x) => x === 0) && w[5] === 0xffff && w[6] >> 8 === 127;
}

function ipv6Words(value: string): number[] {
  const words = (s: string): number[] =>
    s === ''
      ? []
      : s.split(':').flatMap((g) => {
          const v4 = parseIpv4(g);
          return v4 ? [(v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]] : [parseInt(g, 16)];
        });
  const [head, tail] = value.trim().split('::');
  const h = words(head);
  const t = tail === undefined ? [] : words(tail);
  return [...h, ...new Array<number>(8 - h.length - t.length).fill(0), ...t];
}

/** `what` names the field for the message, e.g. "GA endpoint". */
export function checkApiEndpoint(value: string, what: string): Check {
  if (/^[a-z]+:\/\//i.test(value)) return `${what} "${value}" must be a host[:port] without a scheme (write the host only; choose http or https with the protocol setting).`;
  if (!parseHostPort(value)) return `${what} "${value}" is not a host[:port], e.g. ga.cn-hangzhou.aliyuncs.com or 127.0.0.1:8100 ([::1]:8100 for IPv6).`;
  return undefined;
}

export interface EndpointSettings {
  ga?: string;
  dns?: string;
  protocol?: string;
}

/**
 * Settings only the user's own settings may set (package.json gives each "scope": "application" or "machine" and
 * lists it in restrictedConfigurations): they decide where signed requests or probes go, or turn a check off.
 */
export const USER_ONLY_SETTINGS: readonly string[] = ['gaIpv6.endpoints', 'gaIpv6.trustedEndpointHosts', 'gaIpv6.probe.dnsServer', 'gaIpv6.probe.insecureTls'];

/** The user setting that lists the other hosts a person trusts with signed requests. */
export const TRUSTED_ENDPOINT_HOSTS_SETTING = 'gaIpv6.trustedEndpointHosts';

/** Alibaba Cloud's API domain: ga.cn-hangzhou.aliyuncs.com, alidns.aliyuncs.com, VPC endpoints (…-vpc.…aliyuncs.com). */
export function isAlibabaCloudHost(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return isHostName(h) && h.endsWith('.aliyuncs.com');
}

/** Host names are compared without case and without a trailing dot; addresses in their canonical form. */
function sameHost(a: string, b: string): boolean {
  const norm = (h: string) => {
    const t = h.trim().toLowerCase().replace(/\.$/, '').replace(/^\[(.*)\]$/, '$1');
    return isIpv6(t) ? ipv6Words(t).join(':') : t;
  };
  return norm(a) === norm(b);
}

/**
 * Where a real profile may send its signed requests (which carry the AccessKey ID and any STS token): Alibaba
 * Cloud's own hosts, this machine (an emulator), or a host the person listed in the user setting
 * gaIpv6.trustedEndpointHosts. `trustedHosts` comes from user settings only, never from a workspace.
 */
export function checkEndpointHost(value: string, what: string, trustedHosts: readonly string[]): Check {
  const hp = parseHostPort(value);
  if (!hp) return checkApiEndpoint(value, what);
  if (isLoopbackHost(hp.host) || isAlibabaCloudHost(hp.host) || trustedHosts.some((t) => sameHost(t, hp.host))) return undefined;
  return (
    `${what} "${value}" is neither an Alibaba Cloud host (*.aliyuncs.com) nor a loopback address, and signed requests (with the AccessKey ID ` +
    `and any STS token) would go there. If you trust "${hp.host}" (a VPC endpoint, your proxy), add it to the user setting ${TRUSTED_ENDPOINT_HOSTS_SETTING}.`
  );
}

/** The hosts of `e` that are neither Alibaba Cloud's nor loopback: the ones a person is warned about. */
export function customEndpointHosts(e: EndpointSettings): string[] {
  const hosts = [e.ga, e.dns].map((v) => (v === undefined ? undefined : parseHostPort(v)?.host)).filter((h): h is string => h !== undefined);
  return [...new Set(hosts.filter((h) => !isLoopbackHost(h) && !isAlibabaCloudHost(h)))];
}

/**
 * With `trustedHosts` (the user setting's list) the hosts are also held to checkEndpointHost.
 * Plain http is only for an emulator on this machine: over the Internet it would expose the signed requests
 * (and an STS token) to anyone on the path. With no hosts given the defaults are Alibaba Cloud's, so http is refused.
 */
export function checkEndpointSettings(e: EndpointSettings, trustedHosts?: readonly string[]): Check {
  for (const [value, what] of [[e.ga, 'GA endpoint'], [e.dns, 'Alidns endpoint']] as const) {
    if (value === undefined) continue;
    const c = checkApiEndpoint(value, what) ?? (trustedHosts ? checkEndpointHost(value, what, trustedHosts) : undefined);
    if (c) return c;
  }
  if (e.protocol === undefined || e.protocol === 'https') return undefined;
  if (e.protocol !== 'http') return `Protocol "${e.protocol}" must be https (or http for a local emulator).`;
  if (e.ga === undefined || e.dns === undefined) {
    return 'Protocol http is only allowed with both the GA and the Alidns endpoint set to loopback addresses (a local emulator); an endpoint left at its Alibaba Cloud default needs https.';
  }
  const remote = [e.ga, e.dns].find((h) => !isLoopbackHost(parseHostPort(h)?.host ?? ''));
  if (remote !== undefined) return `Protocol http is only allowed for a local emulator; "${remote}" is not a loopback address. Use https.`;
  return undefined;
}
