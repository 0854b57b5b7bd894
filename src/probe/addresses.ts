// Address helpers shared by target parsing, DNS and verdicts.
import { isIP } from 'node:net';
import { canonicalIpv6 as canonicalUnzoned, sameHostName } from '../model';

/** RFC 5952 form (`fd6a:6761::1`) keeping a `%zone`, so differently written equal addresses compare equal. */
export function canonicalIpv6(address: string): string {
  const zone = address.indexOf('%');
  const bare = zone >= 0 ? address.slice(0, zone) : address;
  return (canonicalUnzoned(bare) ?? bare.toLowerCase()) + (zone >= 0 ? address.slice(zone) : '');
}

/**
 * `::ffff:192.0.2.1` is an IPv4 address in IPv6 clothing: a socket "connected over IPv6" to it really talks
 * IPv4, which would turn an IPv6 probe into a false pass.
 */
export function isIpv4Mapped(address: string): boolean {
  return /^::ffff:/i.test(canonicalIpv6(address));
}

export function sameAddress(a: string, b: string): boolean {
  const fa = isIP(a);
  if (fa !== isIP(b) || fa === 0) return false;
  return fa === 6 ? canonicalIpv6(a) === canonicalIpv6(b) : a === b;
}

export const sameName = sameHostName;

/** `[2001:db8::1]:80` for IPv6, `192.0.2.1:80` for IPv4. */
export function formatHostPort(address: string, port: number): string {
  return isIP(address) === 6 ? `[${address}]:${port}` : `${address}:${port}`;
}

/** Splits `host:port`, `[v6]:port`, `[v6]`, a bare IPv6 address or a bare host. Port is undefined when absent. */
export function splitHostPort(value: string): { host: string; port?: number } | undefined {
  const v = value.trim();
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(v);
  if (bracketed) return { host: bracketed[1], port: bracketed[2] === undefined ? undefined : Number(bracketed[2]) };
  if (isIP(v) === 6) return { host: v };
  const hostPort = /^([^:[\]]+)(?::(\d+))?$/.exec(v);
  if (hostPort) return { host: hostPort[1], port: hostPort[2] === undefined ? undefined : Number(hostPort[2]) };
  return undefined;
}

export function isValidPort(port: number): boolean {
  return Number.isInteger(port) && port >= 1 && port <= 65535;
}
