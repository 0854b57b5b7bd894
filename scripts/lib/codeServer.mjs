// A real VS Code (code-server 4.100.3 = VS Code 1.100.3, installed by scripts/install-vscode.sh) started for
// one run: fresh or given user-data dir, settings that keep dialogs and network out of the way, and the URLs
// a browser opens. scripts/install-vscode.sh says why code-server rather than @vscode/test-electron.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot, readManifest, extensionId } from './project.mjs';
import { answers, exitedMessage, freePort, tail, waitFor } from './waitFor.mjs';

const SETTINGS = {
  // A trust dialog or a welcome page would cover the workbench the tests drive.
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  // Nothing may leave the machine: no update, gallery, experiment or telemetry traffic.
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.enableExperiments': false,
  'npm.fetchOnlinePackageInfo': false,
  'typescript.disableAutomaticTypeAcquisition': true,
  // Test runs live in .test-artifacts/ inside the clone; Git's "open the parent repository?" toast would cover views.
  'git.openRepositoryInParentFolders': 'never',
};

// code-server would ask open-vsx.org for extension metadata; a closed loopback port fails fast instead.
const OFFLINE_GALLERY = JSON.stringify({
  serviceUrl: 'http://127.0.0.1:9/gallery',
  itemUrl: 'http://127.0.0.1:9/item',
  resourceUrlTemplate: 'http://127.0.0.1:9/{publisher}/{name}/{version}/{path}',
});

/** The folder scripts/install-vscode.sh installed code-server into; throws with the fix when it did not. */
export function codeServerInstallDir() {
  const dir = execFileSync('bash', [join(projectRoot, 'scripts', 'install-vscode.sh'), '--print-dir'], { encoding: 'utf8' }).trim();
  if (!existsSync(join(dir, '.install-complete'))) {
    throw new Error(`code-server is not installed (no ${dir}/.install-complete). Run: bash scripts/install-vscode.sh`);
  }
  return dir;
}

/**
 * Makes `extensionsDir` hold this project as an installed extension (a symlink named like an unpacked
 * VSIX), so the workbench loads it the way a user's VS Code would, without the development-host banner.
 */
export function linkProjectAsInstalledExtension(extensionsDir) {
  const manifest = readManifest();
  mkdirSync(extensionsDir, { recursive: true });
  // Links (or installs) of other versions of this extension would compete with this one.
  for (const name of readdirSync(extensionsDir)) {
    if (name.startsWith(`${extensionId(manifest)}-`)) rmSync(join(extensionsDir, name), { recursive: true, force: true });
  }
  const link = join(extensionsDir, `${extensionId(manifest)}-${manifest.version}`);
  symlinkSync(projectRoot, link, 'dir');
  // VS Code keeps a list of installed extensions here; a stale one from an earlier version would hide the link.
  rmSync(join(extensionsDir, 'extensions.json'), { force: true });
  return link;
}

/**
 * Installs a packaged extension into `extensionsDir` the way a person does (`code --install-extension x.vsix`):
 * VS Code unpacks it, checks its manifest and records it in extensions.json. Resolves once the CLI exits.
 * @param {import('./processGroup.mjs').ProcessGroup} processes
 * @param {{ vsix: string, extensionsDir: string, userDataDir: string, logFile: string }} options
 */
