// `npm start`: the extension in a real VS Code in your browser, talking to a local emulator of GA + Alidns.
// On a fresh clone it first installs what is missing (scripts/install-vscode.sh; `npm ci` when node_modules is
// absent), then builds, starts the emulator (demo fixture, real-life speed, DNS responder, IPv4 origin) and code-server with
// the built extension installed (a link in .sandbox/extensions) on sandbox-workspace/, and prints the URL.
// Ctrl-C stops everything. Logs and the sandbox's VS Code profile live in .sandbox/ (gitignored).
//   node scripts/sandbox.mjs [--port <code-server port>] [--seed demo|seed|empty] [--time-scale <x>]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ProcessGroup } from './lib/processGroup.mjs';
import { buildBundles, projectRoot } from './lib/project.mjs';
import { startEmulatorProcess } from './lib/emulatorProcess.mjs';
import { linkProjectAsInstalledExtension, startCodeServer, workbenchUrl } from './lib/codeServer.mjs';

const SANDBOX_DIR = join(projectRoot, '.sandbox');
const LOG_DIR = join(SANDBOX_DIR, 'logs');

const options = readOptions();
try {
  installWhatIsMissing();
  buildBundles();
} catch (error) {
  console.error(`[sandbox] ${error.message}`);
  process.exit(1);
}

const processes = new ProcessGroup();
processes.stopOnSignals(() => console.log('[sandbox] stopped.'));
try {
  mkdirSync(LOG_DIR, { recursive: true });
  for (const log of ['emulator.log', 'code-server.log']) rmSync(join(LOG_DIR, log), { force: true });
  // Imported only now: it needs esbuild, which a fresh clone has only after installWhatIsMissing().
  const { readSandboxCredentials } = await import('./lib/sandboxCredentials.mjs');
  console.log(`[sandbox] starting the emulator (fixture ${options.seed}, time scale ${options.timeScale})`);
  const emulator = await startEmulatorProcess(processes, {
    seed: options.seed, timeScale: options.timeScale, dns: true,
    credentials: await readSandboxCredentials(), logFile: join(LOG_DIR, 'emulator.log'),
  });
  const extensionsDir = join(SANDBOX_DIR, 'extensions');
  linkProjectAsInstalledExtension(extensionsDir);
  console.log('[sandbox] starting code-server (VS Code 1.100.3)');
  const server = await startCodeServer(processes, {
    port: options.port,
    userDataDir: join(SANDBOX_DIR, 'user-data'),
    extensionsDir,
    workspace: join(projectRoot, 'sandbox-workspace'),
    logFile: join(LOG_DIR, 'code-server.log'),
    env: { GA_IPV6_SANDBOX_ENDPOINT: emulator.endpoint, GA_IPV6_SANDBOX_DNS: `127.0.0.1:${emulator.dnsPort}` },
  });
  printReady(server, emulator);
  const gone = await Promise.race([exitOf('code-server', server.child), exitOf('the emulator', emulator.child)]);
  // After Ctrl-C the signal handler is already stopping everything and exits when done.
  if (!processes.isStopping) {
    console.error(`[sandbox] ${gone}; stopping. Logs: ${LOG_DIR}`);
    await processes.stopAll();
    process.exit(1);
  }
} catch (error) {
  console.error(`[sandbox] ${error.message}`);
  await processes.stopAll();
  console.error(`[sandbox] logs: ${LOG_DIR}`);
  process.exit(1);
}

function readOptions() {
  try {
    const { values } = parseArgs({
      options: {
        port: { type: 'string' },
        seed: { type: 'string', default: 'demo' },
        'time-scale': { type: 'string', default: '1' },
      },
    });
    const port = values.port === undefined ? undefined : Number(values.port);
    if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) throw new Error(`--port must be a port number, not "${values.port}"`);
    return { port, seed: values.seed, timeScale: Number(values['time-scale']) };
  } catch (error) {
    console.error(`[sandbox] ${error.message}\nUsage: npm start -- [--port <code-server port>] [--seed demo|seed|empty] [--time-scale <x>]`);
    process.exit(2);
  }
}

/** The machine part (Debian packages, code-server) is idempotent and quick when done; node_modules only when absent. */
function installWhatIsMissing() {
  run('checking the VS Code install (scripts/install-vscode.sh)', 'bash', [join(projectRoot, 'scripts', 'install-vscode.sh')]);
  if (existsSync(join(projectRoot, 'node_modules'))) return;
  const lockfile = existsSync(join(projectRoot, 'package-lock.json'));
  run(`installing the project's dependencies (npm ${lockfile ? 'ci' : 'install'})`, 'npm', [lockfile ? 'ci' : 'install', '--no-audit', '--no-fund']);
}

function run(what, command, args) {
  console.log(`[sandbox] ${what}`);
  const result = spawnSync(command, args, { cwd: projectRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${what} failed (see above)`);
}

function exitOf(name, child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(`${name} exited`);
    else child.once('exit', (code, signal) => resolve(`${name} exited (${signal ?? `code ${code}`})`));
  });
}

function printReady(server, emulator) {
  console.log(`
  Sandbox ready. Open in a browser on this machine:

    ${workbenchUrl(server)}

  (from another machine: ssh -L ${server.port}:127.0.0.1:${server.port} <this host>, then the same URL)

  Emulator (GA + Alidns):  http://${emulator.endpoint}   admin API: http://${emulator.endpoint}/__emulator/state
  DNS responder:           ${emulator.dnsPort !== null ? `127.0.0.1:${emulator.dnsPort} (UDP/TCP)` : 'not running'}
  IPv4 origin (demo):      ${emulator.origin ? `http://${emulator.origin}/  (web-ipv6's endpoint: www.example.com reaches it over IPv6)` : 'not running'}
  Logs:                    ${LOG_DIR}

  Ctrl-C stops everything.
`);
}
