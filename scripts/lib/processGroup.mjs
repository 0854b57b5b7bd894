// Child processes a launcher starts, each as the leader of its own process group, so that stopping it also
// stops what it started (code-server's extension host and file watcher, Chromium's helpers). Stopping is
// by PID only: never by name, never anything this launcher did not start.
import { spawn } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';

const STOP_GRACE_MS = 5000;

export class ProcessGroup {
  /** @type {{ name: string, child: import('node:child_process').ChildProcess, exited: Promise<void> }[]} */
  #members = [];
  #stopping;

  /**
   * Starts `command` in a new process group; its stdout and stderr go to `logFile` (keeps CI output readable;
   * the file is shown when something fails). Returns the child.
   */
  start(name, command, args, { logFile, env, cwd } = {}) {
    const fd = logFile ? openSync(logFile, 'a') : 'ignore';
    const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', fd, fd] });
    if (typeof fd === 'number') closeSync(fd);
    const exited = new Promise((resolve) => child.once('exit', () => resolve()));
    child.once('error', (error) => console.error(`[harness] could not start ${name}: ${error.message}`));
    this.#members.push({ name, child, exited });
    return child;
  }

  /** Stops every group: SIGTERM, then SIGKILL for whatever is left after a grace period. Safe to call twice. */
  stopAll() {
    this.#stopping ??= Promise.all(this.#members.reverse().map((m) => stopGroup(m))).then(() => undefined);
    return this.#stopping;
  }

  /** Last resort when the launcher itself exits abruptly: synchronous SIGKILL of every group. */
  killAllNow() {
    for (const { child } of this.#members) signalGroup(child.pid, 'SIGKILL');
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

async function stopGroup({ child, exited }) {
  if (child.pid === undefined) return;
  signalGroup(child.pid, 'SIGTERM');
  let timer;
  const grace = new Promise((resolve) => (timer = setTimeout(resolve, STOP_GRACE_MS)));
  await Promise.race([exited, grace]);
  clearTimeout(timer);
  // The leader may be gone while helpers it started still run in its group.
  signalGroup(child.pid, 'SIGKILL');
}

function signalGroup(pid, signal) {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if (error.code !== 'ESRCH') throw error;
  }
}
