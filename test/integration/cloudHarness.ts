// Starts the local emulator and builds the cloud services against it over real HTTP, fast: transitions at
// timeScale 0.01, polls every few ms, retries after a few ms. Every test file stops what it starts.
import { startEmulator } from '../../src/emulator/server';
import { EmulatorAdmin } from '../../src/emulator/adminClient';
import type { RunningEmulator, StartOptions } from '../../src/emulator/api';
import { startDataPlane, type RunningDataPlane } from '../../src/emulator/dataplane';
import { startDnsResponder, type RunningDnsResponder } from '../../src/emulator/dnsResponder';
import type { Profile } from '../../src/profiles/types';
import { loadSdk } from '../../src/cloud/sdk';
import { createCloudServices, createCloudLogger, FAST_POLL_SCHEDULE, MutationQueue, type CloudConnection, type CloudServices, type ServiceOptions, type ConnectionOptions } from '../../src/cloud';

export const TEST_KEY = { accessKeyId: 'LTAI5tCloudLayerTest01', accessKeySecret: 'CloudLayerTestSecret0123456789' };

export interface Harness {
  emulator: RunningEmulator;
  admin: EmulatorAdmin;
  /** Log lines of the services made by `services()`. */
  lines: string[];
  profile(overrides?: Partial<Profile> & { secret?: string; keyId?: string }): Profile;
  services(profile?: Profile, options?: ServiceOptions & ConnectionOptions): CloudServices;
  stop(): Promise<void>;
}

/** Extra emulator options, e.g. `allowLoopbackEndpoints` and an `addressBlock` for the data plane, or a `stateFile`. */
export type CloudOptions = Omit<StartOptions, 'port' | 'timeScale' | 'strict' | 'seed' | 'credentials'>;

export async function startCloud(seed = 'empty', options: CloudOptions = {}): Promise<Harness> {
  const emulator = await startEmulator({ ...options, port: 0, timeScale: 0.01, strict: true, seed, credentials: [TEST_KEY] });
  const admin = new EmulatorAdmin(`http://${emulator.endpoint}`);
  const lines: string[] = [];
  const profile = (o: Partial<Profile> & { secret?: string; keyId?: string } = {}): Profile => {
    const keyId = o.keyId ?? TEST_KEY.accessKeyId;
    const secret = o.secret ?? TEST_KEY.accessKeySecret;
    return {
      id: o.id ?? `${o.name ?? 'emulator'} (test)`,
      name: o.name ?? 'emulator',
      source: 'sandbox',
      origin: 'integration test',
      accessKeyId: keyId,
      endpoints: { ga: emulator.endpoint, dns: emulator.endpoint, protocol: 'http' },
      credentials: async () => ({ accessKeyId: keyId, accessKeySecret: secret }),
    };
  };
  return {
    emulator,
    admin,
    lines,
    profile,
    services: (p = profile(), options = {}) =>
      createCloudServices(p, {
        pollSchedule: FAST_POLL_SCHEDULE,
        retry: { baseDelayMs: 5, maxDelayMs: 40, maxElapsedMs: 20_000 },
        queue: new MutationQueue(),
        logger: createCloudLogger((l) => lines.push(l), { secrets: () => [TEST_KEY.accessKeySecret] }),
        ...options,
      }),
    stop: () => emulator.stop(),
  };
}

/**
 * An IPv6 address block (StartOptions.addressBlock) of this test process alone, for tests whose data plane
 * puts addresses on the loopback device: it differs from the sandbox's default block (a) and, by process id,
 * from other test files and test runs going on at the same time.
 */
export function processAddressBlock(): number {
  return 0x100 + (process.pid % 0xff00);
}

export interface ServedCloud {
  emulator: RunningEmulator;
  plane: RunningDataPlane;
  dns: RunningDnsResponder;
  services: CloudServices;
  stop(): Promise<void>;
}

/**
 * The emulator as the sandbox runs it, with its IPv6 → IPv4 data plane and DNS responder, loopback endpoints
 * allowed, in an address block of this process's own (so another emulator's data plane never takes or removes
 * this one's addresses).
 */
export async function startServedCloud(planeLog?: (line: string) => void): Promise<ServedCloud> {
  const cloud = await startCloud('empty', { allowLoopbackEndpoints: true, addressBlock: processAddressBlock() });
  const plane = await startDataPlane(cloud.emulator, { allowLoopbackEndpoints: true, ...(planeLog ? { log: planeLog } : {}) });
  const dns = await startDnsResponder(cloud.emulator, { port: 0 });
  return {
    emulator: cloud.emulator,
    plane,
    dns,
    services: cloud.services(undefined, { allowNonPublicEndpoints: true }),
    stop: async () => {
      await dns.stop();
      await plane.stop();
      await cloud.stop();
    },
  };
}

/** Runs `tasks` with at most `limit` in flight: the machine has two cores. */
export async function inBatches<T>(count: number, limit: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      out[i] = await task(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
  return out;
}

/** A DNS zone in the emulator's account (AddDomain is not part of DnsService: zones are the user's). */
export async function addZone(connection: CloudConnection, domainName: string): Promise<void> {
  const sdk = loadSdk();
  await connection.dns.addDomainWithOptions(new sdk.$Alidns.AddDomainRequest({ domainName }), new sdk.$dara.RuntimeOptions({}));
}
