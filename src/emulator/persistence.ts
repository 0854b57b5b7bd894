// --state-file: the emulator's state survives restarts. Loaded once at start; saved after changes, debounced,
// and atomically (write a temporary file, then rename over the old one), so a crash never leaves half a file.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
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

export class StateFileWriter {
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private pending: (() => EmulatorState) | undefined;

  constructor(
    private readonly path: string,
    private readonly debounceMs = 100,
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  /** Saves soon; several changes in a burst give one write of the latest state. */
  schedule(getState: () => EmulatorState): void {
    this.pending = getState;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.writeNow();
    }, this.debounceMs);
    this.timer.unref();
  }

  /** Writes any pending change now and waits until everything is on disk. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    await this.writeNow();
  }

  private writeNow(): Promise<void> {
    const getState = this.pending;
    this.pending = undefined;
    if (!getState) return this.writing;
    const json = `${JSON.stringify(getState(), null, 1)}\n`;
    // Writes are chained so an older state can never land after a newer one.
    this.writing = this.writing.then(() => this.writeAtomically(json));
    return this.writing;
  }

  private async writeAtomically(json: string): Promise<void> {
    const tmp = `${this.path}.${process.pid}.tmp`;
    try {
      await mkdir(dirname(this.path), { recursive: true });
      await writeFile(tmp, json, 'utf8');
      await rename(tmp, this.path);
    } catch (e) {
      this.log(`could not save the state file ${this.path}: ${(e as Error).message}`);
    }
  }
}
