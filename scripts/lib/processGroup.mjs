// Child processes a launcher starts, each as the leader of its own process group, so that stopping it also
// stops what it started (code-server's extension host and file watcher, Chromium's helpers). Stopping is
// by PID only: never by name, never anything this launcher did not start.
import { spawn } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';

const STOP_GRACE_MS = 5000;

export class ProcessGroup {
  /** @type {{ name: string, pid: number | undefined, exited: Promise<void> }[]} */
  #members = [];
  #stopping;

  /**
   * Starts `command` in a new process group. Its stdout and stderr go to `logFile` (keeps CI output readable;
   * the file is shown when something fails), or to this process's with `inheritOutput`. Returns the child.
   */
  start(name, command, args, { logFile, inheritOutput = false, env, cwd } = {}) {
    const fd = logFile ? openSync(logFile, 'a') : inheritOutput ? 'inherit' : 'ignore';
    const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', fd, fd] });
    if (typeof fd === 'number') closeSync(fd);
    const exited = new Promise((resolve) => child.once('exit', () => resolve()));
    child.once('error', (error) => console.error(`[harness] could not start ${name}: ${error.message}`));
    this.#members.push({ name, pid: child.pid, exited });
    return child;
  }

  /** Takes charge of a process group someone else started (e.g. Chromium, which test/e2e/browser.ts spawns). */
  adopt(name, pid) {
    this.#members.push({ name, pid, exited: groupGone(pid) });
  }

  /** True once stopAll() has begun (e.g. after Ctrl-C): a child exiting now is expected, not news. */
  get isStopping() {
    return this.#stopping !== undefined;
  }

  /** Stops every group: SIGTERM, then SIGKILL for whatever is left after a grace period. Safe to call twice. */
  stopAll() {
    this.#stopping ??= Promise.all(this.#members.reverse().map((m) => stopGroup(m))).then(() => undefined);
    return this.#stopping;
  }

  /** Last resort when the launcher itself exits abruptly: synchronous SIGKILL of every group. */
  killAllNow() {
    for (const { pid } of this.#members) signalGroup(pid, 'SIGKILL');
  }

  /**
   * Ctrl-C, a CI cancel (SIGTERM) or a closed terminal stop everything before the launcher exits.
   * `onStop` runs after the children are gone (e.g. to print where logs are).
   */
  stopOnSignals(onStop = () => {}) {
    const handler = async (signal) => {
      console.error(`\n[harness] ${signal}: stopping everything this run started…`);
      await this.stopAll();
      onStop();
      process.exit(signal === 'SIGINT' ? 130 : 143);
    };
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(signal, handler);
    process.once('exit', () => this.killAllNow());
  }
}

async function stopGroup({ pid, exited }) {
  if (pid === undefined) return;
  signalGroup(pid, 'SIGTERM');
  let timer;
  const grace = new Promise((resolve) => (timer = setTimeout(resolve, STOP_GRACE_MS)));
  await Promise.race([exited, grace]);
  clearTimeout(timer);
  // The leader may be gone while helpers it started still run in its group.
  signalGroup(pid, 'SIGKILL');
}

/**
 * Resolves once no process of group `pid` is left (for groups this process did not spawn), or after the grace
 * period: zombies nobody reaps would otherwise keep the group "alive" forever.
 */
async function groupGone(pid) {
  const deadline = Date.now() + STOP_GRACE_MS;
  while (Date.now() < deadline) {
    try {
      process.kill(-pid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function signalGroup(pid, signal) {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if (error.code !== 'ESRCH') throw error;
  }
}
