// "Start Local Sandbox": runs the bundled emulator (dist/emulator.js) as a child process on a free loopback
// port, with the demo account and the sandbox profile's AccessKey pair, at real-life speed. The child is ours
// alone: it is stopped by its own handle on "Stop Local Sandbox" and when the extension deactivates. When
// GA_IPV6_SANDBOX_ENDPOINT names an emulator that is already running (npm start, the test launchers), that one
// is used instead and nothing is started.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { formatHostPort } from '../model';
import {
  parseSandboxEndpoint,
  SANDBOX_ACCESS_KEY_ID,
  SANDBOX_ACCESS_KEY_SECRET,
  SANDBOX_DNS_ENV,
  SANDBOX_ENDPOINT_ENV,
  type SandboxEndpoint,
} from '../profiles/sandboxProfile';

/** The emulator reads the secret of --access-key-id from here (src/emulator/main.ts), so that no `ps` shows it. */
export const EMULATOR_SECRET_ENV = 'GA_EMULATOR_ACCESS_KEY_SECRET';

/**
 * The sandbox's IPv4 origin web page (src/emulator/origin.ts), which the demo walk-through's endpoint points at:
 * the seed's backend port, on loopback. The emulator takes a free port (and maps port 80 onto it) when 80 is taken.
 */
export const SANDBOX_ORIGIN = '127.0.0.1:80';
/** Long enough for a cold start on a busy 2-core machine; the emulator itself starts in well under a second. */
const START_TIMEOUT_MS = 30_000;
const READY_PREFIX = 'ready ';

export class SandboxLauncher {
  private child: ChildProcess | undefined;
  private started: SandboxEndpoint | undefined;
  private startedDnsPort: number | undefined;
  private starting: Promise<SandboxEndpoint> | undefined;

  constructor(
    private readonly extensionPath: string,
    private readonly log: (line: string) => void,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  /** The emulator named by the environment; throws with the fix when the variable is malformed. */
  fromEnvironment(): SandboxEndpoint | undefined {
    const value = this.env[SANDBOX_ENDPOINT_ENV];
    return value ? parseSandboxEndpoint(value) : undefined;
  }

  /** Where the sandbox is, if there is one: the environment's, or the one this launcher started. */
  endpoint(): SandboxEndpoint | undefined {
    try {
      return this.fromEnvironment() ?? this.started;
    } catch {
      return this.started;
    }
  }

  /** The sandbox's DNS responder as `host:port`: GA_IPV6_SANDBOX_DNS for an emulator named by the environment, else the child's. */
  dnsServer(): string | undefined {
    if (this.env[SANDBOX_ENDPOINT_ENV]) {
      const value = this.env[SANDBOX_DNS_ENV];
      if (!value) return undefined;
      try {
        return formatHostPort(parseSandboxEndpoint(value));
      } catch (e) {
        throw new Error(`${SANDBOX_DNS_ENV}: ${(e as Error).message}`);
      }
    }
    return this.started && this.startedDnsPort !== undefined ? `127.0.0.1:${this.startedDnsPort}` : undefined;
  }

  /** True while a child started here runs. */
  get running(): boolean {
    return this.started !== undefined;
  }

  /** Starts the emulator unless one is already there; resolves once it answers. */
  start(): Promise<SandboxEndpoint> {
    const existing = this.endpoint();
    if (existing) return Promise.resolve(existing);
    return (this.starting ??= this.spawn().finally(() => (this.starting = undefined)));
  }

  /** Stops the child started here (nothing else). */
  stop(): void {
    const child = this.child;
    this.child = undefined;
    this.started = undefined;
    this.startedDnsPort = undefined;
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  }

  dispose(): void {
    this.stop();
  }

  private spawn(): Promise<SandboxEndpoint> {
    const bundle = join(this.extensionPath, 'dist', 'emulator.js');
    if (!existsSync(bundle)) {
      return Promise.reject(new Error(`The local sandbox needs ${bundle}, which is missing from this installation: run "npm run build" in the extension's folder, or reinstall the extension.`));
    }
    // The sandbox pair is public by design (it opens only this emulator); it is still never logged, and the
    // secret travels in the environment rather than on a command line that ps shows. --quiet drops the line per
    // request; problems (InternalError stack traces) still reach the output channel.
    const args = [
      bundle,
      '--port', '0',
      '--seed', 'demo',
      '--lenient',
      '--allow-loopback-endpoints',
      '--dns-port', '0',
      '--origin', SANDBOX_ORIGIN,
      '--time-scale', '1',
      '--quiet',
      '--access-key-id', SANDBOX_ACCESS_KEY_ID,
    ];
    // In desktop VS Code process.execPath is Electron: this makes it behave as plain Node.
    const child = spawn(process.execPath, args, { env: { ...this.env, ELECTRON_RUN_AS_NODE: '1', [EMULATOR_SECRET_ENV]: SANDBOX_ACCESS_KEY_SECRET }, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    return new Promise<SandboxEndpoint>((resolve, reject) => {
      let settled = false;
      const fail = (message: string) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.stop();
        reject(new Error(message));
      };
      const timer = setTimeout(() => fail(`The local sandbox did not start within ${START_TIMEOUT_MS / 1000} s; see the "Global Accelerator" output for its messages.`), START_TIMEOUT_MS);
      createInterface({ input: child.stdout! }).on('line', (line) => {
        if (!line.startsWith(READY_PREFIX)) return this.log(`[sandbox] ${line}`);
        if (settled) return;
        try {
          const { port, dnsPort } = JSON.parse(line.slice(READY_PREFIX.length)) as { port: number; dnsPort?: number | null };
          settled = true;
          clearTimeout(timer);
          this.started = { host: '127.0.0.1', port };
          this.startedDnsPort = dnsPort ?? undefined;
          this.log(`[sandbox] local emulator ready on 127.0.0.1:${port} (pid ${child.pid})`);
          resolve(this.started);
        } catch {
          fail(`The local sandbox printed an unreadable ready line: ${line}`);
        }
      });
      createInterface({ input: child.stderr! }).on('line', (line) => this.log(`[sandbox] ${line}`));
      child.once('error', (e) => fail(`The local sandbox could not be started (${e.message}).`));
      child.once('exit', (code, signal) => {
        this.log(`[sandbox] local emulator exited (${signal ?? `code ${code}`})`);
        // Exited on its own (not through stop()): forget it, so the next start spawns a new one.
        if (this.child === child) this.stop();
        fail(`The local sandbox exited before it was ready (${signal ?? `code ${code}`}); see the "Global Accelerator" output for its messages.`);
      });
    });
  }
}
