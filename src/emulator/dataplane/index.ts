// STUB (to be replaced by the data-plane implementation): IPv6 → IPv4 forwarding for active
// ip set + listener + endpoint group combinations of the emulator's state.
import type { RunningEmulator } from '../api';

export interface DataPlaneOptions {
  allowLoopbackEndpoints: boolean;
  log?: (line: string) => void;
}

export interface RunningDataPlane {
  stop(): Promise<void>;
}

export async function startDataPlane(_emulator: RunningEmulator, _options: DataPlaneOptions): Promise<RunningDataPlane> {
  return { stop: async () => undefined };
}
