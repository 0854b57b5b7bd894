// --state-file: the emulator's state survives restarts, kill -9 included. Loaded once at start; saved after
// every change, before the change is answered, atomically (temporary file, fsync, rename), so neither a crash
// nor a power loss leaves half a file or loses an acknowledged write.
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createEmptyState } from './emptyState';
import type { EmulatorState } from './state';

/** Reads a state file; undefined when it does not exist. Throws an Error saying how to fix a bad file. */
export function loadStateFile(path: string): EmulatorState | undefined {
  if (!existsSync(path)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`The state file ${path} is not valid JSON (${(e as Error).message}); fix it, or delete it to start from the seed fixture.`);
  }
  const loaded = parsed as Partial<EmulatorState> | null;
  if (loaded === null || typeof loaded !== 'object' || loaded.version !== 1) {
    throw new Error(`The state file ${path} is not an emulator state of version 1; delete it to start from the seed fixture.`);
  }
  // Fields added to the state after the file was written start empty.
  const empty = createEmptyState();
  return { ...empty, ...loaded, ga: { ...empty.ga, ...loaded.ga }, dns: { ...empty.dns, ...loaded.dns } };
}

/**
 * Saves the state on every change, durably, before the change is answered: the JSON goes to a temporary file
 * beside the state file, is flushed to the disk (fsync), and replaces the state file by rename, whose directory
 * entry is flushed too. A crash (kill -9, power loss) leaves either the old file or the new one, never half of
 * one, and never loses a change a client was told about.
 */
export class StateFileWriter {
  private readonly temporary: string;

  constructor(
    private readonly path: string,
    private readonly log: (line: string) => void = () => undefined,
  ) {
    this.temporary = `${path}.${process.pid}.tmp`;
  }

  /** Synchronous on purpose: the caller answers the request that made the change only after this returns. */
  write(state: EmulatorState): void {
    try {
      mkdirSync(dirname(this.path), { recursive: true });
      const fd = openSync(this.temporary, 'w');
      try {
        writeSync(fd, `${JSON.stringify(state, null, 1)}\n`);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(this.temporary, this.path);
      syncDirectory(dirname(this.path));
    } catch (e) {
      this.log(`could not save the state file ${this.path}: ${(e as Error).message}; the change is kept in memory only`);
      rmSync(this.temporary, { force: true });
    }
  }
}

/** Makes a rename durable; some file systems refuse to open a directory for fsync, where rename is durable anyway. */
function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // best effort (see above)
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Removes `<state file>.<pid>.tmp` files that an emulator killed mid-write left behind (a live process's own
 * file, another emulator writing the same state file right now, is left alone). Returns the names removed.
 */
export function removeStaleTemporaries(path: string, log: (line: string) => void = () => undefined): string[] {
  const dir = dirname(path);
  const pattern = new RegExp(`^${escapeRegExp(basename(path))}\\.(\\d+)\\.tmp$`);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed = names.filter((name) => {
    const pid = Number(pattern.exec(name)?.[1] ?? NaN);
    return Number.isInteger(pid) && (pid === process.pid || !isRunning(pid));
  });
  for (const name of removed) {
    rmSync(join(dir, name), { force: true });
    log(`removed ${join(dir, name)}, a temporary file left by an emulator that stopped while saving`);
  }
  return removed;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
