// Headless Chromium (Debian's) driven by playwright-core, for the UI journeys and, via out/test/e2e/browser.js,
// for scripts/run-extension-tests.mjs: one place for the flags.
//
// Chromium is started here rather than by chromium.launch(), which puts it in a process group of its own:
// a journey process killed by its launcher (Ctrl-C, CI cancel, timeout) would leave that browser running.
// Started as a plain child, it shares the process group the launcher stops; with `ownProcessGroup` it leads
// a group of its own that the caller stops by PID.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.GA_CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--disable-breakpad',
  '--disable-crash-reporter',
  '--no-first-run',
  '--no-default-browser-check',
  // The workbench is served from loopback; nothing else may be resolved, so nothing else can be reached.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
];

const STARTUP_TIMEOUT_MS = 30_000;

export interface RunningBrowser {
  browser: Browser;
  /** The Chromium main process (a process-group leader with `ownProcessGroup`). */
  pid: number;
  /** Disconnects, stops Chromium and removes its profile. */
  close(): Promise<void>;
}

/** Where Chromium profiles go: the launchers point this into their run folder, so a killed run leaves nothing in /tmp. */
export const PROFILES_DIR_ENV = 'GA_CHROMIUM_PROFILES_DIR';

export async function launchBrowser({ ownProcessGroup = false } = {}): Promise<RunningBrowser> {
  const parent = process.env[PROFILES_DIR_ENV] ?? tmpdir();
  mkdirSync(parent, { recursive: true });
  const profile = mkdtempSync(join(parent, 'chromium-'));
  const child = spawn(CHROMIUM_PATH, [...CHROMIUM_ARGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'], {
    detached: ownProcessGroup,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const running = (): boolean => child.exitCode === null && child.signalCode === null;
  const stop = async (): Promise<void> => {
    if (running()) {
      child.kill('SIGTERM');
      await exited;
    }
    // Helpers may still be writing while they shut down; a leftover profile is removed with the run folder.
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    } catch {
      // nothing to do: see above
    }
  };
  try {
    const endpoint = await devToolsEndpoint(child);
    const browser = await chromium.connectOverCDP(endpoint);
    return {
      browser,
      pid: child.pid as number,
      close: async () => {
        // Browser.close lets Chromium shut its helpers down in order; disconnecting alone would leave it running.
        const session = await browser.newBrowserCDPSession().catch(() => undefined);
        await session?.send('Browser.close').catch(() => undefined);
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
        await browser.close().catch(() => undefined);
        await stop();
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Chromium prints `DevTools listening on ws://…` on stderr once it accepts a debugger. */
function devToolsEndpoint(child: ReturnType<typeof spawn>): Promise<string> {
  return new Promise((resolve, reject) => {
    let stderr = '';
    const timer = setTimeout(() => fail(`did not start within ${STARTUP_TIMEOUT_MS / 1000}s`), STARTUP_TIMEOUT_MS);
    const fail = (why: string): void => {
      clearTimeout(timer);
      reject(new Error(`Chromium (${CHROMIUM_PATH}) ${why}. Install it with scripts/install-vscode.sh or set GA_CHROMIUM_PATH.\n${stderr.slice(-2000)}`));
    };
    child.once('error', (error) => fail(`could not be started: ${error.message}`));
    child.once('exit', (code, signal) => fail(`exited (${signal ?? `code ${code}`}) before it was ready`));
    child.stderr?.on('data', (chunk: Buffer) => {
      // Keep draining stderr for the browser's lifetime (a full pipe would block it), but keep only the start.
      if (stderr.length > 20_000) return;
      stderr += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(stderr);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
  });
}
