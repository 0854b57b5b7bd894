// The release path, as a person meets it (test/package/): packages the extension exactly as `npm run package`
// does, checks the .vsix's files against the allow-list, installs it with `--install-extension` into a fresh
// extensions folder of a real VS Code (code-server), and drives that workbench in headless Chromium like a
// first-time user. No emulator is started here and the workbench gets none of the sandbox variables
// (GA_IPV6_SANDBOX_*), no ALIBABA_CLOUD_* credentials and an empty home folder: the installed extension has to
// start its bundled emulator itself from "Start Local Sandbox".
// Failing journeys leave a screenshot and the page text in .test-artifacts/e2e/; a failing run keeps its folder
// (code-server, install and extension-host logs) in .test-artifacts/runs/package-<time>/. Prints how long each
// stage took. Exit code: the tests' (non-zero when one failed or none ran).
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { installExtensionPackage, printExtensionHostLogs, startCodeServer, workbenchUrl } from './lib/codeServer.mjs';
import { formatBytes, packageExtension } from './lib/packaging.mjs';
import { ProcessGroup } from './lib/processGroup.mjs';
import { compileTests, projectRoot, readManifest, extensionId } from './lib/project.mjs';
import { ARTIFACTS_DIR } from './lib/workbenchRun.mjs';

// What would point the installed extension at something other than what a person's fresh editor has.
const USER_ENVIRONMENT = /^(GA_IPV6_|GA_TEST_|ALIBABA_CLOUD_|ALICLOUD_)/;

const started = Date.now();
const stages = [];
const stage = async (name, work) => {
  const t = Date.now();
  try {
    return await work();
  } finally {
    stages.push(`${name} ${((Date.now() - t) / 1000).toFixed(1)}s`);
  }
};

const processes = new ProcessGroup();
const runDir = join(ARTIFACTS_DIR, 'runs', `package-${new Date().toISOString().replace(/[:.]/g, '-')}`);
processes.stopOnSignals(() => console.error(`[package] logs of this run: ${runDir}`));
process.env.GA_CHROMIUM_PROFILES_DIR = join(runDir, 'chromium');
let passed = false;
let server;
try {
  mkdirSync(runDir, { recursive: true });
  await stage('compile', () => compileTests());
  const vsix = await stage('package', () => {
    console.log('[package] npm run package');
    return packageExtension();
  });
  console.log(`[package] ${vsix.path} (${formatBytes(vsix.bytes)})`);

  const userDataDir = join(runDir, 'user-data');
  const extensionsDir = join(runDir, 'extensions');
  await stage('install', () => {
    console.log('[package] code-server --install-extension into a fresh extensions folder');
    return installExtensionPackage(processes, { vsix: vsix.path, extensionsDir, userDataDir, logFile: join(runDir, 'install.log') });
  });

  for (const key of Object.keys(process.env)) if (USER_ENVIRONMENT.test(key)) delete process.env[key];
  const home = join(runDir, 'home');
  const workspace = join(runDir, 'project');
  mkdirSync(home, { recursive: true });
  mkdirSync(workspace, { recursive: true });
  server = await stage('workbench', () => startCodeServer(processes, {
    userDataDir, extensionsDir, workspace, logFile: join(runDir, 'code-server.log'),
    // A person's home without ~/.aliyun or ~/.alibabacloud: the extension starts with no profile at all.
    env: { HOME: home },
    // Headless Chromium has no GPU; xterm's DOM renderer puts the terminal's text where the journey can read it.
    settings: { 'terminal.integrated.gpuAcceleration': 'off' },
  }));
  console.log(`[package] code-server ${server.origin} (VS Code 1.100.3), extension ${extensionId()} ${readManifest().version} installed from the .vsix`);

  passed = await stage('tests', () => runTests({
    GA_VSIX: vsix.path,
    GA_E2E_WORKBENCH_URL: workbenchUrl(server),
    GA_INSTALLED_EXTENSIONS_DIR: extensionsDir,
  }));
} catch (error) {
  console.error(`[package] ${error.message}`);
} finally {
  await processes.stopAll();
  await stage('stop', () => stopLeftovers());
  if (passed && !process.env.GA_KEEP_RUN_DIR) {
    rmSync(runDir, { recursive: true, force: true });
  } else {
    if (!passed && server) printExtensionHostLogs(server.userDataDir);
    console.error(`[package] logs of this run: ${runDir}`);
  }
  console.log(`[package] time: ${stages.join(', ')}; total ${((Date.now() - started) / 1000).toFixed(1)}s`);
}
process.exit(passed ? 0 : 1);

async function runTests(env) {
  const dir = join(projectRoot, 'out', 'test', 'package');
  // One node:test run, so that its summary counts every test. It runs the files in alphabetical order:
  // packageContents (quick) before sandboxAndProbe.journey.
  const files = readdirSync(dir).filter((f) => f.endsWith('.test.js'));
  if (files.length === 0) throw new Error(`no tests in ${dir}`);
  const child = processes.start('package tests', process.execPath,
    ['--enable-source-maps', '--test', '--test-concurrency=1', '--test-reporter=spec', ...files.map((f) => join(dir, f))],
    { cwd: projectRoot, inheritOutput: true, env: { ...process.env, ...env } });
  const code = await new Promise((resolve) => child.once('exit', (status) => resolve(status ?? 1)));
  return code === 0;
}

/**
 * The sandbox emulator the installed extension started runs from this run's extensions folder. The extension
 * stops it when it deactivates; should the extension host have been killed first, it is stopped here, by PID.
 */
function stopLeftovers() {
  const mine = `${join(runDir, 'extensions')}/`;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    let commandLine;
    try {
      commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    const args = commandLine.split('\0');
    if (!args.some((arg) => arg.startsWith(mine))) continue;
    console.error(`[package] stopping a leftover process of this run: ${pid} ${args.join(' ').slice(0, 200)}`);
    try {
      process.kill(Number(pid), 'SIGTERM');
    } catch {
      // already gone
    }
  }
}
