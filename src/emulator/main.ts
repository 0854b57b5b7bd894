// The emulator's command line (docs/ARCHITECTURE.md): `npm run emulator -- --port 8080 --seed demo`.
// Starts the GA + Alidns API, the IPv6 → IPv4 data plane, with --dns-port the DNS responder and with --origin the
// sandbox's IPv4 origin web page; prints where they listen and the local test AccessKey it accepts; stops
// cleanly (state file flushed) on SIGINT/SIGTERM.
import { parseArgs } from 'node:util';
import type { RunningEmulator, StartOptions } from './api';
import { startDataPlane, type RunningDataPlane } from './dataplane';
import { startDnsResponder, type RunningDnsResponder } from './dnsResponder';
import { FIXTURE_NAMES } from './fixtures';
import { OriginOptionError, parseOrigin, startOrigin, type RunningOrigin } from './origin';
import { startEmulator } from './server';
import { ACCOUNT_FEATURES, parseAccountChange, SERVICE_STATUSES } from './ga/account';

/** The secret of --access-key-id, read from the environment so that it appears in no command line (ps, npm's echo). */
export const ACCESS_KEY_SECRET_ENV = 'GA_EMULATOR_ACCESS_KEY_SECRET';

const USAGE = `Usage: npm run emulator -- --port <p> [--access-key-id <id> [--access-key-secret <secret>] [--security-token <t>]]
       [--seed <${FIXTURE_NAMES.join('|')}>] [--time-scale <x>] [--state-file <f>] [--strict|--lenient]
       [--allow-loopback-endpoints] [--address-block <hex>] [--dns-port <p>] [--origin <127.x.x.x:port>] [--quiet]
       [--account-features <${ACCOUNT_FEATURES.join(',')}>] [--account-service <${SERVICE_STATUSES.join('|')}>]

  --port                      API port on 127.0.0.1 (0 = any free port; default 0)
  --access-key-id             the AccessKey ID to accept (default: a generated local test pair, printed below); its
                              secret comes from the environment variable ${ACCESS_KEY_SECRET_ENV}
  --access-key-secret         the secret on the command line instead: visible to every user of this machine in ps
                              (and echoed by npm run), so prefer ${ACCESS_KEY_SECRET_ENV}
  --security-token            make that pair an STS key: requests must carry this token
  --seed                      fixture to start from when there is no state file (default empty)
  --time-scale                multiplies realistic transition times (1 = like the real service, 0.1 = 10x faster)
  --state-file                keep the state in this JSON file across restarts
  --strict / --lenient        reject (default) or ignore parameters an action does not have
  --allow-loopback-endpoints  accept loopback/private endpoint addresses (local backends for the data plane)
  --address-block             hand out IPv6 addresses fd6a:6761::<hex>:<n> (1 to ffff; default a); give emulators
                              running at the same time different blocks so their data planes do not collide
  --dns-port                  also answer DNS queries for the emulated zones on this UDP/TCP port
  --origin                    serve a small IPv4 web page there (the sandbox's origin, e.g. 127.0.0.1:80; a free port
                              when that one is taken or needs root) and point the demo/seed walk-through's endpoint
                              at it, so probes and curl -6 through the accelerator get an answer; needs
                              --allow-loopback-endpoints
  --quiet                     do not print one line per request (problems and InternalError stack traces still are)
  --account-features          whitelist features the account has, comma-separated (default none: an ordinary
                              account, refused pay-as-you-go bandwidth plans and PayBY95 billing)
  --account-service           pay-as-you-go GA activation (DescribeAcceleratorServiceStatus; default Normal);
                              NotOpened refuses pay-as-you-go instances until OpenAcceleratorService`;

class UsageError extends Error {}

function portOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new UsageError(`--${name} must be a port number from 0 to 65535; got "${value}".`);
  return port;
}

/** The block as it appears in the addresses: one hex group, `b` or `0xb`. */
function addressBlockOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const block = /^(0x)?[0-9a-f]{1,4}$/i.test(value) ? parseInt(value.replace(/^0x/i, ''), 16) : NaN;
  if (!(block >= 1)) throw new UsageError(`--address-block must be one hex group from 1 to ffff (e.g. b for fd6a:6761::b:1); got "${value}".`);
  return block;
}

