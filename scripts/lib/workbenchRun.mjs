// One run of the real workbench for a test suite: build, emulator (sandbox fixture), code-server on a copy of
// sandbox-workspace/, all torn down by process group afterwards, also on failure or Ctrl-C. Shared by
// scripts/run-extension-tests.mjs and scripts/run-e2e.mjs. The run's folder (logs, user data, workspace copy)
// is kept when the suite fails, or always with GA_KEEP_RUN_DIR=1.
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ProcessGroup } from './processGroup.mjs';
import { buildBundles, compileTests, projectRoot } from './project.mjs';
import { readSandboxCredentials } from './sandboxCredentials.mjs';
import { startEmulatorProcess } from './emulatorProcess.mjs';
import { linkProjectAsInstalledExtension, printExtensionHostLogs, startCodeServer } from './codeServer.mjs';

export const ARTIFACTS_DIR = join(projectRoot, '.test-artifacts');

/**
 * @param {{ suite: string, loadExtension: 'installed' | 'development', env?: Record<string, string> }} options
 *   'installed': the project is linked into the extensions dir (UI journeys); 'development': the caller opens
 *   a payload URL naming the project as extensionDevelopmentPath (extension-host tests).
 */
export async function startWorkbenchRun({ suite, loadExtension, env = {} }) {
  const processes = new ProcessGroup();
  const runDir = join(ARTIFACTS_DIR, 'runs', `${suite}-${timestamp()}`);
  processes.stopOnSignals(() => console.error(`[harness] logs of this run: ${runDir}`));
  mkdirSync(runDir, { recursive: true });
  // Chromium profiles (test/e2e/browser.ts) inside the run folder: a killed run leaves nothing in /tmp.
  process.env.GA_CHROMIUM_PROFILES_DIR = join(runDir, 'chromium');
  try {
    buildBundles();
    compileTests();
    const emulator = await startSandboxEmulator(processes, runDir);
    const workspace = join(runDir, 'workspace');
    cpSync(join(projectRoot, 'sandbox-workspace'), workspace, { recursive: true });
    const extensionsDir = join(runDir, 'extensions');
    // Where test/extension/index.ts writes its results (read by scripts/run-extension-tests.mjs).
    const resultsFile = join(runDir, 'results.json');
    if (loadExtension === 'installed') linkProjectAsInstalledExtension(extensionsDir);
    console.log('[harness] starting code-server');
    const server = await startCodeServer(processes, {
      userDataDir: join(runDir, 'user-data'),
      extensionsDir,
      workspace,
      logFile: join(runDir, 'code-server.log'),
      env: { GA_IPV6_SANDBOX_ENDPOINT: emulator.endpoint, GA_IPV6_SANDBOX_DNS: `127.0.0.1:${emulator.dnsPort}`, GA_TEST_RESULTS: resultsFile, ...env },
      // xterm's DOM renderer: the journeys read the terminal's text from its rows (WebGL draws pixels only).
      settings: { 'terminal.integrated.gpuAcceleration': 'off' },
    });
    console.log(`[harness] code-server ${server.origin} (VS Code 1.100.3), emulator ${emulator.endpoint}`);
    return { processes, runDir, server, emulator, resultsFile, finish: (passed) => finish(processes, runDir, server, passed) };
  } catch (error) {
    await processes.stopAll();
    console.error(`[harness] logs of this run: ${runDir}`);
    throw error;
  }
}

async function startSandboxEmulator(processes, runDir) {
  console.log('[harness] starting the emulator (demo fixture, time scale 0.01, DNS responder)');
  return startEmulatorProcess(processes, {
    seed: 'demo', timeScale: 0.01, dns: true, credentials: await readSandboxCredentials(), logFile: join(runDir, 'emulator.log'),
    // Not the sandbox's block (a): as root both put their addresses on lo, and `npm start` may be running.
    addressBlock: 'e',
  });
}

async function finish(processes, runDir, server, passed) {
  await processes.stopAll();
  if (passed && !process.env.GA_KEEP_RUN_DIR) {
    rmSync(runDir, { recursive: true, force: true });
  } else if (passed) {
    console.log(`[harness] logs of this run (GA_KEEP_RUN_DIR): ${runDir}`);
  } else {
    printExtensionHostLogs(server.userDataDir);
    console.error(`[harness] logs of this run (code-server, emulator, extension host): ${runDir}`);
  }
}

function timestamp() {
  return new Date().toISOString().replace(/[:.]/g, '-');
}