export async function installExtensionPackage(processes, { vsix, extensionsDir, userDataDir, logFile }) {
  const entry = join(codeServerInstallDir(), 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  mkdirSync(extensionsDir, { recursive: true });
  const child = processes.start('code-server --install-extension', process.execPath,
    [entry, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix],
    { logFile, env: { ...cleanEnv(process.env), EXTENSIONS_GALLERY: OFFLINE_GALLERY } });
  const code = await new Promise((resolve) => {
    child.once('error', () => resolve(-1));
    child.once('exit', (status, signal) => resolve(status ?? signal));
  });
  if (code !== 0) throw new Error(`code-server --install-extension ${vsix} failed (${code})\n--- ${logFile} ---\n${tail(logFile)}`);
}

/**
 * @param {import('./processGroup.mjs').ProcessGroup} processes
 * @param {{ userDataDir: string, extensionsDir: string, workspace: string, logFile: string, port?: number,
 *           env?: Record<string, string>, settings?: Record<string, unknown> }} options
 *   The user's own settings in an existing user-data dir are kept; the ones above are set on top.
 * @returns {Promise<{ origin: string, port: number, workspace: string, userDataDir: string, logFile: string,
 *           child: import('node:child_process').ChildProcess }>}
 */
export async function startCodeServer(processes, options) {
  const installDir = codeServerInstallDir();
  const port = options.port ?? await freePort();
  const origin = `http://127.0.0.1:${port}`;
  mkdirSync(join(options.userDataDir, 'User'), { recursive: true });
  mkdirSync(options.extensionsDir, { recursive: true });
  const settingsFile = join(options.userDataDir, 'User', 'settings.json');
  writeFileSync(settingsFile, JSON.stringify({ ...readSettings(settingsFile), ...SETTINGS, ...options.settings }, null, 2));
  // Without --config code-server writes ~/.config/code-server/config.yaml with a generated password.
  const configFile = join(options.userDataDir, 'code-server.yaml');
  writeFileSync(configFile, 'auth: none\ncert: false\n');
  const args = [
    join(installDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    '--config', configFile,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', options.userDataDir,
    '--extensions-dir', options.extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--disable-proxy',
    '--ignore-last-opened',
    options.workspace,
  ];
  const child = processes.start('code-server', process.execPath, args, {
    logFile: options.logFile,
    cwd: options.workspace,
    env: { ...cleanEnv(process.env), EXTENSIONS_GALLERY: OFFLINE_GALLERY, ...options.env },
  });
  try {
    await waitFor(`code-server at ${origin}/healthz`, () => answers(`${origin}/healthz`),
      { timeoutMs: 60_000, failIf: exitedMessage('code-server', child) });
  } catch (error) {
    throw new Error(`${error.message}\n--- ${options.logFile} (last lines) ---\n${tail(options.logFile)}`);
  }
  return { origin, port, workspace: options.workspace, userDataDir: options.userDataDir, logFile: options.logFile, child };
}

/** The workbench with the run's workspace folder open. */
export function workbenchUrl(server) {
  return `${server.origin}/?folder=${encodeURIComponent(server.workspace)}`;
}

/**
 * The workbench loading `developmentPath` as an extension under development and running the test module
 * `testsPath` (its exported run()) in the extension host, as @vscode/test-web does.
 */
export function extensionTestsUrl(server, { developmentPath, testsPath }) {
  const remote = (path) => `vscode-remote://127.0.0.1:${server.port}${path}`;
  const payload = [['extensionDevelopmentPath', remote(developmentPath)], ['extensionTestsPath', remote(testsPath)]];
  return `${workbenchUrl(server)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** code-server's own log files under the user-data dir (remote agent, extension host, output channels). */
export function codeServerLogFiles(userDataDir) {
  const found = [];
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.log')) found.push(path);
    }
  };
  walk(join(userDataDir, 'logs'));
  return found;
}

/**
 * Prints the logs where an activation error or a test's console output shows up: the remote agent, the
 * extension host, and this extension's own output channels (not those of built-in extensions).
 */
export function printExtensionHostLogs(userDataDir, lines = 60) {
  const ours = `/${extensionId()}/`;
  const wanted = (file) => /\/(remoteagent|remoteexthost)\.log$/.test(file) || file.includes(ours);
  for (const file of codeServerLogFiles(userDataDir).filter(wanted)) {
    const text = tail(file, lines);
    if (text) console.error(`--- ${file} (last ${lines} lines) ---\n${text}`);
  }
}

// VS Code writes plain JSON here; a file a person edited with comments is replaced rather than misread.
function readSettings(file) {
  try {
    return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  } catch {
    return {};
  }
}

// Variables of a VS Code the launcher may itself run in (its terminal) would make code-server talk to that one.
function cleanEnv(env) {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !key.startsWith('VSCODE_') && key !== 'ELECTRON_RUN_AS_NODE'));
}