export interface CommandLine {
  start: StartOptions;
  dnsPort?: number;
  /** Where the origin should listen (--origin); the fixtures learn where it really does. */
  origin?: { host: string; port: number };
  quiet: boolean;
}

/** `--account-features a,b` (empty: none) and `--account-service <status>`; undefined when neither is given. */
function accountOption(features: string | undefined, service: string | undefined): StartOptions['account'] {
  if (features === undefined && service === undefined) return undefined;
  const change = {
    ...(features !== undefined ? { features: features.split(',').map((f) => f.trim()).filter(Boolean) } : {}),
    ...(service !== undefined ? { serviceStatus: service } : {}),
  };
  try {
    return parseAccountChange(change);
  } catch (e) {
    throw new UsageError(`--account-features / --account-service: ${(e as Error).message}`);
  }
}

function accountField(account: StartOptions['account']): Pick<StartOptions, 'account'> {
  return account ? { account } : {};
}

export function parseCommandLine(argv: string[], env: NodeJS.ProcessEnv = process.env): CommandLine {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        port: { type: 'string' },
        'access-key-id': { type: 'string' },
        'access-key-secret': { type: 'string' },
        'security-token': { type: 'string' },
        seed: { type: 'string' },
        'time-scale': { type: 'string' },
        'state-file': { type: 'string' },
        strict: { type: 'boolean' },
        lenient: { type: 'boolean' },
        'allow-loopback-endpoints': { type: 'boolean' },
        'address-block': { type: 'string' },
        'dns-port': { type: 'string' },
        origin: { type: 'string' },
        quiet: { type: 'boolean' },
        'account-features': { type: 'string' },
        'account-service': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (values.help) throw new UsageError('');
  if (values.strict && values.lenient) throw new UsageError('Give either --strict or --lenient, not both.');
  const id = values['access-key-id'];
  const fromEnv = env[ACCESS_KEY_SECRET_ENV] || undefined;
  const secret = values['access-key-secret'] ?? fromEnv;
  if (id !== undefined && secret === undefined) throw new UsageError(`--access-key-id needs its secret: set ${ACCESS_KEY_SECRET_ENV} (or give --access-key-secret, which ps shows to everyone).`);
  if (id === undefined && values['access-key-secret'] !== undefined) throw new UsageError('Give --access-key-id and --access-key-secret together.');
  if (id === undefined && fromEnv !== undefined) throw new UsageError(`${ACCESS_KEY_SECRET_ENV} is set: give the AccessKey ID it belongs to with --access-key-id.`);
  if (values['security-token'] !== undefined && id === undefined) throw new UsageError('--security-token needs --access-key-id and --access-key-secret.');
  if (values.seed !== undefined && !FIXTURE_NAMES.includes(values.seed)) throw new UsageError(`Unknown --seed "${values.seed}"; fixtures: ${FIXTURE_NAMES.join(', ')}.`);
  let origin: { host: string; port: number } | undefined;
  if (values.origin !== undefined) {
    try {
      origin = parseOrigin(values.origin);
    } catch (e) {
      if (e instanceof OriginOptionError) throw new UsageError(e.message);
      throw e;
    }
    if (!values['allow-loopback-endpoints']) throw new UsageError('--origin needs --allow-loopback-endpoints: the walk-through\'s endpoint then is a loopback address.');
  }
  const timeScale = values['time-scale'] === undefined ? undefined : Number(values['time-scale']);
  if (timeScale !== undefined && !(Number.isFinite(timeScale) && timeScale > 0)) throw new UsageError(`--time-scale must be a number above 0; got "${values['time-scale']}".`);
  return {
    start: {
      port: portOption(values.port, 'port') ?? 0,
      credentials: id !== undefined && secret !== undefined ? [{ accessKeyId: id, accessKeySecret: secret, ...(values['security-token'] ? { securityToken: values['security-token'] } : {}) }] : undefined,
      seed: values.seed,
      timeScale,
      stateFile: values['state-file'],
      strict: !values.lenient,
      allowLoopbackEndpoints: values['allow-loopback-endpoints'] ?? false,
      addressBlock: addressBlockOption(values['address-block']),
      ...accountField(accountOption(values['account-features'], values['account-service'])),
    },
    dnsPort: portOption(values['dns-port'], 'dns-port'),
    ...(origin ? { origin } : {}),
    quiet: values.quiet ?? false,
  };
}

