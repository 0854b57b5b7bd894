// Credentials and endpoint for the command line, from the same places as the extension's profiles (ga-yaml.md):
// `--profile NAME` (an aliyun CLI profile, or a section of ~/.alibabacloud/credentials), else the
// ALIBABA_CLOUD_ACCESS_KEY_ID / _SECRET / _SECURITY_TOKEN variables, else the aliyun CLI's current profile.
// `--endpoint URL` sends both GA and Alidns calls to one URL (the local emulator).
import { homedir } from 'node:os';
import type { Command } from 'commander';
import { createCloudServices, type CloudServices, type PollSchedule } from '../cloud';
import { isLoopbackHost } from '../model';
import { loadAliyunCliProfiles, loadCredentialsFileProfiles, loadEnvProfile, type Profile, type ProfileEndpoints } from '../profiles';
import type { CliIo } from './io';

export interface AccessOptions {
  profile?: string;
  endpoint?: string;
}

export class CliUsageError extends Error {}

/** The contract's access flags, the same on every command that reads the account. */
export function withAccessOptions(command: Command): Command {
  return command
    .option('--profile <name>', 'an aliyun CLI profile (~/.aliyun/config.json) or ~/.alibabacloud/credentials section; default: the ALIBABA_CLOUD_ACCESS_KEY_* variables, else the aliyun CLI\'s current profile')
    .option('--endpoint <url>', 'send GA and Alidns calls to this URL (e.g. the local emulator, http://127.0.0.1:8100); default: the real endpoints');
}

/** A local emulator answers in milliseconds: poll it often (the real service gets Terraform's schedule). */
const LOCAL_POLL_SCHEDULE: PollSchedule = { firstDelayMs: 50, intervalsMs: [100, 250, 500], maxIntervalMs: 1000 };

export async function cloudFor(options: AccessOptions, io: CliIo): Promise<{ services: CloudServices; profile: Profile; where: string }> {
  const endpoints = options.endpoint === undefined ? undefined : parseEndpoint(options.endpoint);
  const profile = await pickProfile(options.profile, io);
  const used: Profile = endpoints ? { ...profile, endpoints, credentials: () => profile.credentials() } : profile;
  const local = endpoints !== undefined && isLoopbackHost(hostOf(endpoints.ga ?? ''));
  const services = createCloudServices(used, { allowNonPublicEndpoints: local, ...(local ? { pollSchedule: LOCAL_POLL_SCHEDULE } : {}) });
  const where = endpoints ? `${endpoints.protocol}://${endpoints.ga}` : 'Alibaba Cloud';
  return { services, profile: used, where };
}

/** `--endpoint` names a local emulator (a loopback address). False for no endpoint or one that does not parse. */
export function isLocalEndpoint(value: string | undefined): boolean {
  if (value === undefined) return false;
  try {
    return isLoopbackHost(hostOf(parseEndpoint(value).ga));
  } catch {
    return false;
  }
}

export function parseEndpoint(value: string): Required<ProfileEndpoints> {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CliUsageError(`--endpoint ${value} is not a URL: write it as http://127.0.0.1:8100 (the local emulator) or https://host.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new CliUsageError(`--endpoint ${value}: only http:// and https:// URLs are supported.`);
  if (url.pathname !== '/' || url.search || url.hash) throw new CliUsageError(`--endpoint ${value}: give only the scheme, host and port (no path).`);
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname.replace(/^\[|\]$/g, ''))) {
    throw new CliUsageError(`--endpoint ${value}: plain http is allowed only for a local emulator (a loopback address); use https:// for anything else.`);
  }
  return { ga: url.host, dns: url.host, protocol: url.protocol === 'http:' ? 'http' : 'https' };
}

async function pickProfile(name: string | undefined, io: CliIo): Promise<Profile> {
  const home = io.home ?? homedir();
  if (name !== undefined) {
    const [cli, file] = await Promise.all([loadAliyunCliProfiles(home), loadCredentialsFileProfiles(home, io.env)]);
    const found = cli.profiles.find((p) => p.name === name) ?? file.profiles.find((p) => p.name === name);
    if (found) return found;
    const problem = [...cli.problems, ...file.problems].find((p) => p.message.includes(name));
    const known = [...cli.profiles, ...file.profiles].map((p) => p.name);
    throw new CliUsageError(
      problem?.message ?? `No profile named "${name}" in ~/.aliyun/config.json or ~/.alibabacloud/credentials${known.length ? ` (there are: ${known.join(', ')})` : ''}. Create it with \`aliyun configure --profile ${name}\`, or set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET.`,
    );
  }
  const env = loadEnvProfile(io.env);
  if (env.profiles[0]) return env.profiles[0];
  if (env.problems[0]) throw new CliUsageError(env.problems[0].message);
  const cli = await loadAliyunCliProfiles(home);
  const current = cli.profiles.find((p) => p.current);
  if (current) return current;
  throw new CliUsageError('No credentials: set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET (and ALIBABA_CLOUD_SECURITY_TOKEN for STS), or pass --profile NAME for an aliyun CLI profile (`aliyun configure`).');
}

function hostOf(hostPort: string): string {
  const bracketed = /^\[([^\]]+)\]/.exec(hostPort);
  return bracketed ? bracketed[1] : hostPort.replace(/:\d+$/, '');
}
