// The emulator as the extension, the sandbox and the tests start it: GA 2019-11-20 and Alidns 2015-01-09 on
// one HTTP server bound to 127.0.0.1, with the named fixtures (contract: docs/ARCHITECTURE.md, src/emulator/api.ts).
import type { RunningEmulator, StartOptions } from './api';
import { dnsModule } from './dns';
import { startEmulatorWith } from './emulatorHost';
import { FIXTURES } from './fixtures';
import { gaModule } from './ga';

export function startEmulator(options: StartOptions = {}): Promise<RunningEmulator> {
  return startEmulatorWith({ modules: [gaModule, dnsModule], fixtures: FIXTURES }, options);
}
