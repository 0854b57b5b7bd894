// The seed's own check, `curl -6 -g http://[address]`, built safely: every part is validated, the command is
// an argv array to run without a shell, and the display string quotes each argument for a POSIX shell.
import { isHostName } from '../model';
import { isValidPort } from './addresses';
import { defaultPort, ipv6AddressProblem } from './targets';

export interface CurlTarget {
  /** IPv6 address to connect to. With hostName too, curl is told to use it for that name (--resolve). */
  address?: string;
  hostName?: string;
  port?: number;
  scheme?: 'http' | 'https';
  /** Path and query, starting with `/`. */
  path?: string;
  connectTimeoutSeconds?: number;
  /** -k: accept any certificate. */
  insecure?: boolean;
}

export interface CurlCommand {
  argv: string[];
  /** For showing and copying into a POSIX shell. */
  display: string;
}

const PATH = /^\/(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*$/;

/** Throws an Error saying what to fix when a part is not acceptable. */
export function buildCurlCommand(t: CurlTarget): CurlCommand {
  const scheme = t.scheme ?? 'http';
  if (scheme !== 'http' && scheme !== 'https') throw new Error(`curl checks here use http or https, not "${String(scheme)}".`);
  if (t.address === undefined && t.hostName === undefined) throw new Error('Give the IPv6 address or the host name to check.');
  if (t.address !== undefined) {
    const problem = ipv6AddressProblem(t.address);
    if (problem) throw new Error(problem);
    if (t.address.includes('%')) throw new Error(`${t.address} has a zone index; use a global IPv6 address (GA's addresses are global).`);
  }
  if (t.hostName !== undefined && !isHostName(t.hostName)) throw new Error(`"${t.hostName}" is not a valid host name.`);
  const port = t.port ?? defaultPort(scheme);
  if (!isValidPort(port)) throw new Error(`Port ${port} is out of range (1 to 65535).`);
  const path = t.path ?? '/';
  if (!PATH.test(path)) throw new Error(`Path "${path}" must start with / and contain only URL characters (percent-encode the rest).`);
  if (t.connectTimeoutSeconds !== undefined && !(t.connectTimeoutSeconds > 0 && t.connectTimeoutSeconds <= 600)) {
    throw new Error('The connect timeout must be more than 0 and at most 600 seconds.');
  }

  const host = t.hostName ?? `[${t.address}]`;
  const portPart = port === defaultPort(scheme) ? '' : `:${port}`;
  const argv = [
    'curl',
    '-6',
    '-g',
    ...(t.connectTimeoutSeconds !== undefined ? ['--connect-timeout', String(t.connectTimeoutSeconds)] : []),
    ...(t.insecure ? ['-k'] : []),
    ...(t.hostName !== undefined && t.address !== undefined ? ['--resolve', `${t.hostName}:${port}:[${t.address}]`] : []),
    `${scheme}://${host}${portPart}${path}`,
  ];
  return { argv, display: argv.map(shellQuote).join(' ') };
}

/** Plain words stay bare; anything else (brackets glob in shells) goes in single quotes. */
export function shellQuote(arg: string): string {
  return /^[A-Za-z0-9_\-.,:/@%+=]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