/** Everything the command line starts, running. */
export interface RunningSandbox {
  emulator: RunningEmulator;
  dataPlane: RunningDataPlane;
  dns?: RunningDnsResponder;
  origin?: RunningOrigin;
  /** Stops all of it, the API last (its state file is flushed then). */
  stop(): Promise<void>;
}

/**
 * What the command line starts, in order: the origin first (the fixtures point at where it really listens),
 * the API, the data plane, the DNS responder. Exported so tests start exactly what `npm start` starts.
 */
export async function startFromCommandLine(parsed: CommandLine, log: (line: string) => void): Promise<RunningSandbox> {
  const origin = parsed.origin ? await startOrigin({ ...parsed.origin, log }) : undefined;
  const parts: Partial<RunningSandbox> = { origin };
  try {
    const demoOrigin = origin ? { address: origin.address, port: origin.port } : undefined;
    parts.emulator = await startEmulator({ ...parsed.start, ...(demoOrigin ? { demoOrigin } : {}), log, quiet: parsed.quiet });
    parts.dataPlane = await startDataPlane(parts.emulator, { allowLoopbackEndpoints: parsed.start.allowLoopbackEndpoints ?? false, log });
    parts.dns = parsed.dnsPort === undefined ? undefined : await startDnsResponder(parts.emulator, { port: parsed.dnsPort, log });
  } catch (e) {
    await stopParts(parts);
    throw e;
  }
  const running = parts as RunningSandbox;
  let stopping: Promise<void> | undefined;
  running.stop = () => (stopping ??= stopParts(parts));
  return running;
}

async function stopParts(parts: Partial<RunningSandbox>): Promise<void> {
  await parts.dns?.stop();
  await parts.dataPlane?.stop();
  await parts.emulator?.stop();
  await parts.origin?.stop();
}

function banner(sandbox: RunningSandbox, generatedKey: boolean, stateFile: string | undefined): string[] {
  const { emulator, dns, origin } = sandbox;
  const key = emulator.credentials[0];
  const lines = [`GA 2019-11-20 + Alidns 2015-01-09 emulator listening on http://${emulator.endpoint}`];
  lines.push(`  AccessKey ID:     ${key.accessKeyId}`);
  // A generated key is a throw-away local test key: printing it is how a person learns what to configure.
  if (generatedKey) lines.push(`  AccessKey secret: ${key.accessKeySecret}   (generated local test key; choose one with --access-key-id/--access-key-secret)`);
  if (dns) lines.push(`  DNS responder:    127.0.0.1:${dns.port} (UDP and TCP)`);
  if (origin) lines.push(`  IPv4 origin:      http://${origin.address}:${origin.port}/ (the walk-through's endpoint${origin.movedBecause ? `; ${origin.movedBecause}` : ''})`);
  if (stateFile) lines.push(`  state file:       ${stateFile}`);
  lines.push(`  admin API:        http://${emulator.endpoint}/__emulator/`);
  const ready = { endpoint: emulator.endpoint, port: emulator.port, dnsPort: dns?.port ?? null, ...(origin ? { origin: `${origin.address}:${origin.port}` } : {}) };
  lines.push(`ready ${JSON.stringify(ready)}`);
  return lines;
}

export async function main(argv: string[]): Promise<void> {
  let parsed;
  try {
    parsed = parseCommandLine(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      if (e.message) console.error(e.message);
      console.error(USAGE);
      process.exitCode = e.message ? 2 : 0;
      return;
    }
    throw e;
  }
  const log = (line: string): void => console.log(`${new Date().toISOString()} ${line}`);
  const sandbox = await startFromCommandLine(parsed, log);
  for (const line of banner(sandbox, !parsed.start.credentials, parsed.start.stateFile)) console.log(line);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping`);
    const force = setTimeout(() => {
      console.error('The emulator did not stop within 5 s; exiting anyway.');
      process.exit(1);
    }, 5000);
    force.unref();
    void (async () => {
      await sandbox.stop();
      process.exit(0);
    })().catch((e: unknown) => {
      console.error(`Stopping failed: ${(e as Error).message}`);
      process.exit(1);
    });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    console.error(`The emulator could not start: ${(e as Error).message}`);
    process.exit(1);
  });
}
