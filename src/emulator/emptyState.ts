// A fresh account: no resources, but the service's own catalogue (acceleration regions with their IPv6 flag,
// from the GA module) in place, so the first request already sees what the real service offers.
import { emptyGaState } from './ga/gaState';
import type { EmulatorState } from './state';

export function createEmptyState(): EmulatorState {
  return { version: 1, ga: emptyGaState(), dns: { zones: {}, counters: {} } };
}
