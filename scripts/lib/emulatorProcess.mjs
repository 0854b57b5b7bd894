// Starts the local GA + Alidns emulator (dist/emulator.js, see docs/ARCHITECTURE.md "Emulator contract") as a
// child process and waits until its admin API answers.
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { projectRoot } from './project.mjs';
import { answers, exitedMessage, freePort, tail, waitFor } from './waitFor.mjs';

/**
 * @param {import('./processGroup.mjs').ProcessGroup} processes
 * @param {{ seed: string, timeScale: number, lenient?: boolean, dnsPort?: number,
 *           credentials?: { accessKeyId: string, accessKeySecret: string }, logFile: string }} options
 * @returns {Promise<{ endpoint: string, port: number, logFile: string }>}
 */
export async function startEmulatorProcess(processes, options) {
  const bundle = join(projectRoot, 'dist', 'emulator.js');
  if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run node scripts/build.mjs first`);
  const port = await freePort();
  const args = [
    bundle,
    '--port', String(port),
    '--seed', options.seed,
    '--time-scale', String(options.timeScale),
    '--allow-loopback-endpoints',
    options.lenient === false ? '--strict' : '--lenient',
  ];
  if (options.dnsPort !== undefined) args.push('--dns-port', String(options.dnsPort));
  // Sandbox credentials only: these are made-up constants the local emulator accepts, not a cloud secret.
  if (options.credentials) {
    args.push('--access-key-id', options.credentials.accessKeyId, '--access-key-secret', options.credentials.accessKeySecret);
  }
  const child = processes.start('emulator', process.execPath, args, { logFile: options.logFile, cwd: projectRoot });
  const endpoint = `127.0.0.1:${port}`;
  try {
    await waitFor(`the emulator's admin API at http://${endpoint}/__emulator/state`,
      () => answers(`http://${endpoint}/__emulator/state`),
      { timeoutMs: 20_000, failIf: exitedMessage('the emulator', child) });
  } catch (error) {
    throw new Error(`${error.message}\n--- ${options.logFile} (last lines) ---\n${tail(options.logFile)}`);
  }
  return { endpoint, port, logFile: options.logFile };
}
