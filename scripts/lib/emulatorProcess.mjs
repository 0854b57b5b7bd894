// Starts the local GA + Alidns emulator (dist/emulator.js, see docs/ARCHITECTURE.md "Emulator contract") as a
// child process. It picks its own free ports (--port 0) and announces them in a line
// `ready {"endpoint": "127.0.0.1:<port>", "port": <port>, "dnsPort": <port|null>, "origin"?: "127.0.0.1:<port>"}`,
// which is read from its log.
import { join } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { projectRoot } from './project.mjs';
import { answers, exitedMessage, tail, waitFor } from './waitFor.mjs';

/** Where the sandbox's IPv4 origin listens: the seed's backend port, on loopback (src/emulator/origin.ts). */
export const SANDBOX_ORIGIN = '127.0.0.1:80';

/**
 * @param {import('./processGroup.mjs').ProcessGroup} processes
 * @param {{ seed: string, timeScale: number, lenient?: boolean, dns?: boolean, addressBlock?: string,
 *           origin?: boolean, credentials?: { accessKeyId: string, accessKeySecret: string }, logFile: string }} options
 *   origin (default true): serve the sandbox's IPv4 origin page on 127.0.0.1:80 (a free port when taken), the
 *   demo walk-through's endpoint.
 * @returns {Promise<{ endpoint: string, port: number, dnsPort: number | null, origin: string | null, logFile: string,
 *           child: import('node:child_process').ChildProcess }>}
 */
export async function startEmulatorProcess(processes, options) {
  const bundle = join(projectRoot, 'dist', 'emulator.js');
  if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run node scripts/build.mjs first`);
  const args = [
    bundle,
    '--port', '0',
    '--seed', options.seed,
    '--time-scale', String(options.timeScale),
    '--allow-loopback-endpoints',
    options.lenient === false ? '--strict' : '--lenient',
  ];
  if (options.dns) args.push('--dns-port', '0');
  if (options.origin !== false) args.push('--origin', SANDBOX_ORIGIN);
  if (options.addressBlock) args.push('--address-block', options.addressBlock);
  // Sandbox credentials only: public constants the local emulator accepts, not a cloud secret. The secret still
  // goes through the environment, as a real one must: a command line is visible to everyone in ps.
  const env = { ...process.env };
  if (options.credentials) {
    args.push('--access-key-id', options.credentials.accessKeyId);
    env.GA_EMULATOR_ACCESS_KEY_SECRET = options.credentials.accessKeySecret;
  }
  const child = processes.start('emulator', process.execPath, args, { logFile: options.logFile, cwd: projectRoot, env });
  try {
    const ready = await waitFor('the emulator to print its "ready" line', () => readyLine(options.logFile),
      { timeoutMs: 20_000, failIf: exitedMessage('the emulator', child) });
    await waitFor(`the emulator's admin API at http://${ready.endpoint}/__emulator/state`,
      () => answers(`http://${ready.endpoint}/__emulator/state`),
      { timeoutMs: 10_000, failIf: exitedMessage('the emulator', child) });
    return { endpoint: ready.endpoint, port: ready.port, dnsPort: ready.dnsPort ?? null, origin: ready.origin ?? null, logFile: options.logFile, child };
  } catch (error) {
    throw new Error(`${error.message}\n--- ${options.logFile} (last lines) ---\n${tail(options.logFile)}`);
  }
}

function readyLine(logFile) {
  if (!existsSync(logFile)) return undefined;
  const match = /^ready (\{.*\})$/m.exec(readFileSync(logFile, 'utf8'));
  return match ? JSON.parse(match[1]) : undefined;
}
