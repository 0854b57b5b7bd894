// The built-in "Local sandbox" profile: the local emulator (src/emulator) over plain http on a loopback address.
// Nothing in this profile can reach a real account: the host must be a literal loopback address (checked here,
// not just assumed), the endpoints cannot be overridden, and the AccessKey pair below is public and only opens
// the emulator, which is started with these same values.
import { formatHostPort, isLoopbackHost, parseHostPort } from '../model';
import { createProfile } from './profile';
import type { Profile } from './types';

export const SANDBOX_PROFILE_ID = 'sandbox';
export const SANDBOX_PROFILE_NAME = 'Local sandbox';
/** Well known on purpose; the emulator accepts exactly this pair by default. */
export const SANDBOX_ACCESS_KEY_ID = 'LTAI5tSandboxLocal0000000';
export const SANDBOX_ACCESS_KEY_SECRET = 'SandboxLocalSecretOpensOnlyTheEmulator';
/** Where the extension finds an already running emulator ("127.0.0.1:8100"); otherwise it starts one. */
export const SANDBOX_ENDPOINT_ENV = 'GA_IPV6_SANDBOX_ENDPOINT';
/** Beside SANDBOX_ENDPOINT_ENV: that emulator's DNS responder ("127.0.0.1:5353", its --dns-port), for probes. */
export const SANDBOX_DNS_ENV = 'GA_IPV6_SANDBOX_DNS';
export const SANDBOX_DEFAULT_HOST = '127.0.0.1';

export interface SandboxEndpoint {
  port: number;
  /** A literal loopback address; default 127.0.0.1. */
  host?: string;
}

export class SandboxEndpointError extends Error {
  override readonly name = 'SandboxEndpointError';
}

/** Reads "127.0.0.1:8100", "[::1]:8100" or "http://127.0.0.1:8100/" (the form of GA_IPV6_SANDBOX_ENDPOINT). */
export function parseSandboxEndpoint(value: string): Required<SandboxEndpoint> {
  const text = value.trim().replace(/^http:\/\//i, '').replace(/\/$/, '');
  if (/^[a-z]+:\/\//i.test(text)) throw new SandboxEndpointError(`The local sandbox endpoint "${value}" must use http (the emulator does not speak TLS), e.g. 127.0.0.1:8100.`);
  const hp = parseHostPort(text);
  if (!hp || hp.port === undefined) throw new SandboxEndpointError(`The local sandbox endpoint "${value}" is not host:port, e.g. 127.0.0.1:8100 or [::1]:8100.`);
  const endpoint = { host: hp.host, port: hp.port };
  checkSandboxEndpoint(endpoint);
  return endpoint;
}

export function createSandboxProfile(endpoint: SandboxEndpoint): Profile {
  const hostPort = formatHostPort(checkSandboxEndpoint(endpoint));
  return createProfile(
    {
      id: SANDBOX_PROFILE_ID,
      name: SANDBOX_PROFILE_NAME,
      source: 'sandbox',
      origin: `local emulator at ${hostPort}`,
      accessKeyId: SANDBOX_ACCESS_KEY_ID,
      endpoints: { ga: hostPort, dns: hostPort, protocol: 'http' },
    },
    async () => ({ accessKeyId: SANDBOX_ACCESS_KEY_ID, accessKeySecret: SANDBOX_ACCESS_KEY_SECRET }),
  );
}

function checkSandboxEndpoint({ port, host = SANDBOX_DEFAULT_HOST }: SandboxEndpoint): Required<SandboxEndpoint> {
  if (!isLoopbackHost(host)) {
    throw new SandboxEndpointError(`The local sandbox only talks to an emulator on this machine, and "${host}" is not a loopback address: use 127.0.0.1 or ::1 (host names such as localhost are refused too).`);
  }
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new SandboxEndpointError(`The local sandbox port must be a whole number from 1 to 65535, not ${port}.`);
  return { host, port };
}
